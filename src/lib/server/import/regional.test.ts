/**
 * Real shapes of the national data, from fixtures built out of the schema's published history
 * (fixtures/README.md): a 687-row regional extract of 2022 in the old vocabulary, 160 of its rows
 * with the old « Adhésion » fee, and an extract in the ANCT API's JSON shape.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mapSchemaRow } from '$lib/domain/national-schema';
import type { Connection } from '../db/connect';
import { allRows, geographyDatabase, oneRow } from '../testing/database';
import { importSchemaFile, type ImportReport } from './importer';

const NOW = new Date('2026-12-01T09:00:00.000Z');
const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');
const history = JSON.parse(fixture('schema-history-values.json')) as { fields: Record<string, Record<string, string[]>> };

let conn: Connection;
/** A new database with the geography, for each test of the describe blocks that import. */
function withDatabase() {
	beforeEach(async () => {
		conn = await geographyDatabase();
	});
	afterEach(async () => {
		await conn.db.destroy();
	});
}

const count = async (sql: string) => (await oneRow<{ n: number }>(conn, sql)).n;
function ok(report: ImportReport) {
	if (!report.ok) throw new Error(report.error);
	return report;
}

describe('every value of every published version of the schema is known', () => {
	// Fields whose values are free labels (kept as such) rather than an enum to recognise.
	const FREE = new Set(['formations_labels', 'labels_nationaux', 'dispositif_programmes_nationaux', 'itinerance']);
	const cases = Object.entries(history.fields)
		.filter(([field]) => !FREE.has(field))
		.flatMap(([field, values]) => Object.keys(values).map((value) => [field, value] as const));

	it.each(cases)('%s « %s »', (field, value) => {
		const base = { id: 'v', nom: 'Lieu', commune: 'Roubaix', code_postal: '59100', adresse: '1 rue X', latitude: '50.69', longitude: '3.18', date_maj: '2023-01-01' };
		const mapped = mapSchemaRow({ ...base, [field]: value });
		expect(mapped.ok && mapped.warnings).toEqual([]);
	});

	it('the national programmes of every version map to the current enum', () => {
		for (const value of [...Object.keys(history.fields.dispositif_programmes_nationaux!), 'CNFS', 'France Services', 'Point numérique CAF', 'Point relais CAF', 'Grandes écoles du numérique', 'Aidants Connect']) {
			const mapped = mapSchemaRow({ id: 'v', nom: 'L', commune: 'Roubaix', code_postal: '59100', adresse: '1 rue X', latitude: '50.69', longitude: '3.18', date_maj: '2023-01-01', labels_nationaux: value });
			expect(mapped.ok && mapped.place.programmes.length, value).toBe(1);
		}
	});
});

describe('a regional extract of 2022 in the old vocabulary', () => {
	withDatabase();
	it('imports the places of Roubaix, sets the others aside, and lists refused rows and warnings', async () => {
		const report = ok(await importSchemaFile(conn.db, 'hauts-de-france-2022.csv', fixture('hauts-de-france-2022.csv'), { now: NOW }));
		expect(report.rows).toBe(687);
		expect(report.setAside.length).toBe(573);
		expect(report.rejected.map((r) => [r.position, r.errors.map((e) => e.field)])).toEqual([
			['ligne 7', ['nom']],
			['ligne 13', ['code_postal']],
			['ligne 19', ['latitude']]
		]);
		expect(report.imported).toBe(687 - 573 - 3);
		const warned = report.warned.flatMap((r) => r.warnings.filter((w) => w.value).map((w) => `${r.position} ${w.field} ${w.value}`));
		expect(warned).toEqual(['ligne 25 services Réparer son vélo', 'ligne 31 publics_accueillis Martiens', 'ligne 37 horaires le lundi matin']);
		expect(await count('select count(*) as n from places')).toBe(report.imported);
		expect(await count("select count(*) as n from quality_flags where code = 'unknown_source_value'")).toBe(3);
		// The old « Adhésion » fee is « Gratuit sous condition » now.
		const fees = await allRows<{ fees: string }>(conn, "select distinct o.fees from offers o join places p on p.id = o.place_id where p.source_id = 'essai-2022-42'");
		expect(fees).toEqual([{ fees: '["Gratuit sous condition"]' }]);
		// Nothing outside Roubaix came in.
		expect(await count("select count(*) as n from places where lower(commune) <> 'roubaix'")).toBe(0);
	});

	it('takes the places outside the territory in when asked', async () => {
		const report = ok(await importSchemaFile(conn.db, 'hauts-de-france-2022.csv', fixture('hauts-de-france-2022.csv'), { now: NOW, includeOutside: true }));
		expect(report.setAside).toEqual([]);
		// The Lille row without a point is now refused: we do not geocode.
		expect(report.rejected.length).toBe(4);
		expect(report.imported).toBe(683);
	});

	it('re-importing the same file changes nothing', async () => {
		ok(await importSchemaFile(conn.db, 'hauts-de-france-2022.csv', fixture('hauts-de-france-2022.csv'), { now: NOW }));
		const before = await allRows(conn, 'select * from places order by id');
		const again = ok(await importSchemaFile(conn.db, 'hauts-de-france-2022.csv', fixture('hauts-de-france-2022.csv'), { now: NOW }));
		expect(again.summary).toMatchObject({ placesCreated: 0, placesUpdated: 0, offersCreated: 0, offersUpdated: 0, offersRemoved: 0 });
		expect(await allRows(conn, 'select * from places order by id')).toEqual(before);
		expect(await count('select count(*) as n from imports')).toBe(1);
	});
});

describe('an extract in the ANCT API’s JSON shape', () => {
	withDatabase();
	it('reads nested adresse, localisation, contact and presentation, and arrays for lists', async () => {
		const report = ok(await importSchemaFile(conn.db, 'anct-api-lieux.json', fixture('anct-api-lieux.json'), { now: NOW }));
		expect(report).toMatchObject({ format: 'json', rows: 45, rejected: [], warned: [] });
		expect(report.setAside.length).toBe(15);
		expect(report.imported).toBe(30);
		const place = await oneRow<Record<string, unknown>>(conn, "select * from places where source_id = 'essai-anct-1'");
		expect(place).toMatchObject({ postal_code: '59100', code_insee: '59512', commune: 'Roubaix', phone: '+33300000000', email: 'essai-1@example.org', website: 'https://example.org/essai-1' });
		expect(place.description).toBe('Ligne synthétique des tests d’import.');
	});
});
