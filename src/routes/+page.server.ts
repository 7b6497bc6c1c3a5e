import { homeView } from '$lib/server/home-view';
import { serverOnly } from '$lib/ssr/server-only';
import type { PageServerLoad } from './$types';

// Rendered on the server only: the map and the list–map link come from a small island script
// (src/lib/client/enhance.ts), so the page carries no framework JavaScript.
export const csr = false;

// The view is cached per directory version, filters and minute (src/lib/server/home-view.ts),
// and wrapped so SvelteKit does not serialise it for a hydration that never happens.
export const load: PageServerLoad = async ({ url }) => ({ view: serverOnly(await homeView(url)) });
