import { sql, type Kysely } from 'kysely';
import { isPostgres } from './dialect';

// Frozen. One counter for the whole directory, bumped by the database itself whenever a table the
// catalogue is built from changes, whoever writes (this instance, another one, `npm run import`).
// Each instance compares it with the version its in-memory catalogue was built at.

const TABLES = ['actors', 'places', 'offers', 'place_areas', 'quality_flags', 'areas'] as const;

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('directory_version')
		.addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
		.addColumn('version', 'integer', (c) => c.notNull())
		// PostgreSQL only: the transaction that last bumped it, so a transaction bumps it once.
		.addColumn('bumped_by', 'text')
		.execute();
	await db.insertInto('directory_version').values({ id: 1, version: 1 }).execute();

	if (isPostgres(db)) {
		// A deferred constraint trigger runs at commit: the row is locked only then, so two
		// transactions writing places in a different order cannot deadlock on the counter, and
		// the new version becomes visible together with the data it stands for.
		await sql`create function bump_directory_version() returns trigger language plpgsql as $$
			begin
				update directory_version set version = version + 1, bumped_by = txid_current()::text
				where id = 1 and bumped_by is distinct from txid_current()::text;
				return null;
			end $$`.execute(db);
		for (const table of TABLES) {
			await sql`create constraint trigger ${sql.raw(`${table}_directory_version`)}
				after insert or update or delete on ${sql.table(table)}
				deferrable initially deferred for each row execute function bump_directory_version()`.execute(db);
		}
		return;
	}
	for (const table of TABLES) {
		for (const event of ['insert', 'update', 'delete']) {
			await sql`create trigger ${sql.raw(`${table}_${event}_directory_version`)} after ${sql.raw(event)} on ${sql.table(table)}
				begin update directory_version set version = version + 1 where id = 1; end`.execute(db);
		}
	}
}

export async function down(db: Kysely<any>): Promise<void> {
	if (isPostgres(db)) {
		for (const table of TABLES) await sql`drop trigger ${sql.raw(`${table}_directory_version`)} on ${sql.table(table)}`.execute(db);
		await sql`drop function bump_directory_version()`.execute(db);
	} else {
		for (const table of TABLES) {
			for (const event of ['insert', 'update', 'delete']) await sql`drop trigger ${sql.raw(`${table}_${event}_directory_version`)}`.execute(db);
		}
	}
	await db.schema.dropTable('directory_version').execute();
}
