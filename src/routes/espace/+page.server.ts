import { submittedForm } from '$lib/server/forms/read-form';
import { fail } from '@sveltejs/kit';
import { freshness } from '$lib/domain/freshness';
import { LEVEL_INFO } from '$lib/domain/levels';
import { ENTITY_LABELS } from '$lib/domain/listing';
import { normalizeText } from '$lib/domain/vocabulary';
import { requireActor, requireUser } from '$lib/server/auth/guards';
import { database } from '$lib/server/db';
import { confirmActor } from '$lib/server/listings/freshness-campaigns';
import { changeSummary } from '$lib/server/listings/revisions';
import type { SnapshotOf, ListingEntity } from '$lib/domain/listing';
import type { Actions, PageServerLoad } from './$types';

const STATUS_LABELS = { proposed: 'En attente de validation', published: 'Publiée', refused: 'Refusée', superseded: 'Remplacée' };

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const { db } = database();
	const q = (url.searchParams.get('q') ?? '').slice(0, 100);
	let actorIds = user.actorIds;
	if (user.role === 'coordinator') {
		// A coordinator may edit everything: the page lists what matches the search, or nothing yet.
		const all = await db.selectFrom('actors').select(['id', 'name']).orderBy('name').execute();
		const key = normalizeText(q);
		actorIds = key ? all.filter((a) => normalizeText(a.name).includes(key)).map((a) => a.id).slice(0, 30) : [];
	}
	const now = new Date();
	const actors =
		actorIds.length === 0
			? []
			: await db.selectFrom('actors').select(['id', 'name', 'trusted']).where('id', 'in', actorIds).orderBy('name').execute();
	const places =
		actorIds.length === 0
			? []
			: await db.selectFrom('places').select(['id', 'actor_id', 'name', 'address']).where('actor_id', 'in', actorIds).orderBy('name').execute();
	const offers =
		actorIds.length === 0
			? []
			: await db
					.selectFrom('offers')
					.select(['id', 'actor_id', 'place_id', 'level', 'status', 'verified_at', 'verified_how'])
					.where('actor_id', 'in', actorIds)
					.execute();
	const revisions = await db
		.selectFrom('revisions')
		.select(['id', 'entity', 'entity_id', 'status', 'created_at', 'decided_at', 'reason', 'after'])
		.where('author_id', '=', user.id)
		.orderBy('id', 'desc')
		.limit(20)
		.execute();
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
				trusted: a.trusted === 1,
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
				what: await changeSummary(db, r.entity as ListingEntity, JSON.parse(r.after) as SnapshotOf[ListingEntity]),
				entity: ENTITY_LABELS[r.entity as ListingEntity],
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
		const actorId = Number(form.get('actor'));
		if (!Number.isInteger(actorId) || actorId <= 0) return fail(400, { confirmError: 'Structure inconnue.' });
		requireActor(locals, url, actorId);
		const { db } = database();
		const actor = await db.selectFrom('actors').select(['id', 'name']).where('id', '=', actorId).executeTakeFirst();
		if (!actor) return fail(400, { confirmError: 'Structure inconnue.' });
		await confirmActor(db, actorId, null, new Date(), locals.user!.id);
		return { confirmed: actor.name };
	}
};
