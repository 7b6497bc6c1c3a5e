import type { Kysely } from 'kysely';

// Frozen. What the public directory of structures says about each actor beyond its name and public
// contact: its kind (null: « non précisé », never guessed here), a short presentation written by
// the structure, and a contact for professionals (a named referent and a direct line) that only
// signed-in members and the coordination see. All nullable: the seeded actors have none of them.

const COLUMNS = ['kind', 'presentation', 'pro_contact_name', 'pro_contact_phone'] as const;

export async function up(db: Kysely<any>): Promise<void> {
	for (const column of COLUMNS) await db.schema.alterTable('actors').addColumn(column, 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const column of COLUMNS) await db.schema.alterTable('actors').dropColumn(column).execute();
}
