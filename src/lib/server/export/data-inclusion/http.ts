import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { loadCatalogue } from '../../catalogue';
import { database } from '../../db';
import type { Connection } from '../../db/connect';
import { exportDirectory } from '../directory';
import { CORS_HEADERS, OPEN_DATA_HEADERS, isNotModified, unknownParameters } from '../http';
import { toServices, toStructure, type DiService, type DiStructure } from './map';

/**
 * `/api/v1/data-inclusion/structures.json` and `services.json`: the same directory as the other
 * exports, in data·inclusion's schema v1, with their licence headers, ETag and CORS. A JSON array
 * of rows, as data·inclusion's API and files give them.
 */

export type DataInclusionKind = 'structures' | 'services';

export interface DataInclusionDirectory {
	structures: DiStructure[];
	services: DiService[];
	lastModified: Date | null;
}

export async function dataInclusionDirectory(connection: Connection, origin: string): Promise<DataInclusionDirectory> {
	const { rows, placeIds, lastModified } = await exportDirectory(connection.db);
	const structures: DiStructure[] = [];
	const services: DiService[] = [];
	rows.forEach((row, i) => {
		const structure = toStructure(row, placeIds[i]!, origin);
		structures.push(structure);
		services.push(...toServices(row, structure));
	});
	return { structures, services, lastModified };
}

interface Entry {
	body: Uint8Array<ArrayBuffer>;
	gzip: Uint8Array<ArrayBuffer>;
	etag: string;
}

const encoder = new TextEncoder();
let cache: { key: string; entries: Map<DataInclusionKind, Entry>; lastModified: Date | null } | null = null;

async function entryFor(connection: Connection, kind: DataInclusionKind, origin: string) {
	// The catalogue's key changes with every write: the same key (and origin), the same bytes.
	const key = `${(await loadCatalogue(connection)).key}|${origin}`;
	if (cache?.key !== key) {
		const directory = await dataInclusionDirectory(connection, origin);
		const entries = new Map<DataInclusionKind, Entry>();
		for (const k of ['structures', 'services'] as const) {
			const body = encoder.encode(JSON.stringify(directory[k]));
			entries.set(k, {
				body,
				gzip: new Uint8Array(gzipSync(body, { level: 6 })),
				etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`
			});
		}
		cache = { key, entries, lastModified: directory.lastModified };
	}
	return { entry: cache.entries.get(kind)!, lastModified: cache.lastModified };
}

export async function dataInclusionResponse(
	request: Request,
	url: URL,
	kind: DataInclusionKind,
	{ connection = database() }: { connection?: Connection } = {}
): Promise<Response> {
	const refused = unknownParameters(url);
	if (refused) return refused;
	const { entry, lastModified } = await entryFor(connection, kind, url.origin);
	const gzip = /\bgzip\b/.test(request.headers.get('accept-encoding') ?? '');
	const headers: Record<string, string> = {
		...CORS_HEADERS,
		...OPEN_DATA_HEADERS,
		'Cache-Control': 'public, no-cache',
		ETag: gzip ? entry.etag.replace(/"$/, '-gzip"') : entry.etag,
		Vary: 'Accept-Encoding',
		...(lastModified ? { 'Last-Modified': lastModified.toUTCString() } : {})
	};
	if (isNotModified(request.headers, entry.etag, lastModified)) return new Response(null, { status: 304, headers });
	return new Response(gzip ? entry.gzip : entry.body, {
		headers: {
			...headers,
			'Content-Type': 'application/json; charset=utf-8',
			'Content-Disposition': `inline; filename="data-inclusion_${kind}_Roubaix.json"`,
			...(gzip ? { 'Content-Encoding': 'gzip' } : {})
		}
	});
}
