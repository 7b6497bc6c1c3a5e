import { mapSchemaRow, type ImportedPlace, type RowError } from '$lib/domain/national-schema';
import { readSchemaFile, type FileFormat } from './read-file';
import { inTerritory, type Territory } from './territory';

export interface RejectedRow {
	position: string;
	errors: RowError[];
}

/** A row imported with something dropped: an unknown value, unreadable hours, a broken link. */
export interface WarnedRow {
	position: string;
	name: string;
	warnings: RowError[];
}

export interface SetAsideRow {
	position: string;
	name: string;
	commune: string;
}

export interface MappedFileReport {
	format: FileFormat;
	rows: number;
	places: ImportedPlace[];
	/** Where each place is in the file, in the order of `places`. */
	positions: string[];
	warned: WarnedRow[];
	rejected: RejectedRow[];
	setAside: SetAsideRow[];
	/** Ids (as written) of the rows refused or set aside: their places are not « gone » upstream. */
	heldBack: string[];
}

export type MappedFile = ({ ok: true } & MappedFileReport) | { ok: false; error: string; rows: number; rejected: RejectedRow[] };

export interface MapOptions {
	/** Rows outside it are set aside; null takes every row. */
	territory: Territory | null;
}

/**
 * Reads a file in the national schema and maps every row. A bad row is refused alone, with its
 * line, field and reason; a row with only unknown values comes in with warnings; a row outside the
 * territory is set aside. The file is refused whole only when it cannot be read or holds no place
 * to import. Shared by the importer, the command line and the import review.
 */
export function mapSchemaFile(fileName: string, content: string, { territory }: MapOptions): MappedFile {
	const read = readSchemaFile(fileName, content);
	if (!read.ok) return { ok: false, error: read.error, rows: 0, rejected: [] };
	if (read.rows.length === 0) return { ok: false, error: 'Le fichier ne contient aucun lieu.', rows: 0, rejected: [] };

	const report: MappedFileReport = { format: read.format, rows: read.rows.length, places: [], positions: [], warned: [], rejected: [], setAside: [], heldBack: [] };
	const seen = new Map<string, string>();
	for (const row of read.rows) {
		const v = row.values;
		const mapped = mapSchemaRow(v);
		const name = String(v.nom ?? '').trim() || '(sans nom)';
		const rawId = typeof v.id === 'string' || typeof v.id === 'number' ? String(v.id).trim() : '';
		const where = mapped.ok
			? { lat: mapped.place.lat, lon: mapped.place.lon, codeInsee: v.code_insee, postalCode: v.code_postal, commune: v.commune }
			: { codeInsee: v.code_insee, postalCode: v.code_postal, commune: v.commune };
		if (territory && !inTerritory(territory, where)) {
			report.setAside.push({ position: row.position, name, commune: String(v.commune ?? '').trim() });
			if (rawId) report.heldBack.push(rawId);
			continue;
		}
		const errors = mapped.ok ? [] : [...mapped.errors];
		const shapeError = v.__shape_error;
		if (shapeError) errors.unshift({ field: '(ligne)', reason: `nombre de colonnes inattendu (${String(shapeError)})` });
		if (mapped.ok) {
			const key = `${mapped.place.source}\u0000${mapped.place.sourceId}`;
			const first = seen.get(key);
			if (first) errors.push({ field: 'id', reason: `identifiant déjà utilisé (${first})` });
			else seen.set(key, row.position);
		}
		if (errors.length > 0 || !mapped.ok) {
			report.rejected.push({ position: row.position, errors });
			if (rawId && !mapped.ok) report.heldBack.push(rawId);
			continue;
		}
		report.places.push(mapped.place);
		report.positions.push(row.position);
		if (mapped.warnings.length > 0) report.warned.push({ position: row.position, name: mapped.place.name, warnings: mapped.warnings });
	}
	if (report.places.length === 0 && report.rejected.length > 0) {
		return {
			ok: false,
			error: `${report.rejected.length} ligne(s) refusée(s) sur ${read.rows.length} : aucun lieu à importer.`,
			rows: read.rows.length,
			rejected: report.rejected
		};
	}
	return { ok: true, ...report };
}
