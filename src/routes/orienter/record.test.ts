import { isRedirect } from '@sveltejs/kit';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { AUTONOMY } from '$lib/domain/orientation/autonomy';
import { EVERYDAY_NEEDS } from '$lib/domain/orientation/needs';
import { RATE_RULES } from '$lib/server/auth/rate-limit';
import type { Connection } from '$lib/server/db/connect';
import { allRows, run as execute, seededDatabase } from '$lib/server/testing/database';

/**
 * « Voir les lieux » (/orienter?/resultats) called as SvelteKit would, from a script posting
 * completed orientations: what reaches the planners' unmet-demand figures is bounded per client,
 * and the person still gets the results every time.
 */

const conn: Connection = vi.hoisted(() => ({}) as Connection);
vi.mock('$lib/server/db', () => ({ database: () => conn }));

const { actions } = await import('./+page.server');

const NOW = new Date('2026-11-25T10:00:00.000Z');

type Anything = never;

/** Every needs × autonomy pair: 36 different completed orientations. */
const ANSWERS = EVERYDAY_NEEDS.flatMap((n) => AUTONOMY.map((a) => ({ besoin: n.code, autonomie: a.code })));

async function submit(fields: Record<string, string>, clientAddress: string): Promise<{ status: number; location: string }> {
	const url = new URL('/orienter?/resultats', 'http://127.0.0.1:4173');
	const body = new FormData();
	for (const [k, v] of Object.entries(fields)) body.set(k, v);
	const event = { url, request: new Request(url, { method: 'POST', body }), locals: { user: null }, getClientAddress: () => clientAddress };
	try {
		await (actions.resultats as (e: unknown) => Promise<unknown>)(event as Anything);
	} catch (thrown) {
		if (isRedirect(thrown)) return { status: thrown.status, location: thrown.location };
		throw thrown;
	}
	throw new Error('no redirect');
}

const recorded = async () => (await allRows(conn, 'select id from orientations')).length;

beforeAll(async () => {
	Object.assign(conn, await seededDatabase());
});

afterAll(async () => {
	await conn.db?.destroy();
});

beforeEach(async () => {
	vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
	await execute(conn, 'delete from orientations');
	await execute(conn, 'delete from rate_events');
});

afterEach(() => {
	vi.useRealTimers();
});

describe('recording completed orientations', () => {
	it('a client posting many different orientations gets its results every time, but only its hourly share is counted', async () => {
		const { limit } = RATE_RULES.orientationPerIp;
		expect(ANSWERS.length).toBeGreaterThan(limit);
		for (const answers of ANSWERS) {
			const answer = await submit(answers, '198.51.100.20');
			expect(answer.status).toBe(303);
			expect(answer.location).toMatch(new RegExp(`^/orienter\\?etape=5&besoin=${answers.besoin}&autonomie=${answers.autonomie}$`));
		}
		expect(await recorded()).toBe(limit);
		// Another client (another desk, another town hall) is counted as before. (The same answers
		// as the first client's, within half an hour, would be one orientation, whoever sent them.)
		await submit({ ...ANSWERS[0]!, gratuit: '1' }, '203.0.113.5');
		await submit({ ...ANSWERS[1]!, gratuit: '1' }, '203.0.113.5');
		expect(await recorded()).toBe(limit + 2);
		// An hour later the first client is counted again.
		vi.setSystemTime(new Date(NOW.getTime() + 61 * 60_000));
		await submit(ANSWERS[2]!, '198.51.100.20');
		expect(await recorded()).toBe(limit + 3);
	});

	it('a client spreading its posts over the day is bounded by the daily limit', async () => {
		const hourly = RATE_RULES.orientationPerIp.limit;
		const daily = RATE_RULES.orientationPerIpPerDay.limit;
		let sent = 0;
		for (let hour = 0; hour * hourly <= daily; hour++) {
			vi.setSystemTime(new Date(NOW.getTime() + hour * 61 * 60_000));
			for (let i = 0; i < hourly; i++) {
				// A different answer each time: a new need × autonomy pair, and a walking limit per hour.
				const answers = { ...ANSWERS[i % ANSWERS.length]!, marche: String([10, 15, 20, 30][hour % 4]), gratuit: hour % 8 < 4 ? '1' : '' };
				await submit({ ...answers, pec: '' }, '198.51.100.21');
				sent++;
			}
		}
		expect(sent).toBeGreaterThan(daily);
		expect(await recorded()).toBe(daily);
	}, 60_000);

	it('the same answers from the same client within half an hour are counted once', async () => {
		for (let i = 0; i < 5; i++) expect((await submit(ANSWERS[0]!, '198.51.100.22')).status).toBe(303);
		expect(await recorded()).toBe(1);
	});

	it('stores nothing of the client: no address in the orientations, only hashed keys in the rate events', async () => {
		await submit(ANSWERS[0]!, '198.51.100.23');
		expect(JSON.stringify(await allRows(conn, 'select * from orientations'))).not.toContain('198.51.100');
		const keys = (await allRows<{ key: string }>(conn, 'select key from rate_events')).map((r) => r.key);
		for (const key of keys) expect(key).toMatch(/^[0-9a-f]{64}$/);
	});
});
