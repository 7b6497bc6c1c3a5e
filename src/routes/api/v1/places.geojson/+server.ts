import { placeRanks } from '$lib/domain/levels';
import { JSON_HEADERS, parseApiFilters } from '$lib/server/api/offers';
import { cachedResponse } from '$lib/server/api/response-cache';
import type { RequestHandler } from './$types';

/**
 * One point per place with the levels of its matching offers: what the map draws. Kept out of
 * the page's HTML so the list renders fast even with thousands of places.
 */
export const GET: RequestHandler = async ({ url, request }) => {
	const started = performance.now();
	const parsed = await parseApiFilters(url, { paging: false });
	if (!parsed.ok) return parsed.response;
	return cachedResponse(
		request,
		parsed.cacheKey,
		() => {
			const features = parsed.search().places.map(({ place, offers }) => ({
				type: 'Feature',
				id: place.id,
				geometry: { type: 'Point', coordinates: [place.lon, place.lat] },
				properties: {
					id: place.id,
					name: place.name,
					ranks: placeRanks(offers),
					href: `/lieux/${place.id}`
				}
			}));
			return JSON.stringify({ type: 'FeatureCollection', total: features.length, features });
		},
		{ 'Content-Type': 'application/geo+json; charset=utf-8', ...JSON_HEADERS },
		started
	);
};
