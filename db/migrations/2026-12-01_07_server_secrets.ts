import type { Kysely } from 'kysely';

// Frozen. Secrets the server draws itself on first use and every instance shares, such as the key
// of the rate limits' hashes (a plain SHA-256 of an IPv4 address is reversed by trying them all).

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('server_secrets')
		.addColumn('name', 'text', (c) => c.primaryKey())
		.addColumn('value', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('server_secrets').execute();
}
