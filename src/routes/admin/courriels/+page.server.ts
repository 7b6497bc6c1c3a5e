import { error } from '@sveltejs/kit';
import { requireCoordinator } from '$lib/server/auth/guards';
import { database } from '$lib/server/db';
import { maskTokens } from '$lib/server/mail/mask';
import { usesLocalOutbox } from '$lib/server/mail/transport';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	requireCoordinator(locals, url);
	if (!usesLocalOutbox()) {
		error(404, 'Les courriels partent par le serveur SMTP configuré (SMTP_URL) : aucune copie n’est gardée ici.');
	}
	const messages = await database()
		.db.selectFrom('outbox')
		.select(['id', 'created_at', 'to_address', 'subject', 'text'])
		.orderBy('id', 'desc')
		.limit(50)
		.execute();
	// Someone else's sign-in or confirmation link would let the reader act as them: the page shows
	// that a link was sent, never the link itself (development reads the outbox table directly).
	return { messages: messages.map((m) => ({ ...m, text: maskTokens(m.text) })) };
};
