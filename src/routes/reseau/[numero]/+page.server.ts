import { error, fail, redirect } from '@sveltejs/kit';
import { allowAttempt } from '$lib/server/auth/rate-limit';
import { database } from '$lib/server/db';
import * as editions from '$lib/server/db/queries/network-editions';
import * as registrations from '$lib/server/db/queries/network-registrations';
import * as resources from '$lib/server/db/queries/network-resources';
import { readForm, UNREADABLE_FORM } from '$lib/server/admin/input';
import { readRegistration, REGISTRATION_FIELDS } from '$lib/server/network/forms';
import { publicEdition } from '$lib/server/network/public';
import { register } from '$lib/server/network/registrations';
import { REGISTRATION_RATE } from '$lib/server/network/rate';
import type { Actions, PageServerLoad } from './$types';

async function editionOf(numero: string) {
	if (!/^[1-9]\d{0,3}$/.test(numero)) error(404, 'Cette édition n’existe pas.');
	const edition = await editions.byNumber(database().db, Number(numero));
	if (!edition) error(404, 'Cette édition n’existe pas.');
	return edition;
}

export const load: PageServerLoad = async ({ params, url }) => {
	const { db } = database();
	const edition = await editionOf(params.numero);
	const shown = await publicEdition(db, edition, new Date());
	const done = url.searchParams.get('inscription');
	return {
		edition: shown,
		structures: shown.open ? await registrations.structureChoices(db) : [],
		resources: (await resources.all(db)).filter((r) => r.editionId === edition.id),
		done: done === 'confirmee' || done === 'attente' ? done : null
	};
};

const empty = () => Object.fromEntries(REGISTRATION_FIELDS.map((f) => [f, '']));

export const actions: Actions = {
	register: async ({ params, request, url, getClientAddress }) => {
		const edition = await editionOf(params.numero);
		const form = await readForm(request);
		if (!form) return fail(400, { values: empty(), errors: { form: UNREADABLE_FORM } });
		const read = readRegistration(form);
		if (!read.ok) return fail(400, { values: read.values, errors: read.errors });
		const { db } = database();
		if (read.data.actorId !== null && !(await registrations.actorExists(db, read.data.actorId))) {
			return fail(400, { values: read.values, errors: { structure: 'Cette structure n’est plus dans l’annuaire : choisissez-en une autre ou écrivez son nom.' } });
		}
		if (!(await allowAttempt(db, `network-register:ip:${getClientAddress()}`, REGISTRATION_RATE))) {
			return fail(429, { values: read.values, errors: { form: 'Trop d’inscriptions envoyées d’ici en peu de temps. Réessayez dans une heure.' } });
		}
		const result = await register(db, edition.id, read.data, url.origin);
		if (!result.ok && result.reason === 'duplicate') {
			return fail(400, {
				values: read.values,
				errors: {
					email:
						'Cette adresse e-mail est déjà inscrite à cette édition : inutile de vous inscrire deux fois. Le courriel reçu à l’inscription contient le lien pour annuler.'
				}
			});
		}
		if (!result.ok) return fail(400, { values: read.values, errors: { form: 'Les inscriptions à cette édition sont fermées.' } });
		redirect(303, `/reseau/${edition.number}?inscription=${result.status === 'confirmed' ? 'confirmee' : 'attente'}#inscription`);
	}
};
