import { isNetworkTheme, NETWORK_THEMES } from '$lib/domain/network/themes';
import { database } from '$lib/server/db';
import * as resources from '$lib/server/db/queries/network-resources';
import { searchResources } from '$lib/server/network/resources';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const typedTheme = url.searchParams.get('theme') ?? '';
	const theme = isNetworkTheme(typedTheme) ? typedTheme : null;
	const q = (url.searchParams.get('q') ?? '').slice(0, 200);
	const all = await resources.all(database().db);
	return { themes: NETWORK_THEMES, theme, q, total: all.length, found: searchResources(all, { theme, q }) };
};
