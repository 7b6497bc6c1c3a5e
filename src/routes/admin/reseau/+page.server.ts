import { requireCoordinator } from '$lib/server/auth/guards';
import { database } from '$lib/server/db';
import * as editions from '$lib/server/db/queries/network-editions';
import * as registrations from '$lib/server/db/queries/network-registrations';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	requireCoordinator(locals, url);
	const { db } = database();
	const all = await editions.all(db);
	return {
		editions: await Promise.all(
			all.map(async (e) => ({
				number: e.number,
				heldOn: e.heldOn,
				title: e.title,
				registrationOpen: e.registrationOpen,
				capacity: e.capacity,
				counts: await registrations.countByStatus(db, e.id)
			}))
		),
		created: url.searchParams.get('creee')
	};
};
