import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSchemaFile, type ReadResult, type SourceRow } from './read-file';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');

function rowsOf(result: ReadResult): SourceRow[] {
	if (!result.ok) throw new Error(`read failed: ${result.error}`);
	return result.rows;
}

function errorOf(result: ReadResult): string {
	if (result.ok) throw new Error('read succeeded, expected an error');
	return result.error;
}

/** Header on line 1; the third record holds the separator in its address and a newline in its description. */
const COMMA_CSV = [
	'id,nom,adresse,presentation_resume',
	'a1,Lieu A,1 rue de Lille,simple',
	'a2,Lieu B,"2 rue de Croix, bâtiment B","première ligne',
	'seconde ligne"',
	'a3,Lieu C,3 rue Pellart,fin',
	''
].join('\n');

describe('readSchemaFile: CSV', () => {
	it.each([
		['comma, LF', COMMA_CSV],
		['comma, CRLF', COMMA_CSV.replace(/\n/g, '\r\n')],
		['comma, BOM', '\uFEFF' + COMMA_CSV],
		['semicolon, LF', COMMA_CSV.replace(/,/g, ';')],
		['semicolon, BOM and CRLF', '\uFEFF' + COMMA_CSV.replace(/,/g, ';').replace(/\n/g, '\r\n')]
	])('%s: reads every record with its values and the line a person would look at', (_label, content) => {
		const result = readSchemaFile('lieux.csv', content);
		expect(result.ok && result.format).toBe('csv');
		const rows = rowsOf(result);
		expect(rows).toHaveLength(3);
		const separator = content.includes(';') ? ';' : ',';
		const newline = content.includes('\r\n') ? '\r\n' : '\n';
		expect(rows[0]).toEqual({
			position: 'ligne 2',
			values: { id: 'a1', nom: 'Lieu A', adresse: '1 rue de Lille', presentation_resume: 'simple' }
		});
		expect(rows[1]!.values).toEqual({
			id: 'a2',
			nom: 'Lieu B',
			adresse: `2 rue de Croix${separator} bâtiment B`,
			presentation_resume: `première ligne${newline}seconde ligne`
		});
		// The quoted newline takes one more line: the record after it is on line 5, not 4.
		expect(rows[2]).toEqual({
			position: 'ligne 5',
			values: { id: 'a3', nom: 'Lieu C', adresse: '3 rue Pellart', presentation_resume: 'fin' }
		});
	});

	it('keeps line numbers right across blank lines', () => {
		const rows = rowsOf(readSchemaFile('lieux.csv', 'id,nom\n\n\na1,Lieu A\n\na2,Lieu B'));
		expect(rows.map((r) => [r.position, r.values.id])).toEqual([
			['ligne 4', 'a1'],
			['ligne 6', 'a2']
		]);
	});

	it('keeps line numbers right after several multi-line cells', () => {
		const content = 'id;nom;presentation_resume\r\nb1;Un;"a\r\nb\r\nc"\r\nb2;Deux;"d\r\ne"\r\nb3;Trois;f\r\n';
		const rows = rowsOf(readSchemaFile('lieux.csv', content));
		expect(rows.map((r) => r.values.id)).toEqual(['b1', 'b2', 'b3']);
		expect(rows[2]!.position).toBe('ligne 7');
	});

	it('trims header names', () => {
		const rows = rowsOf(readSchemaFile('lieux.csv', ' id , nom \nx1,Lieu'));
		expect(rows[0]!.values).toEqual({ id: 'x1', nom: 'Lieu' });
	});

	it('marks a record with the wrong number of cells', () => {
		const rows = rowsOf(readSchemaFile('lieux.csv', 'id,nom,adresse\na1,Lieu A\n'));
		expect(rows[0]!.position).toBe('ligne 2');
		expect(String(rows[0]!.values.__shape_error)).toMatch(/expected 3 fields but parsed 2/);
	});

	it('reads the real 2023 seed file: 39 records, the last on line 40', () => {
		const content = readFileSync(join(process.cwd(), 'db/seed/roubaix_lieux_mediation_numerique_2023.csv'), 'utf8');
		const rows = rowsOf(readSchemaFile('roubaix_lieux_mediation_numerique_2023.csv', content));
		expect(rows).toHaveLength(39);
		expect(rows[0]!.values.nom).toBe('PARKOUR 59');
		expect(rows[38]).toMatchObject({ position: 'ligne 40', values: { nom: "B'CoWorker Roubaix" } });
	});

	it('rejects a CSV without the schema’s id and nom columns, in French', () => {
		const error = errorOf(readSchemaFile('lieux.csv', 'identifiant;raison sociale\n1;Lieu'));
		expect(error).toBe(
			'En-tête inattendu : les colonnes « id » et « nom » du schéma des lieux de médiation numérique sont attendues (séparateur détecté : « ; »).'
		);
	});

	it('rejects a CSV with id but no nom', () => {
		expect(errorOf(readSchemaFile('lieux.csv', 'id,name\n1,Lieu'))).toMatch(/^En-tête inattendu : les colonnes « id » et « nom »/);
	});

	it.each([
		['id,nom\na1,"Lieu A\na2,Lieu B\n', 2],
		['id,nom\na1,Lieu A\na2,"Lieu B\na3,Lieu C\n', 3]
	])('rejects an unterminated quote, naming the line where it opens (%j → ligne %i)', (content, line) => {
		const error = errorOf(readSchemaFile('lieux.csv', content));
		expect(error).toBe(`CSV illisible (ligne ${line}) : Quoted field unterminated`);
	});
});

describe('readSchemaFile: JSON and GeoJSON', () => {
	it('reads a JSON array, flattening nested adresse and localisation', () => {
		const result = readSchemaFile('places.json', fixture('places.json'));
		expect(result.ok && result.format).toBe('json');
		const rows = rowsOf(result);
		expect(rows.map((r) => r.position)).toEqual(['entrée 1', 'entrée 2']);
		expect(rows[0]!.values).toMatchObject({ id: 'json-1', nom: 'Médiathèque de Roubaix', latitude: 50.690915, longitude: 3.176759 });
		expect(rows[1]!.values).toMatchObject({
			id: 'json-2',
			adresse: '2 rue de Croix',
			code_postal: '59100',
			commune: 'Roubaix',
			latitude: 50.6859,
			longitude: 3.161509
		});
	});

	it('reads { "data": [...] }', () => {
		const result = readSchemaFile('places-data.json', fixture('places-data.json'));
		expect(result.ok && result.format).toBe('json');
		expect(rowsOf(result)).toEqual([
			{
				position: 'entrée 1',
				values: {
					id: 'data-1',
					nom: 'Socopira',
					adresse: '59 Avenue Jules Brame',
					code_postal: '59100',
					commune: 'Roubaix',
					latitude: '50.6867371',
					longitude: '3.204381',
					date_maj: '2022-11-15',
					services: 'Accéder à du matériel'
				}
			}
		]);
	});

	it('reads a GeoJSON FeatureCollection: the point fills latitude and longitude', () => {
		const result = readSchemaFile('places.geojson', fixture('places.geojson'));
		expect(result.ok && result.format).toBe('geojson');
		const rows = rowsOf(result);
		expect(rows.map((r) => r.position)).toEqual(['entité 1', 'entité 2']);
		// The first feature's properties hold wrong coordinates: the geometry wins.
		expect(rows[0]!.values).toMatchObject({ id: 'geo-1', latitude: 50.687512, longitude: 3.176129 });
		expect(rows[1]!.values).toMatchObject({ id: 'geo-2', nom: 'la bobine', latitude: 50.694149, longitude: 3.166347 });
	});

	it('recognises JSON content whatever the file name, unless it ends in .csv', () => {
		expect(readSchemaFile('export.txt', '[{"id": "1", "nom": "A"}]')).toMatchObject({ ok: true, format: 'json' });
		expect(readSchemaFile('export', '\uFEFF{"data": []}')).toEqual({ ok: true, format: 'json', rows: [] });
	});

	it('rejects bad JSON in French', () => {
		expect(errorOf(readSchemaFile('places.json', '[{"id": "1",'))).toMatch(/^JSON illisible : /);
	});

	it('rejects JSON of another shape in French', () => {
		expect(errorOf(readSchemaFile('places.json', '{"lieux": []}'))).toBe(
			'JSON attendu : un tableau de lieux, ou un objet { "data": [...] }, ou du GeoJSON.'
		);
	});
});

describe('readSchemaFile: empty files', () => {
	it.each([
		['lieux.csv', ''],
		['lieux.csv', '  \n\r\n '],
		['lieux.csv', '\uFEFF'],
		['lieux.json', '']
	])('%s %j is « vide »', (name, content) => {
		expect(readSchemaFile(name, content)).toEqual({ ok: false, error: 'Le fichier est vide.' });
	});

	it('a header alone gives no rows', () => {
		expect(readSchemaFile('lieux.csv', 'id,nom\n')).toEqual({ ok: true, format: 'csv', rows: [] });
	});
});
