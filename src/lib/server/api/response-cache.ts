import { gzipSync } from 'node:zlib';

/**
 * Serialised API answers, kept while the directory does not change. Building a 10,000-feature
 * GeoJSON costs hundreds of milliseconds; sending the same bytes again costs almost nothing. The
 * key holds the catalogue's version, so any write makes old entries unreachable. Bodies are kept
 * encoded, and gzipped once for clients that accept it (a 5 MB GeoJSON is 0.3 MB gzipped).
 */
const MAX_ENTRIES = 200;
/** Below this, compressing costs more than it saves. */
const GZIP_FROM_BYTES = 16_384;

interface Entry {
	body: Uint8Array<ArrayBuffer>;
	gzip: Uint8Array<ArrayBuffer> | null;
}

const entries = new Map<string, Entry>();
const encoder = new TextEncoder();

function entryFor(key: string, build: () => string): Entry {
	const hit = entries.get(key);
	if (hit) {
		// Refresh its place: the map is iterated oldest first when trimming.
		entries.delete(key);
		entries.set(key, hit);
		return hit;
	}
	const body = encoder.encode(build());
	const entry: Entry = { body, gzip: body.byteLength >= GZIP_FROM_BYTES ? new Uint8Array(gzipSync(body, { level: 6 })) : null };
	entries.set(key, entry);
	if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
	return entry;
}

/** A response with the cached body, gzipped when the client says it accepts gzip. */
export function cachedResponse(
	request: Request,
	key: string,
	build: () => string,
	headers: Record<string, string>
): Response {
	const entry = entryFor(key, build);
	const gzip = entry.gzip !== null && /\bgzip\b/.test(request.headers.get('accept-encoding') ?? '');
	return new Response(gzip ? entry.gzip : entry.body, {
		headers: { ...headers, Vary: 'Accept-Encoding', ...(gzip ? { 'Content-Encoding': 'gzip' } : {}) }
	});
}

/** "Open now" answers change with the clock: such keys carry the current minute. */
export function timeBucket(search: URLSearchParams, now: Date): string {
	return search.get('quand') === 'maintenant' ? String(Math.floor(now.getTime() / 60_000)) : '';
}
