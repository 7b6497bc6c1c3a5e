import { offerLevel } from '$lib/domain/catalogue';
import { LEVEL_INFO } from '$lib/domain/levels';
import { flatOffers, JSON_HEADERS, parseApiFilters } from '$lib/server/api/offers';
import { cachedResponse } from '$lib/server/api/response-cache';
import type { RequestHandler } from './$types';

/** One point per offer, with the properties a map needs; the full record is in /api/v1/offers. */
export const GET: RequestHandler = async ({ url, request }) => {
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
						address: place.address,
						level: offer.level,
						level_rank: LEVEL_INFO[level].rank,
						level_label: LEVEL_INFO[level].label,
						level_inferred: offer.levelInferred,
						themes: offer.themes,
						fees: offer.fees,
						hours: offer.hours,
						status: offer.status,
						iris: place.iris?.code ?? null,
						qpv: place.qpv?.code ?? null,
						url: `${url.origin}/lieux/${place.id}`
					}
				};
			});
			return JSON.stringify({ type: 'FeatureCollection', total: features.length, features });
		},
		{ 'Content-Type': 'application/geo+json; charset=utf-8', ...JSON_HEADERS }
	);
};
