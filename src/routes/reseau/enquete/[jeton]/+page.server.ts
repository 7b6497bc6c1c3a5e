import { fail } from '@sveltejs/kit';
import { readForm, UNREADABLE_FORM } from '$lib/server/admin/input';
import { database } from '$lib/server/db';
import { answerByLink, surveyOfLink } from '$lib/server/network/survey';
import type { Actions, PageServerLoad } from './$types';

// The link of a past participant's mail: opening it shows the question, the POST answers and uses it up.
export const load: PageServerLoad = async ({ params }) => {
	const found = await surveyOfLink(database().db, params.jeton);
	if (!found) return { survey: null, problem: 'Ce lien n’est pas valide. Vérifiez qu’il a été copié en entier depuis le courriel.' };
	const { survey, invitation } = found;
	if (survey.closedAt) return { survey: null, problem: 'Cette enquête est close. Ses résultats sont sur la page du réseau.' };
	if (invitation.usedAt) return { survey: null, problem: 'Vous avez déjà répondu à cette enquête : une seule réponse par personne. Merci !' };
	return { survey: { title: survey.title, themes: survey.themes, maxChoices: survey.maxChoices }, problem: null };
};

export const actions: Actions = {
	default: async ({ params, request }) => {
		const form = await readForm(request);
		if (!form) return fail(400, { error: UNREADABLE_FORM, chosen: [] as string[] });
		const chosen = form.getAll('choix').filter((c): c is string => typeof c === 'string').slice(0, 20);
		const result = await answerByLink(database().db, params.jeton, chosen);
		if (!result.ok) return fail(400, { error: result.message, chosen });
		return { answered: true };
	}
};
