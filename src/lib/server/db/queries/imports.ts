import type { DB } from '../connect';

export interface ImportRecord {
	fileName: string;
	sha256: string;
	format: string;
	importedAt: string;
	rowsTotal: number;
	accepted: number;
	/** The import's counts, kept as they were reported. */
	summary: object;
}

/** One line per file that changed the directory. */
export async function record(db: DB, entry: ImportRecord): Promise<number> {
	const row = await db
		.insertInto('imports')
		.values({
			file_name: entry.fileName,
			sha256: entry.sha256,
			format: entry.format,
			imported_at: entry.importedAt,
			rows_total: entry.rowsTotal,
			accepted: entry.accepted,
			summary: JSON.stringify(entry.summary)
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}
