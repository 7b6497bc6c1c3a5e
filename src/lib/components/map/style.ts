/**
 * The offline map style: sources, layers and the QPV hatch image, built from plain data.
 * Pure module (only *type* imports from maplibre-gl), so it can be unit-tested and does not pull
 * MapLibre into any bundle by itself. The component owns the lifecycle; this file owns the look.
 */
import type {
	ExpressionSpecification,
	FilterSpecification,
	GeoJSONSourceSpecification,
	LayerSpecification,
	StyleSpecification
} from 'maplibre-gl';
import type { Feature, FeatureCollection, Point } from 'geojson';
import { LEVEL_INFO } from '$lib/domain/levels';

export interface MapPoint {
	id: number;
	name: string;
	lon: number;
	lat: number;
	/** Distinct level ranks of the place's matching offers, ascending; 0 = « niveau à préciser ». */
	ranks: number[];
	/** The place's page. */
	href: string;
}

/** Properties carried by each point feature (and therefore by cluster leaves). */
export interface PointProperties {
	id: number;
	name: string;
	href: string;
	/** Highest rank, which gives the colour. */
	rank: number;
	/** Rank numbers as drawn on the marker: "2 3", or "?" for « niveau à préciser ». */
	label: string;
	/** The same in words, for popups: "Niveaux 2, 3". */
	levels: string;
}

export const SOURCE = { areas: 'areas', streets: 'streets', points: 'points' } as const;

/** Layer ids, bottom to top. Tests query rendered features by these ids. */
export const LAYER = {
	background: 'background',
	communeFill: 'commune-fill',
	qpvHatch: 'qpv-hatch',
	streets: 'streets',
	irisLine: 'iris-line',
	grandQuartierLine: 'grand-quartier-line',
	qpvLine: 'qpv-line',
	communeLine: 'commune-line',
	streetLabel: 'street-label',
	irisLabel: 'iris-label',
	clusters: 'clusters',
	clusterCount: 'cluster-count',
	pointHover: 'point-hover',
	pointSelected: 'point-selected',
	points: 'points',
	pointLabel: 'point-label'
} as const;

export const QPV_HATCH_IMAGE = 'qpv-hatch';
export const FONT = 'Noto Sans Regular';
export const GLYPHS_URL = '/glyphs/{fontstack}/{range}.pbf';

/** Roubaix's bounding box (commune polygon), as [[west, south], [east, north]]. */
export const ROUBAIX_BOUNDS: [[number, number], [number, number]] = [
	[3.151, 50.669],
	[3.218, 50.71]
];
/** Panning limit: the commune plus a margin, so the neighbouring streets stay in view. */
export const MAX_BOUNDS: [[number, number], [number, number]] = [
	[3.09, 50.645],
	[3.28, 50.735]
];

export const MAX_ZOOM = 19;
/**
 * Clusters are computed up to the map's max zoom, so places at the same address stay one cluster
 * however far one zooms in (clicking such a cluster lists them). MapLibre wants the source's
 * maxzoom above clusterMaxZoom, hence POINTS_SOURCE_MAX_ZOOM.
 */
export const CLUSTER_MAX_ZOOM = MAX_ZOOM;
export const POINTS_SOURCE_MAX_ZOOM = MAX_ZOOM + 1;
export const CLUSTER_RADIUS = 40;

export const ATTRIBUTION = [
	'IGN/INSEE (IRIS)',
	'ANCT (QPV)',
	'Ville de Roubaix/MEL (voies)'
] as const;

import { COLOURS } from './colours';

export { COLOURS };

const RANK_ORDER = Object.values(LEVEL_INFO).sort((a, b) => a.rank - b.rank);

/** Marker colour for a rank (0 = « niveau à préciser »); unknown ranks fall back to rank 0's. */
export function rankColour(rank: number): string {
	return (RANK_ORDER.find((l) => l.rank === rank) ?? LEVEL_INFO.unknown).colour;
}

export function rankInk(rank: number): string {
	return (RANK_ORDER.find((l) => l.rank === rank) ?? LEVEL_INFO.unknown).ink;
}

/** Text drawn on a marker so colour is never the only cue: "2 3", "?" when nothing is known. */
export function ranksLabel(ranks: readonly number[]): string {
	const known = [...new Set(ranks.filter((r) => r > 0))].sort((a, b) => a - b);
	return known.length > 0 ? known.join(' ') : '?';
}

/** Highest rank of a place (0 when none is known). */
export function topRank(ranks: readonly number[]): number {
	return ranks.reduce((max, r) => (r > max ? r : max), 0);
}

/** French wording of a place's ranks, for popups and titles. */
export function ranksText(ranks: readonly number[]): string {
	const known = [...new Set(ranks.filter((r) => r > 0))].sort((a, b) => a - b);
	if (known.length === 0) return 'Niveau à préciser';
	const more = ranks.includes(0) ? ' (et niveau à préciser)' : '';
	return (known.length === 1 ? `Niveau ${known[0]}` : `Niveaux ${known.join(', ')}`) + more;
}

/**
 * Plain GeoJSON for the points source. Copies every value so the result can be posted to the
 * worker even when `points` is a Svelte state proxy (proxies cannot be structured-cloned).
 */
export function pointsToGeoJSON(
	points: readonly MapPoint[]
): FeatureCollection<Point, PointProperties> {
	const features: Feature<Point, PointProperties>[] = [];
	for (const p of points) {
		if (!Number.isFinite(p.lon) || !Number.isFinite(p.lat)) continue;
		features.push({
			type: 'Feature',
			id: p.id,
			geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
			properties: {
				id: p.id,
				name: p.name,
				href: p.href,
				rank: topRank(p.ranks),
				label: ranksLabel(p.ranks),
				levels: ranksText(p.ranks)
			}
		});
	}
	return { type: 'FeatureCollection', features };
}

/** `match` expression from a feature's `rank` to its level colour. */
export function rankColourExpression(): ExpressionSpecification {
	const pairs = RANK_ORDER.filter((l) => l.rank > 0).flatMap((l) => [l.rank, l.colour]);
	return ['match', ['get', 'rank'], ...pairs, LEVEL_INFO.unknown.colour] as unknown as ExpressionSpecification;
}

/** `match` expression from `rank` to the text colour that reaches 4.5:1 on the marker. */
export function rankInkExpression(): ExpressionSpecification {
	const pairs = RANK_ORDER.filter((l) => l.rank > 0).flatMap((l) => [l.rank, l.ink]);
	return ['match', ['get', 'rank'], ...pairs, LEVEL_INFO.unknown.ink] as unknown as ExpressionSpecification;
}

/**
 * A tileable diagonal-hatch RGBA image for `fill-pattern` (the raw equivalent of a canvas
 * ImageData, so it can be built and tested without a DOM). Lines run bottom-left to top-right.
 */
export function hatchImage(
	size = 8,
	colour: string = COLOURS.qpvHatch,
	alpha = 200,
	lineWidth = 1.5
): { width: number; height: number; data: Uint8Array } {
	const [r, g, b] = hexToRgb(colour);
	const data = new Uint8Array(size * size * 4);
	for (let y = 0; y < size; y++) {
		for (let x = 0; x < size; x++) {
			// Distance (in pixels along x) to the nearest line x + y ≡ 0 (mod size): wraps cleanly.
			const d = (x + y + 0.5) % size;
			const dist = Math.min(d, size - d);
			const coverage = Math.max(0, Math.min(1, lineWidth / 2 + 0.5 - dist));
			const i = (y * size + x) * 4;
			data[i] = r;
			data[i + 1] = g;
			data[i + 2] = b;
			data[i + 3] = Math.round(alpha * coverage);
		}
	}
	return { width: size, height: size, data };
}

function hexToRgb(hex: string): [number, number, number] {
	const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
	if (!m) throw new Error(`Not a #rrggbb colour: ${hex}`);
	return [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)];
}

const kindIs = (kind: string): FilterSpecification => ['==', ['get', 'kind'], kind];
const notCluster: ExpressionSpecification = ['!', ['has', 'point_count']];
/** A filter that matches no point; the highlight layers start with it. */
export const NO_POINT = -1;

/** Filter of a highlight layer for one place id (or none). */
export function highlightFilter(id: number | null | undefined): FilterSpecification {
	return ['all', notCluster, ['==', ['get', 'id'], id ?? NO_POINT]];
}

export interface OverlayOptions {
	areasUrl: string;
	streetsUrl: string;
	points: readonly MapPoint[];
	/** False on top of a remote style that already draws streets. */
	withStreets?: boolean;
}

export function overlaySources(opts: OverlayOptions): Record<string, GeoJSONSourceSpecification> {
	const sources: Record<string, GeoJSONSourceSpecification> = {
		[SOURCE.areas]: { type: 'geojson', data: opts.areasUrl },
		[SOURCE.points]: {
			type: 'geojson',
			data: pointsToGeoJSON(opts.points),
			maxzoom: POINTS_SOURCE_MAX_ZOOM,
			cluster: true,
			clusterMaxZoom: CLUSTER_MAX_ZOOM,
			clusterRadius: CLUSTER_RADIUS
		}
	};
	if (opts.withStreets !== false) {
		sources[SOURCE.streets] = { type: 'geojson', data: opts.streetsUrl };
	}
	return sources;
}

/** Every layer above the background, bottom to top. */
export function overlayLayers(opts: { withStreets?: boolean } = {}): LayerSpecification[] {
	const textFont = [FONT];
	const layers: LayerSpecification[] = [
		{
			id: LAYER.communeFill,
			type: 'fill',
			source: SOURCE.areas,
			filter: kindIs('commune'),
			paint: { 'fill-color': COLOURS.communeFill }
		},
		{
			id: LAYER.qpvHatch,
			type: 'fill',
			source: SOURCE.areas,
			filter: kindIs('qpv'),
			paint: { 'fill-pattern': QPV_HATCH_IMAGE, 'fill-opacity': 0.55 }
		}
	];
	if (opts.withStreets !== false) {
		layers.push({
			id: LAYER.streets,
			type: 'line',
			source: SOURCE.streets,
			minzoom: 13.5,
			layout: { 'line-cap': 'round', 'line-join': 'round' },
			paint: {
				'line-color': COLOURS.street,
				'line-width': ['interpolate', ['linear'], ['zoom'], 14, 0.8, 17, 3, 19, 6]
			}
		});
	}
	layers.push(
		{
			id: LAYER.irisLine,
			type: 'line',
			source: SOURCE.areas,
			filter: kindIs('iris'),
			paint: {
				'line-color': COLOURS.irisLine,
				'line-width': ['interpolate', ['linear'], ['zoom'], 12, 0.6, 16, 1.2]
			}
		},
		{
			id: LAYER.grandQuartierLine,
			type: 'line',
			source: SOURCE.areas,
			filter: kindIs('grand_quartier'),
			paint: {
				'line-color': COLOURS.grandQuartierLine,
				'line-width': ['interpolate', ['linear'], ['zoom'], 12, 1.2, 16, 2]
			}
		},
		{
			id: LAYER.qpvLine,
			type: 'line',
			source: SOURCE.areas,
			filter: kindIs('qpv'),
			paint: { 'line-color': COLOURS.qpvLine, 'line-width': 1.5, 'line-dasharray': [3, 2] }
		},
		{
			id: LAYER.communeLine,
			type: 'line',
			source: SOURCE.areas,
			filter: kindIs('commune'),
			paint: { 'line-color': COLOURS.communeLine, 'line-width': 2.5 }
		}
	);
	if (opts.withStreets !== false) {
		layers.push({
			id: LAYER.streetLabel,
			type: 'symbol',
			source: SOURCE.streets,
			minzoom: 16,
			layout: {
				'symbol-placement': 'line',
				'text-field': ['get', 'nom'],
				'text-font': textFont,
				'text-size': 11
			},
			paint: { 'text-color': '#555555', 'text-halo-color': COLOURS.halo, 'text-halo-width': 1.5 }
		});
	}
	layers.push(
		{
			id: LAYER.irisLabel,
			type: 'symbol',
			source: SOURCE.areas,
			filter: kindIs('iris'),
			minzoom: 12.5,
			// Polygon labels repeat on every tile a polygon crosses; past this zoom street names take over.
			maxzoom: 15.5,
			layout: {
				'text-field': ['get', 'name'],
				'text-font': textFont,
				'text-size': ['interpolate', ['linear'], ['zoom'], 12.5, 10, 16, 13],
				'text-max-width': 8,
				'text-padding': 4
			},
			paint: {
				'text-color': COLOURS.label,
				'text-halo-color': COLOURS.halo,
				'text-halo-width': 1.5
			}
		},
		{
			id: LAYER.clusters,
			type: 'circle',
			source: SOURCE.points,
			filter: ['has', 'point_count'],
			paint: {
				'circle-color': COLOURS.cluster,
				'circle-radius': ['step', ['get', 'point_count'], 14, 5, 17, 15, 21],
				'circle-stroke-color': '#ffffff',
				'circle-stroke-width': 2
			}
		},
		{
			id: LAYER.clusterCount,
			type: 'symbol',
			source: SOURCE.points,
			filter: ['has', 'point_count'],
			layout: {
				'text-field': ['to-string', ['get', 'point_count']],
				'text-font': textFont,
				'text-size': 13,
				'text-allow-overlap': true,
				'text-ignore-placement': true
			},
			paint: { 'text-color': COLOURS.clusterInk }
		},
		{
			id: LAYER.pointHover,
			type: 'circle',
			source: SOURCE.points,
			filter: highlightFilter(null),
			paint: {
				'circle-radius': 17,
				'circle-color': 'rgba(0,0,0,0)',
				'circle-stroke-color': COLOURS.hover,
				'circle-stroke-width': 2.5
			}
		},
		{
			id: LAYER.pointSelected,
			type: 'circle',
			source: SOURCE.points,
			filter: highlightFilter(null),
			paint: {
				'circle-radius': 19,
				'circle-color': 'rgba(255,255,255,0.85)',
				'circle-stroke-color': COLOURS.selected,
				'circle-stroke-width': 4
			}
		},
		{
			id: LAYER.points,
			type: 'circle',
			source: SOURCE.points,
			filter: notCluster,
			paint: {
				'circle-color': rankColourExpression(),
				// Wider markers for several numbers ("1 2 3") so the label stays inside.
				'circle-radius': ['interpolate', ['linear'], ['length', ['get', 'label']], 1, 11, 7, 20],
				'circle-stroke-color': COLOURS.pointLine,
				'circle-stroke-width': 1.5
			}
		},
		{
			id: LAYER.pointLabel,
			type: 'symbol',
			source: SOURCE.points,
			filter: notCluster,
			layout: {
				'text-field': ['get', 'label'],
				'text-font': textFont,
				'text-size': 12,
				'text-allow-overlap': true,
				'text-ignore-placement': true
			},
			paint: { 'text-color': rankInkExpression() }
		}
	);
	return layers;
}

/** The complete offline style: no network, only our own GeoJSON and glyphs. */
export function buildOfflineStyle(opts: OverlayOptions & { glyphs?: string }): StyleSpecification {
	return {
		version: 8,
		name: 'Roubaix — inclusion numérique (hors ligne)',
		glyphs: opts.glyphs ?? GLYPHS_URL,
		sources: overlaySources({ ...opts, withStreets: true }),
		layers: [
			{ id: LAYER.background, type: 'background', paint: { 'background-color': COLOURS.outside } },
			...overlayLayers({ withStreets: true })
		]
	};
}
