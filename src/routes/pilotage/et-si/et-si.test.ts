import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { isHttpError } from '@sveltejs/kit';
import { invalidateCatalogue } from '$lib/server/catalogue';
import type { Connection } from '$lib/server/db/connect';
import { seededDatabase } from '$lib/server/testing/database';

/**
 * « Et si… » costs a full recompute of every indicator: its load on the real data, with the
 * database mocked to a seeded one. A repeated simulation must come from the cache, and one client
 * cannot make the server compute without bound (issue 11, item 4).
 */

const conn: Connection = vi.hoisted(() => ({}) as Connection);
vi.mock('$lib/server/db', () => ({ database: () => conn }));

// Counts the full recomputes behind each answer.
const computed = vi.hoisted(() => ({ count: 0 }));
vi.mock('$lib/domain/coverage/indicators', async (importOriginal) => {
	const original = await importOriginal<typeof import('$lib/domain/coverage/indicators')>();
	return {
		...original,
		computeIndicators: (...args: Parameters<typeof original.computeIndicators>) => {
			computed.count++;
			return original.computeIndicators(...args);
		}
	};
});

const { load } = await import('./+page.server');

type LoadEvent = Parameters<typeof load>[0];

function call(search: string, client = '192.0.2.1') {
	const headers: Record<string, string> = {};
	const event = {
		url: new URL(`http://localhost/pilotage/et-si?${search}`),
		getClientAddress: () => client,
		setHeaders: (h: Record<string, string>) => Object.assign(headers, h)
	} as unknown as LoadEvent;
	return { run: () => load(event) as Promise<Record<string, unknown>>, headers };
}

beforeAll(async () => {
	Object.assign(conn, await seededDatabase());
}, 60_000);

afterAll(async () => {
	await conn.db.destroy();
});

describe('« Et si… » : cache et limites', () => {
	it('computes the same simulation once: the second answer comes from the cache, identical', async () => {
		const search = 'niveau=4&lat=50,6912&lon=3,1710&horaires=';
		const first = await call(search, '192.0.2.10').run();
		computed.count = 0;
		const second = await call(`niveau=4&lat=50.69120&lon=3.17100&horaires=`, '192.0.2.10').run();
		expect(computed.count).toBe(0);
		expect(second.view).toEqual(first.view);
	}, 60_000);

	it('recomputes once the directory has changed', async () => {
		const search = 'niveau=3&lat=50.6950&lon=3.1650&horaires=';
		await call(search, '192.0.2.11').run();
		invalidateCatalogue();
		computed.count = 0;
		await call(search, '192.0.2.11').run();
		expect(computed.count).toBeGreaterThan(0);
	}, 60_000);

	it('answers a French 429 with Retry-After to a client asking too often, and still serves another client', async () => {
		const search = 'niveau=2&lat=50.6900&lon=3.1800&horaires=';
		let refused: { status: number; message: string; retryAfter: string | undefined } | null = null;
		for (let i = 0; i < 200 && !refused; i++) {
			const request = call(search, '198.51.100.7');
			try {
				await request.run();
			} catch (error) {
				if (!isHttpError(error)) throw error;
				refused = { status: error.status, message: error.body.message, retryAfter: request.headers['retry-after'] };
			}
		}
		expect(refused?.status).toBe(429);
		expect(refused?.message).toMatch(/simulations/);
		expect(Number(refused?.retryAfter)).toBeGreaterThan(0);
		const other = await call(search, '198.51.100.8').run();
		expect(other.view).not.toBeNull();
	}, 120_000);
});
