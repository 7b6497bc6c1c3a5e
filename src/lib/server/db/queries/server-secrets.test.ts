import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Connection } from '../connect';
import { migratedDatabase } from '../../testing/database';
import * as serverSecrets from './server-secrets';

let conn: Connection;

beforeEach(async () => {
	conn = await migratedDatabase();
});

afterEach(async () => {
	await conn.db.destroy();
});

it('instances asking at once for a secret not yet drawn all get the same one, and keep it', async () => {
	let n = 0;
	const draw = () => `secret-${++n}`;
	const at = '2026-11-25T10:00:00.000Z';
	const values = await Promise.all(Array.from({ length: 5 }, () => serverSecrets.getOrCreate(conn.db, 'rate-keys', draw, at)));
	expect(new Set(values).size).toBe(1);
	expect(await serverSecrets.getOrCreate(conn.db, 'rate-keys', () => 'another', at)).toBe(values[0]);
	expect(await serverSecrets.getOrCreate(conn.db, 'other', () => 'another', at)).toBe('another');
});
