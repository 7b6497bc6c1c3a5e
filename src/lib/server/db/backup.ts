import Database from 'better-sqlite3';
import { closeSync, copyFileSync, existsSync, linkSync, mkdirSync, openSync, readSync, renameSync, statSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isPostgresUrl } from './connect';

/**
 * Backup and restore of the embedded SQLite database (npm run backup / npm run restore).
 * PostgreSQL has its own tools: these functions refuse a `postgres://` target and name them.
 */

/** A refusal the scripts print as it is (French, for the person running them) and exit non-zero. */
export class BackupRefusal extends Error {}

export const PG_DUMP_COMMAND = 'pg_dump --format=custom --file=FICHIER.dump "$DATABASE_URL"';
export const PG_RESTORE_COMMAND = 'pg_restore --clean --if-exists --no-owner --dbname="$DATABASE_URL" FICHIER.dump';
/** Kysely's migration table: with `places`, what tells a database of this app from any SQLite file. */
const MIGRATION_TABLE = 'kysely_migration';

export interface DatabaseSummary {
	file: string;
	bytes: number;
	places: number;
	offers: number;
	migrations: number;
}

export interface BackupOptions {
	/**
	 * Pages copied per step. By default everything in one step: a step holds a read transaction,
	 * which in WAL mode never blocks the app's writers, whereas a copy in many steps restarts
	 * from the beginning each time another connection writes, and could starve on a busy app.
	 */
	pagesPerStep?: number;
	onStep?: (remainingPages: number, totalPages: number) => void;
}

/**
 * A consistent copy of the SQLite database at `sourcePath`, taken with SQLite's online backup
 * while the app keeps serving (and writing). Refuses, writing nothing, when `file` exists.
 */
export async function backupSqlite(sourcePath: string, file: string, options: BackupOptions = {}): Promise<DatabaseSummary> {
	if (isPostgresUrl(sourcePath)) {
		throw new BackupRefusal(`DATABASE_URL désigne une base PostgreSQL : sauvegardez-la avec pg_dump :\n  ${PG_DUMP_COMMAND}`);
	}
	if (existsSync(file)) throw new BackupRefusal(`${file} existe déjà : rien n'a été écrit. Choisissez un autre nom de fichier.`);
	if (!existsSync(dirname(file))) throw new BackupRefusal(`Le dossier ${dirname(file)} n'existe pas : rien n'a été écrit.`);
	if (!existsSync(sourcePath)) throw new BackupRefusal(`La base ${sourcePath} n'existe pas (DATABASE_PATH) : rien à sauvegarder.`);

	// Written aside, then linked to its name: a failed copy leaves nothing at `file`, and the link
	// fails rather than replace a file that appeared meanwhile.
	const partial = join(dirname(file), `.${basename(file)}.${process.pid}.partiel`);
	const source = new Database(sourcePath, { fileMustExist: true });
	try {
		source.pragma('busy_timeout = 5000');
		await source.backup(partial, {
			progress: ({ totalPages, remainingPages }) => {
				options.onStep?.(remainingPages, totalPages);
				return options.pagesPerStep ?? remainingPages;
			}
		});
		const summary = inspectSqlite(partial);
		linkSync(partial, file);
		return { ...summary, file };
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
			throw new BackupRefusal(`${file} est apparu pendant la sauvegarde : rien n'a été écrit à sa place.`);
		}
		throw error;
	} finally {
		source.close();
		for (const leftover of [partial, `${partial}-wal`, `${partial}-shm`, `${partial}-journal`]) {
			if (existsSync(leftover)) unlinkSync(leftover);
		}
	}
}

/**
 * Checks that `file` is a SQLite database of this app (the `places` table and the migrations
 * table, an intact file) and counts what it holds. Throws a BackupRefusal saying what is wrong.
 */
export function inspectSqlite(file: string): DatabaseSummary {
	if (!existsSync(file)) throw new BackupRefusal(`${file} n'existe pas.`);
	if (!hasSqliteHeader(file)) throw new BackupRefusal(`${file} n'est pas une base SQLite.`);
	// Not read-only: a read-only connection cannot remove the `-wal` and `-shm` it creates on close,
	// and would leave them beside the backup. Nothing here writes.
	const db = new Database(file, { fileMustExist: true });
	try {
		const tables = new Set(
			(db.prepare(`select name from sqlite_master where type = 'table'`).all() as { name: string }[]).map((t) => t.name)
		);
		for (const table of ['places', 'offers', MIGRATION_TABLE]) {
			if (!tables.has(table)) throw new BackupRefusal(`${file} n'est pas une base de la carte (table ${table} absente).`);
		}
		const check = db.pragma('quick_check', { simple: true });
		if (check !== 'ok') throw new BackupRefusal(`${file} est endommagé (quick_check : ${String(check)}).`);
		const count = (table: string) => (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
		return { file, bytes: statSync(file).size, places: count('places'), offers: count('offers'), migrations: count(MIGRATION_TABLE) };
	} finally {
		db.close();
	}
}

function hasSqliteHeader(file: string): boolean {
	const header = Buffer.alloc(16);
	const fd = openSync(file, 'r');
	try {
		return readSync(fd, header, 0, 16, 0) === 16 && header.toString('latin1') === 'SQLite format 3\0';
	} finally {
		closeSync(fd);
	}
}

export interface RestoreResult extends DatabaseSummary {
	/** Where the replaced database went, or null when there was none. */
	previous: string | null;
}

/**
 * Replaces the database at `targetPath` with the backup `file`, once the app is stopped. The
 * replaced database is kept as `<targetPath>.avant-restauration`; nothing is touched on refusal.
 */
export function restoreSqlite(file: string, targetPath: string): RestoreResult {
	if (isPostgresUrl(targetPath)) {
		throw new BackupRefusal(`DATABASE_URL désigne une base PostgreSQL : restaurez-la avec pg_restore :\n  ${PG_RESTORE_COMMAND}`);
	}
	const summary = inspectSqlite(file);
	const previous = `${targetPath}.avant-restauration`;
	if (existsSync(targetPath)) {
		if (existsSync(previous)) {
			throw new BackupRefusal(`${previous} existe déjà (restauration précédente) : déplacez-le d'abord, rien n'a été touché.`);
		}
		foldWal(targetPath);
	}
	// Copied next to the target, then renamed over it: the target is never half written.
	mkdirSync(dirname(targetPath), { recursive: true });
	const incoming = join(dirname(targetPath), `.${basename(targetPath)}.${process.pid}.restauration`);
	copyFileSync(file, incoming);
	let moved: string | null = null;
	if (existsSync(targetPath)) {
		renameSync(targetPath, previous);
		moved = previous;
	}
	renameSync(incoming, targetPath);
	return { ...summary, file: targetPath, previous: moved };
}

/**
 * Writes the target's WAL into its main file, so the file kept aside is complete and no stale
 * `-wal` is left beside the restored one (SQLite would replay it over the restored data). The
 * app must be stopped: while another process has the database open, SQLite keeps its `-wal`,
 * which is how a running app is told.
 */
function foldWal(path: string): void {
	const db = new Database(path, { fileMustExist: true });
	try {
		db.pragma('busy_timeout = 2000');
		db.pragma('wal_checkpoint(TRUNCATE)');
	} finally {
		db.close();
	}
	if (existsSync(`${path}-wal`)) {
		throw new BackupRefusal(`${path} est encore ouverte par un autre programme : arrêtez l'application avant de restaurer. Rien n'a été touché.`);
	}
	if (existsSync(`${path}-shm`)) unlinkSync(`${path}-shm`);
}

/** « 12,4 Mo » */
export function formatSize(bytes: number): string {
	const nf = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
	return bytes >= 1e6 ? `${nf.format(bytes / 1e6)} Mo` : `${nf.format(bytes / 1e3)} Ko`;
}
