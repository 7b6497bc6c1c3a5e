import type { DB } from '../db/connect';
import type { Role } from '../db/schema';

export interface SignedInUser {
	id: number;
	email: string;
	role: Role;
	/** The actors this person may edit; a coordinator may edit every actor regardless. */
	actorIds: number[];
}

export function normalizeEmail(email: string): string {
	return email.trim().toLowerCase();
}

export async function findUserByEmail(db: DB, email: string) {
	return db.selectFrom('users').selectAll().where('email', '=', normalizeEmail(email)).executeTakeFirst();
}

export async function signedInUser(db: DB, userId: number): Promise<SignedInUser | null> {
	const user = await db
		.selectFrom('users')
		.select(['id', 'email', 'role'])
		.where('id', '=', userId)
		.where('disabled_at', 'is', null)
		.executeTakeFirst();
	if (!user) return null;
	const memberships = await db.selectFrom('memberships').select('actor_id').where('user_id', '=', userId).execute();
	return { ...user, actorIds: memberships.map((m) => m.actor_id) };
}

/** Creates the account if needed. An existing coordinator is never demoted by an invitation. */
export async function ensureUser(db: DB, email: string, role: Role, now = new Date()): Promise<number> {
	const existing = await findUserByEmail(db, email);
	if (existing) {
		if (role === 'coordinator' && existing.role !== 'coordinator') {
			await db.updateTable('users').set({ role }).where('id', '=', existing.id).execute();
		}
		return existing.id;
	}
	const row = await db
		.insertInto('users')
		.values({ email: normalizeEmail(email), role, created_at: now.toISOString() })
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

export async function addMembership(db: DB, userId: number, actorId: number, now = new Date()): Promise<void> {
	await db
		.insertInto('memberships')
		.values({ user_id: userId, actor_id: actorId, created_at: now.toISOString() })
		.onConflict((oc) => oc.doNothing())
		.execute();
}

export function canEditActor(user: SignedInUser | null, actorId: number): boolean {
	return !!user && (user.role === 'coordinator' || user.actorIds.includes(actorId));
}

export async function coordinatorEmails(db: DB): Promise<string[]> {
	const rows = await db
		.selectFrom('users')
		.select('email')
		.where('role', '=', 'coordinator')
		.where('disabled_at', 'is', null)
		.execute();
	return rows.map((r) => r.email);
}
