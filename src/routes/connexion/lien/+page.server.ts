import { submittedForm } from '$lib/server/forms/read-form';
import { fail, redirect } from '@sveltejs/kit';
import { safeReturnPath } from '$lib/server/auth/guards';
import { signInWithLink } from '$lib/server/auth/sign-in';
import { checkToken, TOKEN_PROBLEMS } from '$lib/server/auth/tokens';
import { database } from '$lib/server/db';
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
		// Settled before the link is spent: nothing after it may fail on the person's input.
		const retour = safeReturnPath(String(form.get('retour') ?? ''), url.origin);
		const signedIn = await signInWithLink(database().db, cookies, String(form.get('jeton') ?? ''), url.protocol === 'https:');
		if (!signedIn.ok) return fail(signedIn.status, { problem: signedIn.problem });
		redirect(303, retour);
	}
};
