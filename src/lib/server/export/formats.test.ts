import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_KEY } from '$lib/domain/national-schema';
import { exportDirectory } from './directory';
import { editedDirectory, LOCAL_DESCRIPTION, LOCAL_PLACE_NAME, type EditedDirectory } from './edited-directory';
import type { ExportRow } from './fold';
import { csvCell, toCsv, toGeoJson, toJson } from './formats';
import { ATTRIBUTION, LICENCE_NAME, SCHEMA_COLUMNS, SCHEMA_URL } from './schema';

let edited: EditedDirectory;
let rows: ExportRow[];

beforeAll(async () => {
	edited = await editedDirectory();
	rows = (await exportDirectory(edited.conn.db)).rows;
});

afterAll(async () => {
	await edited.conn.db.destroy();
});

describe('export.csv: what a spreadsheet opens by a double click', () => {
	it('starts with a UTF-8 byte order mark, then the schema’s columns in its order, separated by « ; »', () => {
		const csv = toCsv(rows);
		const bytes = new TextEncoder().encode(csv);
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const header = csv.slice(1, csv.indexOf('\r\n'));
		expect(header.split(';')).toEqual([...SCHEMA_COLUMNS]);
		expect(header).toBe(
			'id;pivot;nom;commune;code_postal;code_insee;adresse;complement_adresse;latitude;longitude;typologie;telephone;courriels;site_web;horaires;presentation_resume;presentation_detail;source;itinerance;structure_parente;date_maj;services;publics_specifiquement_adresses;prise_en_charge_specifique;frais_a_charge;dispositif_programmes_nationaux;formations_labels;autres_formations_labels;modalites_acces;modalites_accompagnement;fiche_acces_libre;prise_rdv'
		);
	});

	it('ends every line with CRLF, a line break inside a cell being quoted', () => {
		const csv = toCsv(rows);
		expect(csv.endsWith('\r\n')).toBe(true);
		// Outside quoted cells there is no bare LF: parse and count records.
		const parsed = Papa.parse<string[]>(csv.slice(1), { delimiter: ';', newline: '\r\n' });
		expect(parsed.errors).toEqual([]);
		expect(parsed.data.filter((r) => r.length > 1)).toHaveLength(rows.length + 1);
	});

	it('quotes cells holding « ; », quotes or line breaks, doubling the quotes', () => {
		expect(csvCell('a;b')).toBe('"a;b"');
		expect(csvCell('dit "oui"')).toBe('"dit ""oui"""');
		expect(csvCell('ligne 1\nligne 2')).toBe('"ligne 1\nligne 2"');
		expect(csvCell('ligne 1\r\nligne 2')).toBe('"ligne 1\r\nligne 2"');
		expect(csvCell(' espace ')).toBe('" espace "');
		expect(csvCell('Aide aux démarches administratives|Jeunes')).toBe('Aide aux démarches administratives|Jeunes');
		expect(csvCell(50.69)).toBe('50.69');
		expect(csvCell(undefined)).toBe('');
	});

	it('reads back, cell for cell, as the rows: accents, separators and quotes intact', () => {
		const parsed = Papa.parse<Record<string, string>>(toCsv(rows).replace(/^\uFEFF/, ''), { header: true, delimiter: ';', skipEmptyLines: true });
		expect(parsed.errors).toEqual([]);
		expect(parsed.meta.fields).toEqual([...SCHEMA_COLUMNS]);
		expect(parsed.data).toHaveLength(rows.length);
		for (const [i, { row }] of rows.entries()) {
			const cells = parsed.data[i]!;
			for (const column of SCHEMA_COLUMNS) expect(cells[column], `${row.id} ${column}`).toBe(row[column] === undefined ? '' : String(row[column]));
		}
		const local = parsed.data.find((r) => r.nom === LOCAL_PLACE_NAME)!;
		expect(local.presentation_detail).toBe(LOCAL_DESCRIPTION);
		expect(local.nom).toContain('« Le Cap » ;');
		expect(parsed.data.some((r) => r.nom === 'Emmaüs Connect')).toBe(true);
	});

	it('lists inside a cell are joined with « | », as the schema says', () => {
		const ccas = rows.find(({ row }) => row.nom === 'CCAS de Roubaix')!.row;
		expect(toCsv(rows)).toContain(`;${ccas.dispositif_programmes_nationaux};`);
		expect(ccas.dispositif_programmes_nationaux).toBe('Aidants Connect|Conseillers numériques|France Services');
	});
});

describe('export.csv: no formula runs when the file is opened (OWASP CSV injection)', () => {
	const DANGEROUS = ['=HYPERLINK("https://evil.example";"Cliquez")', '+SUM(1+1)*cmd|\' /C calc\'!A0', '-2+3+cmd|\' /C calc\'!A0', '@SUM(A1:A9)', '\t=1+1', '\r=1+1'];

	it('prefixes a text cell starting with =, +, -, @, a tab or a CR with an apostrophe', () => {
		for (const text of DANGEROUS) {
			const cell = csvCell(text);
			const unquoted = cell.startsWith('"') ? cell.slice(1, -1).replaceAll('""', '"') : cell;
			expect(unquoted, text).toBe(`'${text}`);
		}
	});

	it('leaves numbers and phone numbers as they are: digits cannot call a function or name a cell', () => {
		expect(csvCell('+33 3 20 00 00 00')).toBe('+33 3 20 00 00 00');
		expect(csvCell('+33320000000')).toBe('+33320000000');
		expect(csvCell('-3,5')).toBe('-3,5');
		expect(csvCell(-3.5)).toBe('-3.5');
		expect(csvCell('+33 (0)3 20 00 00 00')).toBe('+33 (0)3 20 00 00 00');
	});

	it('neutralises an edited description in the whole export, while JSON and GeoJSON keep the text as it is', () => {
		const formula = '=HYPERLINK("https://evil.example";"Cliquez ici")';
		const tampered = rows.map((r, i) => (i === 0 ? { ...r, row: { ...r.row, presentation_resume: formula, nom: '@nom' } } : r));
		const parsed = Papa.parse<Record<string, string>>(toCsv(tampered).replace(/^\uFEFF/, ''), { header: true, delimiter: ';', skipEmptyLines: true });
		expect(parsed.data[0]!.presentation_resume).toBe(`'${formula}`);
		expect(parsed.data[0]!.nom).toBe("'@nom");
		const json = JSON.parse(toJson(tampered)) as { data: Record<string, unknown>[] };
		expect(json.data[0]!.presentation_resume).toBe(formula);
		const geojson = JSON.parse(toGeoJson(tampered)) as { features: { properties: Record<string, unknown> }[] };
		expect(geojson.features[0]!.properties.presentation_resume).toBe(formula);
		expect(geojson.features[0]!.properties.nom).toBe('@nom');
	});
});

describe('export.json and export.geojson', () => {
	it('export.json: schema, licence, attribution, then the rows, each with its `_roubaix` extension', () => {
		const document = JSON.parse(toJson(rows)) as Record<string, unknown> & { data: Record<string, unknown>[] };
		expect(document).toMatchObject({ schema: SCHEMA_URL, licence: LICENCE_NAME, attribution: ATTRIBUTION });
		expect(document.data).toHaveLength(rows.length);
		for (const [i, item] of document.data.entries()) {
			const { [EXTENSION_KEY]: extension, ...row } = item;
			expect(row).toEqual(rows[i]!.row);
			expect(extension).toEqual(JSON.parse(JSON.stringify(rows[i]!.extension)));
			// The schema's columns first, in its order; the extension last.
			expect(Object.keys(item).at(-1)).toBe(EXTENSION_KEY);
			const keys = Object.keys(row);
			expect(keys).toEqual(SCHEMA_COLUMNS.filter((c) => keys.includes(c)));
		}
	});

	it('export.geojson: one point per row, the row as properties, without the extension', () => {
		const collection = JSON.parse(toGeoJson(rows)) as {
			type: string;
			licence: string;
			features: { type: string; id: string; geometry: { type: string; coordinates: [number, number] }; properties: Record<string, unknown> }[];
		};
		expect(collection.type).toBe('FeatureCollection');
		expect(collection.licence).toBe(LICENCE_NAME);
		expect(collection.features).toHaveLength(rows.length);
		for (const [i, feature] of collection.features.entries()) {
			const { row } = rows[i]!;
			expect(feature).toMatchObject({ type: 'Feature', id: row.id, geometry: { type: 'Point', coordinates: [row.longitude, row.latitude] } });
			expect(feature.properties).toEqual(row);
			expect(feature.properties[EXTENSION_KEY]).toBeUndefined();
		}
	});
});
