import type { MultiPolygon, Polygon } from 'geojson';
import { computeBbox } from '$lib/domain/geography';
import { z } from 'zod';
import { LEVEL_INFO } from '$lib/domain/levels';
import { loadCatalogue } from '$lib/server/catalogue';
import { database } from '$lib/server/db';
import { pilotageAreas, pilotageIndicators } from '$lib/server/pilotage/data';
import { renderChoroplethSvg } from '$lib/server/pilotage/choropleth-svg';
import { nearestOffersToZone } from '$lib/server/pilotage/gap-offers';
import { levelFromParam } from '$lib/server/pilotage/params';
import type { PageServerLoad } from './$types';

/**
 * « Voir sur la carte » from a gap: the zone outlined and zoomed, with the offers of the missing
 * level nearest to it and their walking time to the zone (the directory filtered on the zone and
 * the level shows « 0 lieu » by construction). A server-drawn SVG and a table: works without JS.
 */
const NEAREST = 5;
const query = z.object({ zone: z.string().trim().max(80).regex(/^(iris|qpv):[A-Za-z0-9]+$/), niveau: z.string().trim().max(20) });

export const load: PageServerLoad = async ({ url }) => {
	const parsed = query.safeParse({ zone: url.searchParams.get('zone') ?? '', niveau: url.searchParams.get('niveau') ?? '' });
	const level = parsed.success ? levelFromParam(parsed.data.niveau) : undefined;
	const { result, gaps } = await pilotageIndicators();
	const area = parsed.success ? result.areas.find((a) => a.key === parsed.data.zone) : undefined;
	const areas = await pilotageAreas();
	const feature = area && areas.features.find((f) => (f.properties as { kind?: string; code?: string }).kind === area.kind && (f.properties as { code?: string }).code === area.code);
	if (!area || !level || !feature) {
		return {
			error: `Manque introuvable : indiquez une IRIS ou un QPV de Roubaix (zone=iris:… ou qpv:…) et un niveau de 1 à 4, comme dans la liste des manques.`,
			view: null
		};
	}
	const geometry = feature.geometry as Polygon | MultiPolygon;
	const catalogue = await loadCatalogue(database());
	const near = nearestOffersToZone(catalogue.places, geometry, level, new Date(result.computedAt), NEAREST);
	const info = LEVEL_INFO[level];
	const lons = [...near.map((n) => n.place.lon)];
	const lats = [...near.map((n) => n.place.lat)];
	const box = computeBbox(geometry);
	const frame: [number, number, number, number] = [Math.min(box[0], ...lons), Math.min(box[1], ...lats), Math.max(box[2], ...lons), Math.max(box[3], ...lats)];
	const gap = gaps.entries.find((e) => e.areaKey === area.key && e.level === level) ?? null;
	const title = `${area.name} : les offres de niveau ${info.rank} les plus proches`;
	const svg = renderChoroplethSvg({
		areas,
		title,
		description: `${area.name} est entouré d'un trait épais ; les ${near.length} lieux avec une offre de niveau ${info.rank} les plus proches sont des ronds numérotés dans l'ordre du tableau, reliés en pointillés au bord de la zone. ${near.map((n, i) => `${i + 1}. ${n.place.name} : ${n.minutes} min`).join(' ; ')}.`,
		legendTitle: `Rond numéroté : lieu avec une offre de niveau ${info.rank} (${info.label}), dans l'ordre du tableau`,
		legend: [{ colour: info.colour, label: `Offre de niveau ${info.rank}` }],
		focus: geometry,
		frame,
		markers: near.map((n, i) => ({ lon: n.place.lon, lat: n.place.lat, label: String(i + 1), colour: info.colour, to: n.to }))
	});
	return {
		error: null,
		view: {
			title,
			zone: { name: area.name, kind: area.kind === 'qpv' ? 'quartier prioritaire (QPV)' : 'IRIS', href: `/pilotage?zone=${encodeURIComponent(area.key)}#zone` },
			level: { rank: info.rank, label: info.label },
			gap: gap ? { rank: gap.rank, explanation: gap.explanation } : null,
			svg,
			offers: near.map((n, i) => ({ n: i + 1, id: n.place.id, name: n.place.name, address: n.place.address, minutes: n.minutes }))
		}
	};
};
