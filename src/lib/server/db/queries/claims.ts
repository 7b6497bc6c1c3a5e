import type { DB } from '../connect';
import type { ClaimStatus } from '../schema';

/** Requests to manage a structure's listing, decided by the coordination. */

export interface NewClaim {
	actorId: number;
	email: string;
	name: string;
	message: string | null;
	createdAt: string;
}

export async function create(db: DB, claim: NewClaim): Promise<number> {
	const row = await db
		.insertInto('claims')
		.values({
			actor_id: claim.actorId,
			email: claim.email,
			name: claim.name,
			message: claim.message,
			status: 'pending',
			created_at: claim.createdAt
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

export interface PendingClaim {
	id: number;
	actorId: number;
	actorName: string;
	email: string;
}

export async function pending(db: DB, id: number): Promise<PendingClaim | undefined> {
	return db
		.selectFrom('claims')
		.innerJoin('actors', 'actors.id', 'claims.actor_id')
		.select(['claims.id', 'claims.actor_id as actorId', 'actors.name as actorName', 'claims.email'])
		.where('claims.id', '=', id)
		.where('claims.status', '=', 'pending')
		.executeTakeFirst();
}

/**
 * Records the decision on a claim still pending; false when someone decided it first (two
 * coordinators on two instances), so the second changes nothing.
 */
export async function decide(
	db: DB,
	id: number,
	decision: { status: Exclude<ClaimStatus, 'pending'>; by: number; at: string; reason: string | null }
): Promise<boolean> {
	const result = await db
		.updateTable('claims')
		.set({ status: decision.status, decided_by: decision.by, decided_at: decision.at, reason: decision.reason })
		.where('id', '=', id)
		.where('status', '=', 'pending')
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

export async function countPending(db: DB): Promise<number> {
	const row = await db
		.selectFrom('claims')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('status', '=', 'pending')
		.executeTakeFirst();
	return Number(row?.n ?? 0);
}

/** Shaped for the coordination's page: the structure's name, who decided. */
function listed(db: DB) {
	return db
		.selectFrom('claims')
		.innerJoin('actors', 'actors.id', 'claims.actor_id')
		.leftJoin('users as decider', 'decider.id', 'claims.decided_by')
		.select([
			'claims.id',
			'claims.name',
			'claims.email',
			'claims.message',
			'claims.status',
			'claims.created_at',
			'claims.decided_at',
			'claims.reason',
			'actors.id as actorId',
			'actors.name as actorName',
			'decider.email as deciderEmail'
		]);
}

export interface ListedClaim {
	id: number;
	name: string;
	email: string;
	message: string | null;
	status: ClaimStatus;
	created_at: string;
	decided_at: string | null;
	reason: string | null;
	actorId: number;
	actorName: string;
	deciderEmail: string | null;
}

/** Oldest first: the first asked is the first answered. */
export async function listPending(db: DB): Promise<ListedClaim[]> {
	return listed(db).where('claims.status', '=', 'pending').orderBy('claims.id', 'asc').execute();
}

/** The latest decisions. */
export async function listDecided(db: DB, limit: number): Promise<ListedClaim[]> {
	return listed(db).where('claims.status', '!=', 'pending').orderBy('claims.decided_at', 'desc').orderBy('claims.id', 'desc').limit(limit).execute();
}
