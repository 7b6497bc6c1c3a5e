import type { Cookies } from '@sveltejs/kit';
import type { DB } from '../db/connect';
import { randomToken, sha256 } from './secrets';
import { signedInUser, type SignedInUser } from './users';

export const SESSION_COOKIE = 'session';
const SESSION_LIFETIME_MS = 7 * 24 * 3_600_000;

export async function startSession(db: DB, cookies: Cookies, userId: number, secure: boolean, now = new Date()): Promise<void> {
	const raw = randomToken();
	const expires = new Date(now.getTime() + SESSION_LIFETIME_MS);
	// Housekeeping on the rare write: expired sessions and tokens have nothing left to say.
	await db.deleteFrom('sessions').where('expires_at', '<', now.toISOString()).execute();
	await db.deleteFrom('tokens').where('expires_at', '<', new Date(now.getTime() - 30 * 24 * 3_600_000).toISOString()).execute();
	await db
		.insertInto('sessions')
		.values({ hash: sha256(raw), user_id: userId, created_at: now.toISOString(), expires_at: expires.toISOString() })
		.execute();
	await db.updateTable('users').set({ last_sign_in_at: now.toISOString() }).where('id', '=', userId).execute();
	cookies.set(SESSION_COOKIE, raw, { path: '/', httpOnly: true, sameSite: 'lax', secure, expires });
}

export async function sessionUser(db: DB, raw: string | undefined, now = new Date()): Promise<SignedInUser | null> {
	if (!raw || raw.length > 100) return null;
	const session = await db
		.selectFrom('sessions')
		.select(['user_id', 'expires_at'])
		.where('hash', '=', sha256(raw))
		.executeTakeFirst();
	if (!session || session.expires_at <= now.toISOString()) return null;
	return signedInUser(db, session.user_id);
}

export async function endSession(db: DB, cookies: Cookies, secure: boolean): Promise<void> {
	const raw = cookies.get(SESSION_COOKIE);
	if (raw) await db.deleteFrom('sessions').where('hash', '=', sha256(raw)).execute();
	cookies.delete(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure });
}
