import { redirect } from '@sveltejs/kit';
import { audit } from '$lib/server/audit';
import { endSession } from '$lib/server/auth/sessions';
import { database } from '$lib/server/db';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (!locals.user) redirect(303, '/');
	return {};
};

export const actions: Actions = {
	default: async ({ cookies, locals, url }) => {
		const { db } = database();
		if (locals.user) await audit(db, { userId: locals.user.id, action: 'sign_out', entity: 'user', entityId: locals.user.id });
		await endSession(db, cookies, url.protocol === 'https:');
		redirect(303, '/');
	}
};
