import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { config } from '$lib/server/config';
import { database } from '$lib/server/db';
import { prepareDatabase } from '$lib/server/seed';

export const init: ServerInit = async () => {
	// First start creates, migrates and seeds the embedded database; later starts only migrate.
	await prepareDatabase(database().db, config.seedDir, (line) => console.log(line));
};

export const handle: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
	return response;
};

export const handleError: HandleServerError = ({ error, status }) => {
	if (status !== 404) console.error(error);
	return { message: status === 404 ? 'Page introuvable.' : 'Une erreur inattendue est survenue.' };
};
