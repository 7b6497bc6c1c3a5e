import { submittedForm } from '$lib/server/forms/read-form';
import { error, fail } from '@sveltejs/kit';
import { requireActor } from '$lib/server/auth/guards';
import { database } from '$lib/server/db';
import * as actors from '$lib/server/db/queries/actors';
import * as places from '$lib/server/db/queries/places';
import { closedWeekAnswer, hoursState, offerChoices, offerFailure, readOfferSubmission } from '$lib/server/listings/offer-form';
import { pendingProposal } from '$lib/server/listings/pending';
import { parseId, saveListing } from '$lib/server/listings/save';
import { readOffer } from '$lib/server/listings/snapshots';
import type { Actions, PageServerLoad } from './$types';

async function offerOf(raw: string) {
	const id = parseId(raw);
	const record = id === null ? null : await readOffer(database().db, id);
	if (!record) error(404, 'Cette offre n’existe pas.');
	return record;
}

const placesOf = async (actorId: number) => (await places.ofActors(database().db, [actorId])).map(({ id, name }) => ({ id, name }));

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const record = await offerOf(params.id);
	const user = requireActor(locals, url, record.actorId);
	const { db } = database();
	const actor = (await actors.summary(db, record.actorId))!;
	const pending = await pendingProposal(db, 'offer', record.id, user.id);
	const shown = pending?.snapshot ?? record.snapshot;
	return {
		id: record.id,
		actor,
		version: record.version,
		current: shown,
		hours: hoursState(shown.hours),
		pending,
		places: await placesOf(record.actorId),
		choices: offerChoices(),
		isCoordinator: user.role === 'coordinator'
	};
};

/** The chosen place must be one of this actor's places. */
async function checkPlace(form: FormData, actorId: number) {
	const places = await placesOf(actorId);
	return places.some((p) => String(p.id) === String(form.get('place_id') ?? ''));
}

export const actions: Actions = {
	save: async ({ params, request, locals, url }) => {
		const record = await offerOf(params.id);
		const user = requireActor(locals, url, record.actorId);
		const form = await submittedForm(request);
		const { parsed, hours } = readOfferSubmission(form);
		if (!parsed.ok) return offerFailure(parsed, hours);
		if (!(await checkPlace(form, record.actorId))) {
			return fail(400, { values: parsed.value, errors: { place_id: 'Ce lieu n’appartient pas à la structure.' }, hours });
		}
		const question = closedWeekAnswer(form, parsed, hours, record.snapshot.hours);
		if (question) return question;
		return saveListing({
			entity: 'offer',
			entityId: record.id,
			actorId: record.actorId,
			user,
			form,
			parsed,
			url,
			next: (_id, state) => `/espace/offres/${record.id}?etat=${state}`
		});
	},
	/** Shows the hours in plain words without saving anything. */
	preview: async ({ params, request, locals, url }) => {
		const record = await offerOf(params.id);
		requireActor(locals, url, record.actorId);
		const form = await submittedForm(request);
		const { parsed, hours } = readOfferSubmission(form);
		return { preview: true, values: parsed.ok ? parsed.value : parsed.values, errors: parsed.ok ? {} : parsed.errors, hours };
	}
};
