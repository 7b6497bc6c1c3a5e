import type { DB } from '../db/connect';
import * as rateEvents from '../db/queries/rate-events';
import * as serverSecrets from '../db/queries/server-secrets';
import { keyedHash, randomToken } from './secrets';

export interface RateRule {
	limit: number;
	windowMs: number;
}

/**
 * Per-IP limits are multiplied by `IP_RATE_FACTOR` (default 1): a town hall behind one address,
 * or the end-to-end tests, may need more.
 */
const ipFactor = Math.max(1, Number(process.env.IP_RATE_FACTOR) || 1);

/** Events older than this are deleted: no rule looks further back. */
export const RATE_EVENTS_RETENTION_MS = 24 * 3_600_000;

/**
 * Sign-in links are counted per e-mail address *and* client together, and per client: a count
 * per address alone let three strangers lock the owner out for a quarter hour. What one address
 * receives from every client together is paced instead of refused (`allowLinkMail`).
 */
export const RATE_RULES = {
	linkPerEmailAndClient: { limit: 3, windowMs: 15 * 60_000 },
	linkPerIp: { limit: 20 * ipFactor, windowMs: 15 * 60_000 },
	linkMailsPerEmail: { limit: 3, windowMs: 15 * 60_000 },
	linkMailPacePerEmail: { limit: 1, windowMs: 5 * 60_000 },
	reportPerIp: { limit: 10 * ipFactor, windowMs: 60 * 60_000 },
	claimPerIp: { limit: 5 * ipFactor, windowMs: 60 * 60_000 },
	// A frontline desk completes a few orientations an hour; a CCAS reception shares one address.
	orientationPerIp: { limit: 30 * ipFactor, windowMs: 60 * 60_000 },
	orientationPerIpPerDay: { limit: 120 * ipFactor, windowMs: 24 * 3_600_000 }
} satisfies Record<string, RateRule>;

const secrets = new WeakMap<DB, Promise<string>>();

/**
 * The key of the rate events' hashes: `RATE_KEY_SECRET` when the host gives one (kept out of the
 * database and its backups), else one drawn on first use and shared by every instance through
 * the database. Either way a plain list of IPv4 addresses cannot be hashed to match the table.
 */
function rateKeySecret(db: DB, now: Date): Promise<string> {
	if (process.env.RATE_KEY_SECRET) return Promise.resolve(process.env.RATE_KEY_SECRET);
	let secret = secrets.get(db);
	if (!secret) {
		secret = serverSecrets.getOrCreate(db, 'rate-keys', randomToken, now.toISOString());
		// A failed read is tried again on the next request rather than remembered.
		secret.catch(() => secrets.delete(db));
		secrets.set(db, secret);
	}
	return secret;
}

/**
 * Counts one attempt and says whether it is within the rule. Keys are hashed with a secret: the
 * table must not become a list of who asked for what.
 */
export async function allowAttempt(db: DB, key: string, rule: RateRule, now = new Date()): Promise<boolean> {
	const secret = await rateKeySecret(db, now);
	await rateEvents.removeBefore(db, new Date(now.getTime() - RATE_EVENTS_RETENTION_MS).toISOString());
	return rateEvents.tryAdd(db, {
		key: keyedHash(secret, key),
		at: now.toISOString(),
		since: new Date(now.getTime() - rule.windowMs).toISOString(),
		limit: rule.limit
	});
}

/** Both link-request limits of one client for one address; the page answers 429 when false. */
export async function allowLinkRequest(db: DB, email: string, client: string, now = new Date()): Promise<boolean> {
	return (
		(await allowAttempt(db, `link:ip:${client}`, RATE_RULES.linkPerIp, now)) &&
		(await allowAttempt(db, `link:email+ip:${email}\n${client}`, RATE_RULES.linkPerEmailAndClient, now))
	);
}

/**
 * Whether to mail a link to this account now. Many clients asking for one address (a mail bomb)
 * get 3 mails through in a quarter hour, then one every 5 minutes: never none, so the owner is
 * not locked out, and a link mailed in the last 5 minutes (valid 15) is already in their inbox
 * when this one is skipped. The page says the same either way.
 */
export async function allowLinkMail(db: DB, email: string, now = new Date()): Promise<boolean> {
	return (
		(await allowAttempt(db, `link:mail:${email}`, RATE_RULES.linkMailsPerEmail, now)) ||
		(await allowAttempt(db, `link:mail-pace:${email}`, RATE_RULES.linkMailPacePerEmail, now))
	);
}

/**
 * Whether a completed orientation from this client is counted in the planners' unmet demand: a
 * script posting answers cannot inflate the figures beyond a desk's hourly and daily share. The
 * person gets the results either way; only the count is skipped.
 */
export async function allowOrientationRecord(db: DB, client: string, now = new Date()): Promise<boolean> {
	return (
		(await allowAttempt(db, `orientation:ip:${client}`, RATE_RULES.orientationPerIp, now)) &&
		(await allowAttempt(db, `orientation:ip-day:${client}`, RATE_RULES.orientationPerIpPerDay, now))
	);
}
