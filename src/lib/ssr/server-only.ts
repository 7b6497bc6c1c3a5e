/**
 * A value a server-rendered page reads but the browser never needs (pages with `csr = false`).
 *
 * SvelteKit serialises every `load` result with devalue for hydration even when `csr` is false,
 * and throws the text away: on the home page that walk was a sixth of each request's CPU. The
 * `transport` hook (src/hooks.ts) stops devalue at this wrapper and writes a placeholder instead.
 * Universal on purpose (not under $lib/server): src/hooks.ts is bundled for the browser too.
 */
export class ServerOnly<T> {
	constructor(readonly value: T) {}
}

export function serverOnly<T>(value: T): ServerOnly<T> {
	return new ServerOnly(value);
}
