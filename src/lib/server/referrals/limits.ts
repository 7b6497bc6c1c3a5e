import { allowAttempt, type RateRule } from '../auth/rate-limit';
import type { DB } from '../db/connect';

/**
 * A desk sends a few referrals an hour; a script must not turn the form into a mail cannon
 * aimed at the structures. Counted per client, and per sender (account or professional address).
 */
const ipFactor = Math.max(1, Number(process.env.IP_RATE_FACTOR) || 1);

export const REFERRAL_RULES = {
	perClient: { limit: 20 * ipFactor, windowMs: 60 * 60_000 },
	perSender: { limit: 10, windowMs: 60 * 60_000 }
} satisfies Record<string, RateRule>;

export async function allowReferral(db: DB, client: string, sender: string, now = new Date()): Promise<boolean> {
	return (
		(await allowAttempt(db, `referral:ip:${client}`, REFERRAL_RULES.perClient, now)) &&
		(await allowAttempt(db, `referral:sender:${sender}`, REFERRAL_RULES.perSender, now))
	);
}
