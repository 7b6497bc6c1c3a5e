import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { NETWORK_THEMES } from '$lib/domain/network/themes';
import { errorsByField, parseId, readForm, textField, UNREADABLE_FORM } from '$lib/server/admin/input';
import { requireCoordinator } from '$lib/server/auth/guards';
import { database } from '$lib/server/db';
import * as surveys from '$lib/server/db/queries/network-surveys';
import { closeSurvey, inviteParticipants, openSurvey, results } from '$lib/server/network/survey';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	requireCoordinator(locals, url);
	const { db } = database();
	const current = await surveys.current(db);
	const closed = await surveys.latestClosed(db);
	const invited = url.searchParams.get('invites');
	return {
		themes: NETWORK_THEMES,
		current: current ? { ...current, results: await results(db, current) } : null,
		closed: closed ? { ...closed, results: await results(db, closed) } : null,
		state: url.searchParams.get('etat'),
		invited: invited !== null && /^\d{1,6}$/.test(invited) ? Number(invited) : null
	};
};

const openSchema = z.object({
	titre: z.string().trim().min(3, { error: 'Donnez un titre à l’enquête (3 caractères au moins).' }).max(200, { error: '200 caractères au plus.' }),
	choix: z
		.string()
		.trim()
		.regex(/^[1-9]$/, { error: 'Un nombre de choix entre 1 et 9.' })
		.transform(Number)
});

export const actions: Actions = {
	open: async ({ locals, url, request }) => {
		const user = requireCoordinator(locals, url);
		const form = await readForm(request);
		if (!form) return fail(400, { values: { titre: '', choix: '', themes: [] as string[] }, errors: { form: UNREADABLE_FORM } as Record<string, string> });
		const themes = form.getAll('themes').filter((t): t is string => typeof t === 'string').slice(0, 20);
		const values = { titre: textField(form, 'titre', 400), choix: textField(form, 'choix', 10), themes };
		const parsed = openSchema.safeParse(values);
		const errors: Record<string, string> = parsed.success ? {} : errorsByField(parsed.error);
		const known = NETWORK_THEMES.map((t) => t.code as string);
		if (themes.length < 2 || !themes.every((t) => known.includes(t))) errors.themes = 'Proposez au moins deux thématiques de la liste.';
		if (!parsed.success || Object.keys(errors).length > 0) return fail(400, { values, errors });
		const opened = await openSurvey(database().db, user, { title: parsed.data.titre, themes, maxChoices: parsed.data.choix });
		if (!opened.ok) return fail(400, { values, errors: opened.errors });
		redirect(303, '/admin/reseau/enquete?etat=ouverte');
	},
	close: async ({ locals, url, request }) => {
		const user = requireCoordinator(locals, url);
		const form = await readForm(request);
		const id = form ? parseId(form.get('enquete')) : null;
		if (id === null || !(await closeSurvey(database().db, user, id))) return fail(400, { closeError: 'Cette enquête n’est pas ouverte : rechargez la page.' });
		redirect(303, '/admin/reseau/enquete?etat=close');
	},
	invite: async ({ locals, url, request }) => {
		const user = requireCoordinator(locals, url);
		if (!(await readForm(request))) return fail(400, { closeError: UNREADABLE_FORM });
		const done = await inviteParticipants(database().db, user, url.origin);
		if (!done) return fail(400, { closeError: 'Aucune enquête n’est ouverte.' });
		redirect(303, `/admin/reseau/enquete?invites=${done.invited}`);
	}
};
