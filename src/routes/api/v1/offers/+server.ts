import { flatOffers, JSON_HEADERS, offerJson, parseApiFilters } from '$lib/server/api/offers';
import { cachedResponse } from '$lib/server/api/response-cache';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url, request }) => {
	const started = performance.now();
	const parsed = await parseApiFilters(url, { paging: true });
	if (!parsed.ok) return parsed.response;
	const { limit, offset } = parsed.paging;
	return cachedResponse(
		request,
		parsed.cacheKey,
		() => {
			const result = parsed.search();
			const all = flatOffers(result.places);
			return JSON.stringify({
				total: all.length,
				limit,
				offset,
				level_counts: result.levelCounts,
				offers: all.slice(offset, offset + limit).map(({ place, offer }) => offerJson(offer, place, url.origin))
			});
		},
		{ 'Content-Type': 'application/json; charset=utf-8', ...JSON_HEADERS },
		started
	);
};
