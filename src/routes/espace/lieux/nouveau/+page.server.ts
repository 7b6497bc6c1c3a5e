import { submittedForm } from '$lib/server/forms/read-form';
import { error } from '@sveltejs/kit';
import { requireActor } from '$lib/server/auth/guards';
import { database } from '$lib/server/db';
import * as actors from '$lib/server/db/queries/actors';
import { parsePlaceForm } from '$lib/server/forms/listing-forms';
import { locateAddress } from '$lib/server/listings/locate';
import { parseId, saveListing } from '$lib/server/listings/save';
import { streetDirectory } from '$lib/server/streets';
import type { Actions, PageServerLoad } from './$types';

async function actorOf(url: URL) {
	const id = parseId(url.searchParams.get('structure') ?? '');
	const actor = id === null ? null : await actors.summary(database().db, id);
	if (!actor) error(404, 'Structure inconnue : ouvrez cette page depuis votre espace.');
	return actor;
}

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = await actorOf(url);
	const user = requireActor(locals, url, actor.id);
	return { actor, isCoordinator: user.role === 'coordinator', streets: streetDirectory().map((s) => s.name) };
};

export const actions: Actions = {
	save: async ({ request, locals, url }) => {
		const actor = await actorOf(url);
		const user = requireActor(locals, url, actor.id);
		const form = await submittedForm(request);
		return saveListing({
			entity: 'place',
			entityId: null,
			actorId: actor.id,
			user,
			form,
			parsed: parsePlaceForm(form),
			url,
			next: (id, state) => (id !== null ? `/espace/lieux/${id}?etat=${state}` : `/espace/structures/${actor.id}?etat=${state}`)
		});
	},
	locate: async ({ request, locals, url }) => {
		const actor = await actorOf(url);
		requireActor(locals, url, actor.id);
		return locateAddress(await submittedForm(request));
	}
};
