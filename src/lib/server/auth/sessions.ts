import type { Cookies } from '@sveltejs/kit';
import type { DB } from '../db/connect';
import * as sessions from '../db/queries/sessions';
import * as tokens from '../db/queries/tokens';
import * as users from '../db/queries/users';
import { randomToken, sha256 } from './secrets';
import { signedInUser, type SignedInUser } from './users';

export const SESSION_COOKIE = 'session';
const SESSION_LIFETIME_MS = 7 * 24 * 3_600_000;

export interface NewSession {
	raw: string;
	expires: Date;
}

/** The session's rows; the cookie is set by `setSessionCookie` once they are committed. */
export async function createSession(db: DB, userId: number, now = new Date()): Promise<NewSession> {
	const raw = randomToken();
	const expires = new Date(now.getTime() + SESSION_LIFETIME_MS);
	// Housekeeping on the rare write: expired sessions and tokens have nothing left to say.
	await sessions.removeExpired(db, now.toISOString());
	await tokens.removeExpiredBefore(db, new Date(now.getTime() - 30 * 24 * 3_600_000).toISOString());
	await sessions.create(db, { hash: sha256(raw), userId, createdAt: now.toISOString(), expiresAt: expires.toISOString() });
	await users.recordSignIn(db, userId, now.toISOString());
	return { raw, expires };
}

export function setSessionCookie(cookies: Cookies, session: NewSession, secure: boolean): void {
	cookies.set(SESSION_COOKIE, session.raw, { path: '/', httpOnly: true, sameSite: 'lax', secure, expires: session.expires });
}

export async function startSession(db: DB, cookies: Cookies, userId: number, secure: boolean, now = new Date()): Promise<void> {
	setSessionCookie(cookies, await createSession(db, userId, now), secure);
}

export async function sessionUser(db: DB, raw: string | undefined, now = new Date()): Promise<SignedInUser | null> {
	if (!raw || raw.length > 100) return null;
	const session = await sessions.byHash(db, sha256(raw));
	if (!session || session.expiresAt <= now.toISOString()) return null;
	return signedInUser(db, session.userId);
}

export async function endSession(db: DB, cookies: Cookies, secure: boolean): Promise<void> {
	const raw = cookies.get(SESSION_COOKIE);
	if (raw) await sessions.remove(db, sha256(raw));
	cookies.delete(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure });
}
