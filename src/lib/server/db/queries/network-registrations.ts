import type { DB } from '../connect';
import type { RegistrationStatus } from '../schema';

/** Who registered for an edition: the seats, the waiting list in order of arrival, the attendance. */

export interface Registration {
	id: number;
	editionId: number;
	name: string;
	email: string;
	actorId: number | null;
	/** The directory structure's name, or the one typed. */
	structure: string | null;
	needs: string | null;
	status: RegistrationStatus;
	createdAt: string;
	confirmedAt: string | null;
	cancelledAt: string | null;
	attended: boolean;
}

export interface NewRegistration {
	editionId: number;
	name: string;
	email: string;
	actorId: number | null;
	structureName: string | null;
	needs: string | null;
	status: 'confirmed' | 'waiting';
	cancelHash: string;
	createdAt: string;
}

export const emailKey = (email: string): string => email.trim().toLowerCase();

function base(db: DB) {
	return db
		.selectFrom('network_registrations as r')
		.leftJoin('actors as a', 'a.id', 'r.actor_id')
		.select([
			'r.id',
			'r.edition_id',
			'r.name',
			'r.email',
			'r.actor_id',
			'r.structure_name',
			'a.name as actor_name',
			'r.needs',
			'r.status',
			'r.created_at',
			'r.confirmed_at',
			'r.cancelled_at',
			'r.attended'
		]);
}

type Row = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

const toRegistration = (r: Row): Registration => ({
	id: r.id,
	editionId: r.edition_id,
	name: r.name,
	email: r.email,
	actorId: r.actor_id,
	structure: r.actor_name ?? r.structure_name,
	needs: r.needs,
	status: r.status,
	createdAt: r.created_at,
	confirmedAt: r.confirmed_at,
	cancelledAt: r.cancelled_at,
	attended: Number(r.attended) === 1
});

/** Seats first, then the waiting list in its order, then the cancelled. */
export async function ofEdition(db: DB, editionId: number): Promise<Registration[]> {
	const rows = (await base(db).where('r.edition_id', '=', editionId).orderBy('r.id').execute()).map(toRegistration);
	const rank: Record<RegistrationStatus, number> = { confirmed: 0, waiting: 1, cancelled: 2 };
	return rows.sort((a, b) => rank[a.status] - rank[b.status] || a.id - b.id);
}

export async function byId(db: DB, id: number): Promise<Registration | null> {
	const row = await base(db).where('r.id', '=', id).executeTakeFirst();
	return row ? toRegistration(row) : null;
}

export async function byCancelHash(db: DB, hash: string): Promise<Registration | null> {
	const row = await base(db).where('r.cancel_hash', '=', hash).executeTakeFirst();
	return row ? toRegistration(row) : null;
}

/** A registration of this address for this edition that still holds a seat or a place in line. */
export async function activeByEmail(db: DB, editionId: number, email: string): Promise<boolean> {
	const row = await db
		.selectFrom('network_registrations')
		.select('id')
		.where('edition_id', '=', editionId)
		.where('email_key', '=', emailKey(email))
		.where('status', '!=', 'cancelled')
		.executeTakeFirst();
	return row !== undefined;
}

export async function countByStatus(db: DB, editionId: number): Promise<Record<RegistrationStatus, number>> {
	const rows = await db
		.selectFrom('network_registrations')
		.select(['status', (eb) => eb.fn.countAll<number>().as('n')])
		.where('edition_id', '=', editionId)
		.groupBy('status')
		.execute();
	const counts: Record<RegistrationStatus, number> = { confirmed: 0, waiting: 0, cancelled: 0 };
	for (const r of rows) counts[r.status] = Number(r.n);
	return counts;
}

export async function insert(db: DB, r: NewRegistration): Promise<number> {
	const row = await db
		.insertInto('network_registrations')
		.values({
			edition_id: r.editionId,
			name: r.name,
			email: r.email,
			email_key: emailKey(r.email),
			actor_id: r.actorId,
			structure_name: r.actorId === null ? r.structureName : null,
			needs: r.needs,
			status: r.status,
			cancel_hash: r.cancelHash,
			created_at: r.createdAt,
			confirmed_at: r.status === 'confirmed' ? r.createdAt : null
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

/** True for the one call that cancelled it (of two clicks at once, one wins). */
export async function cancel(db: DB, id: number, at: string): Promise<boolean> {
	const result = await db
		.updateTable('network_registrations')
		.set({ status: 'cancelled', cancelled_at: at })
		.where('id', '=', id)
		.where('status', '!=', 'cancelled')
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

export async function firstWaiting(db: DB, editionId: number): Promise<number | null> {
	const row = await db
		.selectFrom('network_registrations')
		.select('id')
		.where('edition_id', '=', editionId)
		.where('status', '=', 'waiting')
		.orderBy('id')
		.limit(1)
		.executeTakeFirst();
	return row?.id ?? null;
}

export async function promote(db: DB, id: number, at: string): Promise<boolean> {
	const result = await db
		.updateTable('network_registrations')
		.set({ status: 'confirmed', confirmed_at: at })
		.where('id', '=', id)
		.where('status', '=', 'waiting')
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/** A new cancel secret for someone who moves from the waiting list to a seat (the mail carries it). */
export async function setCancelHash(db: DB, id: number, hash: string): Promise<void> {
	await db.updateTable('network_registrations').set({ cancel_hash: hash }).where('id', '=', id).execute();
}

/** Confirmed seats of the editions held on `heldOn` whose reminder has not gone yet. */
export async function dueReminders(db: DB, heldOn: string): Promise<{ id: number; email: string; name: string; editionId: number }[]> {
	return db
		.selectFrom('network_registrations as r')
		.innerJoin('network_editions as e', 'e.id', 'r.edition_id')
		.select(['r.id', 'r.email', 'r.name', 'r.edition_id as editionId'])
		.where('e.held_on', '=', heldOn)
		.where('r.status', '=', 'confirmed')
		.where('r.reminded_at', 'is', null)
		.where('r.erased_at', 'is', null)
		.orderBy('r.id')
		.execute();
}

/** True for the one run that claims this reminder: two runs at once send it once. */
export async function markReminded(db: DB, id: number, at: string): Promise<boolean> {
	const result = await db
		.updateTable('network_registrations')
		.set({ reminded_at: at })
		.where('id', '=', id)
		.where('reminded_at', 'is', null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

export async function setAttended(db: DB, editionId: number, attendedIds: readonly number[]): Promise<void> {
	await db.updateTable('network_registrations').set({ attended: 0 }).where('edition_id', '=', editionId).execute();
	if (attendedIds.length === 0) return;
	await db
		.updateTable('network_registrations')
		.set({ attended: 1 })
		.where('edition_id', '=', editionId)
		.where('status', '=', 'confirmed')
		.where('id', 'in', attendedIds)
		.execute();
}

/** The structures a person may pick when registering, by name. */
export async function structureChoices(db: DB): Promise<{ id: number; name: string }[]> {
	return db.selectFrom('actors').select(['id', 'name']).orderBy('name').orderBy('id').execute();
}

export async function actorExists(db: DB, id: number): Promise<boolean> {
	return (await db.selectFrom('actors').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

/**
 * Empties the registrations of the editions held before `beforeDate` (YYYY-MM-DD) of what
 * concerns a person; status and attendance stay, as counts.
 */
export async function eraseHeldBefore(db: DB, beforeDate: string, at: string): Promise<number> {
	const rows = await db
		.selectFrom('network_registrations as r')
		.innerJoin('network_editions as e', 'e.id', 'r.edition_id')
		.select('r.id')
		.where('e.held_on', '<', beforeDate)
		.where('r.erased_at', 'is', null)
		.execute();
	for (const { id } of rows) {
		await db
			.updateTable('network_registrations')
			.set({ name: '', email: '', email_key: '', structure_name: null, needs: null, cancel_hash: `efface-${id}`, erased_at: at })
			.where('id', '=', id)
			.execute();
	}
	return rows.length;
}

/** A reminder whose mail failed goes on the next run. */
export async function clearReminded(db: DB, id: number): Promise<void> {
	await db.updateTable('network_registrations').set({ reminded_at: null }).where('id', '=', id).execute();
}
