import type { Cookies } from '@sveltejs/kit';
import { audit } from '../audit';
import type { DB } from '../db/connect';
import * as users from '../db/queries/users';
import { inTransaction } from '../db/transaction';
import { createSession, setSessionCookie, type NewSession } from './sessions';
import { consumeToken, TOKEN_PROBLEMS } from './tokens';

const PURPOSES = ['sign_in', 'invitation'] as const;

export type SignInOutcome = { ok: true; userId: number } | { ok: false; status: 400 | 403; problem: string };

/**
 * Spends a sign-in or invitation link and opens the session in one transaction: the link is
 * single-use, so a fault after it was marked used (a failed write, a lost connection) must roll
 * the mark back rather than leave the person with a spent link and no session. The cookie is set
 * only once the transaction has committed.
 */
export async function signInWithLink(db: DB, cookies: Cookies, raw: string, secure: boolean, now = new Date()): Promise<SignInOutcome> {
	const outcome = await inTransaction(db, async (trx): Promise<SignInOutcome | { ok: true; userId: number; session: NewSession }> => {
		const check = await consumeToken(trx, raw, PURPOSES, now);
		if (!check.ok || check.userId === null) return { ok: false, status: 400, problem: TOKEN_PROBLEMS[check.ok ? 'unknown' : check.reason] };
		const user = await users.byId(trx, check.userId);
		if (!user || user.disabled_at) return { ok: false, status: 403, problem: 'Ce compte a été désactivé. Contactez la coordination de la Ville.' };
		const session = await createSession(trx, user.id, now);
		await audit(trx, { userId: user.id, action: check.purpose === 'invitation' ? 'sign_in.invitation' : 'sign_in', entity: 'user', entityId: user.id }, now);
		return { ok: true, userId: user.id, session };
	});
	if (!outcome.ok) return outcome;
	if ('session' in outcome) setSessionCookie(cookies, outcome.session, secure);
	return { ok: true, userId: outcome.userId };
}
