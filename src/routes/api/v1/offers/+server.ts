import { json } from '@sveltejs/kit';
import { filteredSearch, flatOffers, offerJson } from '$lib/server/api/offers';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url }) => {
	const search = await filteredSearch(url, { paging: true });
	if (!search.ok) return search.response;
	const { result, paging } = search;
	const all = flatOffers(result.places);
	const page = all.slice(paging.offset, paging.offset + paging.limit);
	return json(
		{
			total: all.length,
			limit: paging.limit,
			offset: paging.offset,
			level_counts: result.levelCounts,
			offers: page.map(({ place, offer }) => offerJson(offer, place, url.origin))
		},
		{ headers: { 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'no-cache' } }
	);
};
