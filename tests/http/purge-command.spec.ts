/**
 * `npm run purge`, as a person runs it (README, « Données personnelles »): on a real database it
 * says in French what it erased, kind by kind; on a mistyped path it refuses and creates nothing.
 * What each rule erases is tested in src/lib/server/privacy/purge.test.ts.
 */
import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RETENTION } from '../../src/lib/domain/retention';
import { readyOrExit, spawnApp } from '../spawned-server';

let dir = '';

test.beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'roubaix-purge-'));
});

test.afterAll(() => {
	if (dir) rmSync(dir, { recursive: true, force: true });
});

const purge = (databasePath: string) =>
	spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/purge.ts'], {
		env: { PATH: process.env.PATH ?? '', DATABASE_PATH: databasePath, DATABASE_URL: '' },
		encoding: 'utf8',
		timeout: 60_000
	});

test('sur une base réelle : un compte rendu en français, type par type', async () => {
	const database = join(dir, 'base.sqlite');
	const app = await spawnApp({ DATABASE_PATH: database, DATABASE_CREATE: '1' });
	expect(await readyOrExit(app), app.stderr()).toBe('ready');
	await app.stop();

	const run = purge(database);
	expect(run.status, run.stderr).toBe(0);
	const lines = run.stdout.trim().split('\n');
	expect(lines.slice(0, -1)).toEqual(RETENTION.map((rule) => `${rule.title} : 0 effacement`));
	expect(lines.at(-1)).toBe('Données personnelles : 0 effacement au total.');
});

test('un chemin mal tapé : refus en français, aucune base créée', async () => {
	const typo = join(dir, 'bsae.sqlite');
	const run = purge(typo);
	expect(run.status).toBe(1);
	expect(run.stderr).toContain('Purge impossible');
	expect(run.stderr).toContain(typo);
	expect(existsSync(typo)).toBe(false);
});
