import { fail, redirect } from '@sveltejs/kit';
import { NETWORK_THEMES } from '$lib/domain/network/themes';
import { parseId, readForm, UNREADABLE_FORM } from '$lib/server/admin/input';
import { requireCoordinator } from '$lib/server/auth/guards';
import { database } from '$lib/server/db';
import * as resources from '$lib/server/db/queries/network-resources';
import { readUpload, TOO_LARGE } from '$lib/server/http/body-limit';
import { publishResource, readResourceForm, removeResource, RESOURCE_FIELDS } from '$lib/server/network/resources';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	requireCoordinator(locals, url);
	const { db } = database();
	const etat = url.searchParams.get('etat');
	return {
		themes: NETWORK_THEMES,
		editions: await resources.editionChoices(db),
		resources: await resources.all(db),
		state: etat === 'publiee' || etat === 'retiree' ? etat : null
	};
};

const empty = () => ({ ...Object.fromEntries(RESOURCE_FIELDS.map((f) => [f, ''])), themes: [] as string[] });

export const actions: Actions = {
	upload: async ({ locals, url, request }) => {
		const user = requireCoordinator(locals, url);
		const form = await readUpload(request);
		if (form === 'too-large') return fail(413, { values: empty(), errors: { fichier: TOO_LARGE } as Record<string, string> });
		if (!form) return fail(400, { values: empty(), errors: { form: UNREADABLE_FORM } as Record<string, string> });
		const read = await readResourceForm(form);
		if (!read.ok) return fail(400, { values: read.values, errors: read.errors });
		const { db } = database();
		if (read.data.editionId !== null && !(await resources.editionChoices(db)).some((e) => e.id === read.data.editionId)) {
			return fail(400, { values: read.values, errors: { edition: 'Cette édition n’existe plus : choisissez-en une autre.' } as Record<string, string> });
		}
		await publishResource(db, user, read);
		redirect(303, '/admin/reseau/ressources?etat=publiee');
	},
	remove: async ({ locals, url, request }) => {
		const user = requireCoordinator(locals, url);
		const form = await readForm(request);
		const id = form ? parseId(form.get('ressource')) : null;
		if (id === null) return fail(400, { removeError: 'Ressource inconnue : rechargez la page.' });
		if (!(await removeResource(database().db, user, id))) return fail(404, { removeError: 'Cette ressource n’existe plus.' });
		redirect(303, '/admin/reseau/ressources?etat=retiree');
	}
};
