import Database from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql, type MigrationProvider } from 'kysely';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import pg from 'pg';
import { migrations } from '../../../../db/migrations/index';
import { StorageError } from './faults';
import type { Database as Schema } from './schema';

export type DB = Kysely<Schema>;
export type Engine = 'sqlite' | 'postgres';

export interface Connection {
	db: DB;
	engine: Engine;
	/** Tells databases apart in process caches: the file path, or the PostgreSQL URL without its password. */
	name: string;
	/** SQLite only: the raw handle, for the online backup. Null on PostgreSQL. */
	sqlite: Database.Database | null;
	/**
	 * Runs `task` while no other process runs one on this database: two instances starting on an
	 * empty PostgreSQL database must not both seed it. (One process owns a SQLite file.)
	 */
	exclusive<T>(task: () => Promise<T>): Promise<T>;
}

export const isPostgresUrl = (target: string): boolean => /^postgres(ql)?:\/\//i.test(target);

// PostgreSQL returns bigint (counts, sums) and numeric as strings to keep their precision; the
// directory's counts are far below 2^53, so numbers are what every caller expects on both engines.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));

/** A SQLite file (or `:memory:`), or a PostgreSQL database when given a `postgres://` URL. */
export function openDatabase(target: string): Connection {
	return isPostgresUrl(target) ? openPostgres(target) : openSqlite(target);
}

function openSqlite(path: string): Connection {
	if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
	const sqlite = new Database(path);
	// WAL lets the server keep reading while an import writes; busy_timeout covers the short write lock.
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('busy_timeout = 5000');
	sqlite.pragma('synchronous = NORMAL');
	const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: sqlite }) });
	// Every `:memory:` database is a different one: the process caches keyed on the name (the
	// catalogue, the geography) must not take one for another at the same directory version.
	const name = path === ':memory:' ? `:memory:${++memoryDatabases}` : path;
	return { db, engine: 'sqlite', name, sqlite, exclusive: (task) => task() };
}

let memoryDatabases = 0;

function openPostgres(url: string): Connection {
	const pool = new pg.Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
	// An idle client that loses its server (a restart, a failover) must not crash the process.
	pool.on('error', (error) => console.error(`PostgreSQL : connexion perdue (${error.message})`));
	const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
	return { db, engine: 'postgres', name: redactedUrl(url), sqlite: null, exclusive: (task) => withAdvisoryLock(url, task) };
}

/** An arbitrary constant: the key of the session-level lock taken around the first start. */
const STARTUP_LOCK = 5_951_200;

async function withAdvisoryLock<T>(url: string, task: () => Promise<T>): Promise<T> {
	// Its own client, outside the pool: the lock lives as long as this session, whatever the task does.
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		await client.query('select pg_advisory_lock($1)', [STARTUP_LOCK]);
		return await task();
	} finally {
		await client.query('select pg_advisory_unlock($1)', [STARTUP_LOCK]).catch(() => {});
		await client.end();
	}
}

export function redactedUrl(url: string): string {
	try {
		const parsed = new URL(url);
		parsed.password = '';
		return parsed.toString();
	} catch {
		return 'postgres';
	}
}

/**
 * At start: proves the database takes writes, so a read-only one is refused then rather than
 * answering 500 to every write later. Changes nothing (a write rolled back).
 */
export async function checkWritable(connection: Connection): Promise<void> {
	if (connection.sqlite) {
		const sqlite = connection.sqlite;
		const version = Number(sqlite.pragma('user_version', { simple: true }));
		try {
			sqlite.exec('begin immediate');
			sqlite.pragma(`user_version = ${version}`);
		} catch (error) {
			if ((error as { code?: string }).code !== 'SQLITE_READONLY') throw error;
			throw new StorageError(`La base ${connection.name} est en lecture seule : SQLite refuse d’y écrire (fichier, dossier ou disque protégé en écriture).`);
		} finally {
			if (sqlite.inTransaction) sqlite.exec('rollback');
		}
		return;
	}
	// A connection that hangs (a firewall dropping packets) must end the start too, not wait forever.
	const probe = sql<{ recovery: boolean; read_only: string }>`select pg_is_in_recovery() as recovery, current_setting('transaction_read_only') as read_only`.execute(connection.db);
	const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new StorageError(`le serveur PostgreSQL (${connection.name}) ne répond pas après 15 secondes`)), 15_000).unref());
	const { rows } = await Promise.race([probe, timeout]);
	if (rows[0]?.recovery || rows[0]?.read_only === 'on') {
		throw new StorageError(`La base PostgreSQL ${connection.name} est en lecture seule (serveur de secours, ou default_transaction_read_only) : donnez à DATABASE_URL le serveur principal, où l’on peut écrire.`);
	}
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
