import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { SESSION_COOKIE, sessionUser } from '$lib/server/auth/sessions';
import { database } from '$lib/server/db';
import { served } from '$lib/server/http';
import { limitBody } from '$lib/server/http/body-limit';
import { handleServerError } from '$lib/server/http/errors';
import { strictTransportSecurity } from '$lib/server/http/hsts';
import { startDatabase } from '$lib/server/http/startup';

export const init: ServerInit = startDatabase;

/** Pages that show one person's data: never stored by a shared cache or the browser's history. */
const PRIVATE_PATHS = /^\/(espace|admin|connexion|confirmer|adresser)(\/|$)/;

export const handle: Handle = async ({ event, resolve }) => {
	event.locals.user = await sessionUser(database().db, event.cookies.get(SESSION_COOKIE));
	// A body too large for its route is refused before it is read (only the import upload is large);
	// `served` adds the page cache and compression (src/lib/server/http/).
	const response = (await limitBody(event)) ?? (await served(resolve)(event));
	response.headers.set('X-Content-Type-Options', 'nosniff');
	strictTransportSecurity(response);
	response.headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
	if (PRIVATE_PATHS.test(event.url.pathname)) {
		response.headers.set('Cache-Control', 'private, no-store');
		// The sign-in and confirmation links carry a token in their URL: never send it elsewhere.
		// Not 'no-referrer': browsers then send `Origin: null` with this site's own form POSTs, which
		// SvelteKit's CSRF check refuses (403) — every form of these pages would fail.
		response.headers.set('Referrer-Policy', 'same-origin');
	}
	return response;
};

export const handleError: HandleServerError = handleServerError;
