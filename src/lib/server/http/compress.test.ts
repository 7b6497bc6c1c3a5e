import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compress } from './compress';
import { encodedEtag, negotiate, varyOnEncoding } from './encoding';

const html = `<!doctype html><ul>${Array.from({ length: 400 }, (_, i) => `<li>Lieu n° ${i}</li>`).join('')}</ul>`;
const request = (headers: Record<string, string> = {}, method = 'GET') => new Request('http://localhost/', { method, headers });
const page = (headers: Record<string, string> = {}, body: string | null = html, status = 200) =>
	new Response(body, { status, headers: { 'content-type': 'text/html', etag: '"abc"', ...headers } });
const bytes = async (r: Response) => Buffer.from(await r.arrayBuffer());

describe('negotiate', () => {
	it('prefers brotli, then gzip, and honours q-values and *', () => {
		expect(negotiate('gzip, deflate, br')).toBe('br');
		expect(negotiate('gzip')).toBe('gzip');
		expect(negotiate('br;q=0, gzip')).toBe('gzip');
		expect(negotiate('br;q=0.5, gzip;q=0.8')).toBe('gzip');
		expect(negotiate('*')).toBe('br');
		expect(negotiate('*;q=0, gzip')).toBe('gzip');
		expect(negotiate('identity')).toBeNull();
		expect(negotiate('deflate')).toBeNull();
		expect(negotiate('')).toBeNull();
		expect(negotiate(null)).toBeNull();
	});
});

describe('headers', () => {
	it('suffixes the ETag inside its quotes, and keeps a weak one weak', () => {
		expect(encodedEtag('"abc"', 'br')).toBe('"abc-br"');
		expect(encodedEtag('W/"abc"', 'gzip')).toBe('W/"abc-gzip"');
	});
	it('adds Accept-Encoding to Vary once', () => {
		const h = new Headers({ vary: 'Origin' });
		varyOnEncoding(h);
		varyOnEncoding(h);
		expect(h.get('vary')).toBe('Origin, Accept-Encoding');
		const star = new Headers({ vary: '*' });
		varyOnEncoding(star);
		expect(star.get('vary')).toBe('*');
	});
});

describe('compress', () => {
	it('sends brotli or gzip with Vary and a suffixed ETag; the body decodes to the plain one', async () => {
		const br = await compress(request({ 'accept-encoding': 'gzip, br' }), page());
		expect(br.headers.get('content-encoding')).toBe('br');
		expect(br.headers.get('vary')).toBe('Accept-Encoding');
		expect(br.headers.get('etag')).toBe('"abc-br"');
		const brBody = await bytes(br);
		expect(Number(br.headers.get('content-length'))).toBe(brBody.byteLength);
		expect(brBody.byteLength).toBeLessThan(html.length / 5);
		expect(brotliDecompressSync(brBody).toString('utf8')).toBe(html);

		const gz = await compress(request({ 'accept-encoding': 'gzip' }), page());
		expect(gz.headers.get('content-encoding')).toBe('gzip');
		expect(gz.headers.get('etag')).toBe('"abc-gzip"');
		expect(gunzipSync(await bytes(gz)).toString('utf8')).toBe(html);
	});

	it('leaves the body as it is for a client that accepts no encoding, but still says Vary', async () => {
		const plain = await compress(request(), page());
		expect(plain.headers.get('content-encoding')).toBeNull();
		expect(plain.headers.get('etag')).toBe('"abc"');
		expect(plain.headers.get('vary')).toBe('Accept-Encoding');
		expect((await bytes(plain)).toString('utf8')).toBe(html);
	});

	it('answers 304 to a revalidation of the encoded body, without a body', async () => {
		const r = await compress(request({ 'accept-encoding': 'br', 'if-none-match': '"abc-br"' }), page({ 'cache-control': 'no-cache' }));
		expect(r.status).toBe(304);
		expect(r.headers.get('etag')).toBe('"abc-br"');
		expect(r.headers.get('cache-control')).toBe('no-cache');
		expect(r.headers.get('vary')).toBe('Accept-Encoding');
		expect(r.body).toBeNull();
		// The plain body's tag does not validate the encoded one.
		const other = await compress(request({ 'accept-encoding': 'br', 'if-none-match': '"abc"' }), page());
		expect(other.status).toBe(200);
	});

	it('serves the same encoded bytes for the same ETag, and never another body under a reused tag', async () => {
		const first = await bytes(await compress(request({ 'accept-encoding': 'br' }), page()));
		const again = await bytes(await compress(request({ 'accept-encoding': 'br' }), page()));
		expect(again.equals(first)).toBe(true);
		const changed = html.replace('Lieu n° 7<', 'Lieu n° 8<');
		const collided = await compress(request({ 'accept-encoding': 'br' }), page({}, changed));
		expect(brotliDecompressSync(await bytes(collided)).toString('utf8')).toBe(changed);
	});

	it('skips small bodies, non-200 answers, HEAD, encoded bodies, no-transform and binary types', async () => {
		const accept = { 'accept-encoding': 'br, gzip' };
		const small = await compress(request(accept), page({}, '<p>court</p>'));
		expect(small.headers.get('content-encoding')).toBeNull();
		expect(await small.text()).toBe('<p>court</p>');

		expect((await compress(request(accept), page({}, html, 404))).headers.get('content-encoding')).toBeNull();
		expect((await compress(request(accept, 'HEAD'), page({}, null))).headers.get('content-encoding')).toBeNull();
		const already = page({ 'content-encoding': 'gzip' });
		expect(await compress(request(accept), already)).toBe(already);
		const noTransform = page({ 'cache-control': 'no-transform' });
		expect(await compress(request(accept), noTransform)).toBe(noTransform);
		const png = page({ 'content-type': 'image/png' });
		expect(await compress(request(accept), png)).toBe(png);
	});

	it('compresses JSON, GeoJSON, SVG and CSV', async () => {
		for (const type of ['application/json', 'application/geo+json; charset=utf-8', 'image/svg+xml', 'text/csv; charset=utf-8']) {
			const r = await compress(request({ 'accept-encoding': 'gzip' }), page({ 'content-type': type, etag: '' }));
			expect(r.headers.get('content-encoding'), type).toBe('gzip');
		}
	});
});
