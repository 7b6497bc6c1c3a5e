/**
 * Compressed answers (src/lib/server/http/compress.ts and the API's response cache), by direct
 * HTTP requests: node:http sends exactly the headers given and decodes nothing, so the test sees
 * the bytes on the wire. No browser: they run once, in the `http` project.
 */
import { request as httpRequest } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { expect, test } from '../fixtures';
import { E2E_PORT } from '../e2e-server';

interface Raw {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	body: Buffer;
}

function get(path: string, headers: Record<string, string> = {}): Promise<Raw> {
	return new Promise((resolve, reject) => {
		const req = httpRequest({ host: '127.0.0.1', port: E2E_PORT, path, headers }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
			res.on('error', reject);
		});
		req.on('error', reject);
		req.end();
	});
}

function decoded(r: Raw): Buffer {
	const encoding = r.headers['content-encoding'];
	if (encoding === 'br') return brotliDecompressSync(r.body);
	if (encoding === 'gzip') return gunzipSync(r.body);
	expect(encoding).toBeUndefined();
	return r.body;
}

const varies = (r: Raw) => /\baccept-encoding\b/i.test(String(r.headers.vary ?? ''));

/** What each kind of answer must weigh on the wire at most, compressed (the targets for the pages). */
const ROUTES: { path: string; type: RegExp; maxBytes?: number; ownGzip?: boolean }[] = [
	{ path: '/', type: /^text\/html/, maxBytes: 20_000 },
	{ path: '/pilotage', type: /^text\/html/, maxBytes: 60_000 },
	{ path: '/api/v1/offers', type: /^application\/json/ },
	{ path: '/api/v1/offers.geojson', type: /^application\/geo\+json/ },
	{ path: '/api/v1/places.geojson', type: /^application\/geo\+json/ },
	{ path: '/carte.svg', type: /^image\/svg\+xml/ },
	// The exports gzip their own cached bodies (src/lib/server/export/http.ts), even for a client that also takes brotli.
	{ path: '/api/v1/export.csv', type: /^text\/csv/, ownGzip: true }
];

test.describe('compression des réponses', () => {
	for (const { path, type, maxBytes, ownGzip } of ROUTES) {
		test(`${path} : brotli et gzip, décodés identiques au corps en clair`, async () => {
			const plain = await get(path);
			expect(plain.status).toBe(200);
			expect(String(plain.headers['content-type'])).toMatch(type);
			expect(plain.headers['content-encoding']).toBeUndefined();
			expect(varies(plain)).toBe(true);
			for (const encoding of ['br', 'gzip'] as const) {
				const r = await get(path, { 'accept-encoding': encoding === 'br' ? 'gzip, deflate, br' : 'gzip' });
				expect(r.status).toBe(200);
				expect(r.headers['content-encoding']).toBe(ownGzip ? 'gzip' : encoding);
				expect(varies(r)).toBe(true);
				expect(Number(r.headers['content-length'] ?? r.body.byteLength)).toBe(r.body.byteLength);
				expect(decoded(r).equals(plain.body)).toBe(true);
				expect(r.body.byteLength).toBeLessThan(plain.body.byteLength / 3);
				if (maxBytes && encoding === 'br') expect(r.body.byteLength).toBeLessThan(maxBytes);
			}
		});
	}

	test('Accept-Encoding respecté : q=0, identity, sans en-tête', async () => {
		expect((await get('/', { 'accept-encoding': 'br;q=0, gzip' })).headers['content-encoding']).toBe('gzip');
		expect((await get('/', { 'accept-encoding': 'identity' })).headers['content-encoding']).toBeUndefined();
		expect((await get('/', { 'accept-encoding': 'br;q=0, gzip;q=0' })).headers['content-encoding']).toBeUndefined();
		expect((await get('/')).headers['content-encoding']).toBeUndefined();
	});

	test('ETag : une étiquette par codage, et le 304 reste juste', async () => {
		const plain = await get('/');
		const br = await get('/', { 'accept-encoding': 'br' });
		const gz = await get('/', { 'accept-encoding': 'gzip' });
		const tag = String(plain.headers.etag);
		expect(tag).toMatch(/^"[^"]+"$/);
		expect(br.headers.etag).toBe(tag.replace(/"$/, '-br"'));
		expect(gz.headers.etag).toBe(tag.replace(/"$/, '-gzip"'));

		// Each tag validates its own body only.
		const again = await get('/', { 'accept-encoding': 'br', 'if-none-match': String(br.headers.etag) });
		expect(again.status).toBe(304);
		expect(again.body.byteLength).toBe(0);
		expect(again.headers.etag).toBe(br.headers.etag);
		expect(varies(again)).toBe(true);
		expect((await get('/', { 'if-none-match': tag })).status).toBe(304);
		expect((await get('/', { 'accept-encoding': 'br', 'if-none-match': tag })).status).toBe(200);
		const switched = await get('/', { 'accept-encoding': 'gzip', 'if-none-match': String(br.headers.etag) });
		expect(switched.status).toBe(200);
		expect(switched.headers['content-encoding']).toBe('gzip');
		// Weak comparison, as If-None-Match asks.
		expect((await get('/', { 'accept-encoding': 'br', 'if-none-match': `W/${br.headers.etag}` })).status).toBe(304);
	});

	test('export CSV : son ETag et son 304 avec gzip comme avec brotli', async () => {
		for (const accept of ['gzip', 'br']) {
			const first = await get('/api/v1/export.csv', { 'accept-encoding': accept });
			expect(first.status).toBe(200);
			expect(first.headers['content-encoding']).toBe(accept);
			const tag = String(first.headers.etag);
			const again = await get('/api/v1/export.csv', { 'accept-encoding': accept, 'if-none-match': tag });
			expect(again.status).toBe(304);
			expect(again.body.byteLength).toBe(0);
		}
	});

	test('petits corps et réponses sans corps : rien à coder', async () => {
		const empty = await get('/api/v1/offers?q=aucun-lieu-ne-porte-ce-nom', { 'accept-encoding': 'br, gzip' });
		expect(empty.status).toBe(200);
		expect(empty.body.byteLength).toBeLessThan(1024);
		expect(empty.headers['content-encoding']).toBeUndefined();
		expect(JSON.parse(empty.body.toString('utf8')).total).toBe(0);
		const missing = await get('/lieux/999999', { 'accept-encoding': 'br, gzip' });
		expect(missing.status).toBe(404);
		expect(missing.headers['content-encoding']).toBeUndefined();
	});
});
