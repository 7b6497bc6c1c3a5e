/**
 * Open data out: the exports in the national schema (headers, conditional GET, CORS, formats), the
 * OpenAPI document checked against the running API parameter by parameter, and the API page.
 * Pure HTTP apart from the page: the same in both projects.
 */
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { APIRequestContext, APIResponse } from '@playwright/test';
import Papa from 'papaparse';
import { analyzablePage, expectNoAxeViolations } from './axe';
import { expect, test } from './fixtures';

const EXPORTS = [
	{ path: '/api/v1/export.csv', type: 'text/csv', ext: 'csv' },
	{ path: '/api/v1/export.json', type: 'application/json', ext: 'json' },
	{ path: '/api/v1/export.geojson', type: 'application/geo+json', ext: 'geojson' }
] as const;

const SCHEMA_COLUMNS =
	'id;pivot;nom;commune;code_postal;code_insee;adresse;complement_adresse;latitude;longitude;typologie;telephone;courriels;site_web;horaires;presentation_resume;presentation_detail;source;itinerance;structure_parente;date_maj;services;publics_specifiquement_adresses;prise_en_charge_specifique;frais_a_charge;dispositif_programmes_nationaux;formations_labels;autres_formations_labels;modalites_acces;modalites_accompagnement;fiche_acces_libre;prise_rdv'.split(
		';'
	);

interface ExportDocument {
	schema: string;
	licence: string;
	attribution: string;
	data: (Record<string, unknown> & { id: string; _roubaix: { offers: unknown[] } })[];
}

async function expectError(response: APIResponse, parameter: string, where: string) {
	expect(response.status(), where).toBe(400);
	expect(response.headers()['content-type'], where).toContain('application/json');
	const body = (await response.json()) as { error: string; errors: { parameter: string; message: string }[] };
	expect(typeof body.error, where).toBe('string');
	expect(body.errors.map((e) => e.parameter), where).toContain(parameter);
}

test.describe('exports au schéma national', () => {
	for (const { path, type, ext } of EXPORTS) {
		test(`${path} : licence, mention, CORS, pièce jointe datée, ETag et Last-Modified`, async ({ request }) => {
			const response = await request.get(path, { headers: { Origin: 'https://exemple.org' } });
			expect(response.status()).toBe(200);
			const h = response.headers();
			expect(h['content-type']).toContain(type);
			expect(h['content-type']).toContain('charset=utf-8');
			expect(h['content-disposition']).toMatch(new RegExp(`^attachment; filename="20\\d{6}_lieux-de-mediation-numerique_Roubaix\\.${ext}"$`));
			expect(h.link).toBe('<https://www.etalab.gouv.fr/licence-ouverte-open-licence/>; rel="license"');
			expect(h['x-licence']).toBe('Licence Ouverte 2.0 (etalab-2.0)');
			expect(h['x-attribution']).toContain('Ville de Roubaix');
			expect(h['x-attribution']).toContain('ANCT');
			expect(h['access-control-allow-origin']).toBe('*');
			expect(h['access-control-expose-headers']).toContain('ETag');
			expect(h.etag).toMatch(/^"[\w-]+"$/);
			expect(Number.isNaN(Date.parse(h['last-modified']!))).toBe(false);
		});

		test(`${path} : 304 sur If-None-Match et If-Modified-Since, 200 sur une autre version`, async ({ request }) => {
			const first = await request.get(path);
			const { etag, 'last-modified': lastModified } = first.headers();
			const byTag = await request.get(path, { headers: { 'If-None-Match': etag! } });
			expect(byTag.status()).toBe(304);
			expect((await byTag.body()).length).toBe(0);
			expect(byTag.headers().etag).toBe(etag);
			expect(byTag.headers()['access-control-allow-origin']).toBe('*');
			expect(byTag.headers().link).toContain('rel="license"');
			expect((await request.get(path, { headers: { 'If-Modified-Since': lastModified! } })).status()).toBe(304);
			expect((await request.get(path, { headers: { 'If-None-Match': '"une-autre-version"' } })).status()).toBe(200);
			expect((await request.get(path, { headers: { 'If-Modified-Since': 'Mon, 01 Jan 2018 00:00:00 GMT' } })).status()).toBe(200);
		});

		test(`${path} : préflight CORS pour les requêtes conditionnelles`, async ({ request }) => {
			const response = await request.fetch(path, {
				method: 'OPTIONS',
				headers: { Origin: 'https://exemple.org', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'if-none-match' }
			});
			expect(response.status()).toBe(204);
			expect(response.headers()['access-control-allow-origin']).toBe('*');
			expect(response.headers()['access-control-allow-headers']).toContain('If-None-Match');
		});
	}

	test('export.csv s’ouvre dans un tableur : UTF-8 avec BOM, « ; », CRLF, les colonnes du schéma', async ({ request }) => {
		const response = await request.get('/api/v1/export.csv');
		const bytes = await response.body();
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const text = bytes.subarray(3).toString('utf8');
		expect(text.slice(0, text.indexOf('\r\n')).split(';')).toEqual(SCHEMA_COLUMNS);
		expect(text.endsWith('\r\n')).toBe(true);
		const parsed = Papa.parse<Record<string, string>>(text, { header: true, delimiter: ';', newline: '\r\n', skipEmptyLines: true });
		expect(parsed.errors).toEqual([]);
		expect(parsed.meta.fields).toEqual(SCHEMA_COLUMNS);
		expect(parsed.data.length).toBeGreaterThan(30);
		// Accents arrive intact (UTF-8, not Latin-1), lists use « | ».
		expect(parsed.data.map((r) => r.services).join('\n')).toContain('Aide aux démarches administratives');
		expect(parsed.data.some((r) => r.nom === 'Emmaüs Connect')).toBe(true);
		for (const row of parsed.data) {
			expect(row.date_maj, row.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
			expect(row.pivot, row.id).toMatch(/^\d{14}$/);
			expect(row.services, row.id).not.toBe('');
		}

		// The same places as export.json, in the same order.
		const json = (await (await request.get('/api/v1/export.json')).json()) as ExportDocument;
		expect(parsed.data.map((r) => r.id)).toEqual(json.data.map((r) => r.id));
	});

	test('export.json : les lignes du schéma, chacune avec son extension _roubaix', async ({ request }) => {
		const document = (await (await request.get('/api/v1/export.json')).json()) as ExportDocument;
		expect(document.licence).toBe('Licence Ouverte 2.0');
		expect(document.schema).toContain('schema.data.gouv.fr');
		expect(document.attribution).toContain('Ville de Roubaix');
		for (const row of document.data) {
			expect(Object.keys(row).filter((k) => k !== '_roubaix').every((k) => SCHEMA_COLUMNS.includes(k)), row.id).toBe(true);
			expect(row._roubaix.offers.length, row.id).toBeGreaterThan(0);
		}
	});

	test('export.geojson : une FeatureCollection de points, les lignes en propriétés', async ({ request }) => {
		const collection = (await (await request.get('/api/v1/export.geojson')).json()) as {
			type: string;
			licence: string;
			features: { type: string; id: string; geometry: { type: string; coordinates: [number, number] }; properties: Record<string, unknown> }[];
		};
		const json = (await (await request.get('/api/v1/export.json')).json()) as ExportDocument;
		expect(collection.type).toBe('FeatureCollection');
		expect(collection.licence).toBe('Licence Ouverte 2.0');
		expect(collection.features).toHaveLength(json.data.length);
		for (const f of collection.features) {
			expect(f.type).toBe('Feature');
			expect(f.geometry.type).toBe('Point');
			expect(f.geometry.coordinates).toEqual([f.properties.longitude, f.properties.latitude]);
			expect(f.properties.id).toBe(f.id);
			expect(f.properties._roubaix).toBeUndefined();
		}
	});

	test('les exports n’ont pas de paramètre : un paramètre ajouté reçoit un 400 qui le nomme', async ({ request }) => {
		for (const { path } of EXPORTS) await expectError(await request.get(`${path}?format=xlsx`), 'format', path);
	});
});

// ---------------------------------------------------------------------------------------------------
// The OpenAPI document against the running API

interface Parameter {
	name: string;
	in: string;
	schema: { type: string; enum?: string[]; items?: { enum: string[] }; minimum?: number; maximum?: number; maxLength?: number };
	example?: unknown;
}
interface OpenApi {
	openapi: string;
	servers: { url: string }[];
	paths: Record<string, Record<string, { parameters?: Parameter[]; responses: Record<string, unknown> }>>;
}

function validValue(p: Parameter): string {
	const value = p.schema.items?.enum[0] ?? p.schema.enum?.[0] ?? (Array.isArray(p.example) ? p.example[0] : p.example);
	if (value === undefined) throw new Error(`no valid value documented for ${p.name}`);
	return String(value);
}

function invalidValue(p: Parameter): string {
	if (p.schema.items?.enum || p.schema.enum) return 'valeur-inconnue';
	if (p.schema.type === 'integer') return p.schema.minimum !== undefined ? String(p.schema.minimum - 1) : 'abc';
	if (p.schema.maxLength !== undefined) return 'x'.repeat(p.schema.maxLength + 1);
	throw new Error(`no invalid value can be made for ${p.name}`);
}

/** Every `+server.ts` under src/routes/api/v1, as the path it serves. */
function servedPaths(): string[] {
	const root = join(process.cwd(), 'src/routes/api/v1');
	const found: string[] = [];
	const walk = (dir: string) => {
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			if (entry.isDirectory()) walk(join(dir, entry.name));
			else if (entry.name === '+server.ts') found.push(`/${relative(root, dir).split(sep).join('/')}`);
		}
	};
	walk(root);
	return found.sort();
}

async function openApi(request: APIRequestContext): Promise<OpenApi> {
	const response = await request.get('/api/v1/openapi.json');
	expect(response.status()).toBe(200);
	expect(response.headers()['access-control-allow-origin']).toBe('*');
	return (await response.json()) as OpenApi;
}

test.describe('openapi.json contre l’API qui tourne', () => {
	test('OpenAPI 3.1 ; chaque route servie sous /api/v1 est documentée, et rien d’autre', async ({ request }) => {
		const doc = await openApi(request);
		expect(doc.openapi).toBe('3.1.0');
		expect(doc.servers[0]!.url).toBe('/api/v1');
		expect(Object.keys(doc.paths).sort()).toEqual(servedPaths());
		for (const [path, operations] of Object.entries(doc.paths)) {
			expect(Object.keys(operations), path).toEqual(['get']);
			const response = await request.get(`/api/v1${path}`);
			expect(response.status(), path).toBe(200);
		}
	});

	test('chaque paramètre documenté : une valeur valide → 200, une invalide → 400 qui le nomme', async ({ request }) => {
		const doc = await openApi(request);
		let checked = 0;
		for (const [path, { get }] of Object.entries(doc.paths)) {
			for (const parameter of get!.parameters ?? []) {
				expect(parameter.in, `${path} ${parameter.name}`).toBe('query');
				const valid = `/api/v1${path}?${new URLSearchParams({ [parameter.name]: validValue(parameter) })}`;
				expect((await request.get(valid)).status(), valid).toBe(200);
				const invalid = `/api/v1${path}?${new URLSearchParams({ [parameter.name]: invalidValue(parameter) })}`;
				await expectError(await request.get(invalid), parameter.name, invalid);
				checked++;
			}
			// And a parameter the document does not list is refused.
			await expectError(await request.get(`/api/v1${path}?inconnu=1`), 'inconnu', path);
		}
		expect(checked).toBeGreaterThanOrEqual(26);
	});

	test('chaque valeur énumérée des filtres est acceptée', async ({ request }) => {
		const doc = await openApi(request);
		for (const parameter of doc.paths['/offers']!.get!.parameters!) {
			for (const value of parameter.schema.items?.enum ?? parameter.schema.enum ?? []) {
				const url = `/api/v1/offers?${new URLSearchParams({ [parameter.name]: value, limit: '1' })}`;
				expect((await request.get(url)).status(), url).toBe(200);
			}
		}
	});
});

test.describe('la page /api/v1', () => {
	test('documente chaque point d’accès, la licence et les pertes du schéma ; aucune violation axe', async ({ page, request, browser, baseURL, javaScriptEnabled }) => {
		const doc = await openApi(request);
		const response = await page.goto('/api/v1');
		expect(response?.status()).toBe(200);
		await expect(page.getByRole('heading', { level: 1, name: 'API ouverte' })).toBeVisible();
		await expect(page.locator('a[href="/api/v1/openapi.json"]').first()).toBeVisible();
		for (const path of Object.keys(doc.paths)) {
			await expect(page.getByRole('heading', { level: 3, name: `GET /api/v1${path}`, exact: true })).toBeVisible();
		}
		const text = (await page.locator('main').textContent()) ?? '';
		expect(text).toContain('Licence Ouverte 2.0');
		expect(text).toContain('Le niveau 4 est perdu');
		expect(text).toContain('Seuls les niveaux déclarés sont écrits');
		expect(text).toContain('curl -OJ');
		const analyzed = await analyzablePage(page, browser, baseURL!, javaScriptEnabled);
		try {
			await expectNoAxeViolations(analyzed);
		} finally {
			if (analyzed !== page) await analyzed.context().close();
		}
	});
});
