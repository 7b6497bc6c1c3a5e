import type { Kysely } from 'kysely';
import { idColumn, idType } from './dialect';

// Frozen. One row per completed orientation, for the planners: never anything about the person.

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('orientations')
		.addColumn('id', idType(db), idColumn(db))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('needs', 'text', (c) => c.notNull())
		.addColumn('autonomy', 'text')
		.addColumn('levels', 'text', (c) => c.notNull())
		.addColumn('iris_code', 'text')
		.addColumn('area_code', 'text')
		.addColumn('constraints', 'text', (c) => c.notNull())
		.addColumn('results', 'integer', (c) => c.notNull())
		.addColumn('within_15_min', 'integer', (c) => c.notNull())
		// A hash of the answers, so reloading the same results page is not counted twice.
		.addColumn('answers_hash', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('orientations_hash').on('orientations').columns(['answers_hash', 'created_at']).execute();
	await db.schema.createIndex('orientations_iris').on('orientations').column('iris_code').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('orientations').execute();
}
