import { encode, MIN_BYTES, negotiate, type Encoding } from '../http/encoding';
import { Lru } from '../lru';

/**
 * Serialised API answers, kept while the directory does not change. Building a 10,000-feature
 * GeoJSON costs hundreds of milliseconds; sending the same bytes again costs almost nothing. The
 * key holds the catalogue's version, so any write makes old entries unreachable. Bodies are kept
 * encoded, and brotli or gzip once for each encoding asked (a 3 MB GeoJSON is 0.2 MB in brotli):
 * the app-wide compression (src/lib/server/http/compress.ts) leaves these answers as they are.
 */
interface Entry {
	body: Uint8Array<ArrayBuffer>;
	encoded: Partial<Record<Encoding, Promise<Uint8Array<ArrayBuffer>>>>;
}

const entries = new Lru<Entry>(200);
const encoder = new TextEncoder();

function entryFor(key: string, build: () => string): Entry {
	return entries.getOrSet(key, () => ({ body: encoder.encode(build()), encoded: {} }));
}

/**
 * A response with the cached body, encoded when the client accepts brotli or gzip. `started`
 * (performance.now() when the handler began) gives a Server-Timing header: the handler's own
 * time, which the bench reads to tell the server's work from the machine's load.
 */
export async function cachedResponse(
	request: Request,
	key: string,
	build: () => string,
	headers: Record<string, string>,
	started?: number
): Promise<Response> {
	const entry = entryFor(key, build);
	const encoding = entry.body.byteLength >= MIN_BYTES ? negotiate(request.headers.get('accept-encoding')) : null;
	let body = entry.body;
	const extra: Record<string, string> = { Vary: 'Accept-Encoding' };
	if (encoding) {
		const pending = (entry.encoded[encoding] ??= encode(entry.body, encoding));
		pending.catch(() => delete entry.encoded[encoding]);
		body = await pending;
		extra['Content-Encoding'] = encoding;
		extra['Content-Length'] = String(body.byteLength);
	}
	if (started !== undefined) extra['Server-Timing'] = `app;dur=${(performance.now() - started).toFixed(2)}`;
	return new Response(body, { headers: { ...headers, ...extra } });
}

/** "Open now" answers change with the clock: such keys carry the current minute. */
export function timeBucket(search: URLSearchParams, now: Date): string {
	return search.get('quand') === 'maintenant' ? String(Math.floor(now.getTime() / 60_000)) : '';
}
