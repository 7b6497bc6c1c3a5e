/**
 * Request bodies (issue 11, item 5): only the import upload takes large bodies. Every other request
 * is refused on its Content-Length before its body is read, or as soon as a body without one
 * passes the small limit, with a French 413 (HTML for a browser, JSON for fetch). Against a server
 * started as `npm start` starts it (BODY_SIZE_LIMIT=25M); HTTP only: under tests/http, which one project runs.
 */
import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rawRequest } from '../raw-http';
import { readyOrExit, spawnApp, type Spawned } from '../spawned-server';


let dir = '';
let app: Spawned;
let coordinatorCookie = '';

const MB = 1024 * 1024;

test.beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'roubaix-bodies-'));
	const path = join(dir, 'base.sqlite');
	app = await spawnApp({ DATABASE_PATH: path, DATABASE_CREATE: '1', IP_RATE_FACTOR: '50' });
	expect(await readyOrExit(app), app.stderr()).toBe('ready');
	// A coordinator's session, written as the sign-in link would (only hashes are stored).
	const raw = randomBytes(32).toString('base64url');
	const db = new Database(path);
	const now = new Date();
	const user = db.prepare("insert into users (email, role, created_at) values (?, 'coordinator', ?) returning id").get('coordination@exemple.fr', now.toISOString()) as { id: number };
	db.prepare('insert into sessions (hash, user_id, created_at, expires_at) values (?, ?, ?, ?)').run(
		createHash('sha256').update(raw).digest('hex'),
		user.id,
		now.toISOString(),
		new Date(now.getTime() + 3_600_000).toISOString()
	);
	db.close();
	coordinatorCookie = `session=${raw}`;
});

test.afterAll(async () => {
	await app?.stop();
	if (dir) rmSync(dir, { recursive: true, force: true });
});

const formHeaders = () => ({ 'content-type': 'application/x-www-form-urlencoded', origin: app.origin });

test('un signalement de 24 Mo est refusé sur sa taille annoncée, avant d’être lu (page HTML)', async () => {
	const response = await rawRequest(`${app.origin}/lieux/1/signaler`, {
		headers: { ...formHeaders(), accept: 'text/html' },
		head: 'reason=other&message=',
		fill: 256 * 1024,
		declaredLength: 24 * MB,
		timeoutMs: 5_000
	});
	expect(response.status).toBe(413);
	expect(response.headers['content-type']).toMatch(/text\/html/);
	expect(response.body).toContain('lang="fr"');
	expect(response.body).toMatch(/trop volumineu/);
});

test('la même requête envoyée par fetch (use:enhance) reçoit du JSON', async () => {
	const response = await rawRequest(`${app.origin}/lieux/1/signaler`, {
		headers: { ...formHeaders(), accept: 'application/json', 'x-sveltekit-action': 'true' },
		fill: 64 * 1024,
		declaredLength: 24 * MB,
		timeoutMs: 5_000
	});
	expect(response.status).toBe(413);
	expect(response.headers['content-type']).toMatch(/application\/json/);
	const body = JSON.parse(response.body) as { type: string; error: { message: string } };
	expect(body.type).toBe('error');
	expect(body.error.message).toMatch(/trop volumineu/);
});

test('un corps sans Content-Length n’est pas lu au-delà de la petite limite', async () => {
	const response = await rawRequest(`${app.origin}/lieux/1/signaler`, {
		headers: { ...formHeaders(), accept: 'text/html' },
		head: 'reason=other&message=',
		fill: 8 * MB,
		timeoutMs: 10_000
	});
	expect(response.status).toBe(413);
	expect(response.sent).toBeLessThan(4 * MB);
});

test('un petit signalement passe toujours', async () => {
	const response = await fetch(`${app.origin}/lieux/1/signaler`, {
		method: 'POST',
		headers: { ...formHeaders(), accept: 'text/html' },
		body: 'reason=hours&message=Ferm%C3%A9%20le%20lundi'
	});
	expect(response.status).toBe(200);
	expect(await response.text()).toMatch(/Merci|envoy/i);
});

const BOUNDARY = '----roubaix-test';
const multipartHead = (name: string) =>
	`--${BOUNDARY}\r\nContent-Disposition: form-data; name="fichier"; filename="${name}"\r\nContent-Type: text/csv\r\n\r\n`;

test('l’import accepte un extrait de plusieurs mégaoctets (coordination)', async () => {
	const csv = 'nom;adresse\n' + 'x;y\n'.repeat((2 * MB) / 4);
	const body = `${multipartHead('gros.csv')}${csv}\r\n--${BOUNDARY}--\r\n`;
	const response = await fetch(`${app.origin}/admin/imports?/upload`, {
		method: 'POST',
		headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, origin: app.origin, cookie: coordinatorCookie },
		body,
		redirect: 'manual'
	});
	// Read and judged (its rows are refused), not cut off by a size limit.
	expect(response.status).not.toBe(413);
	expect(await response.text()).not.toMatch(/trop volumineux|illisible/);
});

test('au-delà de la limite, la page d’import dit « trop volumineux »', async () => {
	const response = await rawRequest(`${app.origin}/admin/imports?/upload`, {
		headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, origin: app.origin, cookie: coordinatorCookie, accept: 'text/html' },
		head: multipartHead('national.csv'),
		fill: 64 * 1024,
		declaredLength: 30 * MB,
		timeoutMs: 5_000
	});
	expect(response.status).toBe(413);
	expect(response.body).toContain('trop volumineux');
	// The import page itself, with its form, so the coordinator can pick a smaller file.
	expect(response.body).toContain('name="fichier"');
});
