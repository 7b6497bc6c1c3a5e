import type { ListingEntity, SnapshotOf } from '$lib/domain/listing';
import { requireCoordinator } from '$lib/server/auth/guards';
import type { DB } from '$lib/server/db/connect';
import { database } from '$lib/server/db';
import { changeSummary } from '$lib/server/listings/revisions';
import type { PageServerLoad } from './$types';

function revisionRows(db: DB) {
	return db
		.selectFrom('revisions')
		.innerJoin('actors', 'actors.id', 'revisions.actor_id')
		.leftJoin('users as author', 'author.id', 'revisions.author_id')
		.leftJoin('users as decider', 'decider.id', 'revisions.decided_by')
		.select([
			'revisions.id',
			'revisions.entity',
			'revisions.operation',
			'revisions.status',
			'revisions.after',
			'revisions.created_at',
			'revisions.decided_at',
			'actors.id as actorId',
			'actors.name as actorName',
			'author.email as authorEmail',
			'decider.email as deciderEmail'
		]);
}

export const load: PageServerLoad = async ({ locals, url }) => {
	requireCoordinator(locals, url);
	const { db } = database();
	// Oldest first: the queue is worked through in the order the structures asked.
	const [pending, decided] = await Promise.all([
		revisionRows(db).where('revisions.status', '=', 'proposed').orderBy('revisions.id', 'asc').execute(),
		revisionRows(db)
			.where('revisions.status', 'in', ['published', 'refused'])
			.where('revisions.author_id', 'is not', null)
			.whereRef('revisions.author_id', '!=', 'revisions.decided_by')
			.orderBy('revisions.decided_at', 'desc')
			.limit(20)
			.execute()
	]);
	const describe = async (r: (typeof pending)[number]) => {
		const { after, ...rest } = r;
		return { ...rest, what: await changeSummary(db, r.entity as ListingEntity, JSON.parse(after) as SnapshotOf[ListingEntity]) };
	};
	return { pending: await Promise.all(pending.map(describe)), decided: await Promise.all(decided.map(describe)) };
};
