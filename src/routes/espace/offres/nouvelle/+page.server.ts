import { submittedForm } from '$lib/server/forms/read-form';
import { error, fail } from '@sveltejs/kit';
import { requireActor } from '$lib/server/auth/guards';
import { database } from '$lib/server/db';
import * as actors from '$lib/server/db/queries/actors';
import * as places from '$lib/server/db/queries/places';
import { closedWeekAnswer, hoursState, offerChoices, offerFailure, readOfferSubmission } from '$lib/server/listings/offer-form';
import { parseId, saveListing } from '$lib/server/listings/save';
import type { Actions, PageServerLoad } from './$types';

async function placeOf(url: URL) {
	const id = parseId(url.searchParams.get('lieu') ?? '');
	const place = id === null ? null : await places.summary(database().db, id);
	if (!place) error(404, 'Lieu inconnu : ouvrez cette page depuis votre espace.');
	return place;
}

const placesOf = async (actorId: number) => (await places.ofActors(database().db, [actorId])).map(({ id, name }) => ({ id, name }));

export const load: PageServerLoad = async ({ locals, url }) => {
	const place = await placeOf(url);
	const user = requireActor(locals, url, place.actor_id);
	const actor = (await actors.summary(database().db, place.actor_id))!;
	return {
		actor,
		place,
		initial: { place_id: place.id, status: 'active', languages: ['fr'], fees: [], themes: [] },
		hours: hoursState(null),
		places: await placesOf(place.actor_id),
		choices: offerChoices(),
		isCoordinator: user.role === 'coordinator'
	};
};

export const actions: Actions = {
	save: async ({ request, locals, url }) => {
		const place = await placeOf(url);
		const user = requireActor(locals, url, place.actor_id);
		const form = await submittedForm(request);
		const { parsed, hours } = readOfferSubmission(form);
		if (!parsed.ok) return offerFailure(parsed, hours);
		if (!(await placesOf(place.actor_id)).some((p) => p.id === parsed.value.place_id)) {
			return fail(400, { values: parsed.value, errors: { place_id: 'Ce lieu n’appartient pas à la structure.' }, hours });
		}
		const question = closedWeekAnswer(form, parsed, hours, null);
		if (question) return question;
		return saveListing({
			entity: 'offer',
			entityId: null,
			actorId: place.actor_id,
			user,
			form,
			parsed,
			url,
			next: (id, state) => (id !== null ? `/espace/offres/${id}?etat=${state}` : `/espace/structures/${place.actor_id}?etat=${state}`)
		});
	},
	preview: async ({ request, locals, url }) => {
		const place = await placeOf(url);
		requireActor(locals, url, place.actor_id);
		const { parsed, hours } = readOfferSubmission(await submittedForm(request));
		return { preview: true, values: parsed.ok ? parsed.value : parsed.values, errors: parsed.ok ? {} : parsed.errors, hours };
	}
};
