import type { DB } from '../db/connect';
import * as tokens from '../db/queries/tokens';
import type { TokenPurpose } from '../db/schema';
import { randomToken, sha256 } from './secrets';

export const TOKEN_LIFETIME_MS: Record<TokenPurpose, number> = {
	sign_in: 15 * 60_000,
	// An invitation is read when the person gets to it, not within the quarter hour.
	invitation: 7 * 24 * 3_600_000,
	confirm: 60 * 24 * 3_600_000
};

export interface TokenTarget {
	userId?: number | null;
	actorId?: number | null;
	campaignId?: number | null;
}

export async function issueToken(db: DB, purpose: TokenPurpose, target: TokenTarget, now = new Date()): Promise<string> {
	const raw = randomToken();
	await tokens.create(db, {
		hash: sha256(raw),
		purpose,
		userId: target.userId ?? null,
		actorId: target.actorId ?? null,
		campaignId: target.campaignId ?? null,
		createdAt: now.toISOString(),
		expiresAt: new Date(now.getTime() + TOKEN_LIFETIME_MS[purpose]).toISOString()
	});
	return raw;
}

export type TokenCheck =
	| { ok: true; id: number; purpose: TokenPurpose; userId: number | null; actorId: number | null; campaignId: number | null }
	| { ok: false; reason: 'unknown' | 'used' | 'expired' };

export const TOKEN_PROBLEMS: Record<'unknown' | 'used' | 'expired', string> = {
	unknown: 'Ce lien n’est pas valide. Vérifiez qu’il a été copié en entier, ou demandez-en un nouveau.',
	used: 'Ce lien a déjà servi : chaque lien ne fonctionne qu’une fois. Demandez-en un nouveau.',
	expired: 'Ce lien a expiré. Demandez-en un nouveau.'
};

/** Reads a token without using it up (the page that shows the confirmation button). */
export async function checkToken(db: DB, raw: string, purposes: readonly TokenPurpose[], now = new Date()): Promise<TokenCheck> {
	if (!/^[A-Za-z0-9_-]{20,100}$/.test(raw)) return { ok: false, reason: 'unknown' };
	const token = await tokens.byHash(db, sha256(raw));
	if (!token || !purposes.includes(token.purpose)) return { ok: false, reason: 'unknown' };
	if (token.usedAt) return { ok: false, reason: 'used' };
	if (token.expiresAt <= now.toISOString()) return { ok: false, reason: 'expired' };
	return { ok: true, id: token.id, purpose: token.purpose, userId: token.userId, actorId: token.actorId, campaignId: token.campaignId };
}

/** Uses a token up; of two simultaneous clicks, exactly one gets it (see `tokens.markUsed`). */
export async function consumeToken(db: DB, raw: string, purposes: readonly TokenPurpose[], now = new Date()): Promise<TokenCheck> {
	const check = await checkToken(db, raw, purposes, now);
	if (!check.ok) return check;
	return (await tokens.markUsed(db, check.id, now.toISOString())) ? check : { ok: false, reason: 'used' };
}
