import { sql, type Kysely } from 'kysely';
import { idColumn, idType } from './dialect';

// Frozen. Newer national extracts are reviewed before anything is written; a place may carry
// several upstream ids once duplicates are merged.

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('place_sources')
		.addColumn('source', 'text', (c) => c.notNull())
		.addColumn('source_id', 'text', (c) => c.notNull())
		.addColumn('place_id', 'integer', (c) => c.notNull().references('places.id'))
		// When this upstream record was last taken in: local edits after it are local corrections.
		.addColumn('seen_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('place_sources_pk', ['source', 'source_id'])
		.execute();
	await db.schema.createIndex('place_sources_place').on('place_sources').column('place_id').execute();
	await sql`insert into place_sources (source, source_id, place_id, seen_at)
		select source, source_id, id, updated_at from places where source_id is not null`.execute(db);

	await db.schema
		.createTable('import_reviews')
		.addColumn('id', idType(db), idColumn(db))
		.addColumn('file_name', 'text', (c) => c.notNull())
		.addColumn('sha256', 'text', (c) => c.notNull())
		.addColumn('format', 'text', (c) => c.notNull())
		.addColumn('created_by', 'integer', (c) => c.references('users.id'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('rows_total', 'integer', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('import_review_items')
		.addColumn('id', idType(db), idColumn(db))
		.addColumn('review_id', 'integer', (c) => c.notNull().references('import_reviews.id'))
		.addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('new', 'changed', 'unchanged', 'gone', 'duplicate')`))
		.addColumn('source', 'text', (c) => c.notNull())
		.addColumn('source_id', 'text', (c) => c.notNull())
		.addColumn('name', 'text', (c) => c.notNull())
		// The upstream row as mapped (null for a place gone upstream).
		.addColumn('incoming', 'text')
		.addColumn('place_id', 'integer', (c) => c.references('places.id'))
		.addColumn('candidates', 'text', (c) => c.notNull())
		.addColumn('changes', 'text', (c) => c.notNull())
		.addColumn('decision', 'text', (c) =>
			c.notNull().check(sql`decision in ('pending', 'added', 'applied', 'merged', 'kept_both', 'kept_local', 'ignored', 'closed')`)
		)
		.addColumn('decided_by', 'integer', (c) => c.references('users.id'))
		.addColumn('decided_at', 'text')
		.execute();
	await db.schema.createIndex('import_review_items_review').on('import_review_items').columns(['review_id', 'kind']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('import_review_items').execute();
	await db.schema.dropTable('import_reviews').execute();
	await db.schema.dropTable('place_sources').execute();
}
