import { submittedForm } from '$lib/server/forms/read-form';
import { fail, redirect } from '@sveltejs/kit';
import { audit } from '$lib/server/audit';
import { safeReturnPath } from '$lib/server/auth/guards';
import { startSession } from '$lib/server/auth/sessions';
import { checkToken, consumeToken, TOKEN_PROBLEMS } from '$lib/server/auth/tokens';
import { database } from '$lib/server/db';
import * as users from '$lib/server/db/queries/users';
import type { Actions, PageServerLoad } from './$types';

const PURPOSES = ['sign_in', 'invitation'] as const;

/**
 * Opening the link only shows a button; the POST signs in. Mail security scanners follow every
 * link in a message, and a single-use token spent by a robot would lock the person out.
 */
export const load: PageServerLoad = async ({ url }) => {
	const token = url.searchParams.get('jeton') ?? '';
	const check = await checkToken(database().db, token, PURPOSES);
	return {
		token: check.ok ? token : null,
		invitation: check.ok && check.purpose === 'invitation',
		problem: check.ok ? null : TOKEN_PROBLEMS[check.reason],
		retour: safeReturnPath(url.searchParams.get('retour'), url.origin)
	};
};

export const actions: Actions = {
	default: async ({ request, cookies, url }) => {
		const form = await submittedForm(request);
		// Settled before the link is spent: nothing after `consumeToken` may fail on the person's input.
		const retour = safeReturnPath(String(form.get('retour') ?? ''), url.origin);
		const { db } = database();
		const check = await consumeToken(db, String(form.get('jeton') ?? ''), PURPOSES);
		if (!check.ok || check.userId === null) return fail(400, { problem: TOKEN_PROBLEMS[check.ok ? 'unknown' : check.reason] });
		const user = await users.byId(db, check.userId);
		if (!user || user.disabled_at) return fail(403, { problem: 'Ce compte a été désactivé. Contactez la coordination de la Ville.' });
		await startSession(db, cookies, user.id, url.protocol === 'https:');
		await audit(db, { userId: user.id, action: check.purpose === 'invitation' ? 'sign_in.invitation' : 'sign_in', entity: 'user', entityId: user.id });
		redirect(303, retour);
	}
};
