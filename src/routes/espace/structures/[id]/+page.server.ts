import { submittedForm } from '$lib/server/forms/read-form';
import { error } from '@sveltejs/kit';
import { LEVEL_INFO, type LevelOrUnknown } from '$lib/domain/levels';
import { requireActor } from '$lib/server/auth/guards';
import { database } from '$lib/server/db';
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
	const places = await db.selectFrom('places').select(['id', 'name', 'address']).where('actor_id', '=', record.id).orderBy('name').execute();
	const offers = await db.selectFrom('offers').select(['id', 'place_id', 'level', 'status', 'remote']).where('actor_id', '=', record.id).execute();
	const pending = await pendingProposal(db, 'actor', record.id, user.id);
	return {
		isCoordinator: user.role === 'coordinator',
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
