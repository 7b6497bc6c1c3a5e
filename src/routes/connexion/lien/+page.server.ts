import { submittedForm } from '$lib/server/forms/read-form';
import { fail, redirect } from '@sveltejs/kit';
import { landingPath, safeReturnPathOrNull } from '$lib/server/auth/guards';
import { signInWithLink } from '$lib/server/auth/sign-in';
import { checkToken, TOKEN_PROBLEMS } from '$lib/server/auth/tokens';
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
		// Null when the link names no (safe) page: the landing then depends on who signs in.
		retour: safeReturnPathOrNull(url.searchParams.get('retour'), url.origin)
	};
};

export const actions: Actions = {
	default: async ({ request, cookies, url }) => {
		const form = await submittedForm(request);
		// Settled before the link is spent: nothing after it may fail on the person's input.
		const retour = safeReturnPathOrNull(String(form.get('retour') ?? ''), url.origin);
		const { db } = database();
		const signedIn = await signInWithLink(db, cookies, String(form.get('jeton') ?? ''), url.protocol === 'https:');
		if (!signedIn.ok) return fail(signedIn.status, { problem: signedIn.problem });
		// A coordinator's work starts on the coordination dashboard, a member's on /espace.
		const role = retour === null ? (await users.byId(db, signedIn.userId))?.role : undefined;
		redirect(303, retour ?? landingPath(role ?? 'member'));
	}
};
