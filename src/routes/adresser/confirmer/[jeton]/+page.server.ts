import { fail } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import * as referrals from '$lib/server/db/queries/referrals';
import { submittedForm } from '$lib/server/forms/read-form';
import { checkLink, LINK_PROBLEMS } from '$lib/server/referrals/links';
import { confirmSender } from '$lib/server/referrals/send';
import type { Actions, PageServerLoad } from './$types';

// As for sign-in links: opening the link shows the button, the POST sends the referral, so a mail
// scanner following links cannot send it on the worker's behalf.
const CONFIRMED = 'Ce lien a déjà servi : l’adressage est déjà parti.';

export const load: PageServerLoad = async ({ params }) => {
	const { db } = database();
	const check = await checkLink(db, params.jeton, 'confirm', new Date());
	if (!check.ok) return { referral: null, problem: check.reason === 'used' ? CONFIRMED : LINK_PROBLEMS[check.reason] };
	const r = (await referrals.byId(db, check.referralId))!;
	return { referral: { placeName: r.placeName, residentName: r.residentName ?? '' }, problem: null };
};

export const actions: Actions = {
	default: async ({ params, request, url }) => {
		await submittedForm(request);
		const { db } = database();
		const check = await checkLink(db, params.jeton, 'confirm', new Date());
		if (!check.ok) return fail(400, { problem: check.reason === 'used' ? CONFIRMED : LINK_PROBLEMS[check.reason] });
		if (!(await confirmSender(db, check.referralId, url.origin))) return fail(400, { problem: CONFIRMED });
		const r = (await referrals.byId(db, check.referralId))!;
		return { confirmed: r.placeName, offerId: r.offerId };
	}
};
