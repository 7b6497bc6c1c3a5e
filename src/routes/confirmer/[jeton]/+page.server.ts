import { fail } from '@sveltejs/kit';
import { submittedForm } from '$lib/server/forms/read-form';
import { checkToken, consumeToken, TOKEN_PROBLEMS } from '$lib/server/auth/tokens';
import { database } from '$lib/server/db';
import * as actors from '$lib/server/db/queries/actors';
import * as places from '$lib/server/db/queries/places';
import { confirmActor } from '$lib/server/listings/freshness-campaigns';
import type { Actions, PageServerLoad } from './$types';

// As for sign-in links: opening the link shows the button, the POST records the answer, so a mail
// scanner following links cannot confirm on the structure's behalf.
// One link per structure goes to all its people: the second to click learns it is already done.
const ALREADY_CONFIRMED = 'Ce lien a déjà servi : les informations de cette structure ont déjà été confirmées. Merci !';

export const load: PageServerLoad = async ({ params }) => {
	const { db } = database();
	const check = await checkToken(db, params.jeton, ['confirm']);
	if (!check.ok && check.reason === 'used') return { actor: null, problem: ALREADY_CONFIRMED };
	if (!check.ok || check.actorId === null) return { actor: null, problem: TOKEN_PROBLEMS[check.ok ? 'unknown' : check.reason] };
	const actor = await actors.summary(db, check.actorId);
	const held = (await places.ofActors(db, [check.actorId])).map(({ id, name, address }) => ({ id, name, address }));
	return { actor, places: held, problem: actor ? null : TOKEN_PROBLEMS.unknown };
};

export const actions: Actions = {
	default: async ({ params, request }) => {
		// The token is the authority, but a body that is not a form is not an answer.
		await submittedForm(request);
		const { db } = database();
		const check = await consumeToken(db, params.jeton, ['confirm']);
		if (!check.ok && check.reason === 'used') return fail(400, { problem: ALREADY_CONFIRMED });
		if (!check.ok || check.actorId === null) return fail(400, { problem: TOKEN_PROBLEMS[check.ok ? 'unknown' : check.reason] });
		await confirmActor(db, check.actorId, check.campaignId);
		const actor = await actors.summary(db, check.actorId);
		return { confirmed: actor?.name ?? '' };
	}
};
