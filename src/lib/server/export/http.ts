import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { json } from '@sveltejs/kit';
import { loadCatalogue } from '../catalogue';
import { database } from '../db';
import type { Connection } from '../db/connect';
import { exportDirectory, type ExportedDirectory } from './directory';
import { toCsv, toGeoJson, toJson } from './formats';
import type { ExportRow } from './fold';
import { ATTRIBUTION, LICENCE_ID, LICENCE_NAME, LICENCE_URL } from './schema';

/**
 * The open-data downloads over HTTP: licence and attribution in the headers, conditional GET
 * (ETag and Last-Modified, 304), CORS for any origin. Bodies are built once per directory version.
 */

export type ExportFormat = 'csv' | 'json' | 'geojson';

export const EXPORT_FORMATS: Record<ExportFormat, { contentType: string; serialize: (rows: readonly ExportRow[]) => string }> = {
	csv: { contentType: 'text/csv; charset=utf-8; header=present', serialize: toCsv },
	json: { contentType: 'application/json; charset=utf-8', serialize: toJson },
	geojson: { contentType: 'application/geo+json; charset=utf-8', serialize: toGeoJson }
};

/** Header values must be ASCII to reach every client intact: the accents are in the documents. */
const ascii = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x20-\x7e]/g, '');

export const CORS_HEADERS = {
	'Access-Control-Allow-Origin': '*',
	'Access-Control-Expose-Headers': 'ETag, Last-Modified, Link, X-Attribution, X-Licence, Content-Disposition'
};

/** Licence and attribution, in every response of an export (304s included). */
export const OPEN_DATA_HEADERS = {
	Link: `<${LICENCE_URL}>; rel="license"`,
	'X-Licence': `${LICENCE_NAME} (${LICENCE_ID})`,
	'X-Attribution': ascii(ATTRIBUTION)
};

/** A 400 that names each parameter the route does not know, like the rest of the API. */
export function unknownParameters(url: URL, allowed: readonly string[] = []): Response | null {
	const unknown = [...new Set(url.searchParams.keys())].filter((name) => !allowed.includes(name));
	if (unknown.length === 0) return null;
	return json(
		{ error: 'Paramètres invalides', errors: unknown.map((name) => ({ parameter: name, message: `Paramètre inconnu : « ${name} ».` })) },
		{ status: 400, headers: CORS_HEADERS }
	);
}

/** The answer to a browser's preflight: a script on another site may send conditional GETs. */
export function preflight(): Response {
	return new Response(null, {
		status: 204,
		headers: {
			...CORS_HEADERS,
			'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
			'Access-Control-Allow-Headers': 'If-None-Match, If-Modified-Since',
			'Access-Control-Max-Age': '86400'
		}
	});
}

/**
 * RFC 9110: If-None-Match, when sent, decides alone (weak comparison, so `W/` and our gzip
 * variant match); otherwise If-Modified-Since, to the second.
 */
export function isNotModified(headers: Headers, etag: string, lastModified: Date | null): boolean {
	const ifNoneMatch = headers.get('if-none-match');
	if (ifNoneMatch !== null) {
		if (ifNoneMatch.trim() === '*') return true;
		const tags = ifNoneMatch.split(',').map((t) => t.trim().replace(/^W\//, '').replace(/-gzip"$/, '"'));
		return tags.includes(etag);
	}
	const ifModifiedSince = headers.get('if-modified-since');
	if (ifModifiedSince === null || lastModified === null) return false;
	const since = Date.parse(ifModifiedSince);
	return !Number.isNaN(since) && Math.floor(lastModified.getTime() / 1000) * 1000 <= since;
}

/** `20261125_lieux-de-mediation-numerique_Roubaix.csv`: the schema's naming, dated in Paris. */
export function exportFileName(format: ExportFormat, now: Date): string {
	const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' })
		.format(now)
		.replaceAll('-', '');
	return `${day}_lieux-de-mediation-numerique_Roubaix.${format}`;
}

interface Entry {
	body: Uint8Array<ArrayBuffer>;
	gzip: Uint8Array<ArrayBuffer> | null;
	etag: string;
}

/** Below this, compressing costs more than it saves. */
const GZIP_FROM_BYTES = 16_384;
const encoder = new TextEncoder();
let cache: { key: string; directory: Promise<ExportedDirectory>; entries: Map<ExportFormat, Entry> } | null = null;

async function entryFor(connection: Connection, format: ExportFormat): Promise<{ entry: Entry; lastModified: Date | null }> {
	// The catalogue's key changes with every write (ours or another process's): the same key, the same bytes.
	const { key } = await loadCatalogue(connection);
	if (cache?.key !== key) {
		const directory = exportDirectory(connection.db);
		const fresh = { key, directory, entries: new Map<ExportFormat, Entry>() };
		// A failed read must not be served from the cache until the next write.
		directory.catch(() => {
			if (cache === fresh) cache = null;
		});
		cache = fresh;
	}
	const current = cache;
	const directory = await current.directory;
	let entry = current.entries.get(format);
	if (!entry) {
		const body = encoder.encode(EXPORT_FORMATS[format].serialize(directory.rows));
		entry = {
			body,
			gzip: body.byteLength >= GZIP_FROM_BYTES ? new Uint8Array(gzipSync(body, { level: 6 })) : null,
			etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`
		};
		current.entries.set(format, entry);
	}
	return { entry, lastModified: directory.lastModified };
}

export async function exportResponse(
	request: Request,
	url: URL,
	format: ExportFormat,
	{ connection = database(), now = new Date() }: { connection?: Connection; now?: Date } = {}
): Promise<Response> {
	const refused = unknownParameters(url);
	if (refused) return refused;
	const { entry, lastModified } = await entryFor(connection, format);
	const gzip = entry.gzip !== null && /\bgzip\b/.test(request.headers.get('accept-encoding') ?? '');
	const headers: Record<string, string> = {
		...CORS_HEADERS,
		...OPEN_DATA_HEADERS,
		// Stored, but checked again each time: the ETag makes that check cost a 304.
		'Cache-Control': 'public, no-cache',
		ETag: gzip ? entry.etag.replace(/"$/, '-gzip"') : entry.etag,
		Vary: 'Accept-Encoding',
		...(lastModified ? { 'Last-Modified': lastModified.toUTCString() } : {})
	};
	if (isNotModified(request.headers, entry.etag, lastModified)) return new Response(null, { status: 304, headers });
	return new Response(gzip ? entry.gzip : entry.body, {
		headers: {
			...headers,
			'Content-Type': EXPORT_FORMATS[format].contentType,
			'Content-Disposition': `attachment; filename="${exportFileName(format, now)}"`,
			...(gzip ? { 'Content-Encoding': 'gzip' } : {})
		}
	});
}
