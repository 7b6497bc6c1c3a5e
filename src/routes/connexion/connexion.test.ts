import { isRedirect, type Cookies } from '@sveltejs/kit';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { issueToken } from '$lib/server/auth/tokens';
import type { Connection } from '$lib/server/db/connect';
import { allRows, createUser, migratedDatabase, outbox, run as execute } from '$lib/server/testing/database';

/**
 * The sign-in pages' actions called directly, as SvelteKit would: what a forged `retour` does at
 * the end of the sign-in, and who can make the link request answer 429.
 */

const conn: Connection = vi.hoisted(() => ({}) as Connection);
vi.mock('$lib/server/db', () => ({ database: () => conn }));

const requestPage = await import('./+page.server');
const linkPage = await import('./lien/+page.server');

const ORIGIN = 'http://127.0.0.1:4173';

function cookieJar(): Cookies {
	const jar = new Map<string, string>();
	return {
		get: (name: string) => jar.get(name),
		set: (name: string, value: string) => void jar.set(name, value),
		delete: (name: string) => void jar.delete(name)
	} as unknown as Cookies;
}

type Anything = never;

function post(path: string, fields: Record<string, string>, clientAddress = '192.0.2.1') {
	const url = new URL(path, ORIGIN);
	const body = new FormData();
	for (const [k, v] of Object.entries(fields)) body.set(k, v);
	return {
		url,
		request: new Request(url, { method: 'POST', body }),
		cookies: cookieJar(),
		locals: { user: null },
		getClientAddress: () => clientAddress
	} as Anything;
}

/** An action's outcome: the redirect it threw, or what it returned (a `fail` or data). */
async function outcome(action: unknown, event: unknown): Promise<{ redirect?: { status: number; location: string }; status?: number; data?: any }> {
	try {
		const result = (await (action as (e: unknown) => Promise<unknown>)(event)) as { status?: number; data?: unknown } | undefined;
		if (result && typeof result === 'object' && 'status' in result && 'data' in result) return { status: result.status, data: result.data };
		return { status: 200, data: result };
	} catch (thrown) {
		if (isRedirect(thrown)) return { redirect: { status: thrown.status, location: thrown.location } };
		throw thrown;
	}
}

const usedAt = async (userId: number) => (await allRows<{ used_at: string | null }>(conn, 'select used_at from tokens where user_id = ? order by id', userId)).map((r) => r.used_at);

beforeAll(async () => {
	Object.assign(conn, await migratedDatabase());
});

afterAll(async () => {
	await conn.db?.destroy();
});

beforeEach(async () => {
	await execute(conn, 'delete from rate_events');
	await execute(conn, 'delete from outbox');
});

describe('the end of the sign-in (/connexion/lien)', () => {
	it.each([
		['a tab before a second slash', '/\t/evil.example'],
		['a line feed', '/x\ny'],
		['a carriage return and line feed', '/x\r\nSet-Cookie: a=b']
	])('a retour with %s signs in and goes to /espace, never off the site nor to a 500', async (_label, retour) => {
		const user = await createUser(conn, `retour-${Math.random().toString(36).slice(2)}@exemple.fr`, 'member');
		const token = await issueToken(conn.db, 'sign_in', { userId: user.id });
		const event = post('/connexion/lien', { jeton: token, retour }) as unknown as { cookies: Cookies };
		const result = await outcome(linkPage.actions.default, event);
		expect(result.redirect).toEqual({ status: 303, location: '/espace' });
		// What SvelteKit does next with it: a CR or LF made this throw, hence the 500 after the link was spent.
		expect(() => new Headers({ location: result.redirect!.location })).not.toThrow();
		// The link was spent by a sign-in that happened, not by an error.
		expect((await usedAt(user.id))[0]).not.toBeNull();
		expect(event.cookies.get('session')).toMatch(/^[A-Za-z0-9_-]{40,}$/);
	});

	it('a sign-in that fails half-way leaves the link usable: the token is spent in the same transaction as the session', async () => {
		const user = await createUser(conn, 'panne@exemple.fr', 'member');
		const token = await issueToken(conn.db, 'sign_in', { userId: user.id });
		// The audit line is the last write of a sign-in: without its table, the sign-in fails there.
		await execute(conn, 'alter table audit_log rename to audit_log_away');
		try {
			await expect(outcome(linkPage.actions.default, post('/connexion/lien', { jeton: token, retour: '/espace' }))).rejects.toThrow();
		} finally {
			await execute(conn, 'alter table audit_log_away rename to audit_log');
		}
		expect(await usedAt(user.id)).toEqual([null]);
		expect(await allRows(conn, 'select hash from sessions where user_id = ?', user.id)).toEqual([]);
		// Once the fault is gone, the same link signs in.
		const again = await outcome(linkPage.actions.default, post('/connexion/lien', { jeton: token, retour: '/espace' }));
		expect(again.redirect).toEqual({ status: 303, location: '/espace' });
	});

	it('a path of this site is kept', async () => {
		const user = await createUser(conn, 'chemin@exemple.fr', 'member');
		const token = await issueToken(conn.db, 'sign_in', { userId: user.id });
		const result = await outcome(linkPage.actions.default, post('/connexion/lien', { jeton: token, retour: '/espace/demande?x=1' }));
		expect(result.redirect).toEqual({ status: 303, location: '/espace/demande?x=1' });
	});
});

describe('who can make the link request answer 429 (/connexion)', () => {
	const ask = (email: string, client: string) => outcome(requestPage.actions.default, post('/connexion', { email, retour: '/espace' }, client));

	it('strangers asking for someone else’s address from three networks do not lock the owner out', async () => {
		await createUser(conn, 'proprietaire@ccas-roubaix.fr', 'member');
		for (const client of ['198.51.100.1', '198.51.100.2', '198.51.100.3']) {
			expect((await ask('proprietaire@ccas-roubaix.fr', client)).data).toMatchObject({ sent: true });
		}
		const own = await ask('proprietaire@ccas-roubaix.fr', '203.0.113.7');
		expect(own.status).toBe(200);
		expect(own.data).toMatchObject({ sent: true });
		expect((await outbox(conn)).filter((m) => m.to_address === 'proprietaire@ccas-roubaix.fr')).toHaveLength(4);
	});

	it('one network still gets only 3 links for one address in 15 minutes, with the French 429', async () => {
		await createUser(conn, 'quatre@ccas-roubaix.fr', 'member');
		for (let i = 0; i < 3; i++) expect((await ask('quatre@ccas-roubaix.fr', '192.0.2.50')).data).toMatchObject({ sent: true });
		const fourth = await ask('quatre@ccas-roubaix.fr', '192.0.2.50');
		expect(fourth.status).toBe(429);
		expect(fourth.data.error).toBe('Trop de demandes de lien en peu de temps. Réessayez dans un quart d’heure.');
		expect(await outbox(conn)).toHaveLength(3);
	});

	it('the answer is the same for an address without an account, limits included', async () => {
		for (let i = 0; i < 3; i++) expect((await ask('personne@exemple.fr', '192.0.2.60')).data).toEqual({ sent: true, email: 'personne@exemple.fr' });
		expect((await ask('personne@exemple.fr', '192.0.2.60')).status).toBe(429);
		expect(await outbox(conn)).toHaveLength(0);
	});
});
