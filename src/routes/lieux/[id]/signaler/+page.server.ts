import { submittedForm } from '$lib/server/forms/read-form';
import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import { allowAttempt, RATE_RULES } from '$lib/server/auth/rate-limit';
import { database } from '$lib/server/db';
import * as places from '$lib/server/db/queries/places';
import { ERROR_REASONS, fileErrorReport } from '$lib/server/listings/error-reports';
import type { Actions, PageServerLoad } from './$types';

async function placeOf(id: string) {
	if (!/^\d{1,9}$/.test(id)) error(404, 'Ce lieu n’existe pas.');
	const place = await places.summary(database().db, Number(id));
	if (!place) error(404, 'Ce lieu n’existe pas.');
	return { id: place.id, name: place.name, address: place.address };
}

export const load: PageServerLoad = async ({ params }) => ({ place: await placeOf(params.id), reasons: ERROR_REASONS });

const reportSchema = z.object({
	reason: z.enum(['hours', 'address', 'contact', 'closed', 'other'], { error: 'Choisissez ce qui est faux.' }),
	message: z.string().trim().max(1000, { error: '1 000 caractères au plus.' })
});

export const actions: Actions = {
	default: async ({ params, request, getClientAddress }) => {
		const place = await placeOf(params.id);
		const form = await submittedForm(request);
		const values = { reason: String(form.get('reason') ?? '').slice(0, 20), message: String(form.get('message') ?? '').slice(0, 2000) };
		const parsed = reportSchema.safeParse(values);
		if (!parsed.success) {
			return fail(400, { values, errors: Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])) });
		}
		if (parsed.data.reason === 'other' && !parsed.data.message) {
			return fail(400, { values, errors: { message: 'Dites en quelques mots ce qui est faux.' } });
		}
		const { db } = database();
		if (!(await allowAttempt(db, `report:ip:${getClientAddress()}`, RATE_RULES.reportPerIp))) {
			return fail(429, { values, errors: { form: 'Trop de signalements envoyés d’ici en peu de temps. Réessayez dans une heure.' } });
		}
		await fileErrorReport(db, place.id, parsed.data.reason, parsed.data.message || null);
		return { sent: true };
	}
};
