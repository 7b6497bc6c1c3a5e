import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invalidateCatalogue } from '../catalogue';
import type { Connection } from '../db/connect';
import { run, seededDatabase } from '../testing/database';
import { exportFileName, exportResponse, isNotModified, preflight, unknownParameters, type ExportFormat } from './http';

let conn: Connection;
const NOW = new Date('2026-11-25T23:30:00.000Z');

beforeAll(async () => {
	conn = await seededDatabase();
});

afterAll(async () => {
	await conn.db.destroy();
});

const get = (format: ExportFormat, headers: Record<string, string> = {}, query = '') =>
	exportResponse(new Request(`http://localhost/api/v1/export.${format}${query}`, { headers }), new URL(`http://localhost/api/v1/export.${format}${query}`), format, {
		connection: conn,
		now: NOW
	});

describe('conditional GET', () => {
	const etag = '"abc"';
	const lastModified = new Date('2026-11-25T10:00:00.500Z');
	const headers = (h: Record<string, string>) => new Headers(h);

	it.each([
		[{ 'if-none-match': '"abc"' }, true],
		[{ 'if-none-match': 'W/"abc"' }, true],
		[{ 'if-none-match': '"abc-gzip"' }, true],
		[{ 'if-none-match': '"x", "abc"' }, true],
		[{ 'if-none-match': '*' }, true],
		[{ 'if-none-match': '"other"' }, false],
		// If-None-Match decides alone, even with a date that would match.
		[{ 'if-none-match': '"other"', 'if-modified-since': 'Thu, 26 Nov 2026 00:00:00 GMT' }, false],
		[{ 'if-modified-since': 'Wed, 25 Nov 2026 10:00:00 GMT' }, true],
		[{ 'if-modified-since': 'Wed, 25 Nov 2026 09:59:59 GMT' }, false],
		[{ 'if-modified-since': 'pas une date' }, false],
		[{}, false]
	])('%j → %s', (h, expected) => {
		expect(isNotModified(headers(h), etag, lastModified)).toBe(expected);
	});
});

describe('exportResponse', () => {
	it('sends the body with licence, attribution, CORS, a dated attachment, ETag and Last-Modified', async () => {
		const response = await get('csv');
		expect(response.status).toBe(200);
		const h = Object.fromEntries(response.headers);
		expect(h).toMatchObject({
			'content-type': 'text/csv; charset=utf-8; header=present',
			'content-disposition': 'attachment; filename="20261126_lieux-de-mediation-numerique_Roubaix.csv"',
			link: '<https://www.etalab.gouv.fr/licence-ouverte-open-licence/>; rel="license"',
			'x-licence': 'Licence Ouverte 2.0 (etalab-2.0)',
			'x-attribution': "Ville de Roubaix, d'apres la cartographie nationale des lieux de mediation numerique (ANCT)",
			'access-control-allow-origin': '*',
			'cache-control': 'public, no-cache'
		});
		expect(h.etag).toMatch(/^"[\w-]{32}"$/);
		expect(new Date(h['last-modified']!).getTime()).not.toBeNaN();
		// Response.text() would drop the byte order mark: look at the bytes.
		const bytes = new Uint8Array(await response.arrayBuffer());
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).startsWith('\uFEFFid;pivot;nom;')).toBe(true);
	});

	it('answers 304 to its own ETag or date, with the headers and no body', async () => {
		const first = await get('json');
		const etag = first.headers.get('etag')!;
		const notModified = await get('json', { 'if-none-match': etag });
		expect(notModified.status).toBe(304);
		expect(await notModified.text()).toBe('');
		expect(notModified.headers.get('etag')).toBe(etag);
		expect(notModified.headers.get('access-control-allow-origin')).toBe('*');
		expect(notModified.headers.get('link')).toContain('rel="license"');
		expect((await get('json', { 'if-modified-since': first.headers.get('last-modified')! })).status).toBe(304);
	});

	it('gzips for a client that accepts it, under its own ETag that still revalidates', async () => {
		const plain = await get('json');
		const zipped = await get('json', { 'accept-encoding': 'gzip, deflate' });
		expect(zipped.headers.get('content-encoding')).toBe('gzip');
		expect(zipped.headers.get('etag')).toBe(plain.headers.get('etag')!.replace(/"$/, '-gzip"'));
		expect(gunzipSync(new Uint8Array(await zipped.arrayBuffer())).toString('utf8')).toBe(await plain.text());
		expect((await get('json', { 'if-none-match': zipped.headers.get('etag')! })).status).toBe(304);
	});

	it('a change in the directory changes the ETag', async () => {
		const first = await get('geojson');
		const before = first.headers.get('etag');
		// Derived from the data, not the calendar: the seed is dated the day the database is created.
		const later = new Date(Date.parse(first.headers.get('last-modified')!) + 86_400_000);
		await run(conn, "update places set name = 'PARKOUR 59 (Pile)', updated_at = ? where name = 'PARKOUR 59'", later.toISOString());
		invalidateCatalogue();
		const after = await get('geojson');
		expect(after.headers.get('etag')).not.toBe(before);
		expect(after.headers.get('last-modified')).toBe(later.toUTCString());
		expect(await after.text()).toContain('PARKOUR 59 (Pile)');
	});

	it('refuses any parameter with a 400 that names it', async () => {
		const response = await get('csv', {}, '?format=xlsx');
		expect(response.status).toBe(400);
		expect(response.headers.get('access-control-allow-origin')).toBe('*');
		expect(await response.json()).toEqual({ error: 'Paramètres invalides', errors: [{ parameter: 'format', message: 'Paramètre inconnu : « format ».' }] });
		expect(unknownParameters(new URL('http://x/?a=1&b=2&a=3'))?.status).toBe(400);
		expect(unknownParameters(new URL('http://x/?type=iris'), ['type'])).toBeNull();
	});

	it('answers a browser’s preflight', () => {
		const response = preflight();
		expect(response.status).toBe(204);
		expect(response.headers.get('access-control-allow-headers')).toBe('If-None-Match, If-Modified-Since');
	});

	it('names files by the day in Paris', () => {
		expect(exportFileName('json', new Date('2026-11-25T12:00:00Z'))).toBe('20261125_lieux-de-mediation-numerique_Roubaix.json');
		expect(exportFileName('csv', new Date('2026-12-31T23:30:00Z'))).toBe('20270101_lieux-de-mediation-numerique_Roubaix.csv');
	});
});
