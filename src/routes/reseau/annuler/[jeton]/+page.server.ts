import { fail } from '@sveltejs/kit';
import { submittedForm } from '$lib/server/forms/read-form';
import { database } from '$lib/server/db';
import { cancelByLink, registrationOfLink } from '$lib/server/network/registrations';
import type { Actions, PageServerLoad } from './$types';

// As for the sign-in links: opening the link shows the button and the POST cancels, so a mail
// scanner following links cannot give someone's seat away.
const UNKNOWN = 'Ce lien d’annulation n’est pas valide. Vérifiez qu’il a été copié en entier depuis le courriel.';
const USED = 'Cette inscription est déjà annulée : ce lien ne sert qu’une fois.';

export const load: PageServerLoad = async ({ params }) => {
	const found = await registrationOfLink(database().db, params.jeton);
	if (!found) return { edition: null, status: null, problem: UNKNOWN };
	const { registration, edition } = found;
	return {
		edition: { number: edition.number, title: edition.title, heldOn: edition.heldOn },
		status: registration.status,
		problem: registration.status === 'cancelled' ? USED : null
	};
};

export const actions: Actions = {
	default: async ({ params, request, url }) => {
		await submittedForm(request);
		const result = await cancelByLink(database().db, params.jeton, url.origin);
		if (!result.ok) return fail(400, { problem: result.reason === 'used' ? USED : UNKNOWN });
		return { cancelled: result.editionNumber };
	}
};
