import type { Cookies } from '@sveltejs/kit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../db/connect';
import { actorIdByName, allRows, createUser,
	run, seededDatabase } from '../testing/database';
import { sha256 } from './secrets';
import { allowAttempt, allowLinkMail, allowLinkRequest, RATE_RULES } from './rate-limit';
import { endSession, SESSION_COOKIE, sessionUser, startSession } from './sessions';
import { checkToken, consumeToken, issueToken } from './tokens';
import { canEditActor, coordinatorEmails, ensureUser, signedInUser } from './users';

const NOW = new Date('2026-11-25T10:00:00.000Z');
const after = (ms: number) => new Date(NOW.getTime() + ms);
const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const DAY = 24 * 60 * MINUTE;

let conn: Connection;

beforeEach(async () => {
	conn = await seededDatabase();
});

afterEach(async () => {
	await conn.db.destroy();
});

describe('one-time links', () => {
	async function member() {
		return createUser(conn, 'benevole@parkour59.fr', 'member', [(await actorIdByName(conn, 'PARKOUR 59'))]);
	}

	it('a fresh sign-in link is valid once, and says who it signs in', async () => {
		const user = await member();
		const raw = await issueToken(conn.db, 'sign_in', { userId: user.id }, NOW);
		const checked = await checkToken(conn.db, raw, ['sign_in'], after(MINUTE));
		expect(checked).toMatchObject({ ok: true, purpose: 'sign_in', userId: user.id, actorId: null });
		// Checking (the page with the button) does not use it up.
		expect((await checkToken(conn.db, raw, ['sign_in'], after(MINUTE))).ok).toBe(true);
		expect(await consumeToken(conn.db, raw, ['sign_in'], after(2 * MINUTE))).toMatchObject({ ok: true, userId: user.id });
		expect(await consumeToken(conn.db, raw, ['sign_in'], after(3 * MINUTE))).toEqual({ ok: false, reason: 'used' });
		expect(await checkToken(conn.db, raw, ['sign_in'], after(3 * MINUTE))).toEqual({ ok: false, reason: 'used' });
	});

	it('a link issued for one purpose does not open another', async () => {
		const user = await member();
		const confirm = await issueToken(conn.db, 'confirm', { actorId: user.actorIds[0] }, NOW);
		expect(await checkToken(conn.db, confirm, ['sign_in', 'invitation'], NOW)).toEqual({ ok: false, reason: 'unknown' });
		expect(await consumeToken(conn.db, confirm, ['sign_in'], NOW)).toEqual({ ok: false, reason: 'unknown' });
		// Refusing it for the wrong purpose did not use it up.
		expect((await consumeToken(conn.db, confirm, ['confirm'], NOW)).ok).toBe(true);
	});

	it('a sign-in link lasts 15 minutes', async () => {
		const user = await member();
		const raw = await issueToken(conn.db, 'sign_in', { userId: user.id }, NOW);
		expect((await checkToken(conn.db, raw, ['sign_in'], after(15 * MINUTE - SECOND))).ok).toBe(true);
		expect(await checkToken(conn.db, raw, ['sign_in'], after(15 * MINUTE + SECOND))).toEqual({ ok: false, reason: 'expired' });
		expect(await consumeToken(conn.db, raw, ['sign_in'], after(15 * MINUTE + SECOND))).toEqual({ ok: false, reason: 'expired' });
	});

	it('an invitation still works after 6 days and has expired after 7', async () => {
		const user = await member();
		const raw = await issueToken(conn.db, 'invitation', { userId: user.id, actorId: user.actorIds[0] }, NOW);
		expect(await checkToken(conn.db, raw, ['invitation'], after(6 * DAY))).toMatchObject({
			ok: true,
			userId: user.id,
			actorId: user.actorIds[0]
		});
		expect(await consumeToken(conn.db, raw, ['invitation'], after(7 * DAY + SECOND))).toEqual({ ok: false, reason: 'expired' });
	});

	it('two simultaneous clicks on the same link: exactly one signs in', async () => {
		const user = await member();
		const raw = await issueToken(conn.db, 'sign_in', { userId: user.id }, NOW);
		const results = await Promise.all([
			consumeToken(conn.db, raw, ['sign_in'], after(SECOND)),
			consumeToken(conn.db, raw, ['sign_in'], after(SECOND)),
			consumeToken(conn.db, raw, ['sign_in'], after(SECOND))
		]);
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		expect(results.filter((r) => !r.ok)).toEqual([
			{ ok: false, reason: 'used' },
			{ ok: false, reason: 'used' }
		]);
	});

	it.each([
		['empty', ''],
		['too short', 'abc'],
		['not URL-safe', 'a'.repeat(30) + '/../' + 'b'.repeat(10)],
		['too long', 'a'.repeat(101)],
		['well-formed but never issued', 'A'.repeat(43)],
		['SQL', "' or 1=1 --aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"]
	])('a %s token is unknown', async (_label, raw) => {
		await issueToken(conn.db, 'sign_in', {}, NOW);
		expect(await checkToken(conn.db, raw, ['sign_in', 'invitation', 'confirm'], NOW)).toEqual({ ok: false, reason: 'unknown' });
		expect(await consumeToken(conn.db, raw, ['sign_in', 'invitation', 'confirm'], NOW)).toEqual({ ok: false, reason: 'unknown' });
	});

	it('the database keeps only a hash: the raw link appears nowhere in the tokens table', async () => {
		const user = await member();
		const raws = [
			await issueToken(conn.db, 'sign_in', { userId: user.id }, NOW),
			await issueToken(conn.db, 'invitation', { userId: user.id }, NOW),
			await issueToken(conn.db, 'confirm', { actorId: user.actorIds[0] }, NOW)
		];
		const stored = JSON.stringify(await allRows(conn, 'select * from tokens'));
		for (const raw of raws) {
			expect(raw).toMatch(/^[A-Za-z0-9_-]{40,}$/);
			expect(stored).not.toContain(raw);
		}
		const hashes = (await allRows<{ hash: string }>(conn, 'select hash from tokens')).map((r) => r.hash);
		expect(hashes).toHaveLength(3);
		for (const hash of hashes) expect(hash).toMatch(/^[0-9a-f]{64}$/);
	});
});

/** What SvelteKit's `cookies` does, for the three calls sessions make. */
function cookieJar() {
	const jar = new Map<string, { value: string; options: Record<string, unknown> }>();
	const cookies = {
		get: (name: string) => jar.get(name)?.value,
		set: (name: string, value: string, options: Record<string, unknown>) => void jar.set(name, { value, options }),
		delete: (name: string) => void jar.delete(name)
	};
	return { jar, cookies: cookies as unknown as Cookies };
}

describe('sessions', () => {
	it('a started session signs the person in, with the structures they manage, for 7 days', async () => {
		const actorId = await actorIdByName(conn, 'CCAS de Roubaix');
		const user = await createUser(conn, 'agent@ccas-roubaix.fr', 'member', [actorId]);
		const { jar, cookies } = cookieJar();
		await startSession(conn.db, cookies, user.id, true, NOW);

		const cookie = jar.get(SESSION_COOKIE);
		expect(cookie?.options).toMatchObject({ path: '/', httpOnly: true, sameSite: 'lax', secure: true });
		expect(await sessionUser(conn.db, cookie!.value, after(6 * DAY))).toEqual({
			id: user.id,
			email: 'agent@ccas-roubaix.fr',
			role: 'member',
			actorIds: [actorId]
		});
		expect(await sessionUser(conn.db, cookie!.value, after(7 * DAY + SECOND))).toBeNull();
		// The cookie value is not in the database either.
		expect(JSON.stringify(await allRows(conn, 'select * from sessions'))).not.toContain(cookie!.value);
		expect(await allRows(conn, 'select last_sign_in_at from users where id = ?', user.id)).toEqual([
			{ last_sign_in_at: NOW.toISOString() }
		]);
	});

	it('signing out ends the session on the server, not only in the browser', async () => {
		const user = await createUser(conn, 'coordination@ville-roubaix.fr', 'coordinator');
		const { jar, cookies } = cookieJar();
		await startSession(conn.db, cookies, user.id, false, NOW);
		const raw = jar.get(SESSION_COOKIE)!.value;
		await endSession(conn.db, cookies, false);
		expect(jar.has(SESSION_COOKIE)).toBe(false);
		// A copy of the old cookie no longer works.
		expect(await sessionUser(conn.db, raw, after(MINUTE))).toBeNull();
	});

	it('an unknown or absent cookie signs nobody in', async () => {
		expect(await sessionUser(conn.db, undefined, NOW)).toBeNull();
		expect(await sessionUser(conn.db, 'A'.repeat(43), NOW)).toBeNull();
		expect(await sessionUser(conn.db, 'A'.repeat(500), NOW)).toBeNull();
	});

	it('a disabled account is signed out at once, even with a valid session', async () => {
		const user = await createUser(conn, 'ancien@ccas-roubaix.fr', 'member');
		const { jar, cookies } = cookieJar();
		await startSession(conn.db, cookies, user.id, true, NOW);
		const raw = jar.get(SESSION_COOKIE)!.value;
		expect(await sessionUser(conn.db, raw, after(MINUTE))).not.toBeNull();
		await run(conn, 'update users set disabled_at = ? where id = ?', after(2 * MINUTE).toISOString(), user.id);
		expect(await sessionUser(conn.db, raw, after(3 * MINUTE))).toBeNull();
	});
});

describe('accounts', () => {
	it('an invitation never demotes a coordinator, and e-mails are matched whatever their case', async () => {
		const coordinator = await createUser(conn, 'coordination@ville-roubaix.fr', 'coordinator');
		expect(await ensureUser(conn.db, '  Coordination@Ville-Roubaix.FR ', 'member')).toBe(coordinator.id);
		expect((await signedInUser(conn.db, coordinator.id))?.role).toBe('coordinator');
		// A member invited as coordinator is promoted.
		const member = await createUser(conn, 'agent@ccas-roubaix.fr', 'member');
		await ensureUser(conn.db, 'agent@ccas-roubaix.fr', 'coordinator');
		expect((await signedInUser(conn.db, member.id))?.role).toBe('coordinator');
	});

	it('a member edits only their structures; a coordinator edits every one', async () => {
		const ccas = await actorIdByName(conn, 'CCAS de Roubaix');
		const caf = await actorIdByName(conn, 'Caf du Nord');
		const member = await createUser(conn, 'agent@ccas-roubaix.fr', 'member', [ccas]);
		const coordinator = await createUser(conn, 'coordination@ville-roubaix.fr', 'coordinator');
		expect(canEditActor(member, ccas)).toBe(true);
		expect(canEditActor(member, caf)).toBe(false);
		expect(canEditActor(coordinator, caf)).toBe(true);
		expect(canEditActor(null, ccas)).toBe(false);
	});

	it('coordination mails go to active coordinators only', async () => {
		await createUser(conn, 'coordination@ville-roubaix.fr', 'coordinator');
		const former = await createUser(conn, 'ancienne@ville-roubaix.fr', 'coordinator');
		await createUser(conn, 'agent@ccas-roubaix.fr', 'member');
		await run(conn, 'update users set disabled_at = ? where id = ?', NOW.toISOString(), former.id);
		expect(await coordinatorEmails(conn.db)).toEqual(['coordination@ville-roubaix.fr']);
	});
});

describe('rate limit on sign-in links', () => {
	const rule = RATE_RULES.linkPerEmailAndClient;
	const key = 'link:agent@ccas-roubaix.fr';

	it('allows 3 requests per e-mail and client in 15 minutes, refuses the 4th, allows again once the window has passed', async () => {
		expect(rule).toEqual({ limit: 3, windowMs: 15 * MINUTE });
		expect(await allowAttempt(conn.db, key, rule, NOW)).toBe(true);
		expect(await allowAttempt(conn.db, key, rule, after(MINUTE))).toBe(true);
		expect(await allowAttempt(conn.db, key, rule, after(2 * MINUTE))).toBe(true);
		expect(await allowAttempt(conn.db, key, rule, after(3 * MINUTE))).toBe(false);
		// Refused attempts are not counted: one more minute does not extend the block.
		expect(await allowAttempt(conn.db, key, rule, after(14 * MINUTE))).toBe(false);
		// The first request leaves the window: one slot opens, not three.
		expect(await allowAttempt(conn.db, key, rule, after(15 * MINUTE + SECOND))).toBe(true);
		expect(await allowAttempt(conn.db, key, rule, after(15 * MINUTE + 2 * SECOND))).toBe(false);
		// Once every request is older than the window, the address gets its 3 again.
		for (const offset of [18, 19, 20]) expect(await allowAttempt(conn.db, key, rule, after((offset + 15) * MINUTE))).toBe(true);
	});

	it('one address reaching its limit does not block another', async () => {
		for (let i = 0; i < 3; i++) await allowAttempt(conn.db, key, rule, NOW);
		expect(await allowAttempt(conn.db, key, rule, NOW)).toBe(false);
		expect(await allowAttempt(conn.db, 'link:autre@ccas-roubaix.fr', rule, NOW)).toBe(true);
	});

	it('a client’s requests for one address do not count against the owner asking from elsewhere', async () => {
		const owner = 'agent@ccas-roubaix.fr';
		for (const client of ['198.51.100.1', '198.51.100.2', '198.51.100.3']) {
			for (let i = 0; i < 3; i++) expect(await allowLinkRequest(conn.db, owner, client, after(i * SECOND))).toBe(true);
			expect(await allowLinkRequest(conn.db, owner, client, after(5 * SECOND))).toBe(false);
		}
		expect(await allowLinkRequest(conn.db, owner, '203.0.113.7', after(10 * SECOND))).toBe(true);
	});

	it('one client asking for many addresses meets the per-client limit', async () => {
		const { limit } = RATE_RULES.linkPerIp;
		for (let i = 0; i < limit; i++) expect(await allowLinkRequest(conn.db, `n${i}@exemple.fr`, '192.0.2.9', after(i * SECOND))).toBe(true);
		expect(await allowLinkRequest(conn.db, 'encore@exemple.fr', '192.0.2.9', after(limit * SECOND))).toBe(false);
		expect(await allowLinkRequest(conn.db, 'encore@exemple.fr', '192.0.2.10', after(limit * SECOND))).toBe(true);
	});

	it('mails to one address from every client: 3 in 15 minutes, then one every 5 minutes, never none', async () => {
		const owner = 'agent@ccas-roubaix.fr';
		const sent: number[] = [];
		// One request every 30 seconds for 30 minutes, as from a crowd of clients.
		for (let s = 0; s < 30 * 60; s += 30) if (await allowLinkMail(conn.db, owner, after(s * SECOND))) sent.push(s / 60);
		expect(sent.slice(0, 3)).toEqual([0, 0.5, 1]);
		// Never more than 5 minutes (and the 30 s between requests) without a fresh 15-minute link in the mailbox.
		for (let i = 1; i < sent.length; i++) expect(sent[i]! - sent[i - 1]!).toBeLessThanOrEqual(5.5);
		expect(sent.length).toBeLessThanOrEqual(3 + 6 + 3);
		// Another address is not slowed down.
		expect(await allowLinkMail(conn.db, 'autre@ccas-roubaix.fr', after(10 * MINUTE))).toBe(true);
	});

	it('stores only hashes: the table is not a list of who asked', async () => {
		await allowAttempt(conn.db, key, rule, NOW);
		await allowAttempt(conn.db, 'ip:192.0.2.10', RATE_RULES.linkPerIp, NOW);
		const keys = (await allRows<{ key: string }>(conn, 'select key from rate_events')).map((r) => r.key);
		expect(keys).toHaveLength(2);
		for (const stored of keys) expect(stored).toMatch(/^[0-9a-f]{64}$/);
		expect(JSON.stringify(keys)).not.toMatch(/ccas-roubaix|192\.0\.2/);
		// Keyed with the server's own secret: trying every IPv4 address through SHA-256 finds nothing.
		expect(keys).not.toContain(sha256('ip:192.0.2.10'));
		expect(keys).not.toContain(sha256(key));
	});
});
