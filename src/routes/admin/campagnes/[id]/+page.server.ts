import { error } from '@sveltejs/kit';
import { requireCoordinator } from '$lib/server/auth/guards';
import { database } from '$lib/server/db';
import * as campaigns from '$lib/server/db/queries/campaigns';
import { campaignProgress } from '$lib/server/listings/freshness-campaigns';
import { parseId } from '$lib/server/admin/input';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	requireCoordinator(locals, url);
	const id = parseId(params.id);
	if (id === null) error(404, 'Cette campagne n’existe pas.');
	const { db } = database();
	const campaign = await campaigns.byId(db, id);
	if (!campaign) error(404, 'Cette campagne n’existe pas.');
	const rows = await campaignProgress(db, id);
	return {
		campaign,
		justLaunched: url.searchParams.has('lancee'),
		rows: rows.map((r) => ({
			id: r.id,
			name: r.name,
			emails: r.emails,
			sentAt: r.sent_at,
			confirmedAt: r.confirmed_at,
			editedAt: r.edited_at
		}))
	};
};
