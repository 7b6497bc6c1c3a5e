import type { DB } from '../connect';

/** Signed-in sessions, kept by the SHA-256 of the cookie's value, never the value itself. */

export interface Session {
	userId: number;
	expiresAt: string;
}

export async function create(db: DB, session: { hash: string; userId: number; createdAt: string; expiresAt: string }): Promise<void> {
	await db
		.insertInto('sessions')
		.values({ hash: session.hash, user_id: session.userId, created_at: session.createdAt, expires_at: session.expiresAt })
		.execute();
}

export async function byHash(db: DB, hash: string): Promise<Session | null> {
	const row = await db.selectFrom('sessions').select(['user_id', 'expires_at']).where('hash', '=', hash).executeTakeFirst();
	return row ? { userId: row.user_id, expiresAt: row.expires_at } : null;
}

export async function remove(db: DB, hash: string): Promise<void> {
	await db.deleteFrom('sessions').where('hash', '=', hash).execute();
}

export async function removeExpired(db: DB, now: string): Promise<void> {
	await db.deleteFrom('sessions').where('expires_at', '<', now).execute();
}
