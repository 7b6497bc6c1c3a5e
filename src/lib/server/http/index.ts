import type { RequestEvent, ResolveOptions } from '@sveltejs/kit';
import { compressed } from './compress';
import { cachedPages } from './page-cache';

type Resolve = (event: RequestEvent, opts?: ResolveOptions) => Response | Promise<Response>;

/**
 * What the `handle` hook wraps SvelteKit's `resolve` with: pages kept whole while their key holds
 * (page-cache.ts), then every answer compressed for clients that accept it (compress.ts).
 */
export function served(resolve: Resolve): Resolve {
	return compressed(cachedPages(resolve));
}
