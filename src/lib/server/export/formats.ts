import { EXTENSION_KEY } from '$lib/domain/national-schema';
import type { ExportRow } from './fold';
import { neutraliseFormula } from './spreadsheet';
import { ATTRIBUTION, LICENCE_NAME, LICENCE_URL, SCHEMA_COLUMNS, SCHEMA_URL } from './schema';

/** What every document says about itself, so a copy passed around keeps its licence. */
const ABOUT = { schema: SCHEMA_URL, licence: LICENCE_NAME, licence_url: LICENCE_URL, attribution: ATTRIBUTION };

const CSV_SEPARATOR = ';';
const CSV_NEWLINE = '\r\n';

/**
 * Quoted only when needed: the separator, a quote, a line break, or spaces a spreadsheet would trim.
 * A text that a spreadsheet would run as a formula gets an apostrophe first (spreadsheet.ts).
 */
export function csvCell(value: string | number | undefined): string {
	if (value === undefined) return '';
	const text = typeof value === 'number' ? String(value) : neutraliseFormula(value);
	return /[;"\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * The schema's columns, in its order, and nothing else. UTF-8 with a byte order mark and `;`
 * between cells, as data.gouv.fr publishes for spreadsheets: Excel then opens it with its accents
 * and its columns right, by a double click.
 */
export function toCsv(rows: readonly ExportRow[]): string {
	const lines = [SCHEMA_COLUMNS.join(CSV_SEPARATOR)];
	for (const { row } of rows) lines.push(SCHEMA_COLUMNS.map((c) => csvCell(row[c])).join(CSV_SEPARATOR));
	return `\uFEFF${lines.join(CSV_NEWLINE)}${CSV_NEWLINE}`;
}

/** Schema rows, each with the `_roubaix` extension that makes the round trip lossless. */
export function toJson(rows: readonly ExportRow[]): string {
	return JSON.stringify({ ...ABOUT, data: rows.map(({ row, extension }) => ({ ...row, [EXTENSION_KEY]: extension })) });
}

/** The same rows as points, without the extension (a map needs the place, not the round trip). */
export function toGeoJson(rows: readonly ExportRow[]): string {
	return JSON.stringify({
		type: 'FeatureCollection',
		...ABOUT,
		features: rows.map(({ row }) => ({
			type: 'Feature',
			id: row.id,
			geometry: { type: 'Point', coordinates: [row.longitude, row.latitude] },
			properties: row
		}))
	});
}
