import { indicatorsGeoJson } from '$lib/server/pilotage/csv';
import { pilotageAreas, pilotageIndicators, unmetDemand } from '$lib/server/pilotage/data';
import type { RequestHandler } from './$types';

/** The CSV's rows as GeoJSON features, the area's polygon as geometry. */
export const GET: RequestHandler = async () => {
	const { result } = await pilotageIndicators();
	const collection = indicatorsGeoJson(result, await unmetDemand(), await pilotageAreas(), result.computedAt);
	return new Response(JSON.stringify(collection), {
		headers: {
			'Content-Type': 'application/geo+json; charset=utf-8',
			'Content-Disposition': `attachment; filename="roubaix-indicateurs-inclusion-numerique-${result.computedAt.slice(0, 10)}.geojson"`,
			'Cache-Control': 'no-cache'
		}
	});
};
