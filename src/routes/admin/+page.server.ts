import { requireCoordinator } from '$lib/server/auth/guards';
import { database } from '$lib/server/db';
import { campaignProgress, staleActors } from '$lib/server/listings/freshness-campaigns';
import { pendingCounts } from '$lib/server/admin/counts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	requireCoordinator(locals, url);
	const { db } = database();
	const [pending, stale, latest] = await Promise.all([
		pendingCounts(db),
		staleActors(db, 12),
		db.selectFrom('campaigns').select(['id', 'created_at', 'months']).orderBy('id', 'desc').limit(1).executeTakeFirst()
	]);
	let campaign = null;
	if (latest) {
		const rows = await campaignProgress(db, latest.id);
		campaign = {
			...latest,
			recipients: rows.length,
			sent: rows.filter((r) => r.sent_at).length,
			confirmed: rows.filter((r) => r.confirmed_at).length
		};
	}
	return { counts: pending, stale: stale.length, campaign };
};
