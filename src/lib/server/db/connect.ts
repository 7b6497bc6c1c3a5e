import Database from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, type MigrationProvider } from 'kysely';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrations } from '../../../../db/migrations/index';
import type { Database as Schema } from './schema';

export type DB = Kysely<Schema>;

export interface Connection {
	db: DB;
	/** The raw handle, for SQLite-only needs such as `PRAGMA data_version`. */
	sqlite: Database.Database;
}

export function openDatabase(path: string): Connection {
	if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
	const sqlite = new Database(path);
	// WAL lets the server keep reading while an import writes; busy_timeout covers the short write lock.
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('busy_timeout = 5000');
	sqlite.pragma('synchronous = NORMAL');
	const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: sqlite }) });
	return { db, sqlite };
}

const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function migrate(db: DB): Promise<void> {
	const migrator = new Migrator({ db, provider });
	const { error, results } = await migrator.migrateToLatest();
	const failed = results?.find((r) => r.status === 'Error');
	if (error || failed) {
		throw new Error(`Migration impossible (${failed?.migrationName ?? 'inconnue'}) : ${String(error)}`);
	}
}
