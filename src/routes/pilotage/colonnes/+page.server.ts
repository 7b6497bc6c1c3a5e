import { csvColumnsTable } from '$lib/server/pilotage/tables';
import { light } from '$lib/server/pilotage/light';
import type { PageServerLoad } from './$types';

/** The exports' documentation, on its own page: 43 KB that /pilotage no longer carries. */
export const load: PageServerLoad = () => ({ columns: light(csvColumnsTable()) });
