import type { RequestEvent, ResolveOptions } from '@sveltejs/kit';
import { Lru } from '../lru';
import { encode, encodedEtag, isCompressible, MIN_BYTES, negotiate, varyOnEncoding, type Encoding } from './encoding';

/**
 * Gzip or brotli for what the app renders itself (HTML, JSON, GeoJSON, SVG, CSV); static files
 * are precompressed by adapter-node. The home page's 80 KB of HTML becomes about 10 KB.
 *
 * Applied in the `handle` hook by wrapping `resolve`. Left alone: anything but a 200 (a 304 has no
 * body, a 206 is a byte range of the plain body), bodies already encoded (the API's cached
 * answers and the exports bring their own), `Cache-Control: no-transform`, small bodies, and
 * media that are compressed already. Bodies with an ETag are the same bytes for the same tag:
 * their encoded form is kept, so the pages SvelteKit renders again and again (same version, same
 * filters) are encoded once.
 */
type Resolve = (event: RequestEvent, opts?: ResolveOptions) => Response | Promise<Response>;

/** Larger bodies pass as they are (read in full first, they would be held in memory whole). */
const MAX_BYTES = 8_000_000;
/** Encoded bodies kept, by ETag; an entry also holds its plain body, to compare on each hit. */
const encodedByEtag = new Lru<{ plain: Uint8Array; encoded: Partial<Record<Encoding, Promise<Uint8Array<ArrayBuffer>>>> }>(64);
const CACHE_UP_TO_BYTES = 1_000_000;

export function compressed(resolve: Resolve): Resolve {
	return async (event, opts) => compress(event.request, await resolve(event, opts));
}

export async function compress(request: Request, response: Response): Promise<Response> {
	const { headers } = response;
	if (
		request.method !== 'GET' ||
		response.status !== 200 ||
		!response.body ||
		headers.has('content-encoding') ||
		/\bno-transform\b/i.test(headers.get('cache-control') ?? '') ||
		!isCompressible(headers.get('content-type'))
	) {
		return response;
	}
	const declared = Number(headers.get('content-length') ?? NaN);
	if (declared < MIN_BYTES || declared > MAX_BYTES) return response;

	const read = await readUpTo(response.body, MAX_BYTES);
	if (read.rest) return new Response(read.rest, response); // too large: replayed as it came
	const plain = read.body;
	if (plain.byteLength < MIN_BYTES) return withBody(response, plain, headers);

	const out = new Headers(headers);
	varyOnEncoding(out);
	const encoding = negotiate(request.headers.get('accept-encoding'));
	if (!encoding) return withBody(response, plain, out);

	const etag = headers.get('etag');
	out.set('content-encoding', encoding);
	if (etag) out.set('etag', encodedEtag(etag, encoding));
	// The client holds this very body: answer 304 here, before spending time encoding it again.
	if (etag && ifNoneMatchHas(request, out.get('etag')!)) return notModified(out);

	const body = await encodedBody(plain, encoding, etag);
	out.set('content-length', String(body.byteLength));
	return new Response(body, { status: response.status, statusText: response.statusText, headers: out });
}

function withBody(response: Response, body: Uint8Array<ArrayBuffer>, headers: Headers): Response {
	return new Response(body, { status: response.status, statusText: response.statusText, headers });
}

/** The headers RFC 9110 § 15.4.5 keeps on a 304, as SvelteKit's own 304 does. */
function notModified(headers: Headers): Response {
	const kept = new Headers();
	for (const name of ['etag', 'cache-control', 'content-location', 'date', 'expires', 'vary']) {
		const value = headers.get(name);
		if (value) kept.set(name, value);
	}
	for (const cookie of headers.getSetCookie()) kept.append('set-cookie', cookie);
	return new Response(null, { status: 304, headers: kept });
}

function ifNoneMatchHas(request: Request, etag: string): boolean {
	const header = request.headers.get('if-none-match');
	if (!header) return false;
	if (header.trim() === '*') return true;
	const bare = etag.replace(/^W\//, '');
	return header.split(',').some((t) => t.trim().replace(/^W\//, '') === bare);
}

async function encodedBody(plain: Uint8Array<ArrayBuffer>, encoding: Encoding, etag: string | null): Promise<Uint8Array<ArrayBuffer>> {
	if (!etag || plain.byteLength > CACHE_UP_TO_BYTES) return encode(plain, encoding);
	let entry = encodedByEtag.get(etag);
	// An ETag is a short hash: the plain bytes are compared too, so a collision cannot serve another body.
	if (!entry || !sameBytes(entry.plain, plain)) entry = encodedByEtag.set(etag, { plain, encoded: {} });
	const pending = (entry.encoded[encoding] ??= encode(plain, encoding));
	pending.catch(() => encodedByEtag.delete(etag));
	return pending;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
	return a.byteLength === b.byteLength && Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b);
}

/** The whole body if it fits in `max` bytes; otherwise a stream that replays it from the start. */
async function readUpTo(
	stream: ReadableStream<Uint8Array>,
	max: number
): Promise<{ body: Uint8Array<ArrayBuffer>; rest: null } | { body: null; rest: ReadableStream<Uint8Array> }> {
	const reader = stream.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		chunks.push(value);
		size += value.byteLength;
		if (size > max) {
			return {
				body: null,
				rest: new ReadableStream({
					start(controller) {
						for (const chunk of chunks) controller.enqueue(chunk);
					},
					async pull(controller) {
						const next = await reader.read();
						if (next.done) controller.close();
						else controller.enqueue(next.value);
					},
					cancel: (reason) => reader.cancel(reason)
				})
			};
		}
	}
	if (chunks.length === 1) return { body: chunks[0] as Uint8Array<ArrayBuffer>, rest: null };
	const body = new Uint8Array(size);
	let at = 0;
	for (const chunk of chunks) {
		body.set(chunk, at);
		at += chunk.byteLength;
	}
	return { body, rest: null };
}
