import { fail } from '@sveltejs/kit';
import { normalizeText } from '$lib/domain/vocabulary';
import { requireCoordinator } from '$lib/server/auth/guards';
import { normalizeEmail } from '$lib/server/auth/users';
import { database } from '$lib/server/db';
import * as users from '$lib/server/db/queries/users';
import * as actorQueries from '$lib/server/db/queries/actors';
import { inviteMember } from '$lib/server/listings/claims';
import { emailSchema, parseId, readForm, textField, UNREADABLE_FORM } from '$lib/server/admin/input';
import { setActorTrusted } from '$lib/server/admin/trust';
import type { Actions, PageServerLoad } from './$types';

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

export const load: PageServerLoad = async ({ locals, url }) => {
	requireCoordinator(locals, url);
	const { db } = database();
	const q = (url.searchParams.get('q') ?? '').slice(0, 100);
	const [actors, members] = await Promise.all([
		actorQueries.overview(db),
		users.allMembers(db)
	]);
	actors.sort((a, b) => collator.compare(a.name, b.name));
	const key = normalizeText(q);
	return {
		q,
		preselected: parseId(url.searchParams.get('inviter')),
		choices: actors.map((a) => ({ id: a.id, name: a.name })),
		actors: actors
			.filter((a) => !key || normalizeText(a.name).includes(key))
			.map((a) => ({
				id: a.id,
				name: a.name,
				trusted: a.trusted,
				places: a.places,
				verifiedAt: a.verifiedAt,
				members: members.filter((m) => m.actorId === a.id).map((m) => ({ email: m.email, disabled: m.disabled }))
			}))
	};
};

export const actions: Actions = {
	invite: async ({ locals, url, request }) => {
		const coordinator = requireCoordinator(locals, url);
		const form = await readForm(request);
		if (!form) return fail(400, { values: { actor: '', email: '' }, errors: { email: UNREADABLE_FORM } });
		const values = { actor: textField(form, 'actor', 20), email: textField(form, 'email', 300) };
		const errors: Record<string, string> = {};
		const actorId = parseId(values.actor);
		if (actorId === null) errors.actor = 'Choisissez la structure.';
		const email = emailSchema.safeParse(values.email);
		if (!email.success) errors.email = email.error.issues[0]?.message ?? 'Adresse e-mail invalide.';
		if (actorId === null || !email.success) return fail(400, { values, errors });
		const result = await inviteMember(database().db, coordinator, normalizeEmail(email.data), actorId, url.origin);
		if (!result.ok) return fail(400, { values, errors: { actor: result.message } });
		return { invited: { email: normalizeEmail(email.data), actorName: result.actorName } };
	},
	trust: async ({ locals, url, request }) => {
		const coordinator = requireCoordinator(locals, url);
		const form = await readForm(request);
		if (!form) return fail(400, { trustProblem: UNREADABLE_FORM });
		const actorId = parseId(textField(form, 'actor', 20));
		const wanted = textField(form, 'trusted', 5);
		if (actorId === null || (wanted !== '1' && wanted !== '0')) {
			return fail(400, { trustProblem: 'Demande incomplète : rien n’a changé.' });
		}
		const result = await setActorTrusted(database().db, coordinator, actorId, wanted === '1');
		if (result.kind === 'missing') return fail(400, { trustProblem: 'Cette structure n’existe pas : rien n’a changé.' });
		return { trust: { name: result.name, trusted: wanted === '1' } };
	}
};
