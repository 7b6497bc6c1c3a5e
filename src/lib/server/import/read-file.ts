import Papa from 'papaparse';

export type FileFormat = 'csv' | 'json' | 'geojson';

export interface SourceRow {
	/** Where the row is in the file, as a person would look for it: "ligne 12" or "entrée 3". */
	position: string;
	values: Record<string, unknown>;
}

export type ReadResult =
	| { ok: true; format: FileFormat; rows: SourceRow[] }
	| { ok: false; error: string };

/** Reads CSV (comma or semicolon, with or without BOM), JSON (array or {data: []}) and GeoJSON. */
export function readSchemaFile(fileName: string, content: string): ReadResult {
	const text = content.replace(/^\uFEFF/, '');
	if (!text.trim()) return { ok: false, error: 'Le fichier est vide.' };
	const lower = fileName.toLowerCase();
	const looksJson = /^\s*[[{]/.test(text);
	if (lower.endsWith('.json') || lower.endsWith('.geojson') || (looksJson && !lower.endsWith('.csv'))) {
		return readJson(text);
	}
	return readCsv(text);
}

function readJson(text: string): ReadResult {
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch (e) {
		return { ok: false, error: `JSON illisible : ${(e as Error).message}` };
	}
	if (isObject(data) && data.type === 'FeatureCollection' && Array.isArray(data.features)) {
		const rows = data.features.map((feature: unknown, i: number): SourceRow => {
			const f = isObject(feature) ? feature : {};
			const values: Record<string, unknown> = { ...(isObject(f.properties) ? f.properties : {}) };
			const geometry = isObject(f.geometry) ? f.geometry : null;
			// The point's geometry wins over properties: it is what the map will show.
			if (geometry?.type === 'Point' && Array.isArray(geometry.coordinates)) {
				values.longitude = geometry.coordinates[0];
				values.latitude = geometry.coordinates[1];
			}
			return { position: `entité ${i + 1}`, values };
		});
		return { ok: true, format: 'geojson', rows };
	}
	const list = Array.isArray(data) ? data : isObject(data) && Array.isArray(data.data) ? data.data : null;
	if (!list) return { ok: false, error: 'JSON attendu : un tableau de lieux, ou un objet { "data": [...] }, ou du GeoJSON.' };
	const rows = list.map((item: unknown, i: number): SourceRow => ({
		position: `entrée ${i + 1}`,
		values: isObject(item) ? flattenJsonRow(item) : {}
	}));
	return { ok: true, format: 'json', rows };
}

/**
 * The JSON of the ANCT's API and package nests `adresse`, `localisation`, `contact` and
 * `presentation`, and gives lists as arrays; flatten to the CSV names (arrays stay arrays, the row
 * mapping reads both). Fields we do not know are kept as they are, and ignored.
 */
function flattenJsonRow(item: Record<string, unknown>): Record<string, unknown> {
	const values: Record<string, unknown> = { ...item };
	if (isObject(item.adresse)) {
		Object.assign(values, item.adresse);
		values.adresse = item.adresse.voie ?? item.adresse.adresse;
		if (item.adresse.numero_voie && typeof values.adresse === 'string' && !/^\s*\d/.test(values.adresse)) {
			values.adresse = `${String(item.adresse.numero_voie).trim()} ${values.adresse}`;
		}
	}
	if (isObject(item.localisation)) {
		values.latitude = item.localisation.latitude ?? item.localisation.lat;
		values.longitude = item.localisation.longitude ?? item.localisation.lng ?? item.localisation.lon;
	}
	if (isObject(item.contact)) {
		values.telephone ??= item.contact.telephone;
		values.courriels ??= item.contact.courriels ?? item.contact.courriel;
		values.site_web ??= item.contact.site_web;
	}
	if (isObject(item.presentation)) {
		values.presentation_resume ??= item.presentation.resume;
		values.presentation_detail ??= item.presentation.detail;
	}
	// Numbers for an id or a postcode are read as the text they stand for.
	for (const key of ['id', 'code_postal', 'code_insee', 'pivot', 'telephone']) {
		if (typeof values[key] === 'number') values[key] = String(values[key]);
	}
	return values;
}

function readCsv(text: string): ReadResult {
	const firstLine = text.slice(0, text.indexOf('\n') === -1 ? text.length : text.indexOf('\n'));
	const delimiter = count(firstLine, ';') > count(firstLine, ',') ? ';' : ',';
	const parsed = Papa.parse<Record<string, string>>(text, {
		header: true,
		delimiter,
		skipEmptyLines: 'greedy',
		transformHeader: (h) => h.trim()
	});
	const fatal = parsed.errors.find((e) => e.type === 'Quotes' || e.type === 'Delimiter');
	if (fatal) {
		return { ok: false, error: `CSV illisible (ligne ${lineAt(lineIndex(text), fatal.index ?? 0)}) : ${fatal.message}` };
	}
	const headers = parsed.meta.fields ?? [];
	if (!headers.includes('id') || !headers.includes('nom')) {
		return {
			ok: false,
			error: `En-tête inattendu : les colonnes « id » et « nom » du schéma des lieux de médiation numérique sont attendues (séparateur détecté : « ${delimiter} »).`
		};
	}
	// Papaparse counts data rows from 0; the header is line 1. Multi-line quoted cells shift
	// lines, so track the real line from the cursor position.
	const lineStarts = lineIndex(text);
	const rows: SourceRow[] = [];
	Papa.parse<Record<string, string>>(text, {
		header: true,
		delimiter,
		skipEmptyLines: 'greedy',
		transformHeader: (h) => h.trim(),
		step: (result) => {
			const line = lineAt(lineStarts, result.meta.cursor - 1);
			const values = result.data as Record<string, unknown>;
			const badShape = result.errors.find((e) => e.type === 'FieldMismatch');
			if (badShape) values.__shape_error = badShape.message;
			rows.push({ position: `ligne ${line}`, values });
		}
	});
	return { ok: true, format: 'csv', rows };
}

function lineIndex(text: string): number[] {
	const starts = [0];
	for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
	return starts;
}

/** 1-based line holding the character at `offset` (the end of the row). */
function lineAt(starts: number[], offset: number): number {
	let lo = 0;
	let hi = starts.length - 1;
	while (lo < hi) {
		const mid = (lo + hi + 1) >> 1;
		if (starts[mid]! <= offset) lo = mid;
		else hi = mid - 1;
	}
	return lo + 1;
}

function count(text: string, char: string): number {
	return text.split(char).length - 1;
}

function isObject(value: unknown): value is Record<string, any> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
