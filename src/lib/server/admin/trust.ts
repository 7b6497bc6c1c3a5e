import { audit } from '$lib/server/audit';
import type { SignedInUser } from '$lib/server/auth/users';
import type { DB } from '$lib/server/db/connect';
import * as actors from '$lib/server/db/queries/actors';
import { inTransaction } from '$lib/server/db/transaction';

export type TrustResult = { kind: 'done'; name: string } | { kind: 'unchanged'; name: string } | { kind: 'missing' };

/**
 * « Publier sans modération »: a trusted actor's changes are published at once. Not public data
 * (nothing on the map changes), and not part of the listing snapshot, so the version stays put and
 * pending proposals are not put in conflict.
 */
export async function setActorTrusted(db: DB, coordinator: SignedInUser, actorId: number, trusted: boolean, now = new Date()): Promise<TrustResult> {
	return inTransaction(db, async (trx) => {
		const actor = await actors.byId(trx, actorId);
		if (!actor) return { kind: 'missing' } as const;
		if (actor.trusted === trusted) return { kind: 'unchanged', name: actor.name } as const;
		await actors.setTrusted(trx, actorId, trusted);
		await audit(trx, { userId: coordinator.id, action: 'actor.trusted_changed', entity: 'actor', entityId: actorId, detail: { trusted } }, now);
		return { kind: 'done', name: actor.name } as const;
	});
}
