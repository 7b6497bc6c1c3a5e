import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../connect';
import { allRows, migratedDatabase } from '../../testing/database';
import * as orientations from './orientations';

const NOW = new Date('2026-11-25T10:00:00.000Z');
const minutesLater = (m: number) => new Date(NOW.getTime() + m * 60_000);

const answers: orientations.OrientationRecord = {
	needs: ['sante'],
	autonomy: 'jamais',
	levels: ['support', 'reinforced'],
	irisCode: '595120101',
	areaCode: null,
	constraints: { freeOnly: true, maxWalkMinutes: 20 },
	results: 4,
	within15: 2
};

let conn: Connection;

beforeEach(async () => {
	conn = await migratedDatabase();
});

afterEach(async () => {
	await conn.db.destroy();
});

const count = async () => (await allRows(conn, 'select id from orientations')).length;

describe('recording a completed orientation', () => {
	it('records the same answers once within half an hour, again after', async () => {
		expect(await orientations.record(conn.db, answers, NOW)).toBe(true);
		expect(await orientations.record(conn.db, answers, minutesLater(29))).toBe(false);
		expect(await orientations.record(conn.db, { ...answers, needs: ['emploi'] }, minutesLater(29))).toBe(true);
		expect(await orientations.record(conn.db, answers, minutesLater(31))).toBe(true);
		expect(await count()).toBe(3);
	});

	it('the same answers sent at once (on PostgreSQL, on several connections, as from several instances) make one row', async () => {
		const results = await Promise.all(Array.from({ length: 6 }, () => orientations.record(conn.db, answers, NOW)));
		expect(results.filter(Boolean)).toHaveLength(1);
		expect(await count()).toBe(1);
	});

	it('stores lists as JSON and counts unmet demand per IRIS of departure', async () => {
		await orientations.record(conn.db, answers, NOW);
		await orientations.record(conn.db, { ...answers, within15: 5 }, NOW);
		await orientations.record(conn.db, { ...answers, irisCode: null }, NOW);
		const [row] = await allRows<{ needs: string; levels: string }>(conn, 'select needs, levels from orientations order by id limit 1');
		expect(JSON.parse(row!.needs)).toEqual(['sante']);
		expect(JSON.parse(row!.levels)).toEqual(['support', 'reinforced']);
		expect(await orientations.demandByIris(conn.db)).toEqual(new Map([['595120101', { total: 2, unmet: 1 }]]));
	});
});
