import { fail, redirect } from '@sveltejs/kit';
import { requireCoordinator } from '$lib/server/auth/guards';
import { database } from '$lib/server/db';
import * as campaigns from '$lib/server/db/queries/campaigns';
import { campaignProgress, launchCampaign, staleActors } from '$lib/server/listings/freshness-campaigns';
import { errorsByField, monthsSchema, readForm, textField, UNREADABLE_FORM } from '$lib/server/admin/input';
import type { Actions, PageServerLoad } from './$types';

const DEFAULT_MONTHS = 12;

export const load: PageServerLoad = async ({ locals, url }) => {
	requireCoordinator(locals, url);
	const { db } = database();
	const typed = url.searchParams.get('mois');
	const parsed = typed === null ? null : monthsSchema.safeParse(typed.slice(0, 20));
	const months = parsed?.success ? parsed.data : DEFAULT_MONTHS;
	const stale = await staleActors(db, months);
	const launched = await campaigns.latest(db, 50);
	return {
		months,
		typed: parsed && !parsed.success ? typed!.slice(0, 20) : null,
		monthsError: parsed && !parsed.success ? (parsed.error.issues[0]?.message ?? null) : null,
		stale: stale.map((a) => ({ id: a.id, name: a.name, lastVerified: [a.verified_at, a.source_on].filter(Boolean).sort().at(-1) ?? null })),
		campaigns: await Promise.all(
			launched.map(async (c) => {
				const rows = await campaignProgress(db, c.id);
				return {
					...c,
					recipients: rows.length,
					sent: rows.filter((r) => r.sent_at).length,
					confirmed: rows.filter((r) => r.confirmed_at).length,
					edited: rows.filter((r) => r.edited_at).length
				};
			})
		)
	};
};

export const actions: Actions = {
	launch: async ({ locals, url, request }) => {
		const coordinator = requireCoordinator(locals, url);
		const form = await readForm(request);
		if (!form) return fail(400, { values: { mois: '' }, errors: { mois: UNREADABLE_FORM } });
		const values = { mois: textField(form, 'mois', 20) };
		const parsed = monthsSchema.safeParse(values.mois);
		if (!parsed.success) return fail(400, { values, errors: errorsByField(parsed.error, 'mois') });
		const { db } = database();
		if ((await staleActors(db, parsed.data)).length === 0) {
			return fail(400, { values, errors: { mois: `Aucune structure n’est sans vérification depuis ${parsed.data} mois : il n’y a personne à qui écrire.` } });
		}
		const result = await launchCampaign(db, coordinator, parsed.data, url.origin);
		redirect(303, `/admin/campagnes/${result.campaignId}?lancee=1`);
	}
};
