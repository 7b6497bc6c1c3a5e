import { offerLevel } from '$lib/domain/catalogue';
import { LEVEL_INFO } from '$lib/domain/levels';
import { flatOffers, JSON_HEADERS, parseApiFilters } from '$lib/server/api/offers';
import { cachedResponse } from '$lib/server/api/response-cache';
import type { RequestHandler } from './$types';

/**
 * One point per offer with what a map needs to draw and filter it; the full record (hours, fees,
 * contact, flags) is in /api/v1/offers. Kept small: at 10,000 offers this is the bulk download.
 */
export const GET: RequestHandler = async ({ url, request }) => {
	const started = performance.now();
	const parsed = await parseApiFilters(url, { paging: false });
	if (!parsed.ok) return parsed.response;
	return cachedResponse(
		request,
		parsed.cacheKey,
		() => {
			const features = flatOffers(parsed.search().places).map(({ place, offer }) => {
				const level = offerLevel(offer);
				return {
					type: 'Feature',
					id: offer.id,
					geometry: { type: 'Point', coordinates: [place.lon, place.lat] },
					properties: {
						id: offer.id,
						place_id: place.id,
						name: place.name,
						level: offer.level,
						level_rank: LEVEL_INFO[level].rank,
						level_inferred: offer.levelInferred,
						themes: offer.themes,
						free: offer.fees.includes('Gratuit'),
						iris: place.iris?.code ?? null,
						url: `${url.origin}/lieux/${place.id}`
					}
				};
			});
			return JSON.stringify({ type: 'FeatureCollection', total: features.length, features });
		},
		{ 'Content-Type': 'application/geo+json; charset=utf-8', ...JSON_HEADERS },
		started
	);
};
