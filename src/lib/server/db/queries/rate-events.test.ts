import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Connection } from '../connect';
import { allRows, migratedDatabase } from '../../testing/database';
import * as rateEvents from './rate-events';

let conn: Connection;

beforeEach(async () => {
	conn = await migratedDatabase();
});

afterEach(async () => {
	await conn.db.destroy();
});

it('attempts arriving at once (on PostgreSQL, on several connections) never go past the limit', async () => {
	const attempt = { key: 'a'.repeat(64), at: '2026-11-25T10:00:00.000Z', since: '2026-11-25T09:45:00.000Z', limit: 3 };
	const results = await Promise.all(Array.from({ length: 8 }, () => rateEvents.tryAdd(conn.db, attempt)));
	expect(results.filter(Boolean)).toHaveLength(3);
	expect(await allRows(conn, 'select key from rate_events')).toHaveLength(3);
	// Another key has its own count.
	expect(await rateEvents.tryAdd(conn.db, { ...attempt, key: 'b'.repeat(64) })).toBe(true);
});
