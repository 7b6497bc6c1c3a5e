import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../db/connect';
import { editedDirectory, type EditedDirectory } from '../edited-directory';
import { dataInclusionDirectory, dataInclusionResponse, type DataInclusionDirectory } from './http';

/** Every row against data·inclusion's own published JSON Schema files (schema/PROVENANCE.md). */
const schema = (name: string) => JSON.parse(readFileSync(join(import.meta.dirname, 'schema', `${name}.json`), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const validStructure = ajv.compile(schema('structure'));
const validService = ajv.compile(schema('service'));

let edited: EditedDirectory;
let conn: Connection;
let directory: DataInclusionDirectory;
const ORIGIN = 'https://carte.roubaix.test';

beforeAll(async () => {
	edited = await editedDirectory();
	conn = edited.conn;
	directory = await dataInclusionDirectory(conn, ORIGIN);
});
afterAll(async () => {
	await conn.db.destroy();
});

describe('data·inclusion v1: every row validates against the published schema', () => {
	it('structures', () => {
		expect(directory.structures.length).toBeGreaterThan(30);
		for (const s of directory.structures) {
			const ok = validStructure(s);
			expect(ok ? [] : validStructure.errors, s.id).toEqual([]);
		}
	});
	it('services', () => {
		expect(directory.services.length).toBeGreaterThan(directory.structures.length);
		for (const s of directory.services) {
			const ok = validService(s);
			expect(ok ? [] : validService.errors, s.id).toEqual([]);
		}
	});
	it('every service belongs to a structure, every id is unique', () => {
		const ids = new Set(directory.structures.map((s) => s.id));
		expect(ids.size).toBe(directory.structures.length);
		expect(new Set(directory.services.map((s) => s.id)).size).toBe(directory.services.length);
		for (const s of directory.services) expect(ids.has(s.structure_id)).toBe(true);
	});
});

describe('data·inclusion: the crosswalk and our levels', () => {
	it('one service per offer, typed by its level as the crosswalk types the modalities', () => {
		const types = new Set(directory.services.map((s) => s.type));
		expect([...types].every((t) => t === null || ['aide-materielle', 'atelier', 'accompagnement'].includes(t as string))).toBe(true);
		const local = directory.structures.find((s) => s.lien_source === `${ORIGIN}/lieux/${edited.localPlace}`)!;
		expect(local.id).toBe(`ville-de-roubaix--roubaix-${edited.localPlace}`);
	});
	it('a France Services place is carried by the « france-service » network', () => {
		const ccas = directory.structures.find((s) => s.lien_source === `${ORIGIN}/lieux/${edited.ccasPlace}`)!;
		expect(ccas.reseaux_porteurs).toContain('france-service');
		const services = directory.services.filter((s) => s.structure_id === ccas.id);
		expect(services.some((s) => s.nom === 'Démarches faites pour la personne (accompagnement renforcé)')).toBe(true);
	});
	it('services default to « tous-publics » and always name how to reach them when the place says so', () => {
		for (const s of directory.services) expect((s.publics as string[]).length).toBeGreaterThan(0);
	});
});

describe('data·inclusion over HTTP', () => {
	const get = (kind: 'structures' | 'services', headers: Record<string, string> = {}, query = '') => {
		const url = `${ORIGIN}/api/v1/data-inclusion/${kind}.json${query}`;
		return dataInclusionResponse(new Request(url, { headers }), new URL(url), kind, { connection: conn });
	};
	it('licence headers, CORS, ETag and 304', async () => {
		const res = await get('services');
		expect(res.status).toBe(200);
		expect(res.headers.get('access-control-allow-origin')).toBe('*');
		expect(res.headers.get('x-licence')).toMatch(/Licence Ouverte/);
		expect(res.headers.get('link')).toMatch(/rel="license"/);
		const etag = res.headers.get('etag')!;
		expect(JSON.parse(await res.text())).toHaveLength(directory.services.length);
		expect((await get('services', { 'if-none-match': etag })).status).toBe(304);
	});
	it('refuses an unknown parameter in French', async () => {
		const res = await get('structures', {}, '?page=2');
		expect(res.status).toBe(400);
		expect(await res.json()).toMatchObject({ errors: [{ parameter: 'page', message: 'Paramètre inconnu : « page ».' }] });
	});
});

describe('the validator is not lenient', () => {
	it('refuses a service without description, with an unknown type or a bad date', () => {
		const good = directory.services[0]!;
		expect(validService(good)).toBe(true);
		expect(validService({ ...good, description: undefined })).toBe(false);
		expect(validService({ ...good, type: 'cours' })).toBe(false);
		expect(validService({ ...good, date_maj: '25/11/2026' })).toBe(false);
		expect(validStructure({ ...directory.structures[0]!, courriel: 'pas un courriel' })).toBe(false);
	});
});

describe('the documented example', () => {
	it('validates too', async () => {
		const { DI_SERVICE_EXAMPLE, DI_STRUCTURE_EXAMPLE } = await import('./example');
		expect(validStructure(DI_STRUCTURE_EXAMPLE) ? [] : validStructure.errors).toEqual([]);
		expect(validService(DI_SERVICE_EXAMPLE) ? [] : validService.errors).toEqual([]);
	});
});
