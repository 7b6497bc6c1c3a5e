import { submittedForm } from '$lib/server/forms/read-form';
import { error } from '@sveltejs/kit';
import { shownKind } from '$lib/domain/actor-kinds';
import { LEVEL_INFO, type LevelOrUnknown } from '$lib/domain/levels';
import { requireActor } from '$lib/server/auth/guards';
import { database } from '$lib/server/db';
import * as offerQueries from '$lib/server/db/queries/offers';
import * as placeQueries from '$lib/server/db/queries/places';
import { parseActorForm } from '$lib/server/forms/listing-forms';
import { pendingProposal } from '$lib/server/listings/pending';
import { parseId, saveListing } from '$lib/server/listings/save';
import { readActor } from '$lib/server/listings/snapshots';
import type { Actions, PageServerLoad } from './$types';

async function actorOf(raw: string) {
	const id = parseId(raw);
	const record = id === null ? null : await readActor(database().db, id);
	if (!record) error(404, 'Cette structure n’existe pas.');
	return record;
}

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const record = await actorOf(params.id);
	const user = requireActor(locals, url, record.id);
	const { db } = database();
	const places = (await placeQueries.ofActors(db, [record.id])).map(({ id, name, address }) => ({ id, name, address }));
	const offers = await offerQueries.listedFor(db, [record.id]);
	const pending = await pendingProposal(db, 'actor', record.id, user.id);
	return {
		isCoordinator: user.role === 'coordinator',
		// What the directory shows while no kind is chosen, so the member knows what « non précisé » leaves.
		deducedKind: (() => {
			const shown = shownKind(null, record.snapshot.name);
			return shown.deduced ? shown.label : null;
		})(),
		id: record.id,
		version: record.version,
		current: record.snapshot,
		pending,
		places: places.map((p) => ({
			...p,
			offers: offers
				.filter((o) => o.place_id === p.id)
				.map((o) => ({ id: o.id, level: LEVEL_INFO[(o.level ?? 'unknown') as LevelOrUnknown].label, status: o.status }))
		}))
	};
};

export const actions: Actions = {
	default: async ({ params, request, locals, url }) => {
		const record = await actorOf(params.id);
		const user = requireActor(locals, url, record.id);
		const form = await submittedForm(request);
		return saveListing({
			entity: 'actor',
			entityId: record.id,
			actorId: record.id,
			user,
			form,
			parsed: parseActorForm(form),
			url,
			next: (_id, state) => `/espace/structures/${record.id}?etat=${state}`
		});
	}
};
