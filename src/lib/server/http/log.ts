import type { RequestEvent } from '@sveltejs/kit';

/**
 * One line per refused request (a 4xx): anyone can send thousands of bad requests, and a stack
 * trace each would bury the real faults. The path only: a query string may carry a token.
 */
export function logRefused(event: Pick<RequestEvent, 'request' | 'url'>, status: number, reason: string): void {
	console.warn(`Requête refusée : ${event.request.method} ${event.url.pathname} ${status} ${oneLine(reason)}`);
}

/** A reason short enough for one log line, whatever a client managed to put in it. */
export function oneLine(text: string, max = 160): string {
	const flat = text.replace(/[\r\n\t]+/g, ' ').trim();
	return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
