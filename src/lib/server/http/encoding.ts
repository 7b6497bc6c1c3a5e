import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

/**
 * Content negotiation and encoding for dynamic responses (compress.ts applies it to every
 * answer; the API's response cache uses it for the bodies it keeps).
 */
export type Encoding = 'br' | 'gzip';

/** Below this, the encoded body plus its headers save too little to be worth the CPU. */
export const MIN_BYTES = 1024;

/** Texts worth compressing; images other than SVG, fonts and archives are already compressed. */
const COMPRESSIBLE = /^(text\/|image\/svg\+xml|application\/([\w.-]+\+)?(json|xml|javascript))/i;

export function isCompressible(contentType: string | null): boolean {
	return contentType !== null && COMPRESSIBLE.test(contentType);
}

/**
 * The encoding to send for an Accept-Encoding header: brotli, then gzip, honouring q-values
 * (`br;q=0` refuses brotli) and `*`. Null: send the body as it is.
 */
export function negotiate(acceptEncoding: string | null): Encoding | null {
	if (!acceptEncoding) return null;
	const weights = new Map<string, number>();
	for (const part of acceptEncoding.split(',')) {
		const [name, ...params] = part.trim().toLowerCase().split(';');
		if (!name) continue;
		const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
		const weight = q ? Number(q.slice(2)) : 1;
		weights.set(name, Number.isFinite(weight) ? weight : 0);
	}
	const weightOf = (name: Encoding) => weights.get(name) ?? weights.get('*') ?? 0;
	const br = weightOf('br');
	const gz = weightOf('gzip');
	if (br > 0 && br >= gz) return 'br';
	if (gz > 0) return 'gzip';
	return null;
}

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * Off the main thread (zlib's thread pool), so a second core keeps serving while a large body is
 * encoded. Brotli at quality 5 is about as fast as gzip level 6 and a fifth smaller on our pages;
 * the higher qualities cost ten times more for a few per cent.
 */
export async function encode(body: Uint8Array, encoding: Encoding): Promise<Uint8Array<ArrayBuffer>> {
	const out =
		encoding === 'br'
			? await brotli(body, {
					params: {
						[constants.BROTLI_PARAM_QUALITY]: 5,
						[constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
						[constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength
					}
				})
			: await gzipAsync(body, { level: 6 });
	return new Uint8Array(out.buffer as ArrayBuffer, out.byteOffset, out.byteLength);
}

/**
 * A different ETag per encoding: a strong validator names one exact body, and the encoded body
 * is another one. The suffix goes inside the quotes; a weak tag stays weak.
 */
export function encodedEtag(etag: string, encoding: Encoding): string {
	return etag.replace(/"$/, `-${encoding}"`);
}

/** Adds Accept-Encoding to a Vary header without repeating it (or when it already says *). */
export function varyOnEncoding(headers: Headers): void {
	const vary = headers.get('vary');
	if (!vary) headers.set('vary', 'Accept-Encoding');
	else if (!/(^|,)\s*(\*|accept-encoding)\s*(,|$)/i.test(vary)) headers.set('vary', `${vary}, Accept-Encoding`);
}
