import type { DB } from '../connect';
import type { Role, User } from '../schema';

/** Accounts and the structures each one manages (users, memberships). E-mails come normalised. */

export async function byEmail(db: DB, email: string): Promise<User | undefined> {
	return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

export async function byId(db: DB, id: number): Promise<User | undefined> {
	return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The account as a signed-in person, or nothing when it is unknown or disabled. */
export async function active(db: DB, id: number): Promise<{ id: number; email: string; role: Role } | undefined> {
	return db
		.selectFrom('users')
		.select(['id', 'email', 'role'])
		.where('id', '=', id)
		.where('disabled_at', 'is', null)
		.executeTakeFirst();
}

export async function emailOf(db: DB, id: number): Promise<string | null> {
	const row = await db.selectFrom('users').select('email').where('id', '=', id).executeTakeFirst();
	return row?.email ?? null;
}

/**
 * Creates the account, or finds the one another request created a moment before (the e-mail is
 * unique): two invitations to the same address at once give one account.
 */
export async function create(db: DB, user: { email: string; role: Role; createdAt: string }): Promise<number> {
	const row = await db
		.insertInto('users')
		.values({ email: user.email, role: user.role, created_at: user.createdAt })
		.onConflict((oc) => oc.column('email').doNothing())
		.returning('id')
		.executeTakeFirst();
	if (row) return row.id;
	const existing = await byEmail(db, user.email);
	if (!existing) throw new Error(`users.create: no account for ${user.email} after a conflict`);
	return existing.id;
}

export async function setRole(db: DB, id: number, role: Role): Promise<void> {
	await db.updateTable('users').set({ role }).where('id', '=', id).execute();
}

export async function recordSignIn(db: DB, id: number, at: string): Promise<void> {
	await db.updateTable('users').set({ last_sign_in_at: at }).where('id', '=', id).execute();
}

export async function activeCoordinatorEmails(db: DB): Promise<string[]> {
	const rows = await db
		.selectFrom('users')
		.select('email')
		.where('role', '=', 'coordinator')
		.where('disabled_at', 'is', null)
		.orderBy('id')
		.execute();
	return rows.map((r) => r.email);
}

// ---------------------------------------------------------------------------------------------
// Memberships

export async function actorIdsOf(db: DB, userId: number): Promise<number[]> {
	const rows = await db.selectFrom('memberships').select('actor_id').where('user_id', '=', userId).orderBy('actor_id').execute();
	return rows.map((r) => r.actor_id);
}

export async function addMembership(db: DB, userId: number, actorId: number, at: string): Promise<void> {
	await db
		.insertInto('memberships')
		.values({ user_id: userId, actor_id: actorId, created_at: at })
		.onConflict((oc) => oc.columns(['user_id', 'actor_id']).doNothing())
		.execute();
}

/** The addresses of the people who manage an actor and may still sign in. */
export async function activeMemberEmails(db: DB, actorId: number): Promise<string[]> {
	const rows = await db
		.selectFrom('memberships')
		.innerJoin('users', 'users.id', 'memberships.user_id')
		.select('users.email')
		.where('memberships.actor_id', '=', actorId)
		.where('users.disabled_at', 'is', null)
		.orderBy('users.email')
		.execute();
	return rows.map((r) => r.email);
}

export interface Member {
	actorId: number;
	email: string;
	disabled: boolean;
}

/** Every membership with its person, by e-mail: the coordination's list of structures. */
export async function allMembers(db: DB): Promise<Member[]> {
	const rows = await db
		.selectFrom('memberships')
		.innerJoin('users', 'users.id', 'memberships.user_id')
		.select(['memberships.actor_id', 'users.email', 'users.disabled_at'])
		.orderBy('users.email')
		.execute();
	return rows.map((r) => ({ actorId: r.actor_id, email: r.email, disabled: r.disabled_at !== null }));
}
