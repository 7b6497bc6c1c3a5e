import type { DB } from '../connect';
import type { TokenPurpose } from '../schema';

/** One-time links (sign-in, invitation, confirmation), kept by the SHA-256 of the raw token. */

export interface Token {
	id: number;
	purpose: TokenPurpose;
	userId: number | null;
	actorId: number | null;
	campaignId: number | null;
	expiresAt: string;
	usedAt: string | null;
}

export interface NewToken {
	hash: string;
	purpose: TokenPurpose;
	userId: number | null;
	actorId: number | null;
	campaignId: number | null;
	createdAt: string;
	expiresAt: string;
}

export async function create(db: DB, token: NewToken): Promise<void> {
	await db
		.insertInto('tokens')
		.values({
			hash: token.hash,
			purpose: token.purpose,
			user_id: token.userId,
			actor_id: token.actorId,
			campaign_id: token.campaignId,
			created_at: token.createdAt,
			expires_at: token.expiresAt
		})
		.execute();
}

export async function byHash(db: DB, hash: string): Promise<Token | null> {
	const row = await db.selectFrom('tokens').selectAll().where('hash', '=', hash).executeTakeFirst();
	if (!row) return null;
	return {
		id: row.id,
		purpose: row.purpose,
		userId: row.user_id,
		actorId: row.actor_id,
		campaignId: row.campaign_id,
		expiresAt: row.expires_at,
		usedAt: row.used_at
	};
}

/**
 * Uses a token up; true for the one caller that did. Conditional on `used_at is null`, so two
 * simultaneous clicks, on one instance or two, cannot both succeed.
 */
export async function markUsed(db: DB, id: number, at: string): Promise<boolean> {
	const result = await db.updateTable('tokens').set({ used_at: at }).where('id', '=', id).where('used_at', 'is', null).executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

export async function removeExpiredBefore(db: DB, before: string): Promise<void> {
	await db.deleteFrom('tokens').where('expires_at', '<', before).execute();
}
