import type { RequestEvent } from '@sveltejs/kit';
import { logRefused } from './log';

/**
 * adapter-node has one body limit for every request (BODY_SIZE_LIMIT, 25M with `npm start`,
 * because the import upload needs it), and it only applies while the body is being read: a form
 * action would read a 24 MB report into memory before refusing it. Here every request but the
 * coordinator's import upload gets a small limit, checked on its Content-Length before anything
 * is read; a body with no length is read at most up to that limit.
 */

/** Far above any form of the app (the longest, an offer, is a few kilobytes); small enough that many at once cost little. */
export const FORM_BODY_LIMIT = 1024 * 1024;

const UNITS: Record<string, number> = { K: 1024, M: 1024 * 1024, G: 1024 * 1024 * 1024 };

/** BODY_SIZE_LIMIT read as adapter-node reads it ("25M", "512K", a number of bytes, "Infinity"). */
export function parseByteSize(value: string): number {
	const unit = UNITS[value.slice(-1).toUpperCase()];
	return unit ? Number(value.slice(0, -1)) * unit : Number(value);
}

/** The upload's limit is adapter-node's own, so the two can never disagree (512K when unset, as adapter-node). */
export function uploadLimit(): number {
	const limit = parseByteSize(process.env.BODY_SIZE_LIMIT || '512K');
	return Number.isNaN(limit) ? 512 * 1024 : limit;
}

/** The pages whose `?/upload` action takes a file: the import review, and the network's resources. */
const UPLOAD_PAGES = ['/admin/imports', '/admin/reseau/ressources'];

/** The only requests allowed a large body: those uploads, by a signed-in coordinator. */
export function isImportUpload(event: RequestEvent): boolean {
	return (
		event.request.method === 'POST' &&
		UPLOAD_PAGES.includes(event.url.pathname) &&
		event.url.search.startsWith('?/upload') &&
		event.locals.user?.role === 'coordinator'
	);
}

/** The Content-Length a request declares, or null when it has none (a chunked body). */
export function declaredLength(request: Request): number | null {
	const header = request.headers.get('content-length');
	if (header === null || !/^\d+$/.test(header.trim())) return null;
	return Number(header);
}

export const TOO_LARGE = 'Requête trop volumineuse : ce formulaire accepte 1 Mo au plus. Rien n’a été enregistré.';

/**
 * Null when the request may go on (its body, if it had no length, now buffered within the
 * limit), or the French 413 to send instead.
 */
export async function limitBody(event: RequestEvent): Promise<Response | null> {
	const { request } = event;
	if (request.method === 'GET' || request.method === 'HEAD' || request.body === null) return null;
	// The upload's own action says « trop volumineux » on its page; adapter-node bounds its read.
	if (isImportUpload(event)) return null;
	const length = declaredLength(request);
	if (length !== null) return length > FORM_BODY_LIMIT ? tooLarge(event, `Content-Length ${length}`) : null;
	const body = await readAtMost(request.body, FORM_BODY_LIMIT);
	if (body === null) return tooLarge(event, `corps sans Content-Length au-delà de ${FORM_BODY_LIMIT} octets`);
	event.request = new Request(request.url, { method: request.method, headers: request.headers, body: new Uint8Array(body) });
	return null;
}

/**
 * The whole stream if it fits in `limit` bytes, else null. Past the limit the stream is left
 * paused, not cancelled: cancelling destroys the socket before the 413 can be written; once the
 * answer is sent, Node discards whatever the client still sends.
 */
async function readAtMost(stream: ReadableStream<Uint8Array>, limit: number): Promise<Buffer | null> {
	const reader = stream.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) return Buffer.concat(chunks);
		size += value.byteLength;
		if (size > limit) {
			reader.releaseLock();
			return null;
		}
		chunks.push(value);
	}
}

function tooLarge(event: RequestEvent, reason: string): Response {
	logRefused(event, 413, reason);
	// Once answered, the client's remaining bytes are discarded by Node, never buffered.
	const headers = { connection: 'close', 'cache-control': 'no-store' };
	const accept = event.request.headers.get('accept') ?? '';
	if (event.request.headers.get('x-sveltekit-action') === 'true') {
		// The shape `use:enhance` expects from an action that failed: it then shows the error page.
		return Response.json({ type: 'error', error: { message: TOO_LARGE } }, { status: 413, headers });
	}
	if (!accept.includes('text/html')) return Response.json({ error: 'Requête trop volumineuse', message: TOO_LARGE }, { status: 413, headers });
	return new Response(errorPage('Requête trop volumineuse', TOO_LARGE), {
		status: 413,
		headers: { ...headers, 'content-type': 'text/html; charset=utf-8' }
	});
}

/** A page of its own: the refusal comes before SvelteKit renders anything. */
export function errorPage(title: string, message: string): string {
	return `<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} · Inclusion numérique à Roubaix</title></head>
<body><main><h1>${title}</h1><p>${message}</p><p><a href="/">Revenir à la carte et à l’annuaire</a></p></main></body>
</html>
`;
}

/**
 * The upload's form, 'too-large' past adapter-node's limit (refused on its Content-Length before a
 * byte is read, or when a body without one passes it), or null when unreadable.
 */
export async function readUpload(request: Request): Promise<FormData | 'too-large' | null> {
	const length = declaredLength(request);
	if (length !== null && length > uploadLimit()) return 'too-large';
	try {
		return await request.formData();
	} catch (error) {
		return (error as { status?: number }).status === 413 ? 'too-large' : null;
	}
}
