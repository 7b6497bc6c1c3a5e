import { requireCoordinator } from '$lib/server/auth/guards';
import { database } from '$lib/server/db';
import * as campaigns from '$lib/server/db/queries/campaigns';
import { campaignProgress, staleActors } from '$lib/server/listings/freshness-campaigns';
import { pendingCounts } from '$lib/server/admin/counts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	requireCoordinator(locals, url);
	const { db } = database();
	const [pending, stale, newest] = await Promise.all([
		pendingCounts(db),
		staleActors(db, 12),
		campaigns.latest(db, 1)
	]);
	const latest = newest[0];
	let campaign = null;
	if (latest) {
		const rows = await campaignProgress(db, latest.id);
		campaign = {
			id: latest.id,
			created_at: latest.created_at,
			months: latest.months,
			recipients: rows.length,
			sent: rows.filter((r) => r.sent_at).length,
			confirmed: rows.filter((r) => r.confirmed_at).length
		};
	}
	return { counts: pending, stale: stale.length, campaign };
};
