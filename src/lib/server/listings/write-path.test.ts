/**
 * One write path for places and offers: an imported change, a review decision, a coordinator's
 * edit, an approved proposal and a rollback all bump the version, recompute the areas and flags,
 * and leave a revision that says where the change came from.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SignedInUser } from '../auth/users';
import type { Connection } from '../db/connect';
import { importSchemaFile } from '../import/importer';
import { SEED_PLACES_FILE } from '../seed/index';
import { allRows, createUser, oneRow, placeIdByName, seededDatabase } from '../testing/database';
import { approveRevision, rollbackRevision, submitChange } from './revisions';
import { readOffer, readPlace } from './snapshots';

const SEED = readFileSync(join(process.cwd(), 'db/seed', SEED_PLACES_FILE), 'utf8');
const CCAS_PHONE = '+33320815757';
const CCAS_POINT = '50.6873,3.1833';
const ORIGIN = 'https://carte.roubaix.test';

interface RevisionRow {
	id: number;
	entity: string;
	entity_id: number;
	operation: string;
	status: string;
	origin: string;
	author_id: number | null;
	base_version: number | null;
	before: string | null;
	after: string;
	reason: string | null;
}

let conn: Connection;
let ccas: number;
let coordinator: SignedInUser;

const revisionsOf = (entity: string, id: number) =>
	allRows<RevisionRow>(conn, 'select * from revisions where entity = ? and entity_id = ? order by id', entity, id);
const placeRow = (id: number) => oneRow<{ version: number; phone: string; updated_at: string }>(conn, 'select * from places where id = ?', id);
const areasOf = async (id: number) =>
	(await allRows<{ area_code: string }>(conn, 'select area_code from place_areas where place_id = ? order by area_code', id)).map((r) => r.area_code);

beforeEach(async () => {
	conn = await seededDatabase();
	ccas = await placeIdByName(conn, 'CCAS de Roubaix');
	coordinator = await createUser(conn, 'coordination@ville-roubaix.fr', 'coordinator');
});

afterEach(async () => {
	await conn.db.destroy();
});

describe('the importer writes through the one write path', () => {
	it('loading the seed records no revision: its creations are accounted for by the imports line', async () => {
		expect(await allRows(conn, 'select id from revisions')).toEqual([]);
		expect((await placeRow(ccas)).version).toBe(1);
		expect(await allRows(conn, 'select file_name from imports')).toEqual([{ file_name: SEED_PLACES_FILE }]);
	});

	it('an imported change bumps the place’s version and records a revision whose origin is import', async () => {
		const now = new Date(Date.now() + 60_000);
		const changed = SEED.replace(CCAS_PHONE, '+33320000000');
		expect(changed).not.toBe(SEED);
		const report = await importSchemaFile(conn.db, 'extrait-2026.csv', changed, { now });
		expect(report).toMatchObject({ ok: true, summary: { placesUpdated: 1, placesUnchanged: 38, offersUpdated: 0 } });

		const place = await placeRow(ccas);
		expect(place).toMatchObject({ version: 2, phone: '+33320000000', updated_at: now.toISOString() });
		const [revision, ...others] = await revisionsOf('place', ccas);
		expect(others).toEqual([]);
		expect(revision).toMatchObject({
			operation: 'update',
			status: 'published',
			origin: 'import',
			author_id: null,
			base_version: 1,
			reason: 'Import du fichier « extrait-2026.csv »'
		});
		expect(JSON.parse(revision!.before!)).toMatchObject({ phone: CCAS_PHONE });
		expect(JSON.parse(revision!.after)).toMatchObject({ phone: '+33320000000' });
		// Nothing else changed, so nothing else has a revision.
		expect(await allRows(conn, 'select id from revisions')).toHaveLength(1);
	});

	it('an imported move recomputes the areas; an imported offer change bumps the offer', async () => {
		const before = await areasOf(ccas);
		const [offer] = await allRows<{ id: number; version: number }>(conn, 'select id, version from offers where place_id = ? order by id', ccas);
		// Across Roubaix, in the north-west: another IRIS and grand quartier.
		const moved = SEED.replace(CCAS_POINT, '50.697,3.165').replace('Sa 08:00-11:00', 'Mo-Fr 09:00-12:00');
		const report = await importSchemaFile(conn.db, 'extrait-2026.csv', moved, { now: new Date(Date.now() + 60_000) });
		expect(report).toMatchObject({ ok: true, summary: { placesUpdated: 1 } });
		expect(before).toEqual(['59512', '5951209', '595120903', 'QN05980M']);
		expect(await areasOf(ccas)).toEqual(['59512', '5951201', '595120102', 'QN05980M']);

		const record = (await readOffer(conn.db, offer!.id))!;
		expect(record).toMatchObject({ version: offer!.version + 1, snapshot: { hours: 'Mo-Fr 09:00-12:00' } });
		const offerRevisions = await revisionsOf('offer', offer!.id);
		expect(offerRevisions.map((r) => [r.operation, r.origin])).toEqual([['update', 'import']]);
	});

	it('re-importing the same file writes nothing: no version, no revision', async () => {
		const report = await importSchemaFile(conn.db, SEED_PLACES_FILE, SEED, { now: new Date(Date.now() + 60_000) });
		expect(report).toMatchObject({ ok: true, summary: { placesUpdated: 0, offersUpdated: 0, offersCreated: 0 } });
		expect((await placeRow(ccas)).version).toBe(1);
		expect(await allRows(conn, 'select id from revisions')).toEqual([]);
	});
});

describe('every other writer says where its change came from', () => {
	it('a coordinator’s edit is coordination, a rollback too; a structure’s approved proposal stays the structure’s', async () => {
		const record = (await readPlace(conn.db, ccas))!;
		const edit = await submitChange(
			conn.db,
			{ entity: 'place', entityId: ccas, actorId: record.actorId, baseVersion: record.version, after: { ...record.snapshot, phone: '03 20 11 22 33' } },
			{ user: coordinator, origin: ORIGIN }
		);
		expect(edit.kind).toBe('published');

		const member = await createUser(conn, 'accueil@ccas-roubaix.fr', 'member', [record.actorId]);
		const current = (await readPlace(conn.db, ccas))!;
		const proposal = await submitChange(
			conn.db,
			{ entity: 'place', entityId: ccas, actorId: current.actorId, baseVersion: current.version, after: { ...current.snapshot, email: 'accueil@ccas-roubaix.fr' } },
			{ user: member, origin: ORIGIN }
		);
		expect(proposal.kind).toBe('proposed');
		expect(await approveRevision(conn.db, (proposal as { revisionId: number }).revisionId, { user: coordinator, origin: ORIGIN })).toEqual({ kind: 'done' });

		const rollback = await rollbackRevision(conn.db, (edit as { revisionId: number }).revisionId, { user: coordinator, origin: ORIGIN });
		expect(rollback.kind).toBe('done');

		const rows = await revisionsOf('place', ccas);
		expect(rows.map((r) => [r.operation, r.status, r.origin, r.base_version])).toEqual([
			['update', 'published', 'coordination', 1],
			['update', 'published', 'structure', 2],
			['rollback', 'published', 'coordination', 3]
		]);
		expect((await placeRow(ccas)).version).toBe(4);
	});
});
