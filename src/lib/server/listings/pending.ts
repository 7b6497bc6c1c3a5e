import type { ListingEntity, SnapshotOf } from '$lib/domain/listing';
import type { DB } from '../db/connect';

/**
 * This person's own proposal still waiting for the coordinator: the form starts from it, so a
 * second edit builds on the first instead of silently dropping it.
 */
export async function pendingProposal<E extends ListingEntity>(db: DB, entity: E, entityId: number, userId: number) {
	const row = await db
		.selectFrom('revisions')
		.select(['id', 'after', 'created_at'])
		.where('entity', '=', entity)
		.where('entity_id', '=', entityId)
		.where('author_id', '=', userId)
		.where('status', '=', 'proposed')
		.orderBy('id', 'desc')
		.executeTakeFirst();
	return row ? { id: row.id, createdAt: row.created_at, snapshot: JSON.parse(row.after) as SnapshotOf[E] } : null;
}
