/**
 * Two saves of the same record at the same moment, each read at the same version: on
 * PostgreSQL (several instances, a pool of connections) both pass the version check, and the
 * write itself must refuse the second. One is published, the other gets the conflict answer.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SignedInUser } from '../auth/users';
import type { Connection } from '../db/connect';
import { allRows, createUser, oneRow, placeIdByName, seededDatabase } from '../testing/database';
import { submitChange } from './revisions';
import { readOffer, readPlace } from './snapshots';

const ORIGIN = 'https://carte.roubaix.test';

let conn: Connection;
let first: SignedInUser;
let second: SignedInUser;

beforeEach(async () => {
	conn = await seededDatabase();
	first = await createUser(conn, 'coordination@ville-roubaix.fr', 'coordinator');
	second = await createUser(conn, 'adjointe@ville-roubaix.fr', 'coordinator');
});

afterEach(async () => {
	await conn.db.destroy();
});

describe('saves that race', () => {
	it('the same offer saved twice from the same version: one published, one conflict, the winner’s hours kept', async () => {
		const placeId = await placeIdByName(conn, 'CCAS de Roubaix');
		const { id } = await oneRow<{ id: number }>(conn, 'select id from offers where place_id = ? order by id limit 1', placeId);
		const record = (await readOffer(conn.db, id))!;
		const save = (user: SignedInUser, hours: string) =>
			submitChange(
				conn.db,
				{ entity: 'offer', entityId: id, actorId: record.actorId, baseVersion: record.version, after: { ...record.snapshot, hours } },
				{ user, origin: ORIGIN }
			);

		const results = await Promise.all([save(first, 'Mo 09:00-12:00'), save(second, 'Tu 14:00-17:00')]);

		expect(results.map((r) => r.kind).sort()).toEqual(['conflict', 'published']);
		const winner = results[0]!.kind === 'published' ? 'Mo 09:00-12:00' : 'Tu 14:00-17:00';
		const loser = results.find((r) => r.kind === 'conflict')!;
		// The conflict says what the other person changed.
		expect(loser).toMatchObject({ kind: 'conflict', changes: [expect.objectContaining({ field: 'hours' })] });
		expect(await oneRow(conn, 'select hours, version from offers where id = ?', id)).toEqual({ hours: winner, version: record.version + 1 });
		expect(await allRows(conn, "select base_version from revisions where entity = 'offer' and entity_id = ? and status = 'published'", id)).toEqual([
			{ base_version: record.version }
		]);
	});

	it('twenty different places saved at once, half by each person: every change lands, each version up by one', async () => {
		const ids = (await allRows<{ id: number }>(conn, 'select id from places order by id limit 20')).map((r) => r.id);
		const records = await Promise.all(ids.map(async (id) => (await readPlace(conn.db, id))!));
		const results = await Promise.all(
			records.map((record, i) =>
				submitChange(
					conn.db,
					{ entity: 'place', entityId: record.id, actorId: record.actorId, baseVersion: record.version, after: { ...record.snapshot, phone: `03 20 00 00 ${String(i).padStart(2, '0')}` } },
					{ user: i % 2 ? first : second, origin: ORIGIN }
				)
			)
		);
		expect(results.map((r) => r.kind)).toEqual(ids.map(() => 'published'));
		const rows = await allRows<{ id: number; phone: string; version: number }>(conn, `select id, phone, version from places where id in (${ids.join(',')}) order by id`);
		expect(rows).toEqual(records.map((r, i) => ({ id: r.id, phone: `03 20 00 00 ${String(i).padStart(2, '0')}`, version: r.version + 1 })));
	});
});
