import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import type { AreaIndicators, IndicatorsResult } from '$lib/domain/coverage/indicators';
import { mergePolygons } from '$lib/domain/geography';
import { neutraliseFormula } from '../export/spreadsheet';
import { FIGURES, figureMachine, type UnmetByIris } from './figures';
import { KIND_LABELS } from './labels';

/**
 * The indicators per area as files a planner opens elsewhere.
 *
 * CSV: UTF-8 with a byte-order mark (so Excel reads the accents), `;` between fields (the French
 * spreadsheet habit, and no clash with commas in area names), CRLF line ends (RFC 4180), and a
 * **dot** as decimal mark. The dot is chosen for machine readability: R, Python, QGIS and
 * databases read it as is, while a comma would need a locale setting everywhere else. A French
 * spreadsheet may need « Données > Convertir » with the English (US) language for the number
 * columns; the page says so. Shares are in per cent (0–100) and hours in hours, two decimals, so
 * a column reads like the page's figure. Missing values are empty cells, never 0.
 *
 * A text cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`…) gets an apostrophe first
 * (export/spreadsheet.ts); the figures are numbers and pass as they are.
 *
 * GeoJSON: the same rows as features, the same column names as properties (numbers as numbers,
 * `null` when missing). The two aggregates « IRIS en / hors QPV » get the union of their IRIS as
 * a MultiPolygon.
 */

export interface IdColumn {
	id: string;
	description: string;
	get(area: AreaIndicators): string;
}

export const CSV_ID_COLUMNS: readonly IdColumn[] = [
	{ id: 'cle', description: 'Identifiant unique de la zone, « type:code » (celui de ?zone= sur /pilotage).', get: (a) => a.key },
	{ id: 'type', description: 'commune, qpv, iris_in_qpv, iris_outside_qpv, grand_quartier ou iris.', get: (a) => a.kind },
	{ id: 'type_libelle', description: 'Le type en toutes lettres.', get: (a) => KIND_LABELS[a.kind] },
	{ id: 'code', description: 'Code INSEE (commune, IRIS), code de grand quartier ou code QPV 2024.', get: (a) => a.code },
	{ id: 'nom', description: 'Nom de la zone.', get: (a) => a.name },
	{ id: 'iris', description: 'Codes des IRIS de la zone (pour un QPV : ceux qu’il recoupe), séparés par des virgules.', get: (a) => a.irisCodes.join(',') },
	{ id: 'ponderation', description: 'Méthode de pondération des parts « pondérées » : caf, caf_with_area_fallback ou area.', get: (a) => a.weighting.method }
];

export const CSV_SEPARATOR = ';';
const BOM = '\ufeff';

function csvField(raw: string): string {
	const text = neutraliseFormula(raw);
	return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvHeader(): string[] {
	return [...CSV_ID_COLUMNS.map((c) => c.id), ...FIGURES.map((f) => f.id)];
}

export function csvRow(area: AreaIndicators, unmet: UnmetByIris): string[] {
	return [
		...CSV_ID_COLUMNS.map((c) => c.get(area)),
		...FIGURES.map((f) => {
			const value = figureMachine(f.format, f.get(area, unmet));
			return value === null ? '' : String(value);
		})
	];
}

export function indicatorsCsv(result: IndicatorsResult, unmet: UnmetByIris): string {
	const lines = [csvHeader(), ...result.areas.map((area) => csvRow(area, unmet))];
	return BOM + lines.map((fields) => fields.map(csvField).join(CSV_SEPARATOR)).join('\r\n') + '\r\n';
}

export function areaProperties(area: AreaIndicators, unmet: UnmetByIris): Record<string, string | number | null> {
	const properties: Record<string, string | number | null> = {};
	for (const c of CSV_ID_COLUMNS) properties[c.id] = c.get(area);
	for (const f of FIGURES) properties[f.id] = figureMachine(f.format, f.get(area, unmet));
	return properties;
}

/**
 * `areas`: the stored polygons (commune, QPV, grands quartiers, IRIS) with properties { code, kind }.
 * An area without a stored polygon gets the union of its IRIS.
 */
export function indicatorsGeoJson(result: IndicatorsResult, unmet: UnmetByIris, areas: FeatureCollection, computedAt: string): FeatureCollection {
	const geometryOf = new Map<string, Geometry>();
	for (const f of areas.features) {
		const p = f.properties as { code?: string; kind?: string } | null;
		if (p?.code && p.kind && f.geometry) geometryOf.set(`${p.kind}:${p.code}`, f.geometry);
	}
	const features: Feature[] = result.areas.map((area) => {
		let geometry = geometryOf.get(area.key) ?? null;
		if (!geometry) {
			const parts = area.irisCodes.map((code) => geometryOf.get(`iris:${code}`)).filter((g): g is Polygon | MultiPolygon => !!g);
			geometry = parts.length ? mergePolygons(parts) : null;
		}
		return { type: 'Feature', id: area.key, geometry: geometry as Geometry, properties: areaProperties(area, unmet) };
	});
	return {
		type: 'FeatureCollection',
		// Foreign members (RFC 7946 § 6.1): when and how the figures were computed.
		...({ computed_at: computedAt, decimal_mark: '.', shares: 'per cent (0-100)', hours: 'hours per week' } as object),
		features
	};
}
