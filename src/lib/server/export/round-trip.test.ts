import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../db/connect';
import { importSchemaFile, type ImportReport } from '../import/importer';
import { allRows, geographyDatabase, seededDatabase } from '../testing/database';
import { exportDirectory } from './directory';
import { CHANGED_HOURS, editedDirectory, LOCAL_PLACE_NAME, NOW, type EditedDirectory } from './edited-directory';
import { toCsv, toGeoJson, toJson } from './formats';

/**
 * Export, then import into an empty database: the same directory. "The directory" is what the
 * public sees — places with at least one offer that is not permanently closed, and those offers —
 * compared field by field, with everything computed from them (areas, quality flags). The one
 * field that changes on purpose is the source's date: the new database's source is our export, and
 * its date is the export's `date_maj`.
 */

interface PlaceRow {
	id: number;
	[key: string]: unknown;
}

const PLACE_FIELDS = [
	'name',
	'address',
	'address_complement',
	'postal_code',
	'commune',
	'lat',
	'lon',
	'phone',
	'email',
	'website',
	'description',
	'code_insee'
] as const;
const OFFER_FIELDS = [
	'level',
	'level_inferred',
	'remote',
	'themes',
	'tags',
	'publics',
	'specific_support',
	'fees',
	'access_modes',
	'programmes',
	'other_labels',
	'languages',
	'hours',
	'booking_url',
	'description',
	'status',
	'closed_from',
	'closed_until',
	'closure_message',
	'verified_at',
	'verified_how'
] as const;

/** A view of the directory without ids or import timestamps, in a stable order. */
async function directoryView(conn: Connection) {
	const places = await allRows<PlaceRow>(conn, 'select * from places');
	const offers = await allRows<PlaceRow & { place_id: number; status: string }>(conn, "select * from offers where place_id is not null and status != 'closed'");
	const areas = await allRows<{ place_id: number; area_code: string }>(conn, 'select * from place_areas order by area_code');
	const flags = await allRows<{ place_id: number; code: string }>(conn, 'select * from quality_flags order by code');
	const pick = <K extends string>(row: Record<string, unknown>, keys: readonly K[]) =>
		Object.fromEntries(keys.map((k) => [k, row[k]])) as Record<K, unknown>;
	return places
		.map((p) => ({
			...pick(p, PLACE_FIELDS),
			areas: areas.filter((a) => a.place_id === p.id).map((a) => a.area_code),
			flags: flags.filter((f) => f.place_id === p.id).map((f) => f.code),
			offers: offers
				.filter((o) => o.place_id === p.id)
				.map((o) => JSON.stringify(pick(o, OFFER_FIELDS)))
				.sort()
				.map((o) => JSON.parse(o) as Record<string, unknown>)
		}))
		.filter((p) => p.offers.length > 0)
		.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

function accepted(report: ImportReport) {
	if (!report.ok) throw new Error(`import refused: ${report.error} ${JSON.stringify(report.rejected, null, 1)}`);
	return report.summary;
}

let edited: EditedDirectory;
let target: Connection;

beforeEach(async () => {
	edited = await editedDirectory();
	target = await geographyDatabase();
});

afterEach(async () => {
	await edited.conn.db.destroy();
	await target.db.destroy();
});

describe('round trip: export.json into an empty database', () => {
	it('gives the same directory, local edits included', async () => {
		const source = await directoryView(edited.conn);
		// The edits are there to be carried: a sanity check of the fixture itself.
		expect(source).toHaveLength(39);
		expect(JSON.stringify(source)).toContain(CHANGED_HOURS);
		expect(JSON.stringify(source)).toContain('temporarily_closed');
		expect(source.find((p) => p.name === LOCAL_PLACE_NAME)?.phone).toBe('03 20 00 00 01');

		const { rows } = await exportDirectory(edited.conn.db);
		const summary = accepted(await importSchemaFile(target.db, 'export.json', toJson(rows), { now: NOW }));
		expect(summary).toMatchObject({ placesCreated: 39, placesUpdated: 0, offersRemoved: 0 });

		expect(await directoryView(target)).toEqual(source);
	});

	it('keeps the inferred levels inferred, and a declared level 4 beside an inferred one', async () => {
		const { rows } = await exportDirectory(edited.conn.db);
		accepted(await importSchemaFile(target.db, 'export.json', toJson(rows), { now: NOW }));
		const levels = async (conn: Connection) => await allRows<{ level: string | null; level_inferred: number }>(
				conn,
				"select level, level_inferred from offers o join places p on p.id = o.place_id where p.name = 'CCAS de Roubaix' order by level, level_inferred"
			);
		expect(await levels(target)).toEqual(await levels(edited.conn));
		expect(await levels(target)).toEqual(expect.arrayContaining([{ level: 'reinforced', level_inferred: 0 }, { level: 'reinforced', level_inferred: 1 }]));
	});

	it('takes date_maj as the source date: the latest update, a permanent closure included', async () => {
		const { rows } = await exportDirectory(edited.conn.db);
		accepted(await importSchemaFile(target.db, 'export.json', toJson(rows), { now: NOW }));
		const dates = await allRows<{ name: string; source_updated_on: string }>(target, 'select name, source_updated_on from places order by id');
		const byId = new Map(rows.map((r) => [r.row.nom, r.row.date_maj]));
		for (const d of dates) expect(d.source_updated_on, d.name).toBe(byId.get(d.name));
		// PARKOUR 59 had one offer closed for good today: its record is today's, and not stale.
		expect(byId.get('PARKOUR 59')).toBe('2026-11-25');
	});

	it('is stable: exporting the imported directory gives the same bytes', async () => {
		const first = toJson((await exportDirectory(edited.conn.db)).rows);
		accepted(await importSchemaFile(target.db, 'export.json', first, { now: NOW }));
		const second = toJson((await exportDirectory(target.db)).rows);
		expect(second).toBe(first);
	});

	it('the GeoJSON export is accepted by the importer too (lossy: no extension), with the same places', async () => {
		const { rows } = await exportDirectory(edited.conn.db);
		const summary = accepted(await importSchemaFile(target.db, 'export.geojson', toGeoJson(rows), { now: NOW }));
		expect(summary.placesCreated).toBe(39);
	});
});

describe('round trip: the CSV is strictly the schema (lossy), and valid', () => {
	it('imports into an empty database: same places and points, levels only where declared', async () => {
		const { rows } = await exportDirectory(edited.conn.db);
		const summary = accepted(await importSchemaFile(target.db, 'export.csv', toCsv(rows), { now: NOW }));
		expect(summary.placesCreated).toBe(39);
		const points = (list: { name: unknown; lat: unknown; lon: unknown }[]) =>
			list.map((p) => `${String(p.name)} @ ${String(p.lat)},${String(p.lon)}`).sort();
		expect(points(await allRows(target, 'select name, lat, lon from places'))).toEqual(points(await directoryView(edited.conn)));
		// What the CSV cannot say: the closure, and one offer per place and level.
		expect(await allRows(target, "select id from offers where status != 'active'")).toEqual([]);
		// Level 4 is written as individual support; its Aidants Connect programme gives it back.
		expect(await allRows(target, "select level, level_inferred from offers o join places p on p.id = o.place_id where p.name = 'CCAS de Roubaix' order by level")
		).toEqual([
			{ level: 'learn', level_inferred: 0 },
			{ level: 'reinforced', level_inferred: 0 },
			{ level: 'support', level_inferred: 0 }
		]);
	});
});

describe('re-importing our own export', () => {
	it('of the seeded data into the same database changes nothing', async () => {
		const conn = await seededDatabase();
		try {
			const before = await allRows(conn, 'select * from offers order by id');
			const { rows } = await exportDirectory(conn.db);
			const summary = accepted(await importSchemaFile(conn.db, 'export.json', toJson(rows), { now: NOW }));
			expect(summary).toMatchObject({ placesCreated: 0, placesUpdated: 0, placesUnchanged: 39, offersCreated: 0, offersUpdated: 0, offersRemoved: 0 });
			expect(await allRows(conn, 'select * from offers order by id')).toEqual(before);
		} finally {
			await conn.db.destroy();
		}
	});
});

describe('our own export comes back as itself', () => {
	it('into the database that holds it, the places created here match by their exported ids', async () => {
		const { conn, localPlace } = await editedDirectory();
		try {
			const before = await allRows(conn, 'select * from places order by id');
			const offersBefore = await allRows(conn, 'select * from offers order by id');
			const { rows } = await exportDirectory(conn.db);
			expect(rows.some((r) => r.row.id === `roubaix-${localPlace}`)).toBe(true);
			const summary = accepted(await importSchemaFile(conn.db, 'export.json', toJson(rows), { now: NOW }));
			expect(summary).toMatchObject({ placesCreated: 0, offersCreated: 0 });
			expect(await allRows(conn, 'select * from places order by id')).toHaveLength(before.length);
			expect(await allRows(conn, "select * from places where source = 'local'")).toHaveLength(1);
			expect(await allRows(conn, 'select * from offers order by id')).toHaveLength(offersBefore.length);
		} finally {
			await conn.db.destroy();
		}
	});
});
