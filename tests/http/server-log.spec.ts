/**
 * What the running server says and sends (issue 11, items 7, 9, 10), on a server of its own whose
 * stderr the test reads: a refused request is one log line, never a stack trace (item 9); a write
 * the database refuses at runtime is a French error page (item 7); Strict-Transport-Security is
 * sent when ORIGIN is https, and only then (item 10). HTTP only: under tests/http, which one project runs.
 */
import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readyOrExit, spawnApp, STACK_FRAME, type Spawned } from '../spawned-server';


let dir = '';
let path = '';
let app: Spawned;

test.beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'roubaix-log-'));
	path = join(dir, 'base.sqlite');
	app = await spawnApp({ DATABASE_PATH: path, DATABASE_CREATE: '1', IP_RATE_FACTOR: '50' });
	expect(await readyOrExit(app), app.stderr()).toBe('ready');
});

test.afterAll(async () => {
	await app?.stop();
	if (dir) rmSync(dir, { recursive: true, force: true });
});

/** stderr written from now on, once `work` is done and the server has had a moment to log. */
async function stderrDuring(work: () => Promise<void>): Promise<string> {
	const before = app.stderr().length;
	await work();
	await new Promise((resolve) => setTimeout(resolve, 300));
	return app.stderr().slice(before);
}

const post = (path: string, headers: Record<string, string>, body: string) =>
	fetch(`${app.origin}${path}`, { method: 'POST', headers: { origin: app.origin, accept: 'text/html', ...headers }, body, redirect: 'manual' });

test('400, 405 et 415 : une ligne chacun dans le journal, sans pile d’appels', async () => {
	const form = { 'content-type': 'application/x-www-form-urlencoded' };
	const cases: [string, () => Promise<Response>][] = [
		// A path that is not valid percent-encoding.
		['GET /lieux/%E0%A4%A 400', () => fetch(`${app.origin}/lieux/%E0%A4%A`, { headers: { accept: 'text/html' } })],
		// A page with no action at all.
		['POST /pilotage 405', () => post('/pilotage', form, 'x=1')],
		// An action sent JSON instead of a form.
		['POST /lieux/1/signaler 415', () => post('/lieux/1/signaler', { 'content-type': 'application/json' }, '{"reason":"hours"}')]
	];
	for (const [expected, send] of cases) {
		const logged = await stderrDuring(async () => {
			const response = await send();
			expect(response.status).toBe(Number(expected.split(' ').at(-1)));
			await response.arrayBuffer();
		});
		expect(logged, expected).not.toMatch(STACK_FRAME);
		const lines = logged.trim().split('\n');
		expect(lines, logged).toHaveLength(1);
		expect(lines[0]).toContain(expected);
	}
});

test('une écriture refusée par la base : page d’erreur en français, sans pile d’appels', async () => {
	// Another program holds the write lock longer than the app waits (busy_timeout, 5 s): the
	// report's write fails as it would on a read-only or full disk.
	const holder = new Database(path);
	holder.exec('begin exclusive');
	let response: Response | undefined;
	let logged = '';
	try {
		logged = await stderrDuring(async () => {
			response = await post('/lieux/1/signaler', { 'content-type': 'application/x-www-form-urlencoded' }, 'reason=hours&message=');
		});
	} finally {
		holder.exec('rollback');
		holder.close();
	}
	expect(response!.status).toBeGreaterThanOrEqual(500);
	const html = await response!.text();
	expect(html).toContain('Rien n’a été enregistré');
	expect(html).not.toMatch(/SqliteError|SQLITE_|at .*\.js:\d+/);
	expect(logged).not.toMatch(STACK_FRAME);
	expect(logged.trim().split('\n'), logged).toHaveLength(1);
});

test('Strict-Transport-Security : seulement quand ORIGIN est en https', async () => {
	const plain = await fetch(`${app.origin}/`);
	expect(plain.headers.get('strict-transport-security')).toBeNull();
	const secure = await spawnApp({ DATABASE_PATH: path, ORIGIN: 'https://carte.exemple.fr' });
	try {
		// The same file as the first server's: SQLite (WAL) lets both read it.
		expect(await readyOrExit(secure), secure.stderr()).toBe('ready');
		const response = await fetch(`${secure.origin}/`);
		expect(response.headers.get('strict-transport-security')).toMatch(/^max-age=\d{7,}/);
	} finally {
		await secure.stop();
	}
});
