import { fail } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import * as referrals from '$lib/server/db/queries/referrals';
import * as referralPlaces from '$lib/server/db/queries/referral-places';
import { submittedForm } from '$lib/server/forms/read-form';
import { answerReferral, markSeen } from '$lib/server/referrals/answer';
import { answerSchema, answerValues, firstErrors } from '$lib/server/referrals/input';
import { checkLink, LINK_PROBLEMS } from '$lib/server/referrals/links';
import { referralView } from '$lib/server/referrals/view';
import type { Actions, PageServerLoad } from './$types';

// The structure's answer, without an account: the link is the authority, for its referral only
// and until the answer. Opening it marks the referral « vue »; only the POST records an answer.
export const load: PageServerLoad = async ({ params, request }) => {
	const { db } = database();
	const check = await checkLink(db, params.jeton, 'answer', new Date());
	if (!check.ok) return { referral: null, places: [], problem: LINK_PROBLEMS[check.reason] };
	// Only on opening: after a POST (an answer, or a refused one) the page is drawn again, and that is no reading.
	if (request.method === 'GET') await markSeen(db, check.referralId, null);
	const r = (await referrals.byId(db, check.referralId))!;
	const places = (await referralPlaces.placeChoices(db)).filter((p) => p.id !== r.placeId);
	return { referral: referralView(r), places, problem: null };
};

export const actions: Actions = {
	default: async ({ params, request, url }) => {
		const form = await submittedForm(request);
		const values = answerValues(form);
		const { db } = database();
		const check = await checkLink(db, params.jeton, 'answer', new Date());
		if (!check.ok) return fail(400, { values, errors: { form: LINK_PROBLEMS[check.reason] } });
		const parsed = answerSchema.safeParse(values);
		if (!parsed.success) return fail(400, { values, errors: firstErrors(parsed.error.issues) });
		const result = await answerReferral(db, check.referralId, parsed.data, null, url.origin);
		if (!result.ok) return fail(400, { values, errors: result.errors });
		return { answered: result.status };
	}
};
