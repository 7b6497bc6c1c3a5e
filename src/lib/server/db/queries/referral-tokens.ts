import type { DB } from '../connect';

/** The referrals' one-time links, kept by the SHA-256 of the raw token (src/lib/server/referrals/links.ts). */

export interface ReferralToken {
	id: number;
	referralId: number;
	purpose: 'answer' | 'confirm';
	expiresAt: string;
	usedAt: string | null;
}

export async function addToken(db: DB, t: { hash: string; referralId: number; purpose: 'answer' | 'confirm'; createdAt: string; expiresAt: string }): Promise<void> {
	await db
		.insertInto('referral_tokens')
		.values({ hash: t.hash, referral_id: t.referralId, purpose: t.purpose, created_at: t.createdAt, expires_at: t.expiresAt })
		.execute();
}

export async function tokenByHash(db: DB, hash: string): Promise<ReferralToken | null> {
	const row = await db.selectFrom('referral_tokens').selectAll().where('hash', '=', hash).executeTakeFirst();
	return row ? { id: row.id, referralId: row.referral_id, purpose: row.purpose, expiresAt: row.expires_at, usedAt: row.used_at } : null;
}

/** Uses up every link of a referral for `purpose` (an answer given in /espace ends the mailed links too). */
export async function useTokens(db: DB, referralId: number, purpose: 'answer' | 'confirm', at: string): Promise<void> {
	await db.updateTable('referral_tokens').set({ used_at: at }).where('referral_id', '=', referralId).where('purpose', '=', purpose).where('used_at', 'is', null).execute();
}
