import { mapSchemaRow, type ImportedPlace, type RowError } from '$lib/domain/national-schema';
import { readSchemaFile, type FileFormat } from './read-file';

export interface RejectedRow {
	position: string;
	errors: RowError[];
}

export type MappedFile =
	| { ok: true; format: FileFormat; rows: number; places: ImportedPlace[] }
	| { ok: false; error: string; rows: number; rejected: RejectedRow[] };

/**
 * Reads a file in the national schema and maps every row, or says why not: the file is taken
 * whole or not at all, and every bad row is named. Shared by the importer and the import review.
 */
export function mapSchemaFile(fileName: string, content: string): MappedFile {
	const read = readSchemaFile(fileName, content);
	if (!read.ok) return { ok: false, error: read.error, rows: 0, rejected: [] };

	const rejected: RejectedRow[] = [];
	const places: ImportedPlace[] = [];
	const seen = new Map<string, string>();
	for (const row of read.rows) {
		const shapeError = row.values.__shape_error;
		const mapped = mapSchemaRow(row.values);
		const errors = mapped.ok ? [] : [...mapped.errors];
		if (shapeError) errors.unshift({ field: '(ligne)', reason: `nombre de colonnes inattendu (${String(shapeError)})` });
		if (mapped.ok) {
			const key = `${mapped.place.source}\u0000${mapped.place.sourceId}`;
			const first = seen.get(key);
			if (first) errors.push({ field: 'id', reason: `identifiant déjà utilisé (${first})` });
			seen.set(key, row.position);
		}
		if (errors.length > 0) rejected.push({ position: row.position, errors });
		else if (mapped.ok) places.push(mapped.place);
	}
	if (read.rows.length === 0) return { ok: false, error: 'Le fichier ne contient aucun lieu.', rows: 0, rejected };
	if (rejected.length > 0) {
		return {
			ok: false,
			error: `${rejected.length} ligne(s) refusée(s) sur ${read.rows.length} : rien n'a été importé.`,
			rows: read.rows.length,
			rejected
		};
	}
	return { ok: true, format: read.format, rows: read.rows.length, places };
}
