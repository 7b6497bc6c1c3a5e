import { fail, redirect } from '@sveltejs/kit';
import { readForm, UNREADABLE_FORM } from '$lib/server/admin/input';
import { requireCoordinator } from '$lib/server/auth/guards';
import { audit } from '$lib/server/audit';
import { database } from '$lib/server/db';
import * as editions from '$lib/server/db/queries/network-editions';
import * as registrations from '$lib/server/db/queries/network-registrations';
import { inTransaction } from '$lib/server/db/transaction';
import { updateEdition } from '$lib/server/network/editions';
import { EDITION_FIELDS, editionValues, readEdition } from '$lib/server/network/forms';
import { editionOfPath } from './edition';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	requireCoordinator(locals, url);
	const { db } = database();
	const edition = await editionOfPath(params.numero);
	const etat = url.searchParams.get('etat');
	return {
		number: edition.number,
		title: edition.title,
		values: editionValues(edition),
		places: await editions.hostChoices(db),
		registrations: await registrations.ofEdition(db, edition.id),
		state: etat === 'creee' || etat === 'enregistree' || etat === 'presences' ? etat : null
	};
};

export const actions: Actions = {
	save: async ({ locals, url, request, params }) => {
		const user = requireCoordinator(locals, url);
		const edition = await editionOfPath(params.numero);
		const form = await readForm(request);
		if (!form) return fail(400, { values: Object.fromEntries(EDITION_FIELDS.map((f) => [f, ''])), errors: { form: UNREADABLE_FORM } });
		const read = readEdition(form);
		if (!read.ok) return fail(400, { values: read.values, errors: read.errors });
		const saved = await updateEdition(database().db, user, edition.id, read.data, url.origin);
		if (!saved.ok) return fail(400, { values: read.values, errors: saved.errors });
		redirect(303, `/admin/reseau/${saved.number}?etat=enregistree`);
	},
	presence: async ({ locals, url, request, params }) => {
		const user = requireCoordinator(locals, url);
		const edition = await editionOfPath(params.numero);
		const form = await readForm(request);
		if (!form) return fail(400, { presenceError: UNREADABLE_FORM });
		const ids = form.getAll('present').map((v) => (typeof v === 'string' && /^[1-9]\d{0,8}$/.test(v) ? Number(v) : null));
		if (ids.includes(null) || ids.length > 10_000) return fail(400, { presenceError: 'Liste de présence illisible : rechargez la page et cochez de nouveau.' });
		const { db } = database();
		await inTransaction(db, async (trx) => {
			await registrations.setAttended(trx, edition.id, ids as number[]);
			await audit(trx, { userId: user.id, action: 'network.attendance', entity: 'network_edition', entityId: edition.id, detail: { present: ids.length } });
		});
		redirect(303, `/admin/reseau/${edition.number}?etat=presences#inscrits`);
	}
};
