import { fail } from '@sveltejs/kit';
import { readForm, UNREADABLE_FORM } from '$lib/server/admin/input';
import { requireUser } from '$lib/server/auth/guards';
import { database } from '$lib/server/db';
import * as surveys from '$lib/server/db/queries/network-surveys';
import { answerAsMember } from '$lib/server/network/survey';
import type { Actions, PageServerLoad } from './$types';

// Members answer signed in; past participants by the link of their mail (./[jeton]).
export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const { db } = database();
	const survey = await surveys.current(db);
	return { survey, answered: survey ? await surveys.memberAnswered(db, survey.id, user.id) : false };
};

export const actions: Actions = {
	default: async ({ locals, url, request }) => {
		const user = requireUser(locals, url);
		const form = await readForm(request);
		if (!form) return fail(400, { error: UNREADABLE_FORM, chosen: [] as string[] });
		const chosen = form.getAll('choix').filter((c): c is string => typeof c === 'string').slice(0, 20);
		const survey = await surveys.current(database().db);
		if (!survey) return fail(400, { error: 'Aucune enquête n’est ouverte.', chosen });
		const result = await answerAsMember(database().db, user, survey.id, chosen);
		if (!result.ok) return fail(400, { error: result.message, chosen });
		return { answered: true };
	}
};
