import { error } from '@sveltejs/kit';
import { requireCoordinator } from '$lib/server/auth/guards';
import { database } from '$lib/server/db';
import * as outbox from '$lib/server/db/queries/outbox';
import { maskTokens } from '$lib/server/mail/mask';
import { usesLocalOutbox } from '$lib/server/mail/transport';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	requireCoordinator(locals, url);
	if (!usesLocalOutbox()) {
		error(404, 'Les courriels partent par le serveur SMTP configuré (SMTP_URL) : aucune copie n’est gardée ici.');
	}
	const messages = await outbox.latest(database().db, 50);
	// Someone else's sign-in or confirmation link would let the reader act as them: the page shows
	// that a link was sent, never the link itself (development reads the outbox table directly).
	return { messages: messages.map((m) => ({ ...m, text: maskTokens(m.text) })) };
};
