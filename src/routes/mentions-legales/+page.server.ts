import { config } from '$lib/server/config';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => ({ legal: config.legal, origin: url.origin });
