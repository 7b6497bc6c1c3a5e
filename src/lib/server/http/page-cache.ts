import type { RequestEvent, ResolveOptions } from '@sveltejs/kit';
import { homeViewKey } from '../home-view';
import { Lru } from '../lru';

/**
 * Whole rendered pages, for the public pages whose HTML depends only on what a key says.
 *
 * Even with its data cached, a SvelteKit render of the home page costs about 3 ms of CPU (the
 * components, then a hash of the whole HTML for its ETag): the same bytes, made again for every
 * visitor of the same filters in the same minute. A route listed here names the key of its
 * HTML (the directory's version, the filters, the minute…); for a visitor who is not signed in
 * (the header shows the account otherwise), the response is kept under that key and sent again
 * while the key holds. Anything but a plain 200 HTML answer without cookies is not kept.
 */
type Resolve = (event: RequestEvent, opts?: ResolveOptions) => Response | Promise<Response>;

const KEYS: Record<string, (event: RequestEvent) => Promise<string>> = {
	'/': (event) => homeViewKey(event.url)
};

interface Stored {
	status: number;
	headers: [string, string][];
	body: Uint8Array<ArrayBuffer>;
}

const MAX_BYTES = 1_000_000;
const pages = new Lru<Stored>(100);

export function cachedPages(resolve: Resolve): Resolve {
	return async (event, opts) => {
		const keyOf = event.route.id === null ? undefined : KEYS[event.route.id];
		if (!keyOf || event.request.method !== 'GET' || event.locals.user || event.isDataRequest || event.isSubRequest) {
			return resolve(event, opts);
		}
		const key = `${event.route.id}|${await keyOf(event)}`;
		const hit = pages.get(key);
		if (hit) return replay(hit);
		const response = await resolve(event, opts);
		if (response.status !== 200 || response.headers.has('set-cookie') || !/^text\/html/.test(response.headers.get('content-type') ?? '')) {
			return response;
		}
		const body = new Uint8Array(await response.arrayBuffer());
		const stored = { status: response.status, headers: [...response.headers], body };
		if (body.byteLength <= MAX_BYTES) pages.set(key, stored);
		return replay(stored);
	};
}

function replay({ status, headers, body }: Stored): Response {
	return new Response(body, { status, headers });
}
