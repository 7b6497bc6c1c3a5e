import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { SESSION_COOKIE, sessionUser } from '$lib/server/auth/sessions';
import { config } from '$lib/server/config';
import { database } from '$lib/server/db';
import { served } from '$lib/server/http';
import { prepareDatabase } from '$lib/server/seed';

export const init: ServerInit = async () => {
	// First start creates, migrates and seeds the database; later starts only migrate. Instances
	// starting together on one PostgreSQL database take turns.
	const connection = database();
	await connection.exclusive(() => prepareDatabase(connection.db, config.seedDir, (line) => console.log(line)));
	// adapter-node stops taking requests on SIGTERM, then says so: close the database so the
	// process ends at once (an idle PostgreSQL pool would keep it alive ten more seconds).
	process.once('sveltekit:shutdown', () => void connection.db.destroy());
};

/** Pages that show one person's data: never stored by a shared cache or the browser's history. */
const PRIVATE_PATHS = /^\/(espace|admin|connexion|confirmer)(\/|$)/;

export const handle: Handle = async ({ event, resolve }) => {
	event.locals.user = await sessionUser(database().db, event.cookies.get(SESSION_COOKIE));
	resolve = served(resolve); // page cache and compression: src/lib/server/http/
	const response = await resolve(event);
	response.headers.set('X-Content-Type-Options', 'nosniff');
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

export const handleError: HandleServerError = ({ error, status }) => {
	if (status !== 404) console.error(error);
	return { message: status === 404 ? 'Page introuvable.' : 'Une erreur inattendue est survenue.' };
};
