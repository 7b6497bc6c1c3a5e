import { sql, type Kysely } from 'kysely';

// Frozen. Where each change came from, said by the write itself rather than guessed from its
// wording: an upstream extract (the importer or the import review), the structure (its own form,
// published directly or once approved), or the City's coordination (its edits and rollbacks).

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('revisions')
		.addColumn('origin', 'text', (c) =>
			c.notNull().defaultTo('structure').check(sql`origin in ('import', 'structure', 'coordination')`)
		)
		.execute();
	// Before this column, the import review said so in the reason, and a coordinator's own edit
	// was one whose author is a coordinator; everything else came from a structure.
	await sql`update revisions set origin = 'coordination'
		where author_id in (select id from users where role = 'coordinator')`.execute(db);
	await sql`update revisions set origin = 'import' where substr(reason, 1, 7) = 'Import '`.execute(db);
	await db.schema.createIndex('revisions_origin').on('revisions').column('origin').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('revisions_origin').execute();
	await db.schema.alterTable('revisions').dropColumn('origin').execute();
}
