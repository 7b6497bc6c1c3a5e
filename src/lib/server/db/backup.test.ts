import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackupRefusal, backupSqlite, inspectSqlite, restoreSqlite } from './backup';
import { openDatabase, type Connection } from './connect';
import { prepareDatabase } from '../seed/index';

// SQLite only: PostgreSQL is saved with pg_dump, which these functions refuse to stand in for.
let dir: string;
let app: Connection;
let appPath: string;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'sauvegarde-'));
	appPath = join(dir, 'app', 'roubaix.sqlite');
	app = openDatabase(appPath);
	await prepareDatabase(app.db, join(process.cwd(), 'db/seed'));
}, 60_000);

afterAll(async () => {
	await app.db.destroy();
	rmSync(dir, { recursive: true, force: true });
});

/** The directory as people see it: every place and offer, every column, in id order. */
function directory(path: string) {
	const db = new Database(path, { fileMustExist: true });
	try {
		return {
			places: db.prepare('select * from places order by id').all(),
			offers: db.prepare('select * from offers order by id').all()
		};
	} finally {
		db.close();
	}
}

describe('backup and restore', () => {
	it('copies a consistent database while another connection writes, and restores it', async () => {
		const before = directory(appPath);
		expect(before.places.length).toBeGreaterThan(30);

		// Another connection (as the running app would be) keeps writing during the copy, one
		// numbered row per transaction, into a table that is not the directory.
		const writer = new Database(appPath);
		writer.pragma('busy_timeout = 5000');
		const insert = writer.prepare(`insert into rate_events (key, at) values ('sauvegarde', ?)`);
		let written = 0;
		let writtenDuringCopy = 0;
		let copying = true;
		const timer = setInterval(() => {
			if (written >= 40) return;
			insert.run(String(++written).padStart(4, '0'));
			if (copying) writtenDuringCopy++;
		}, 1);
		let steps = 0;
		const file = join(dir, 'sauvegarde.sqlite');
		// A few pages per step, so the copy spans many turns of the event loop and meets the writes.
		const copy = await backupSqlite(appPath, file, { pagesPerStep: 20, onStep: () => steps++ });
		copying = false;
		clearInterval(timer);
		writer.close();

		expect(steps).toBeGreaterThan(1);
		expect(writtenDuringCopy).toBeGreaterThan(0);
		expect(copy).toMatchObject({ file, places: before.places.length, offers: before.offers.length });
		expect(copy.migrations).toBeGreaterThan(0);
		expect(readdirSync(dir).sort()).toEqual(['app', 'sauvegarde.sqlite']);

		// Consistent: the writer's rows in the copy are exactly its first k ones, none half there.
		const saved = new Database(file, { fileMustExist: true });
		const rows = (saved.prepare(`select at from rate_events where key = 'sauvegarde' order by at`).all() as { at: string }[]).map((r) => Number(r.at));
		expect(saved.pragma('integrity_check', { simple: true })).toBe('ok');
		saved.close();
		expect(rows).toEqual(Array.from({ length: rows.length }, (_, i) => i + 1));

		const restoredPath = join(dir, 'ailleurs', 'restauree.sqlite');
		const restored = restoreSqlite(file, restoredPath);
		expect(restored.previous).toBeNull();
		expect(directory(restoredPath)).toEqual(before);

		// The restored database opens as the app opens it, and migrating finds nothing to do.
		const reopened = openDatabase(restoredPath);
		await prepareDatabase(reopened.db, join(process.cwd(), 'db/seed'));
		const places = await reopened.db.selectFrom('places').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
		expect(Number(places.n)).toBe(before.places.length);
		await reopened.db.destroy();
	}, 60_000);

	it('refuses, writing nothing, when the file exists or the database is PostgreSQL', async () => {
		const existing = join(dir, 'deja-la.sqlite');
		writeFileSync(existing, 'une autre sauvegarde');
		const listing = readdirSync(dir).sort();
		await expect(backupSqlite(appPath, existing)).rejects.toThrow(/existe déjà/);
		expect(readFileSync(existing, 'utf8')).toBe('une autre sauvegarde');

		const pg = backupSqlite('postgres://carte@127.0.0.1:5432/roubaix', join(dir, 'pg.sqlite'));
		await expect(pg).rejects.toBeInstanceOf(BackupRefusal);
		await expect(pg).rejects.toThrow(/pg_dump --format=custom/);
		expect(() => restoreSqlite(existing, 'postgres://carte@127.0.0.1:5432/roubaix')).toThrow(/pg_restore --clean --if-exists --no-owner/);
		expect(readdirSync(dir).sort()).toEqual(listing);
	});

	it('restores only a database of this app, keeps the replaced one, and refuses while the app runs', async () => {
		const target = join(dir, 'cible', 'roubaix.sqlite');
		const file = join(dir, 'pour-restaurer.sqlite');
		await backupSqlite(appPath, file);

		const notSqlite = join(dir, 'texte.sqlite');
		writeFileSync(notSqlite, 'pas une base');
		expect(() => restoreSqlite(notSqlite, target)).toThrow(/pas une base SQLite/);
		const other = join(dir, 'autre.sqlite');
		const foreign = new Database(other);
		foreign.exec('create table places (id integer primary key)');
		foreign.close();
		expect(() => restoreSqlite(other, target)).toThrow(/table offers absente|table kysely_migration absente/);
		expect(existsSync(target)).toBe(false);

		// An older database at the target, still open by a "running app": refused, untouched.
		const running = openDatabase(target);
		running.sqlite!.exec(`create table places (id integer primary key, name text); insert into places (name) values ('ancienne')`);
		expect(() => restoreSqlite(file, target)).toThrow(/arrêtez l'application/);
		expect(existsSync(`${target}.avant-restauration`)).toBe(false);
		running.sqlite!.close();

		const restored = restoreSqlite(file, target);
		expect(restored.previous).toBe(`${target}.avant-restauration`);
		expect(inspectSqlite(target).places).toBe(directory(appPath).places.length);
		const kept = new Database(`${target}.avant-restauration`, { fileMustExist: true });
		expect(kept.prepare('select name from places').all()).toEqual([{ name: 'ancienne' }]);
		kept.close();
		expect(readdirSync(join(dir, 'cible')).sort()).toEqual(['roubaix.sqlite', 'roubaix.sqlite.avant-restauration']);

		// A second restore would overwrite the kept database: refused until it is moved away.
		expect(() => restoreSqlite(file, target)).toThrow(/avant-restauration existe déjà/);
	});
});
