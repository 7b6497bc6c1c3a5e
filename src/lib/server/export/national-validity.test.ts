import {
	Courriel,
	Frais,
	ModaliteAcces,
	ModaliteAccompagnement,
	Pivot,
	Url,
	fromSchemaLieuDeMediationNumerique,
	fromSchemaLieuxDeMediationNumerique,
	toSchemaLieuMediationNumerique,
	type SchemaLieuMediationNumerique
} from '@gouvfr-anct/lieux-de-mediation-numerique';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidHours } from '$lib/domain/hours';
import { EXTENSION_KEY, roubaixExtension } from '$lib/domain/national-schema';
import type { Connection } from '../db/connect';
import { seededDatabase } from '../testing/database';
import { exportDirectory } from './directory';
import { editedDirectory, type EditedDirectory } from './edited-directory';
import type { ExportRow } from './fold';
import { toJson } from './formats';
import { LOCAL_SOURCE_LABEL, SCHEMA_COLUMNS } from './schema';

/**
 * Every exported row is valid for the national schema, as the ANCT package's own constructors
 * (which throw on an invalid value) and the schema's patterns say: the real seeded data, and the
 * same data after local edits.
 */

let seeded: Connection;
let edited: EditedDirectory;
let seededRows: ExportRow[];
let editedRows: ExportRow[];

beforeAll(async () => {
	seeded = await seededDatabase();
	edited = await editedDirectory();
	seededRows = (await exportDirectory(seeded.db)).rows;
	editedRows = (await exportDirectory(edited.conn.db)).rows;
});

afterAll(async () => {
	await seeded.db.destroy();
	await edited.conn.db.destroy();
});

const asSchema = (row: ExportRow['row']) => row as unknown as SchemaLieuMediationNumerique;
const split = (value: string | undefined) => (value === undefined ? [] : value.split('|'));

describe.each([
	['the seeded real data', () => seededRows],
	['the data after local edits', () => editedRows]
])('%s', (_name, rowsOf) => {
	it('passes fromSchemaLieuxDeMediationNumerique, row by row, without throwing', () => {
		const rows = rowsOf();
		expect(rows.length).toBeGreaterThan(30);
		for (const { row } of rows) {
			expect(() => fromSchemaLieuDeMediationNumerique(asSchema(row)), row.id).not.toThrow();
		}
		expect(fromSchemaLieuxDeMediationNumerique(rows.map(({ row }) => asSchema(row)))).toHaveLength(rows.length);
	});

	it('is in the package’s canonical form: toSchema(fromSchema(row)) gives the row back', () => {
		for (const { row } of rowsOf()) {
			expect(toSchemaLieuMediationNumerique(fromSchemaLieuDeMediationNumerique(asSchema(row))), row.id).toEqual(row);
		}
	});

	it('names services and a public access for every place (the package would otherwise say « pas de public »)', () => {
		for (const { row } of rowsOf()) {
			const lieu = fromSchemaLieuDeMediationNumerique(asSchema(row));
			expect(lieu.services?.length, row.id).toBeGreaterThan(0);
			expect(lieu.modalites_acces ?? [], row.id).not.toContain(ModaliteAcces.PasDePublic);
		}
	});

	it('checks what the package reads without checking: e-mails, URLs, hours, dates, phones, pivot', () => {
		for (const { row } of rowsOf()) {
			for (const email of split(row.courriels)) expect(() => Courriel(email), row.id).not.toThrow();
			for (const url of [...split(row.site_web), ...split(row.prise_rdv)]) expect(() => Url(url), row.id).not.toThrow();
			if (row.horaires !== undefined) expect(isValidHours(row.horaires), `${row.id}: ${row.horaires}`).toBe(true);
			expect(row.date_maj, row.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
			expect(new Date(`${row.date_maj}T00:00:00Z`).toISOString().slice(0, 10)).toBe(row.date_maj);
			// The schema's own pattern, stricter than the package: international format, no spaces.
			if (row.telephone !== undefined) expect(row.telephone, row.id).toMatch(/^(\+33|\+590|\+594|\+262|\+596|\+269|\+687|\+689|\+508|\+681)(\d){6,9}$/);
			expect(() => Pivot(row.pivot), row.id).not.toThrow();
			if (row.code_insee !== undefined) expect(row.code_insee).toMatch(/^([013-9]\d|2[AB1-9])\d{3}$/);
			expect(row.code_postal).toMatch(/^\d{5}$/);
			if (row.presentation_resume !== undefined) expect(row.presentation_resume.length).toBeLessThanOrEqual(280);
			expect(Object.keys(row).every((k) => (SCHEMA_COLUMNS as readonly string[]).includes(k)), row.id).toBe(true);
		}
		const ids = rowsOf().map(({ row }) => row.id);
		expect(new Set(ids).size, 'ids are unique').toBe(ids.length);
	});

	it('writes only declared levels as modalities (remote adds « À distance »), as the extension says', () => {
		for (const { row, extension } of rowsOf()) {
			const declared = extension.offers.filter((o) => o.level !== null && !o.level_inferred);
			const expected = new Set<string>();
			for (const o of declared) {
				expected.add(
					o.level === 'discover'
						? ModaliteAccompagnement.EnAutonomie
						: o.level === 'learn'
							? ModaliteAccompagnement.DansUnAtelier
							: ModaliteAccompagnement.AccompagnementIndividuel
				);
			}
			if (extension.offers.some((o) => o.remote)) expected.add(ModaliteAccompagnement.ADistance);
			expect(new Set(split(row.modalites_accompagnement)), row.id).toEqual(expected);
		}
	});

	it('carries an extension that the importer’s own zod schema accepts', () => {
		for (const { row, extension } of rowsOf()) {
			expect(roubaixExtension.safeParse(extension).success, row.id).toBe(true);
		}
	});

	it('the package’s constructors ignore the `_roubaix` key of export.json', () => {
		const document = JSON.parse(toJson(rowsOf())) as { data: (SchemaLieuMediationNumerique & { [EXTENSION_KEY]?: unknown })[] };
		for (const [i, withExtension] of document.data.entries()) {
			expect(withExtension[EXTENSION_KEY]).toBeDefined();
			const lieu = fromSchemaLieuDeMediationNumerique(withExtension);
			expect(lieu).toEqual(fromSchemaLieuDeMediationNumerique(asSchema(rowsOf()[i]!.row)));
			expect(JSON.stringify(lieu)).not.toContain(EXTENSION_KEY);
		}
	});
});

describe('what the seeded data says', () => {
	it('the 23 places whose source gave no modality get none: inferred levels stay out of national data', () => {
		expect(seededRows).toHaveLength(39);
		const without = seededRows.filter(({ row }) => row.modalites_accompagnement === undefined);
		expect(without).toHaveLength(23);
		for (const { extension } of without) expect(extension.offers.every((o) => o.level_inferred || o.level === null)).toBe(true);
	});

	it('the national ids are the upstream ones, the sources theirs, and code_insee is Roubaix’s', () => {
		const row = seededRows.find(({ row }) => row.nom === 'PARKOUR 59')!.row;
		expect(row).toMatchObject({ id: 'b9cf77b6-10b1-4c8c-839c-5cfe57fcedff-dora', source: 'dora', pivot: '00000000000000', code_insee: '59512' });
		expect(seededRows.every(({ row }) => row.code_insee === '59512')).toBe(true);
	});
});

describe('what the local edits give', () => {
	const rowOf = (name: string) => editedRows.find(({ row }) => row.nom === name)!;

	it('a declared level 4 is written as individual support, and keeps its Aidants Connect programme', () => {
		const { row, extension } = rowOf('CCAS de Roubaix');
		expect(split(row.modalites_accompagnement)).toContain(ModaliteAccompagnement.AccompagnementIndividuel);
		expect(split(row.dispositif_programmes_nationaux)).toEqual(['Aidants Connect', 'Conseillers numériques', 'France Services']);
		expect(extension.offers.filter((o) => o.level === 'reinforced').map((o) => o.level_inferred).sort()).toEqual([false, true]);
		// Its other labels: the schema's own formation label apart, the rest as free labels.
		expect(row.formations_labels).toBe('Formé à « Mon Espace Santé »');
		expect(row.autres_formations_labels).toBe('APTIC');
		expect(split(row.frais_a_charge)).toEqual([Frais.Gratuit]);
	});

	it('the place’s hours are those of its lowest declared level', () => {
		// Level 2 (hours changed today) and level 4 (other hours) are declared: level 2 wins.
		expect(rowOf('CCAS de Roubaix').row.horaires).toBe('Mo-Fr 09:00-12:00,13:30-17:00; PH off');
	});

	it('a closed offer is not exported, and a place with every offer closed is not either', () => {
		expect(editedRows.some(({ row }) => row.nom === 'La Parcelle Collective')).toBe(false);
		const parkour = rowOf('PARKOUR 59');
		expect(parkour.extension.offers.map((o) => o.level)).toEqual(['support']);
		expect(parkour.row.modalites_accompagnement).toBe(ModaliteAccompagnement.AccompagnementIndividuel);
	});

	it('a temporary closure stays in the export, said in the extension only', () => {
		const { extension } = rowOf('Centre social ECHO');
		expect(extension.offers.find((o) => o.status === 'temporarily_closed')).toMatchObject({
			closed_from: '2026-12-01',
			closed_until: '2027-01-04'
		});
	});

	it('a local place: id roubaix-<id>, source « Ville de Roubaix », phone in the schema format, the exact values in the extension', () => {
		const { row, extension } = editedRows.find(({ row }) => row.id === `roubaix-${edited.localPlace}`)!;
		expect(row).toMatchObject({
			source: LOCAL_SOURCE_LABEL,
			telephone: '+33320000001',
			adresse: '12 rue de l’Épeule bâtiment B',
			modalites_accompagnement: 'Accompagnement individuel|À distance',
			date_maj: '2026-11-25'
		});
		expect(row.presentation_resume!.endsWith('…')).toBe(true);
		expect(row.presentation_detail).toContain('\n');
		expect(extension.place).toEqual({ address: '12 rue de l’Épeule « bâtiment B »', phone: '03 20 00 00 01', code_insee: null });
	});
});
