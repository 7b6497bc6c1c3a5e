import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../testing/database';
import { checkWritable, openDatabase, type Connection } from './connect';
import { StorageError, storageFault } from './faults';
import { checkSqliteFile } from './preflight';

/**
 * The start-up checks of issue 11 (item 7), on the engine under test (PostgreSQL when
 * TEST_DATABASE_URL is set): a database that cannot take writes is refused at start, in French.
 */
const dir = mkdtempSync(join(tmpdir(), 'roubaix-writable-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('checkWritable', () => {
	it('lets a writable database through, and changes nothing', async () => {
		const conn = await freshDatabase();
		await expect(checkWritable(conn)).resolves.toBeUndefined();
		await conn.db.destroy();
	});

	it('refuses a SQLite file opened read-only, in French', async () => {
		if (process.env.TEST_DATABASE_URL) return;
		const path = join(dir, 'ro.sqlite');
		openDatabase(path).sqlite!.close();
		const sqlite = new Database(path, { readonly: true });
		const conn: Connection = {
			db: new Kysely({ dialect: new SqliteDialect({ database: sqlite }) }),
			engine: 'sqlite',
			name: path,
			sqlite,
			exclusive: (task) => task()
		};
		await expect(checkWritable(conn)).rejects.toThrow(/lecture seule/);
		expect(sqlite.inTransaction).toBe(false);
		sqlite.close();
	});

	it('refuses a read-only PostgreSQL database, in French', async () => {
		if (!process.env.TEST_DATABASE_URL) return;
		const conn = await freshDatabase();
		const url = new URL(process.env.TEST_DATABASE_URL);
		url.pathname = new URL(conn.name).pathname;
		await sql`alter database ${sql.id(url.pathname.slice(1))} set default_transaction_read_only = on`.execute(conn.db);
		await conn.db.destroy();
		const reopened = openDatabase(url.toString());
		await expect(checkWritable(reopened)).rejects.toThrow(/PostgreSQL .* lecture seule/);
		await reopened.db.destroy();
	});
});

describe('checkSqliteFile', () => {
	it('refuses a missing file unless asked, and names DATABASE_CREATE=1', () => {
		const typo = join(dir, 'roubiax.sqlite');
		expect(() => checkSqliteFile(typo, false)).toThrow(/DATABASE_CREATE=1/);
		expect(checkSqliteFile(typo, true)).toEqual({ created: true });
	});

	it('says when the folder does not exist, and creates it when asked', () => {
		const deep = join(dir, 'a', 'b', 'base.sqlite');
		expect(() => checkSqliteFile(deep, false)).toThrow(/le dossier .* n’existe pas/);
		expect(checkSqliteFile(deep, true)).toEqual({ created: true });
	});

	it('refuses a folder given as the file', () => {
		expect(() => checkSqliteFile(dir, true)).toThrow(StorageError);
	});

	it('lets an existing writable file through', () => {
		const path = join(dir, 'ok.sqlite');
		writeFileSync(path, '');
		expect(checkSqliteFile(path, false)).toEqual({ created: false });
	});
});

describe('storageFault', () => {
	it('names the engines’ storage errors in French, and leaves bugs alone', () => {
		expect(storageFault(Object.assign(new Error('attempt to write a readonly database'), { code: 'SQLITE_READONLY' }))).toMatch(/lecture seule/);
		expect(storageFault(Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR_WRITE' }))).toMatch(/disque/);
		expect(storageFault(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).toMatch(/PostgreSQL/);
		expect(storageFault(Object.assign(new Error('read only'), { code: '25006' }))).toMatch(/lecture seule/);
		expect(storageFault(new TypeError('x is undefined'))).toBeNull();
	});
});
