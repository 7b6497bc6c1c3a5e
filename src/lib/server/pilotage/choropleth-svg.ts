import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { EARTH_RADIUS_METRES } from '$lib/domain/coverage/grid';
import { computeBbox } from '$lib/domain/geography';
import { escapeXml, fitProjection, type Projection } from '$lib/domain/static-map';
import type { LegendClass } from '$lib/components/pilotage/types';

/**
 * The planners' maps as standalone SVG documents, drawn on the server: the choropleth of an
 * indicator by IRIS, and the distance layer (grid cells coloured by walking minutes). They are the
 * maps for readers without JavaScript or WebGL and for the printed QPV report. Each IRIS carries
 * its value as text and the legend spells every class out, so no meaning rests on colour alone.
 * Pure: data in, a string out. Projection and escaping come from static-map.ts.
 */

export interface IrisFill {
	colour: string;
	/** Drawn hatched over the colour (a missing value). */
	hatched?: boolean;
	/** Written in the IRIS. */
	text: string;
	/** Tooltip: « Épeule Nord : 53 % ». */
	title: string;
	point: [number, number];
}

export interface DistanceCells {
	points: readonly [number, number][];
	classes: ArrayLike<number>;
	colours: readonly string[];
	spacingMetres: number;
	hatchedClass: number;
	/** The offers of the level, drawn as numbered circles. */
	offerPoints: readonly [number, number][];
	offerColour: string;
	offerLabel: string;
}

export interface ChoroplethSvgInput {
	/** Commune, IRIS and QPV features with properties { code, kind, name }. */
	areas: FeatureCollection;
	title: string;
	description: string;
	legendTitle: string;
	legend: readonly LegendClass[];
	/** Choropleth mode: the IRIS fills. */
	fills?: ReadonlyMap<string, IrisFill>;
	/** Distance mode: the grid cells (IRIS are then outlines with their text from `fills`, if any). */
	distance?: DistanceCells;
	/** Fit the view to this area and outline it (the QPV of a report). */
	focus?: Polygon | MultiPolygon | null;
	/** The view's box, when it must hold more than the focus (the nearest offers of a gap). */
	frame?: [number, number, number, number] | null;
	/** Numbered points drawn over everything (the offers near a gap), with a line to where the walk ends. */
	markers?: readonly { lon: number; lat: number; label: string; colour: string; to?: [number, number] }[];
	width?: number;
}

const LEGEND_ROW = 22;
const METRES_PER_DEGREE_LAT = (EARTH_RADIUS_METRES * Math.PI) / 180;
const LEGEND_COLUMNS = 2;

function num(value: number): string {
	const rounded = Math.round(value * 10) / 10;
	return Object.is(rounded, -0) ? '0' : String(rounded);
}

function kindOf(feature: Feature): string {
	const kind = (feature.properties as { kind?: unknown } | null)?.kind;
	return typeof kind === 'string' ? kind : '';
}

function codeOf(feature: Feature): string {
	const code = (feature.properties as { code?: unknown } | null)?.code;
	return typeof code === 'string' ? code : '';
}

function polygonsOf(geometry: Feature['geometry'] | Polygon | MultiPolygon | null): Position[][][] {
	if (!geometry) return [];
	if (geometry.type === 'Polygon') return [geometry.coordinates];
	if (geometry.type === 'MultiPolygon') return geometry.coordinates;
	return [];
}

function pathOf(geometry: Feature['geometry'] | Polygon | MultiPolygon | null, projection: Projection): string {
	let d = '';
	for (const polygon of polygonsOf(geometry)) {
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

function unionBbox(geometries: (Polygon | MultiPolygon)[]): [number, number, number, number] | null {
	if (geometries.length === 0) return null;
	const boxes = geometries.map((g) => computeBbox(g));
	return [
		Math.min(...boxes.map((b) => b[0])),
		Math.min(...boxes.map((b) => b[1])),
		Math.max(...boxes.map((b) => b[2])),
		Math.max(...boxes.map((b) => b[3]))
	];
}

function pad(bbox: [number, number, number, number], ratio: number): [number, number, number, number] {
	const dx = (bbox[2] - bbox[0]) * ratio;
	const dy = (bbox[3] - bbox[1]) * ratio;
	return [bbox[0] - dx, bbox[1] - dy, bbox[2] + dx, bbox[3] + dy];
}

export function renderChoroplethSvg(input: ChoroplethSvgInput): string {
	const width = input.width ?? 800;
	const features = input.areas.features;
	const byKind = (kind: string) => features.filter((f) => kindOf(f) === kind);
	const communes = byKind('commune');
	const iris = byKind('iris');
	const qpv = byKind('qpv');
	const frame =
		(input.frame ? pad(input.frame, 0.08) : null) ??
		(input.focus ? pad(computeBbox(input.focus), 0.06) : null) ??
		unionBbox(communes.map((f) => f.geometry as Polygon | MultiPolygon)) ??
		unionBbox(features.map((f) => f.geometry as Polygon | MultiPolygon)) ?? [3.151, 50.669, 3.218, 50.71];
	const projection = fitProjection(frame, width);
	const mapHeight = projection.height;
	const legendRows = Math.ceil(input.legend.length / LEGEND_COLUMNS);
	const height = mapHeight + 34 + legendRows * LEGEND_ROW + 8;

	const out: string[] = [];
	out.push(
		`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="carte-titre carte-desc" font-family="'Noto Sans','Liberation Sans',Arial,sans-serif">`,
		`<title id="carte-titre">${escapeXml(input.title)}</title>`,
		`<desc id="carte-desc">${escapeXml(input.description)}</desc>`,
		'<defs>',
		'<pattern id="hachures" width="7" height="7" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">',
		'<line x1="0" y1="0" x2="0" y2="7" stroke="#555555" stroke-width="1.6"/>',
		'</pattern>',
		`<clipPath id="cadre"><rect x="0" y="0" width="${width}" height="${mapHeight}"/></clipPath>`,
		'</defs>',
		`<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`,
		'<g clip-path="url(#cadre)">',
		`<g fill="#f4f3ef" stroke="none">${communes.map((f) => `<path d="${pathOf(f.geometry, projection)}"/>`).join('')}</g>`
	);

	if (input.fills && !input.distance) {
		out.push('<g class="iris-fills" stroke="none">');
		for (const f of iris) {
			const fill = input.fills.get(codeOf(f));
			if (!fill) continue;
			const d = pathOf(f.geometry, projection);
			out.push(`<path d="${d}" fill="${fill.colour}" data-code="${escapeXml(codeOf(f))}"><title>${escapeXml(fill.title)}</title></path>`);
			if (fill.hatched) out.push(`<path d="${d}" fill="url(#hachures)"/>`);
		}
		out.push('</g>');
	}

	if (input.distance) {
		const cells = input.distance;
		// A cell is the grid's square: its side in pixels, measured along a meridian.
		const [, y0] = projection.project(frame[0], frame[1]);
		const [, y1] = projection.project(frame[0], frame[1] + cells.spacingMetres / METRES_PER_DEGREE_LAT);
		// Half a pixel more than the cell, so neighbouring squares overlap instead of showing seams.
		const size = Math.max(1, Math.abs(y0 - y1)) + 0.5;
		const paths = cells.colours.map(() => [] as string[]);
		cells.points.forEach(([lon, lat], i) => {
			const [x, y] = projection.project(lon, lat);
			paths[cells.classes[i]!]?.push(`M${num(x - size / 2)} ${num(y - size / 2)}h${num(size)}v${num(size)}h${num(-size)}z`);
		});
		out.push('<g class="distance-cells" stroke="none">');
		cells.colours.forEach((colour, cls) => {
			if (paths[cls]!.length === 0) return;
			const d = paths[cls]!.join('');
			out.push(`<path class="classe-${cls}" d="${d}" fill="${colour}"/>`);
			if (cls === cells.hatchedClass) out.push(`<path d="${d}" fill="url(#hachures)"/>`);
		});
		out.push('</g>');
	}

	out.push(
		`<g fill="none" stroke="#6b6b6b" stroke-width="0.8">${iris.map((f) => `<path d="${pathOf(f.geometry, projection)}"/>`).join('')}</g>`,
		`<g fill="none" stroke="#1b1b1f" stroke-width="1.6" stroke-dasharray="5 3">${qpv.map((f) => `<path class="qpv" d="${pathOf(f.geometry, projection)}"/>`).join('')}</g>`,
		`<g fill="none" stroke="#1b1b1f" stroke-width="2">${communes.map((f) => `<path d="${pathOf(f.geometry, projection)}"/>`).join('')}</g>`
	);
	if (input.focus) {
		out.push(`<path class="zone" d="${pathOf(input.focus, projection)}" fill="none" stroke="#000000" stroke-width="3.5"/>`);
	}

	if (input.distance) {
		const cells = input.distance;
		out.push(`<g class="offres" font-size="11" font-weight="700" text-anchor="middle" dominant-baseline="central">`);
		for (const [lon, lat] of cells.offerPoints) {
			const [x, y] = projection.project(lon, lat);
			if (x < 0 || y < 0 || x > width || y > mapHeight) continue;
			out.push(
				`<circle cx="${num(x)}" cy="${num(y)}" r="9" fill="${cells.offerColour}" stroke="#000000" stroke-width="1.5"/>`,
				`<text x="${num(x)}" y="${num(y)}" fill="#000000">${escapeXml(cells.offerLabel)}</text>`
			);
		}
		out.push('</g>');
	}

	if (input.markers?.length) {
		out.push('<g class="marqueurs" font-size="12" font-weight="700" text-anchor="middle" dominant-baseline="central">');
		for (const m of input.markers) {
			const [x, y] = projection.project(m.lon, m.lat);
			if (m.to) {
				const [tx, ty] = projection.project(m.to[0], m.to[1]);
				out.push(`<line x1="${num(x)}" y1="${num(y)}" x2="${num(tx)}" y2="${num(ty)}" stroke="#000000" stroke-width="1.5" stroke-dasharray="3 3"/>`);
			}
			out.push(`<circle cx="${num(x)}" cy="${num(y)}" r="11" fill="${m.colour}" stroke="#000000" stroke-width="1.5"/>`, `<text x="${num(x)}" y="${num(y)}" fill="#000000">${escapeXml(m.label)}</text>`);
		}
		out.push('</g>');
	}

	if (input.fills) {
		// Black text on a white halo reads on every class colour.
		out.push(
			'<g class="valeurs" font-size="11" font-weight="700" text-anchor="middle" dominant-baseline="central" fill="#000000" stroke="#ffffff" stroke-width="3" stroke-linejoin="round" paint-order="stroke">'
		);
		for (const f of iris) {
			const fill = input.fills.get(codeOf(f));
			if (!fill) continue;
			const [x, y] = projection.project(fill.point[0], fill.point[1]);
			if (x < 0 || y < 0 || x > width || y > mapHeight) continue;
			out.push(`<text x="${num(x)}" y="${num(y)}">${escapeXml(fill.text)}</text>`);
		}
		out.push('</g>');
	}
	out.push('</g>');

	// Legend under the map: a swatch (hatched when the class is) and its words.
	const top = mapHeight + 8;
	out.push(
		`<g class="legende" font-size="13" fill="#1b1b1f">`,
		`<text x="16" y="${top + 14}" font-weight="700">${escapeXml(input.legendTitle)}</text>`
	);
	const columnWidth = (width - 32) / LEGEND_COLUMNS;
	input.legend.forEach((cls, i) => {
		const x = 16 + (i % LEGEND_COLUMNS) * columnWidth;
		const y = top + 26 + Math.floor(i / LEGEND_COLUMNS) * LEGEND_ROW;
		out.push(`<rect x="${num(x)}" y="${y}" width="26" height="16" fill="${cls.colour}" stroke="#1b1b1f" stroke-width="1"/>`);
		if (cls.hatched) out.push(`<rect x="${num(x)}" y="${y}" width="26" height="16" fill="url(#hachures)"/>`);
		out.push(`<text x="${num(x + 34)}" y="${y + 13}">${escapeXml(cls.label)}</text>`);
	});
	out.push('</g>', '</svg>');
	return out.join('\n');
}
