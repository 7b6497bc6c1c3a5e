import type { DB } from '../db/connect';
import * as rateEvents from '../db/queries/rate-events';
import { sha256 } from './secrets';

export interface RateRule {
	limit: number;
	windowMs: number;
}

/**
 * Per-IP limits are multiplied by `IP_RATE_FACTOR` (default 1): a town hall behind one address,
 * or the end-to-end tests, may need more.
 */
const ipFactor = Math.max(1, Number(process.env.IP_RATE_FACTOR) || 1);

/** Sign-in links: a few per address, more per network (a CCAS reception shares one IP). */
export const RATE_RULES = {
	linkPerEmail: { limit: 3, windowMs: 15 * 60_000 },
	linkPerIp: { limit: 20 * ipFactor, windowMs: 15 * 60_000 },
	reportPerIp: { limit: 10 * ipFactor, windowMs: 60 * 60_000 },
	claimPerIp: { limit: 5 * ipFactor, windowMs: 60 * 60_000 }
} satisfies Record<string, RateRule>;

/**
 * Counts one attempt and says whether it is within the rule. Keys are hashed: the table must not
 * become a list of who asked for what.
 */
export async function allowAttempt(db: DB, key: string, rule: RateRule, now = new Date()): Promise<boolean> {
	await rateEvents.removeBefore(db, new Date(now.getTime() - 24 * 3_600_000).toISOString());
	return rateEvents.tryAdd(db, {
		key: sha256(key),
		at: now.toISOString(),
		since: new Date(now.getTime() - rule.windowMs).toISOString(),
		limit: rule.limit
	});
}
