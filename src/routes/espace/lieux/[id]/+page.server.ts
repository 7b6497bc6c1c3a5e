import { submittedForm } from '$lib/server/forms/read-form';
import { error } from '@sveltejs/kit';
import { requireActor } from '$lib/server/auth/guards';
import { database } from '$lib/server/db';
import * as actors from '$lib/server/db/queries/actors';
import { parsePlaceForm } from '$lib/server/forms/listing-forms';
import { locateAddress } from '$lib/server/listings/locate';
import { pendingProposal } from '$lib/server/listings/pending';
import { parseId, saveListing } from '$lib/server/listings/save';
import { readPlace } from '$lib/server/listings/snapshots';
import { streetDirectory } from '$lib/server/streets';
import type { Actions, PageServerLoad } from './$types';

async function placeOf(raw: string) {
	const id = parseId(raw);
	const record = id === null ? null : await readPlace(database().db, id);
	if (!record) error(404, 'Ce lieu n’existe pas.');
	return record;
}

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const record = await placeOf(params.id);
	const user = requireActor(locals, url, record.actorId);
	const { db } = database();
	const actor = (await actors.summary(db, record.actorId))!;
	return {
		id: record.id,
		actor,
		version: record.version,
		current: record.snapshot,
		pending: await pendingProposal(db, 'place', record.id, user.id),
		isCoordinator: user.role === 'coordinator',
		streets: streetDirectory().map((s) => s.name)
	};
};

export const actions: Actions = {
	save: async ({ params, request, locals, url }) => {
		const record = await placeOf(params.id);
		const user = requireActor(locals, url, record.actorId);
		const form = await submittedForm(request);
		return saveListing({
			entity: 'place',
			entityId: record.id,
			actorId: record.actorId,
			user,
			form,
			parsed: parsePlaceForm(form),
			url,
			next: (_id, state) => `/espace/lieux/${record.id}?etat=${state}`
		});
	},
	locate: async ({ params, request, locals, url }) => {
		const record = await placeOf(params.id);
		requireActor(locals, url, record.actorId);
		return locateAddress(await submittedForm(request));
	}
};
