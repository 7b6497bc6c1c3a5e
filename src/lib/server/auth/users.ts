import type { DB } from '../db/connect';
import * as users from '../db/queries/users';
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
	return users.byEmail(db, normalizeEmail(email));
}

export async function signedInUser(db: DB, userId: number): Promise<SignedInUser | null> {
	const user = await users.active(db, userId);
	if (!user) return null;
	return { ...user, actorIds: await users.actorIdsOf(db, userId) };
}

/** Creates the account if needed. An existing coordinator is never demoted by an invitation. */
export async function ensureUser(db: DB, email: string, role: Role, now = new Date()): Promise<number> {
	const existing = await findUserByEmail(db, email);
	if (existing) {
		if (role === 'coordinator' && existing.role !== 'coordinator') await users.setRole(db, existing.id, role);
		return existing.id;
	}
	return users.create(db, { email: normalizeEmail(email), role, createdAt: now.toISOString() });
}

export async function addMembership(db: DB, userId: number, actorId: number, now = new Date()): Promise<void> {
	await users.addMembership(db, userId, actorId, now.toISOString());
}

export function canEditActor(user: SignedInUser | null, actorId: number): boolean {
	return !!user && (user.role === 'coordinator' || user.actorIds.includes(actorId));
}

export async function coordinatorEmails(db: DB): Promise<string[]> {
	return users.activeCoordinatorEmails(db);
}
