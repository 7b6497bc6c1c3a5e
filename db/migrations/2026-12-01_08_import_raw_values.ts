import type { Kysely } from 'kysely';
import { idColumn, idType } from './dialect';

// Frozen. What an extract said that the importer did not recognise (an unknown value of a list or
// enum field, unreadable hours, a broken link) is kept raw beside the place it came with, shown to
// the coordinator and flagged; and an import review keeps its file's report (refused rows,
// warnings, places set aside outside the territory).

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('place_unknown_values')
		.addColumn('id', idType(db), idColumn(db))
		.addColumn('place_id', 'integer', (c) => c.notNull().references('places.id').onDelete('cascade'))
		.addColumn('field', 'text', (c) => c.notNull())
		.addColumn('value', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('place_unknown_values_place').on('place_unknown_values').column('place_id').execute();
	await db.schema.alterTable('import_reviews').addColumn('report', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('import_reviews').dropColumn('report').execute();
	await db.schema.dropTable('place_unknown_values').execute();
}
