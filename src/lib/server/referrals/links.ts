import { randomToken, sha256 } from '../auth/secrets';
import type { DB } from '../db/connect';
import * as referralTokens from '../db/queries/referral-tokens';

/**
 * The referral's one-time links, kept by their SHA-256 like the sign-in tokens: the answer link
 * mailed to the structure (valid until the referral expires or is answered) and the confirmation
 * link mailed to a sender without an account.
 */

export type LinkPurpose = 'answer' | 'confirm';

export async function issueLink(db: DB, referralId: number, purpose: LinkPurpose, expiresAt: string, now: Date): Promise<string> {
	const raw = randomToken();
	await referralTokens.addToken(db, { hash: sha256(raw), referralId, purpose, createdAt: now.toISOString(), expiresAt });
	return raw;
}

export type LinkCheck = { ok: true; referralId: number } | { ok: false; reason: 'unknown' | 'used' | 'expired' };

export const LINK_PROBLEMS: Record<'unknown' | 'used' | 'expired', string> = {
	unknown: 'Ce lien n’est pas valide. Vérifiez qu’il a été copié en entier.',
	used: 'Ce lien a déjà servi : l’adressage a déjà reçu sa réponse.',
	expired: 'Ce lien a expiré : l’adressage n’attend plus de réponse.'
};

export async function checkLink(db: DB, raw: string, purpose: LinkPurpose, now: Date): Promise<LinkCheck> {
	if (!/^[A-Za-z0-9_-]{20,100}$/.test(raw)) return { ok: false, reason: 'unknown' };
	const token = await referralTokens.tokenByHash(db, sha256(raw));
	if (!token || token.purpose !== purpose) return { ok: false, reason: 'unknown' };
	if (token.usedAt) return { ok: false, reason: 'used' };
	if (token.expiresAt <= now.toISOString()) return { ok: false, reason: 'expired' };
	return { ok: true, referralId: token.referralId };
}
