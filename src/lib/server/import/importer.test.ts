import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../db/connect';
import { allRows, geographyDatabase, oneRow } from '../testing/database';
import { importSchemaFile, type ImportReport, type ImportSummary } from './importer';

const NOW = new Date('2026-11-25T10:00:00.000Z');
const LATER = new Date('2026-12-01T09:00:00.000Z');
const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');
const SEED_FILE = 'roubaix_lieux_mediation_numerique_2023.csv';
const seedContent = () => readFileSync(join(process.cwd(), 'db/seed', SEED_FILE), 'utf8');

const TABLES = ['areas', 'actors', 'places', 'place_areas', 'offers', 'quality_flags', 'imports'] as const;

let conn: Connection;

beforeEach(async () => {
	conn = await geographyDatabase();
});

afterEach(async () => {
	await conn.db.destroy();
});

/** Each table's key, for a stable order on both engines. */
const ORDER: Record<(typeof TABLES)[number], string> = {
	areas: 'code',
	actors: 'id',
	places: 'id',
	place_areas: 'place_id, area_code',
	offers: 'id',
	quality_flags: 'id',
	imports: 'id'
};

/** Every row of every table, in a stable order: "nothing changed" means this is equal. */
async function dump(): Promise<Record<string, unknown[]>> {
	return Object.fromEntries(await Promise.all(TABLES.map(async (t) => [t, await allRows(conn, `select * from ${t} order by ${ORDER[t]}`)])));
}

async function counts(): Promise<Record<string, number>> {
	return Object.fromEntries(
		await Promise.all(TABLES.map(async (t) => [t, (await oneRow<{ n: number }>(conn, `select count(*) as n from ${t}`)).n]))
	);
}

function summaryOf(report: ImportReport): ImportSummary {
	if (!report.ok) throw new Error(`import refused: ${report.error} ${JSON.stringify(report.rejected)}`);
	return report.summary;
}

const all = <T>(sql: string, ...params: unknown[]) => allRows<T>(conn, sql, ...params);

async function placeId(name: string): Promise<number> {
	const [row] = await all<{ id: number }>('select id from places where name = ?', name);
	if (!row) throw new Error(`no place ${name}`);
	return row.id;
}

const areasOf = async (name: string) =>
	(await all<{ area_code: string }>('select area_code from place_areas where place_id = ? order by area_code', await placeId(name))).map(
		(r) => r.area_code
	);

const flagsOf = async (name: string) =>
	(await all<{ code: string }>('select code from quality_flags where place_id = ? order by code', await placeId(name))).map((r) => r.code);

describe('importSchemaFile: a good small file', () => {
	it('creates places, offers, areas and flags', async () => {
		const report = await importSchemaFile(conn.db, 'three-places.csv', fixture('three-places.csv'), { now: NOW });
		expect(report).toEqual({
			ok: true,
			format: 'csv',
			rows: 3,
			imported: 3,
			warned: [],
			rejected: [],
			setAside: [],
			summary: {
				placesCreated: 3,
				placesUpdated: 0,
				placesUnchanged: 0,
				offersCreated: 5,
				offersUpdated: 0,
				offersRemoved: 0,
				flags: 5
			}
		});
		expect(await counts()).toMatchObject({ actors: 3, places: 3, place_areas: 12, offers: 5, quality_flags: 5, imports: 1 });

		const parkour = await oneRow(conn, "select * from places where name = 'PARKOUR 59'");
		expect(parkour).toMatchObject({
			source: 'dora',
			source_id: 'b9cf77b6-10b1-4c8c-839c-5cfe57fcedff-dora',
			address: 'Rue de Babylone',
			postal_code: '59100',
			code_insee: '59512',
			lat: 50.690383,
			lon: 3.192008,
			phone: '+33359891903',
			source_updated_on: '2022-11-22',
			created_at: NOW.toISOString(),
			updated_at: NOW.toISOString()
		});
	});

	it('computes the areas from the point: PARKOUR 59 is in IRIS « Pile Nord » and QPV QN05980M', async () => {
		await importSchemaFile(conn.db, 'three-places.csv', fixture('three-places.csv'), { now: NOW });
		expect(await areasOf('PARKOUR 59')).toEqual(['59512', '5951210', '595121003', 'QN05980M']);
		const iris = await oneRow(conn, "select name, kind from areas where code = '595121003'");
		expect(iris).toEqual({ name: 'Pile Nord', kind: 'iris' });
		expect(await areasOf('Centre social ECHO')).toEqual(['59512', '5951203', '595120301', 'QN05980M']);
		expect(await areasOf('CCAS de ROUBAIX')).toEqual(['59512', '5951204', '595120402', 'QN05980M']);
	});

	it('writes one offer per level, with the place’s themes, hours and verification date', async () => {
		await importSchemaFile(conn.db, 'three-places.csv', fixture('three-places.csv'), { now: NOW });
		const offers = await all<Record<string, unknown>>(
			`select p.name, o.level, o.level_inferred, o.remote, o.themes, o.fees, o.programmes, o.hours, o.booking_url,
			        o.status, o.languages, o.verified_at, o.verified_how, o.source_id
			   from offers o join places p on p.id = o.place_id order by o.id`
		);
		expect(offers).toEqual([
			{
				name: 'PARKOUR 59',
				level: 'learn',
				level_inferred: 0,
				remote: 0,
				themes: '["admin","everyday","jobs"]',
				fees: '[]',
				programmes: '[]',
				hours: null,
				booking_url: 'https://www.parkour59.com',
				status: 'active',
				languages: '["fr"]',
				verified_at: '2022-11-22',
				verified_how: 'import',
				source_id: 'b9cf77b6-10b1-4c8c-839c-5cfe57fcedff-dora#learn'
			},
			expect.objectContaining({ name: 'PARKOUR 59', level: 'support', level_inferred: 0 }),
			{
				name: 'Centre social ECHO',
				level: 'learn',
				level_inferred: 1,
				remote: 0,
				themes: '["everyday","culture"]',
				fees: '["Gratuit"]',
				programmes: '["Conseillers numériques"]',
				hours: null,
				booking_url: null,
				status: 'active',
				languages: '["fr"]',
				verified_at: '2022-06-23',
				verified_how: 'import',
				source_id: '62b42972dd51e705b1808a4c-mediation-numerique-conseiller-numerique#learn'
			},
			expect.objectContaining({ name: 'CCAS de ROUBAIX', level: 'learn', level_inferred: 0, hours: 'Sa 08:30-11:30' }),
			expect.objectContaining({ name: 'CCAS de ROUBAIX', level: 'support', level_inferred: 0, hours: 'Sa 08:30-11:30' })
		]);
	});

	it('raises the quality flags: stale for all three, missing hours where no hours are given', async () => {
		await importSchemaFile(conn.db, 'three-places.csv', fixture('three-places.csv'), { now: NOW });
		expect(await flagsOf('PARKOUR 59')).toEqual(['missing_hours', 'stale']);
		expect(await flagsOf('Centre social ECHO')).toEqual(['missing_hours', 'stale']);
		expect(await flagsOf('CCAS de ROUBAIX')).toEqual(['stale']);
		const stale = await oneRow(conn, "select detail from quality_flags where code = 'stale' and place_id = ?", await placeId('PARKOUR 59'));
		expect(stale).toEqual({ detail: 'Dernière mise à jour de la source le 22 novembre 2022.' });
	});

	it('imports a GeoJSON file at the points of its geometries', async () => {
		const report = await importSchemaFile(conn.db, 'places.geojson', fixture('places.geojson'), { now: NOW });
		expect(report).toMatchObject({ ok: true, format: 'geojson', rows: 2, summary: { placesCreated: 2, offersCreated: 2 } });
		expect(await oneRow(conn, "select lat, lon from places where source_id = 'geo-1'")).toEqual({
			lat: 50.687512,
			lon: 3.176129
		});
		expect(await areasOf("B'CoWorker Roubaix")).toContain('595120603');
		expect(await areasOf('la bobine')).toContain('595120601');
	});
});

describe('importSchemaFile: importing again', () => {
	it('the same file changes nothing and records no import', async () => {
		summaryOf(await importSchemaFile(conn.db, 'three-places.csv', fixture('three-places.csv'), { now: NOW }));
		const before = await dump();
		const report = await importSchemaFile(conn.db, 'three-places.csv', fixture('three-places.csv'), { now: LATER });
		expect(summaryOf(report)).toEqual({
			placesCreated: 0,
			placesUpdated: 0,
			placesUnchanged: 3,
			offersCreated: 0,
			offersUpdated: 0,
			offersRemoved: 0,
			flags: 5
		});
		expect(await dump()).toEqual(before);
		expect((await counts()).imports).toBe(1);
		const stamps = await all<{ updated_at: string }>('select updated_at from places union all select updated_at from offers');
		expect(stamps).toHaveLength(8);
		expect(stamps.every((s) => s.updated_at === NOW.toISOString())).toBe(true);
	});

	it('a new phone number updates that place only', async () => {
		summaryOf(await importSchemaFile(conn.db, 'three-places.csv', fixture('three-places.csv'), { now: NOW }));
		const content = fixture('three-places.csv');
		expect(content.split('+33359891903')).toHaveLength(2);
		const changed = content.replace('+33359891903', '+33320000000');
		const report = await importSchemaFile(conn.db, 'three-places.csv', changed, { now: LATER });
		expect(summaryOf(report)).toEqual({
			placesCreated: 0,
			placesUpdated: 1,
			placesUnchanged: 2,
			offersCreated: 0,
			offersUpdated: 0,
			offersRemoved: 0,
			flags: 5
		});
		expect(await all('select name, phone, updated_at from places order by id')).toEqual([
			{ name: 'PARKOUR 59', phone: '+33320000000', updated_at: LATER.toISOString() },
			{ name: 'Centre social ECHO', phone: null, updated_at: NOW.toISOString() },
			{ name: 'CCAS de ROUBAIX', phone: '+33320815757', updated_at: NOW.toISOString() }
		]);
		expect((await all<{ updated_at: string }>('select updated_at from offers')).every((o) => o.updated_at === NOW.toISOString())).toBe(true);
		expect(await counts()).toMatchObject({ places: 3, offers: 5, place_areas: 12, imports: 2 });
	});

	it('a place that gains a modality gets its declared offers in place of the inferred one', async () => {
		summaryOf(await importSchemaFile(conn.db, 'three-places.csv', fixture('three-places.csv'), { now: NOW }));
		// Centre social ECHO had no modality (learn inferred); now it declares one-to-one help only.
		const changed = fixture('three-places.csv').replace(
			'Gratuit : Je peux accéder gratuitement au lieu et à ses services,CNFS,,,',
			"Gratuit : Je peux accéder gratuitement au lieu et à ses services,CNFS,Avec de l'aide : je suis accompagné seul dans l'usage du numérique,,"
		);
		expect(changed).not.toBe(fixture('three-places.csv'));
		const report = await importSchemaFile(conn.db, 'three-places.csv', changed, { now: LATER });
		expect(summaryOf(report)).toMatchObject({ placesUnchanged: 3, offersCreated: 1, offersRemoved: 1, offersUpdated: 0 });
		expect(await all('select level, level_inferred from offers where place_id = ? order by id', await placeId('Centre social ECHO'))
		).toEqual([{ level: 'support', level_inferred: 0 }]);
	});
});

describe('importSchemaFile: a bad row is refused alone', () => {
	it('lists every refused row with its line and fields, takes the rest in with its warnings', async () => {
		const report = await importSchemaFile(conn.db, 'broken.csv', fixture('broken.csv'), { now: LATER });
		expect(report).toMatchObject({
			ok: true,
			rows: 4,
			imported: 2,
			rejected: [
				{
					// The good row's description spans lines 2 and 3.
					position: 'ligne 4',
					errors: [
						{ field: 'nom', reason: 'nom est obligatoire' },
						{ field: 'code_postal', reason: 'code postal sur 5 chiffres attendu' },
						{ field: 'latitude', reason: 'latitude doit être un nombre' }
					]
				},
				{ position: 'ligne 6', errors: [{ field: 'latitude', reason: 'latitude hors des bornes (-90 à 90)' }] }
			],
			warned: [
				{
					position: 'ligne 5',
					name: 'Caf du Nord',
					warnings: [
						{ field: 'services', reason: 'valeur inconnue « Faire du vélo »', value: 'Faire du vélo' },
						{ field: 'horaires', reason: 'horaires OSM illisibles « lundi 9h »', value: 'lundi 9h' },
						{ field: 'prise_rdv', reason: 'adresse web invalide « www.caf.fr »', value: 'www.caf.fr' }
					]
				}
			],
			setAside: []
		});
		// The raw values are kept beside the place, and flagged for the coordinator.
		expect(await all('select field, value from place_unknown_values order by id')).toEqual([
			{ field: 'services', value: 'Faire du vélo' },
			{ field: 'horaires', value: 'lundi 9h' },
			{ field: 'prise_rdv', value: 'www.caf.fr' }
		]);
		expect(await all("select detail from quality_flags where code = 'unknown_source_value'")).toEqual([
			{ detail: 'Valeur de la source non reconnue : « Faire du vélo » (services), « lundi 9h » (horaires), « www.caf.fr » (prise_rdv).' }
		]);
		// Re-importing the same file changes nothing.
		const before = await dump();
		expect(summaryOf(await importSchemaFile(conn.db, 'broken.csv', fixture('broken.csv'), { now: LATER }))).toMatchObject({
			placesCreated: 0,
			placesUpdated: 0,
			placesUnchanged: 2
		});
		expect(await dump()).toEqual(before);
	});

	it('a file whose every row is refused writes nothing', async () => {
		const before = await counts();
		const report = await importSchemaFile(conn.db, 'bad.csv', 'id,nom,commune,code_postal,adresse,latitude,longitude\nx,,Roubaix,59100,1 rue X,50.69,3.18\n', { now: NOW });
		expect(report).toEqual({
			ok: false,
			error: '1 ligne(s) refusée(s) sur 1 : aucun lieu à importer.',
			rows: 1,
			rejected: [{ position: 'ligne 2', errors: [{ field: 'nom', reason: 'nom est obligatoire' }] }]
		});
		expect(await counts()).toEqual(before);
	});

	it('refuses the second use of an id, naming the first, and takes the others', async () => {
		const report = await importSchemaFile(conn.db, 'duplicate-ids.csv', fixture('duplicate-ids.csv'), { now: NOW });
		expect(report).toMatchObject({
			ok: true,
			rows: 3,
			imported: 2,
			rejected: [{ position: 'ligne 4', errors: [{ field: 'id', reason: 'identifiant déjà utilisé (ligne 2)' }] }]
		});
	});

	it.each([
		['vide.csv', '', 'Le fichier est vide.'],
		['entete.csv', 'id,nom,adresse\n', 'Le fichier ne contient aucun lieu.'],
		['autre.csv', 'code;libelle\n1;x\n', 'En-tête inattendu : les colonnes « id » et « nom » du schéma des lieux de médiation numérique sont attendues (séparateur détecté : « ; »).']
	])('%s is refused with « %s »', async (name, content, error) => {
		const before = await counts();
		expect(await importSchemaFile(conn.db, name, content, { now: NOW })).toEqual({ ok: false, error, rows: 0, rejected: [] });
		expect(await counts()).toEqual(before);
	});
});

describe('importSchemaFile: the real 2023 file', () => {
	it('imports 39 places and 63 offers, and flags what is doubtful', async () => {
		const report = await importSchemaFile(conn.db, SEED_FILE, seedContent(), { now: NOW });
		expect(report).toMatchObject({
			ok: true,
			format: 'csv',
			rows: 39,
			summary: {
				placesCreated: 39,
				placesUpdated: 0,
				placesUnchanged: 0,
				offersCreated: 63,
				offersUpdated: 0,
				offersRemoved: 0
			}
		});
		expect(summaryOf(report).flags).toBe((await counts()).quality_flags);
		expect(await counts()).toMatchObject({ places: 39, offers: 63 });

		// Levels: 23 offers declared, 39 inferred (22 places), 1 « à préciser » (La maison d'Alfred).
		expect(await all("select level, level_inferred, count(*) as n from offers group by level, level_inferred order by coalesce(level, ''), level_inferred")).toEqual([
			{ level: null, level_inferred: 0, n: 1 },
			{ level: 'discover', level_inferred: 1, n: 13 },
			{ level: 'learn', level_inferred: 0, n: 9 },
			{ level: 'learn', level_inferred: 1, n: 12 },
			{ level: 'reinforced', level_inferred: 1, n: 4 },
			{ level: 'support', level_inferred: 0, n: 14 },
			{ level: 'support', level_inferred: 1, n: 10 }
		]);
		expect(await all("select p.name from offers o join places p on p.id = o.place_id where o.level is null")).toEqual([
			{ name: "La maison d'Alfred" }
		]);

		const placesWith = async (code: string) =>
			(await all<{ n: number }>('select count(distinct place_id) as n from quality_flags where code = ?', code))[0]!.n;
		expect(await placesWith('stale')).toBe(39);
		expect(await placesWith('missing_hours')).toBe(35);
		expect(await placesWith('outside_commune')).toBe(0);

		// 9 RUE PELLART is placed 893 m from rue Pellart. (« 17 GRD PLACE » should be a fourth, see streets.test.ts.)
		expect(await flagsOf('CCAS de Roubaix')).toContain('far_from_street');
		expect(await flagsOf('CCAS de ROUBAIX')).not.toContain('far_from_street');
		expect(await all("select p.name from quality_flags f join places p on p.id = f.place_id where f.code = 'far_from_street'")
		).toEqual(
			expect.arrayContaining([{ name: 'CCAS de Roubaix' }, { name: 'France services de Roubaix-Epeule' }, { name: 'Humanis / Ville de Roubaix' }])
		);
		// 10 pairs, each flagged on both places: the four at 71 avenue de Verdun make 6 of them.
		expect(await all("select count(*) as n from quality_flags where code = 'probable_duplicate'")).toEqual([{ n: 20 }]);

		const verdun = await all<{ id: number; name: string }>("select id, name from places where lower(address) like '71 % de verdun' order by id");
		expect(verdun.map((p) => p.name)).toEqual([
			'Emmaüs Connect',
			'CPAM de Roubaix Tourcoing',
			'MAIRIE DE ROUBAIX QUARTIER DES 3 PONTS',
			'France services Mairie de Roubaix Quartier des 3 Ponts'
		]);
		for (const p of verdun) {
			const related = (await all<{ related_place_id: number }>(
				"select related_place_id from quality_flags where place_id = ? and code = 'probable_duplicate' order by related_place_id",
				p.id
			)).map((r) => r.related_place_id);
			expect(related).toEqual(verdun.map((o) => o.id).filter((id) => id !== p.id));
		}

		const hoursKnown = await all("select name from places where id not in (select place_id from quality_flags where code = 'missing_hours') order by name");
		expect(hoursKnown).toEqual([
			{ name: 'CCAS de ROUBAIX' },
			{ name: 'CCAS de Roubaix' },
			{ name: 'France services Mairie de Roubaix Quartier des 3 Ponts' },
			{ name: 'Humanis / Ville de Roubaix' }
		]);
	});

	it('importing the real file twice changes nothing the second time', async () => {
		summaryOf(await importSchemaFile(conn.db, SEED_FILE, seedContent(), { now: NOW }));
		const before = await dump();
		const summary = summaryOf(await importSchemaFile(conn.db, SEED_FILE, seedContent(), { now: LATER }));
		expect(summary).toMatchObject({ placesCreated: 0, placesUpdated: 0, placesUnchanged: 39, offersCreated: 0, offersUpdated: 0, offersRemoved: 0 });
		expect(await dump()).toEqual(before);
	});

	it('after the small file, the real file creates only the 36 other places', async () => {
		summaryOf(await importSchemaFile(conn.db, 'three-places.csv', fixture('three-places.csv'), { now: NOW }));
		const summary = summaryOf(await importSchemaFile(conn.db, SEED_FILE, seedContent(), { now: LATER }));
		expect(summary).toMatchObject({ placesCreated: 36, placesUpdated: 0, placesUnchanged: 3, offersCreated: 58, offersUpdated: 0 });
		expect(await counts()).toMatchObject({ places: 39, offers: 63, imports: 2 });
	});
});

describe('importSchemaFile: rows with the `_roubaix` extension (our own export.json)', () => {
	const offer = (changes: Record<string, unknown>) => ({
		level: 'support',
		level_inferred: false,
		remote: false,
		themes: ['admin'],
		tags: [],
		publics: [],
		specific_support: [],
		fees: ['Gratuit'],
		access_modes: [],
		programmes: [],
		other_labels: [],
		languages: ['fr'],
		hours: null,
		booking_url: null,
		status: 'active',
		closed_from: null,
		closed_until: null,
		closure_message: null,
		description: null,
		verified_at: '2026-11-20T08:00:00.000Z',
		verified_how: 'structure',
		...changes
	});
	const row = (extension: unknown) => ({
		id: 'roubaix-12',
		pivot: '00000000000000',
		nom: 'Espace numérique du Cap',
		commune: 'Roubaix',
		code_postal: '59100',
		code_insee: '59512',
		adresse: '12 rue de l’Épeule',
		latitude: 50.6889,
		longitude: 3.1655,
		telephone: '+33320000001',
		source: 'Ville de Roubaix',
		date_maj: '2026-11-20',
		services: 'Aide aux démarches administratives',
		modalites_accompagnement: 'Accompagnement individuel|À distance',
		_roubaix: extension
	});
	const file = (extension: unknown) => JSON.stringify({ schema: 'x', licence: 'Licence Ouverte 2.0', data: [row(extension)] });
	const EXTENSION = {
		place: { phone: '03 20 00 00 01', code_insee: null },
		offers: [
			offer({ remote: true, hours: 'Mo-Fr 09:00-12:00', languages: ['fr', 'ar'] }),
			offer({ level: 'support', status: 'temporarily_closed', closed_from: '2026-12-01', closure_message: 'Travaux' }),
			offer({ level: 'reinforced', programmes: ['Aidants Connect'], level_inferred: true, verified_at: '2026-11-20', verified_how: 'import' })
		]
	};

	it('writes each offer exactly as the extension says, two of one level included', async () => {
		summaryOf(await importSchemaFile(conn.db, 'export.json', file(EXTENSION), { now: NOW }));
		expect(await all('select phone, code_insee, source, source_id from places')).toEqual([
			{ phone: '03 20 00 00 01', code_insee: null, source: 'Ville de Roubaix', source_id: 'roubaix-12' }
		]);
		expect(await all(
				`select level, level_inferred, remote, languages, hours, status, closed_from, closure_message, programmes, verified_at, verified_how, source_id
				   from offers order by id`
			)
		).toEqual([
			{
				level: 'support',
				level_inferred: 0,
				remote: 1,
				languages: '["fr","ar"]',
				hours: 'Mo-Fr 09:00-12:00',
				status: 'active',
				closed_from: null,
				closure_message: null,
				programmes: '[]',
				verified_at: '2026-11-20T08:00:00.000Z',
				verified_how: 'structure',
				source_id: 'roubaix-12#support'
			},
			expect.objectContaining({ level: 'support', status: 'temporarily_closed', closed_from: '2026-12-01', closure_message: 'Travaux', source_id: 'roubaix-12#support-2' }),
			expect.objectContaining({ level: 'reinforced', level_inferred: 1, programmes: '["Aidants Connect"]', verified_how: 'import', source_id: 'roubaix-12#reinforced' })
		]);
	});

	it('importing it again changes nothing; a changed offer is updated in place', async () => {
		summaryOf(await importSchemaFile(conn.db, 'export.json', file(EXTENSION), { now: NOW }));
		const before = await dump();
		expect(summaryOf(await importSchemaFile(conn.db, 'export.json', file(EXTENSION), { now: LATER }))).toMatchObject({
			placesUnchanged: 1,
			offersCreated: 0,
			offersUpdated: 0,
			offersRemoved: 0
		});
		expect(await dump()).toEqual(before);
		const reopened = { ...EXTENSION, offers: [EXTENSION.offers[0], { ...EXTENSION.offers[1], status: 'active', closed_from: null, closure_message: null }] };
		expect(summaryOf(await importSchemaFile(conn.db, 'export.json', file(reopened), { now: LATER }))).toMatchObject({
			offersCreated: 0,
			offersUpdated: 1,
			offersRemoved: 1
		});
	});

	it('a bad extension rejects its row with French reasons, and writes nothing', async () => {
		const before = await dump();
		const report = await importSchemaFile(conn.db, 'export.json', file({ offers: [offer({ level: 'expert', languages: 'fr' })] }), { now: NOW });
		expect(report).toEqual({
			ok: false,
			error: '1 ligne(s) refusée(s) sur 1 : aucun lieu à importer.',
			rows: 1,
			rejected: [
				{
					position: 'entrée 1',
					errors: [
						{ field: '_roubaix', reason: 'offers[0].level : valeur inconnue « expert »' },
						{ field: '_roubaix', reason: 'offers[0].languages : type inattendu (array attendu)' }
					]
				}
			]
		});
		expect(await dump()).toEqual(before);
	});
});
