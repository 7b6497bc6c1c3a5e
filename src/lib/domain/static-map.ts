/**
 * A standalone SVG map of the commune and its places: the map for readers without JavaScript or
 * WebGL, and for printed sheets. Pure: data in, an SVG document string out.
 *
 * Projection: equirectangular, with longitudes scaled by cos(mean latitude) so that a metre east
 * and a metre north have the same length on screen (good enough at a city's scale). North is up.
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { LEVEL_INFO } from './levels';

export interface StaticMapPoint {
	id: number;
	name: string;
	lon: number;
	lat: number;
	/** Distinct level ranks, ascending; 0 = « niveau à préciser ». */
	ranks: number[];
	href: string;
}

export interface StaticMapInput {
	/** Areas with properties { code, kind: 'commune' | 'grand_quartier' | 'iris' | 'qpv', name }. */
	areas: FeatureCollection;
	points: readonly StaticMapPoint[];
	/** Width of the viewBox in user units; the height follows the commune's shape. */
	width?: number;
	title: string;
	description: string;
}

type Bbox = [minLon: number, minLat: number, maxLon: number, maxLat: number];

const PADDING = 16;
const POINT_RADIUS = 9;
const COLOURS = {
	background: '#fbfaf6',
	iris: '#8c8c8c',
	commune: '#222222',
	qpvLine: '#3d3d3d',
	qpvHatch: '#5a5a5a',
	pointLine: '#000000'
};

export function escapeXml(text: string): string {
	return text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&apos;');
}

/** One decimal is plenty at this scale and keeps the document small. */
function num(value: number): string {
	const rounded = Math.round(value * 10) / 10;
	return Object.is(rounded, -0) ? '0' : String(rounded);
}

function levelOf(rank: number) {
	return Object.values(LEVEL_INFO).find((l) => l.rank === rank) ?? LEVEL_INFO.unknown;
}

function knownRanks(ranks: readonly number[]): number[] {
	return [...new Set(ranks.filter((r) => r > 0))].sort((a, b) => a - b);
}

function pointLabel(ranks: readonly number[]): string {
	const known = knownRanks(ranks);
	return known.length > 0 ? known.join(' ') : '?';
}

function pointTitle(point: StaticMapPoint): string {
	const known = knownRanks(point.ranks);
	const levels =
		known.length === 0
			? 'niveau à préciser'
			: known.map((r) => `niveau ${r} (${levelOf(r).label})`).join(', ');
	return `${point.name} — ${levels}`;
}

function kindOf(feature: Feature): string {
	const kind = (feature.properties as { kind?: unknown } | null)?.kind;
	return typeof kind === 'string' ? kind : '';
}

function polygonsOf(feature: Feature): Position[][][] {
	const g = feature.geometry as Polygon | MultiPolygon | null;
	if (!g) return [];
	if (g.type === 'Polygon') return [g.coordinates];
	if (g.type === 'MultiPolygon') return g.coordinates;
	return [];
}

function bboxOf(features: readonly Feature[]): Bbox | null {
	let minLon = Infinity;
	let minLat = Infinity;
	let maxLon = -Infinity;
	let maxLat = -Infinity;
	for (const f of features) {
		for (const polygon of polygonsOf(f)) {
			for (const ring of polygon) {
				for (const [lon, lat] of ring as [number, number][]) {
					if (lon < minLon) minLon = lon;
					if (lat < minLat) minLat = lat;
					if (lon > maxLon) maxLon = lon;
					if (lat > maxLat) maxLat = lat;
				}
			}
		}
	}
	return Number.isFinite(minLon) ? [minLon, minLat, maxLon, maxLat] : null;
}

export interface Projection {
	width: number;
	height: number;
	project(lon: number, lat: number): [x: number, y: number];
}

/** Fits `bbox` into `width` (plus padding), north up, longitudes scaled by cos(latitude). */
export function fitProjection(bbox: Bbox, width: number, padding = PADDING): Projection {
	const [minLon, minLat, maxLon, maxLat] = bbox;
	const kx = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
	const spanX = Math.max((maxLon - minLon) * kx, 1e-9);
	const spanY = Math.max(maxLat - minLat, 1e-9);
	const scale = (width - 2 * padding) / spanX;
	const height = Math.round(spanY * scale + 2 * padding);
	return {
		width,
		height,
		project: (lon, lat) => [padding + (lon - minLon) * kx * scale, padding + (maxLat - lat) * scale]
	};
}

function pathOf(feature: Feature, projection: Projection): string {
	let d = '';
	for (const polygon of polygonsOf(feature)) {
		for (const ring of polygon) {
			ring.forEach(([lon, lat], i) => {
				const [x, y] = projection.project(lon!, lat!);
				d += `${i === 0 ? 'M' : 'L'}${num(x)} ${num(y)}`;
			});
			d += 'Z';
		}
	}
	return d;
}

/**
 * Renders the map as a complete SVG document. Points falling outside the drawn frame (suspicious
 * coordinates) are left out: the list beside the map still shows them.
 */
export function renderStaticMapSvg(input: StaticMapInput): string {
	const width = input.width ?? 800;
	const features = input.areas.features;
	const byKind = (kind: string) => features.filter((f) => kindOf(f) === kind);
	const communes = byKind('commune');
	const bbox =
		bboxOf(communes) ??
		bboxOf(features) ??
		([3.151, 50.669, 3.218, 50.71] satisfies Bbox as Bbox);
	const projection = fitProjection(bbox, width);
	const { height } = projection;

	const out: string[] = [];
	out.push(
		`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="static-map-title static-map-desc" font-family="'Noto Sans','Liberation Sans',Arial,sans-serif">`,
		`<title id="static-map-title">${escapeXml(input.title)}</title>`,
		`<desc id="static-map-desc">${escapeXml(input.description)}</desc>`,
		'<defs>',
		`<pattern id="qpv-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">`,
		`<line x1="0" y1="0" x2="0" y2="6" stroke="${COLOURS.qpvHatch}" stroke-width="1.5"/>`,
		'</pattern>',
		'</defs>'
	);

	out.push(
		`<g fill="${COLOURS.background}" stroke="none">`,
		...communes.map((f) => `<path d="${pathOf(f, projection)}"/>`),
		'</g>'
	);
	out.push(
		`<g fill="url(#qpv-hatch)" fill-opacity="0.6" stroke="${COLOURS.qpvLine}" stroke-width="1.5" stroke-dasharray="4 3" fill-rule="evenodd">`,
		...byKind('qpv').map((f) => `<path class="qpv" d="${pathOf(f, projection)}"/>`),
		'</g>'
	);
	out.push(
		`<g fill="none" stroke="${COLOURS.iris}" stroke-width="0.8">`,
		...byKind('iris').map((f) => `<path class="iris" d="${pathOf(f, projection)}"/>`),
		'</g>'
	);
	out.push(
		`<g fill="none" stroke="${COLOURS.commune}" stroke-width="2">`,
		...communes.map((f) => `<path class="commune" d="${pathOf(f, projection)}"/>`),
		'</g>'
	);

	const points: string[] = [];
	for (const point of input.points) {
		if (!Number.isFinite(point.lon) || !Number.isFinite(point.lat)) continue;
		const [x, y] = projection.project(point.lon, point.lat);
		if (x < 0 || y < 0 || x > width || y > height) continue;
		const top = knownRanks(point.ranks).at(-1) ?? 0;
		const level = levelOf(top);
		const label = pointLabel(point.ranks);
		const r = label.length > 1 ? POINT_RADIUS + 2 * Math.ceil(label.length / 2) : POINT_RADIUS;
		points.push(
			`<a href="${escapeXml(point.href)}">`,
			`<title>${escapeXml(pointTitle(point))}</title>`,
			`<circle cx="${num(x)}" cy="${num(y)}" r="${r}" fill="${level.colour}" stroke="${COLOURS.pointLine}" stroke-width="1.5"/>`,
			`<text x="${num(x)}" y="${num(y)}" fill="${level.ink}">${escapeXml(label)}</text>`,
			'</a>'
		);
	}
	out.push(
		'<g class="points" font-size="11" font-weight="700" text-anchor="middle" dominant-baseline="central">',
		...points,
		'</g>',
		'</svg>'
	);
	return out.join('\n');
}
