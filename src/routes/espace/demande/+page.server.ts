import { submittedForm } from '$lib/server/forms/read-form';
import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { allowAttempt, RATE_RULES } from '$lib/server/auth/rate-limit';
import { normalizeEmail } from '$lib/server/auth/users';
import { database } from '$lib/server/db';
import * as actorQueries from '$lib/server/db/queries/actors';
import { fileClaim } from '$lib/server/listings/claims';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const actors = await actorQueries.names(database().db);
	const wanted = Number(url.searchParams.get('structure'));
	return { actors, selected: actors.some((a) => a.id === wanted) ? wanted : null };
};

const claimSchema = z.object({
	actor: z.coerce.number({ error: 'Choisissez la structure.' }).int().positive({ error: 'Choisissez la structure.' }),
	name: z.string().trim().min(2, { error: 'Indiquez votre nom et votre fonction.' }).max(150, { error: '150 caractères au plus.' }),
	email: z.email({ error: 'Adresse e-mail invalide : elle doit ressembler à nom@exemple.fr.' }).max(254),
	message: z.string().trim().max(1000, { error: '1 000 caractères au plus.' })
});

export const actions: Actions = {
	default: async ({ request, url, getClientAddress }) => {
		const form = await submittedForm(request);
		const values = {
			actor: String(form.get('actor') ?? '').slice(0, 20),
			name: String(form.get('name') ?? '').slice(0, 300),
			email: String(form.get('email') ?? '').trim().slice(0, 300),
			message: String(form.get('message') ?? '').slice(0, 2000)
		};
		const parsed = claimSchema.safeParse(values);
		if (!parsed.success) {
			const errors = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
			return fail(400, { values, errors });
		}
		const { db } = database();
		if (!(await allowAttempt(db, `claim:ip:${getClientAddress()}`, RATE_RULES.claimPerIp))) {
			return fail(429, { values, errors: { form: 'Trop de demandes envoyées d’ici. Réessayez dans une heure.' } });
		}
		const result = await fileClaim(
			db,
			{ actorId: parsed.data.actor, name: parsed.data.name, email: normalizeEmail(parsed.data.email), message: parsed.data.message || null },
			url.origin
		);
		if (!result.ok) return fail(400, { values, errors: { actor: 'Cette structure n’existe pas.' } });
		return { sent: result.actorName };
	}
};
