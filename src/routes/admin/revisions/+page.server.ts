import { requireCoordinator } from '$lib/server/auth/guards';
import { database } from '$lib/server/db';
import * as revisions from '$lib/server/db/queries/revisions';
import { changeSummary } from '$lib/server/listings/revisions';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	requireCoordinator(locals, url);
	const { db } = database();
	// Oldest first: the queue is worked through in the order the structures asked.
	const { pending, decided } = await revisions.queue(db);
	const describe = async (r: (typeof pending)[number]) => {
		const { after, before: _before, ...rest } = r;
		return { ...rest, what: await changeSummary(db, r.entity, after) };
	};
	return { pending: await Promise.all(pending.map(describe)), decided: await Promise.all(decided.map(describe)) };
};
