import { filteredSearch, flatOffers, offerJson } from '$lib/server/api/offers';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url }) => {
	const search = await filteredSearch(url, { paging: false });
	if (!search.ok) return search.response;
	const features = flatOffers(search.result.places).map(({ place, offer }) => ({
		type: 'Feature' as const,
		id: offer.id,
		geometry: { type: 'Point' as const, coordinates: [place.lon, place.lat] },
		properties: offerJson(offer, place, url.origin)
	}));
	return new Response(JSON.stringify({ type: 'FeatureCollection', total: features.length, features }), {
		headers: {
			'Content-Type': 'application/geo+json; charset=utf-8',
			'Access-Control-Allow-Origin': '*',
			'Cache-Control': 'no-cache'
		}
	});
};
