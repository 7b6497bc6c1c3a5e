import { afterEach, describe, expect, it, vi } from 'vitest';
import { CostGate } from './cost-gate';

/** The gate on a fake clock: each piece of work « lasts » 100 ms by moving the clock forward. */
function setup(perClient = { limit: 100, windowMs: 60_000 }) {
	vi.useFakeTimers({ now: 0 });
	const gate = new CostGate({ maxWaiting: 2, restFactor: 3, perClient, now: () => Date.now() });
	const starts: number[] = [];
	const work = (value: string) => () => {
		starts.push(Date.now());
		vi.setSystemTime(Date.now() + 100);
		return value;
	};
	const advance = (ms: number) => vi.advanceTimersByTimeAsync(ms);
	return { gate, work, starts, advance };
}

afterEach(() => {
	vi.useRealTimers();
});

describe('CostGate', () => {
	it('runs one piece of work at a time and rests three times its duration before the next', async () => {
		const { gate, work, starts, advance } = setup();
		const a = gate.run('a', work('A'));
		const b = gate.run('b', work('B'));
		await advance(0);
		expect(await a).toEqual({ ok: true, value: 'A' });
		expect(starts).toEqual([0]);
		await advance(250);
		expect(starts).toEqual([0]);
		await advance(60);
		expect(await b).toEqual({ ok: true, value: 'B' });
		expect(starts[1]).toBeGreaterThanOrEqual(400);
	});

	it('refuses at once beyond the waiting room, and a second request of a client already waiting', async () => {
		const { gate, work, advance } = setup();
		const first = gate.run('a', work('A'));
		await advance(0);
		await first;
		const waiting = [gate.run('b', work('B')), gate.run('c', work('C'))];
		expect(await gate.run('d', work('D'))).toMatchObject({ ok: false, reason: 'busy' });
		const again = await gate.run('b', work('B2'));
		expect(again).toMatchObject({ ok: false, reason: 'busy' });
		expect(again.ok ? 0 : again.retryAfterSeconds).toBeGreaterThanOrEqual(1);
		await advance(2_000);
		expect(await Promise.all(waiting)).toEqual([
			{ ok: true, value: 'B' },
			{ ok: true, value: 'C' }
		]);
	});

	it('counts each client in its own sliding window and says when it may come back', async () => {
		const { gate, advance } = setup({ limit: 3, windowMs: 60_000 });
		for (let i = 0; i < 3; i++) {
			expect(gate.admit('a')).toBeNull();
			await advance(10_000);
		}
		expect(gate.admit('a')).toEqual({ ok: false, reason: 'client', retryAfterSeconds: 30 });
		expect(gate.admit('b')).toBeNull();
		await advance(30_000);
		expect(gate.admit('a')).toBeNull();
	});
});
