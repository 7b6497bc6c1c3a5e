import { fail } from '@sveltejs/kit';
import { requireCoordinator } from '$lib/server/auth/guards';
import { database } from '$lib/server/db';
import * as claims from '$lib/server/db/queries/claims';
import { decideClaim } from '$lib/server/listings/claims';
import { errorsByField, parseId, readForm, reasonSchema, textField, UNREADABLE_FORM } from '$lib/server/admin/input';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	requireCoordinator(locals, url);
	const { db } = database();
	const [pending, decided] = await Promise.all([claims.listPending(db), claims.listDecided(db, 50)]);
	return { pending, decided };
};

const UNKNOWN = 'Demande inconnue : rien n’a changé.';
const ALREADY = 'Cette demande a déjà été traitée : rien n’a changé.';

const pendingClaim = (id: number) => claims.pending(database().db, id);

export const actions: Actions = {
	approve: async ({ locals, url, request }) => {
		const coordinator = requireCoordinator(locals, url);
		const form = await readForm(request);
		if (!form) return fail(400, { claim: null, problem: UNREADABLE_FORM });
		const id = parseId(textField(form, 'claim', 20));
		if (id === null) return fail(400, { claim: null, problem: UNKNOWN });
		const claim = await pendingClaim(id);
		if (!claim) return fail(409, { claim: id, problem: ALREADY });
		const result = await decideClaim(database().db, coordinator, id, { approve: true }, url.origin);
		if (!result.ok) return fail(409, { claim: id, problem: ALREADY });
		return { decided: { claim: id, approved: true, email: claim.email, actorName: claim.actorName } };
	},
	refuse: async ({ locals, url, request }) => {
		const coordinator = requireCoordinator(locals, url);
		const form = await readForm(request);
		if (!form) return fail(400, { claim: null, problem: UNREADABLE_FORM });
		const id = parseId(textField(form, 'claim', 20));
		if (id === null) return fail(400, { claim: null, problem: UNKNOWN });
		const values = { reason: textField(form, 'reason') };
		const parsed = reasonSchema.safeParse(values.reason);
		if (!parsed.success) return fail(400, { claim: id, values, errors: errorsByField(parsed.error, 'reason') });
		const claim = await pendingClaim(id);
		if (!claim) return fail(409, { claim: id, problem: ALREADY });
		const result = await decideClaim(database().db, coordinator, id, { approve: false, reason: parsed.data }, url.origin);
		if (!result.ok) return fail(409, { claim: id, problem: ALREADY });
		return { decided: { claim: id, approved: false, email: claim.email, actorName: claim.actorName } };
	}
};
