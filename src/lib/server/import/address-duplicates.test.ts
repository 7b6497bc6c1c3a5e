/**
 * Two listings at one address written differently (case, accents, « pl. » / « place », « av » /
 * « avenue », punctuation) are flagged as the same address: when an import brings the second one,
 * and when a listing is edited to it (the listings' write path recomputes the flags).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../db/connect';
import * as places from '../db/queries/places';
import { writeRecord } from '../listings/write';
import { allRows, seededDatabase } from '../testing/database';
import { importSchemaFile } from './importer';

const NOW = new Date('2026-12-01T09:00:00.000Z');
let conn: Connection;
beforeEach(async () => {
	conn = await seededDatabase();
});
afterEach(async () => {
	await conn.db.destroy();
});

const duplicatesOf = async (id: number) =>
	allRows<{ related_place_id: number; detail: string }>(conn, "select related_place_id, detail from quality_flags where place_id = ? and code = 'probable_duplicate'", id);

describe('the same address written differently', () => {
	it('at import: « 2, PL. DE LA LIBERTÉ » and « 2 place de la Liberte » are one address', async () => {
		const header = 'id,nom,commune,code_postal,adresse,latitude,longitude,source,date_maj,services';
		const file = [
			header,
			'adr-1,Maison des associations,Roubaix,59100,"2 place de la Liberte",50.69010,3.17440,essai-adresses,2026-11-01,Aide aux démarches administratives',
			'adr-2,Permanence numérique du centre,Roubaix,59100,"2, PL. DE LA LIBERTÉ",50.69030,3.17460,essai-adresses,2026-11-01,Aide aux démarches administratives'
		].join('\n');
		const report = await importSchemaFile(conn.db, 'adresses.csv', file, { now: NOW });
		expect(report.ok).toBe(true);
		const [first] = await allRows<{ id: number }>(conn, "select id from places where source_id = 'adr-1'");
		const [second] = await allRows<{ id: number }>(conn, "select id from places where source_id = 'adr-2'");
		expect(await duplicatesOf(first!.id)).toEqual([
			{ related_place_id: second!.id, detail: 'Doublon probable de « Permanence numérique du centre » (à la même adresse).' }
		]);
	});

	it('when a listing is edited to « 12 av. Jean-Lebas » beside « 12 Avenue Jean Lebas »', async () => {
		const held = await places.all(conn.db);
		const [a, b] = held;
		const place = (p: typeof a) => places.snapshotOf(p!);
		// B is at « 12 Avenue Jean Lebas »; A is edited to the same entrance, written otherwise, 20 m away.
		await writeRecord(
			conn.db,
			{ entity: 'place', id: b!.id, actorId: b!.actor_id, before: { version: b!.version, snapshot: place(b) }, after: { ...place(b), address: '12 Avenue Jean Lebas', lat: 50.6905, lon: 3.1775 } },
			{ now: NOW, origin: 'coordination', userId: null, verifiedHow: 'coordinator' }
		);
		expect((await duplicatesOf(a!.id)).map((d) => d.related_place_id)).not.toContain(b!.id);
		const fresh = (await places.byId(conn.db, a!.id))!;
		await writeRecord(
			conn.db,
			{
				entity: 'place',
				id: a!.id,
				actorId: a!.actor_id,
				before: { version: fresh.version, snapshot: places.snapshotOf(fresh) },
				after: { ...places.snapshotOf(fresh), address: '12 av. Jean-Lebas', lat: 50.69065, lon: 3.17765 }
			},
			{ now: NOW, origin: 'coordination', userId: null, verifiedHow: 'coordinator' }
		);
		expect(await duplicatesOf(a!.id)).toContainEqual({ related_place_id: b!.id, detail: `Doublon probable de « ${b!.name} » (à la même adresse).` });
	});
});
