import type { Transport } from '@sveltejs/kit';
import { ServerOnly } from '$lib/ssr/server-only';

/**
 * Values wrapped in ServerOnly are rendered by the server and never hydrated: they cross to the
 * browser as an empty placeholder (see src/lib/ssr/server-only.ts), so devalue does not walk them.
 */
export const transport: Transport = {
	ServerOnly: {
		encode: (value) => value instanceof ServerOnly && [],
		decode: () => null
	}
};
