import { fail } from '@sveltejs/kit';
import { parseId } from '$lib/domain/ids';
import { requireActor, requireUser } from '$lib/server/auth/guards';
import { database } from '$lib/server/db';
import * as referrals from '$lib/server/db/queries/referrals';
import * as referralPlaces from '$lib/server/db/queries/referral-places';
import { submittedForm } from '$lib/server/forms/read-form';
import { answerReferral, markSeen } from '$lib/server/referrals/answer';
import { answerSchema, answerValues, firstErrors } from '$lib/server/referrals/input';
import { referralView } from '$lib/server/referrals/view';
import type { Actions, PageServerLoad } from './$types';

/**
 * « Mes orientations »: the referrals this person sent (by account, or by the address they gave
 * before having one) and those their structures received, which members answer here too.
 */
export const load: PageServerLoad = async ({ locals, url, request }) => {
	const user = requireUser(locals, url);
	const { db } = database();
	const received = await referrals.ofActors(db, user.actorIds);
	// Listed to a member of the structure: the referral has been seen.
	if (request.method === 'GET') for (const r of received) if (r.status === 'sent') await markSeen(db, r.id, user.id);
	return {
		sent: (await referrals.ofSender(db, user.id, user.email)).map(referralView),
		received: (await referrals.ofActors(db, user.actorIds)).map(referralView),
		places: await referralPlaces.placeChoices(db)
	};
};

export const actions: Actions = {
	repondre: async ({ locals, url, request }) => {
		const user = requireUser(locals, url);
		const form = await submittedForm(request);
		const id = parseId(String(form.get('referral') ?? ''));
		if (id === null) return fail(400, { referral: null, values: answerValues(form), errors: { form: 'Adressage inconnu.' } });
		const { db } = database();
		const referral = await referrals.byId(db, id);
		if (!referral) return fail(400, { referral: id, values: answerValues(form), errors: { form: 'Adressage inconnu.' } });
		requireActor(locals, url, referral.actorId);
		const values = answerValues(form);
		const parsed = answerSchema.safeParse(values);
		if (!parsed.success) return fail(400, { referral: id, values, errors: firstErrors(parsed.error.issues) });
		const result = await answerReferral(db, id, parsed.data, user.id, url.origin);
		if (!result.ok) return fail(400, { referral: id, values, errors: result.errors });
		return { referral: id, answered: result.status };
	}
};

