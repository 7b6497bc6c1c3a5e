import { fail, redirect } from '@sveltejs/kit';
import { readForm, UNREADABLE_FORM } from '$lib/server/admin/input';
import { requireCoordinator } from '$lib/server/auth/guards';
import { database } from '$lib/server/db';
import * as editions from '$lib/server/db/queries/network-editions';
import { createEdition } from '$lib/server/network/editions';
import { EDITION_FIELDS, readEdition } from '$lib/server/network/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	requireCoordinator(locals, url);
	const { db } = database();
	const next = Math.max(0, ...(await editions.all(db)).map((e) => e.number)) + 1;
	return { places: await editions.hostChoices(db), next };
};

export const actions: Actions = {
	default: async ({ locals, url, request }) => {
		const user = requireCoordinator(locals, url);
		const form = await readForm(request);
		if (!form) return fail(400, { values: Object.fromEntries(EDITION_FIELDS.map((f) => [f, ''])), errors: { form: UNREADABLE_FORM } });
		const read = readEdition(form);
		if (!read.ok) return fail(400, { values: read.values, errors: read.errors });
		const saved = await createEdition(database().db, user, read.data);
		if (!saved.ok) return fail(400, { values: read.values, errors: saved.errors });
		redirect(303, `/admin/reseau/${saved.number}?etat=creee`);
	}
};
