import type { MultiPolygon, Polygon } from 'geojson';
import { pilotageAreas, pilotageDistance, pilotageIndicators, unmetDemand } from '$lib/server/pilotage/data';
import { choroplethSvg, distanceSvg, type MapFocus } from '$lib/server/pilotage/maps';
import { DEFAULT_MAP_INDICATOR, mapIndicator } from '$lib/server/pilotage/map-indicators';
import { levelFromParam } from '$lib/server/pilotage/params';
import type { RequestHandler } from './$types';

/**
 * The planners' maps as SVG, drawn on the server: the map without JavaScript or WebGL, and the
 * printed report's. `?indicateur=…` (choropleth of the IRIS), or `?distance=N` (walking minutes
 * to the nearest level-N offer); `&zone=qpv:CODE` centres the view on an area. An unknown value
 * falls back to the default map, and the image's description says so: an image has no page to
 * print a message on, and must never be a broken image.
 */
export const GET: RequestHandler = async ({ url }) => {
	const { input, result } = await pilotageIndicators();
	const areas = await pilotageAreas();
	const notices: string[] = [];

	let focus: MapFocus | null = null;
	const zone = url.searchParams.get('zone');
	if (zone) {
		const [kind, code] = zone.split(':');
		const feature = areas.features.find((f) => {
			const p = f.properties as { code?: string; kind?: string };
			return p.kind === kind && p.code === code;
		});
		if (feature) focus = { name: String((feature.properties as { name?: string }).name ?? code), geometry: feature.geometry as Polygon | MultiPolygon };
		else notices.push(`Zone inconnue : « ${zone.slice(0, 60)} » ; toute la commune est montrée.`);
	}

	let svg: string;
	const distance = url.searchParams.get('distance');
	if (distance !== null) {
		let level = levelFromParam(distance);
		if (!level) {
			notices.push(`Niveau inconnu : « ${distance.slice(0, 60)} » ; le niveau 4 est montré.`);
			level = 'reinforced';
		}
		svg = distanceSvg(input, areas, await pilotageDistance(level), notices.join(' ') || null);
	} else {
		const raw = url.searchParams.get('indicateur');
		let indicator = mapIndicator(raw);
		if (!indicator) {
			if (raw) notices.push(`Indicateur inconnu : « ${raw.slice(0, 60)} » ; la couverture à 15 min du niveau 4 est montrée.`);
			indicator = mapIndicator(DEFAULT_MAP_INDICATOR)!;
		}
		svg = choroplethSvg(input, result, await unmetDemand(), areas, indicator, focus, notices.join(' ') || null);
	}
	return new Response(svg, { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8', 'Cache-Control': 'no-cache' } });
};
