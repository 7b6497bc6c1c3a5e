/**
 * Storage faults at start (issue 11, item 7): each start-up below must end the process with a
 * non-zero code and one plain French line on stderr, never a stack trace, and create nothing it
 * was not asked to create. Each case spawns its own `npm start` (scripts/start.js) on its own
 * files; no browser, so they run once, in the `http` project.
 */
import { expect, test } from '@playwright/test';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, readyOrExit, spawnApp, STACK_FRAME, type Spawned } from '../spawned-server';

let dir = '';
let seeded = '';

test.beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'roubaix-storage-'));
	seeded = join(dir, 'seeded.sqlite');
	// A database made the documented way: a first start asked to create it, then stopped.
	const app = await spawnApp({ DATABASE_PATH: seeded, DATABASE_CREATE: '1' });
	expect(await readyOrExit(app), app.stderr()).toBe('ready');
	await app.stop();
	expect(existsSync(seeded)).toBe(true);
});

test.afterAll(() => {
	if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The refused start's stderr: one French line, no stack trace. */
async function refusedStart(app: Spawned): Promise<string> {
	expect(await readyOrExit(app), `le serveur a démarré :\n${app.stdout()}`).toBe('exited');
	expect(await app.exited).not.toBe(0);
	const lines = app.stderr().trim().split('\n');
	expect(app.stderr()).not.toMatch(STACK_FRAME);
	expect(lines, app.stderr()).toHaveLength(1);
	return lines[0] ?? '';
}

test('une base en lecture seule : refus au démarrage, en français', async () => {
	const readOnly = join(dir, 'lecture-seule.sqlite');
	copyFileSync(seeded, readOnly);
	chmodSync(readOnly, 0o444);
	const line = await refusedStart(await spawnApp({ DATABASE_PATH: readOnly }, { fileModesApply: true }));
	expect(line).toMatch(/lecture seule/);
	expect(line).toContain(readOnly);
});

test('un dossier où l’on ne peut pas écrire : refus clair, sans pile d’appels', async () => {
	const locked = join(dir, 'verrouille');
	mkdirSync(locked);
	chmodSync(locked, 0o555);
	const target = join(locked, 'base.sqlite');
	const line = await refusedStart(await spawnApp({ DATABASE_PATH: target, DATABASE_CREATE: '1' }, { fileModesApply: true }));
	expect(line).toMatch(/écrire|écriture/);
	expect(line).toContain(locked);
	expect(existsSync(target)).toBe(false);
});

test('un chemin mal tapé ne crée pas de base vide', async () => {
	const typo = join(dir, 'roubiax.sqlite');
	const line = await refusedStart(await spawnApp({ DATABASE_PATH: typo }));
	expect(line).toContain(typo);
	expect(line).toContain('DATABASE_CREATE=1');
	expect(existsSync(typo)).toBe(false);
});

test('un dossier absent : le message dit quoi faire', async () => {
	const absent = join(dir, 'nulle-part', 'encore');
	const line = await refusedStart(await spawnApp({ DATABASE_PATH: join(absent, 'base.sqlite') }));
	expect(line).toMatch(/dossier/);
	expect(line).toContain('DATABASE_CREATE=1');
	expect(existsSync(join(dir, 'nulle-part'))).toBe(false);
});

test('DATABASE_CREATE=1 crée la base demandée, dossier compris', async () => {
	const asked = join(dir, 'neuve', 'base.sqlite');
	const app = await spawnApp({ DATABASE_PATH: asked, DATABASE_CREATE: '1' });
	expect(await readyOrExit(app), app.stderr()).toBe('ready');
	await app.stop();
	expect(existsSync(asked)).toBe(true);
	expect(app.stdout()).toMatch(/Base créée/);
});

test('PostgreSQL injoignable : une ligne en français', async () => {
	const url = `postgres://roubaix:secret@127.0.0.1:${await freePort()}/roubaix`;
	const line = await refusedStart(await spawnApp({ DATABASE_URL: url }));
	expect(line).toMatch(/PostgreSQL/);
	expect(line).not.toContain('secret');
});
