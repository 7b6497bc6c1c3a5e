import { submittedForm } from '$lib/server/forms/read-form';
import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { audit } from '$lib/server/audit';
import { DEFAULT_RETURN_PATH, safeReturnPath } from '$lib/server/auth/guards';
import { allowLinkMail, allowLinkRequest } from '$lib/server/auth/rate-limit';
import { issueToken } from '$lib/server/auth/tokens';
import { findUserByEmail, normalizeEmail } from '$lib/server/auth/users';
import { database } from '$lib/server/db';
import { signInMail } from '$lib/server/mail/messages';
import { sendMailSafely } from '$lib/server/mail/transport';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url, locals }) => ({
	signedInAs: locals.user?.email ?? null,
	retour: safeReturnPath(url.searchParams.get('retour'), url.origin)
});

const emailSchema = z.email({ error: 'Adresse e-mail invalide : elle doit ressembler à nom@exemple.fr.' }).max(254);

export const actions: Actions = {
	default: async ({ request, url, getClientAddress }) => {
		const form = await submittedForm(request);
		const typed = String(form.get('email') ?? '').slice(0, 300);
		const retour = safeReturnPath(String(form.get('retour') ?? ''), url.origin);
		const parsed = emailSchema.safeParse(typed.trim());
		if (!parsed.success) return fail(400, { email: typed, error: parsed.error.issues[0]!.message });
		const email = normalizeEmail(parsed.data);
		const { db } = database();
		// Counted before the account is looked up, so the limits say nothing about who has one.
		if (!(await allowLinkRequest(db, email, getClientAddress()))) {
			return fail(429, { email: typed, error: 'Trop de demandes de lien en peu de temps. Réessayez dans un quart d’heure.' });
		}
		const user = await findUserByEmail(db, email);
		// The answer is the same whether or not the address has an account: the page must not tell
		// a stranger who works with the City.
		if (user && !user.disabled_at && (await allowLinkMail(db, email))) {
			const token = await issueToken(db, 'sign_in', { userId: user.id });
			await audit(db, { userId: user.id, action: 'sign_in.link_requested', entity: 'user', entityId: user.id });
			const link = `${url.origin}/connexion/lien?jeton=${token}${retour !== DEFAULT_RETURN_PATH ? `&retour=${encodeURIComponent(retour)}` : ''}`;
			await sendMailSafely(db, signInMail(email, link));
		}
		return { sent: true, email };
	}
};
