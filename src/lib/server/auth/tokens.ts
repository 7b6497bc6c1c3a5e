import type { DB } from '../db/connect';
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
	await db
		.insertInto('tokens')
		.values({
			hash: sha256(raw),
			purpose,
			user_id: target.userId ?? null,
			actor_id: target.actorId ?? null,
			campaign_id: target.campaignId ?? null,
			created_at: now.toISOString(),
			expires_at: new Date(now.getTime() + TOKEN_LIFETIME_MS[purpose]).toISOString()
		})
		.execute();
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
	const row = await db.selectFrom('tokens').selectAll().where('hash', '=', sha256(raw)).executeTakeFirst();
	if (!row || !purposes.includes(row.purpose)) return { ok: false, reason: 'unknown' };
	if (row.used_at) return { ok: false, reason: 'used' };
	if (row.expires_at <= now.toISOString()) return { ok: false, reason: 'expired' };
	return { ok: true, id: row.id, purpose: row.purpose, userId: row.user_id, actorId: row.actor_id, campaignId: row.campaign_id };
}

/**
 * Uses a token up. The update is conditional on `used_at is null`, so two simultaneous clicks
 * cannot both succeed.
 */
export async function consumeToken(db: DB, raw: string, purposes: readonly TokenPurpose[], now = new Date()): Promise<TokenCheck> {
	const check = await checkToken(db, raw, purposes, now);
	if (!check.ok) return check;
	const result = await db
		.updateTable('tokens')
		.set({ used_at: now.toISOString() })
		.where('id', '=', check.id)
		.where('used_at', 'is', null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1 ? check : { ok: false, reason: 'used' };
}
