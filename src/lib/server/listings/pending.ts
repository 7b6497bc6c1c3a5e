import type { ListingEntity } from '$lib/domain/listing';
import type { DB } from '../db/connect';
import * as revisions from '../db/queries/revisions';

/**
 * This person's own proposal still waiting for the coordinator: the form starts from it, so a
 * second edit builds on the first instead of silently dropping it.
 */
export function pendingProposal<E extends ListingEntity>(db: DB, entity: E, entityId: number, userId: number) {
	return revisions.ownProposal(db, entity, entityId, userId);
}
