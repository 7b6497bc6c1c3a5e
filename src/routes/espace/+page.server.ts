import { parseId } from '$lib/domain/ids';
import { submittedForm } from '$lib/server/forms/read-form';
import { fail } from '@sveltejs/kit';
import { freshness } from '$lib/domain/freshness';
import { LEVEL_INFO } from '$lib/domain/levels';
import { ENTITY_LABELS } from '$lib/domain/listing';
import { normalizeText } from '$lib/domain/vocabulary';
import { requireActor, requireUser } from '$lib/server/auth/guards';
import { database } from '$lib/server/db';
import * as actorQueries from '$lib/server/db/queries/actors';
import * as offerQueries from '$lib/server/db/queries/offers';
import * as placeQueries from '$lib/server/db/queries/places';
import * as revisionQueries from '$lib/server/db/queries/revisions';
import { confirmActor } from '$lib/server/listings/freshness-campaigns';
import { changeSummary } from '$lib/server/listings/revisions';
import type { Actions, PageServerLoad } from './$types';

const STATUS_LABELS = { proposed: 'En attente de validation', published: 'Publiée', refused: 'Refusée', superseded: 'Remplacée' };

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const { db } = database();
	const q = (url.searchParams.get('q') ?? '').slice(0, 100);
	let actorIds = user.actorIds;
	if (user.role === 'coordinator') {
		// A coordinator may edit everything: the page lists what matches the search, or nothing yet.
		const all = await actorQueries.names(db);
		const key = normalizeText(q);
		actorIds = key ? all.filter((a) => normalizeText(a.name).includes(key)).map((a) => a.id).slice(0, 30) : [];
	}
	const now = new Date();
	const actors = await actorQueries.listed(db, actorIds);
	const places = await placeQueries.ofActors(db, actorIds);
	const offers = await offerQueries.listedFor(db, actorIds);
	const revisions = await revisionQueries.byAuthor(db, user.id, 20);
	return {
		isCoordinator: user.role === 'coordinator',
		q,
		actors: actors.map((a) => {
			const own = offers.filter((o) => o.actor_id === a.id);
			const lastVerified = own.map((o) => o.verified_at).filter((v): v is string => !!v).sort().at(-1) ?? null;
			const how = own.find((o) => o.verified_at === lastVerified)?.verified_how ?? null;
			return {
				id: a.id,
				name: a.name,
				trusted: a.trusted,
				freshness: freshness(lastVerified, how, now),
				places: places
					.filter((p) => p.actor_id === a.id)
					.map((p) => ({
						...p,
						offers: own
							.filter((o) => o.place_id === p.id)
							.map((o) => ({ id: o.id, level: LEVEL_INFO[(o.level ?? 'unknown') as keyof typeof LEVEL_INFO].label, status: o.status }))
					}))
			};
		}),
		revisions: await Promise.all(
			revisions.map(async (r) => ({
				id: r.id,
				what: await changeSummary(db, r.entity, r.after),
				entity: ENTITY_LABELS[r.entity],
				status: STATUS_LABELS[r.status],
				statusCode: r.status,
				createdAt: r.created_at,
				reason: r.reason
			}))
		)
	};
};

export const actions: Actions = {
	/** "Mes informations sont toujours à jour", for a signed-in member. */
	confirm: async ({ request, locals, url }) => {
		const form = await submittedForm(request);
		const actorId = parseId(form.get('actor'));
		if (actorId === null) return fail(400, { confirmError: 'Structure inconnue.' });
		requireActor(locals, url, actorId);
		const { db } = database();
		const actor = await actorQueries.summary(db, actorId);
		if (!actor) return fail(400, { confirmError: 'Structure inconnue.' });
		await confirmActor(db, actorId, null, new Date(), locals.user!.id);
		return { confirmed: actor.name };
	}
};
