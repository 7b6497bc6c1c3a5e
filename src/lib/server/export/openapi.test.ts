import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fromSchemaLieuDeMediationNumerique, type SchemaLieuMediationNumerique } from '@gouvfr-anct/lieux-de-mediation-numerique';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFilters } from '$lib/domain/filters';
import { roubaixExtension } from '$lib/domain/national-schema';
import { EXAMPLE_EXTENSION, EXAMPLE_ROW, openApiDocument } from '../api/openapi';
import { loadCatalogue } from '../catalogue';
import type { Connection } from '../db/connect';
import { seededDatabase } from '../testing/database';
import { exportDirectory } from './directory';
import type { ExportRow } from './fold';
import { SCHEMA_COLUMNS } from './schema';

/** The OpenAPI document agrees with the code; the HTTP check of every parameter is tests/export.spec.ts. */

interface Parameter {
	name: string;
	in: string;
	schema: { type: string; enum?: string[]; items?: { enum: string[] }; minimum?: number; maximum?: number; maxLength?: number };
	example?: unknown;
}
interface Document {
	openapi: string;
	paths: Record<string, { get: { parameters: Parameter[]; responses: Record<string, unknown> } }>;
	components: { schemas: Record<string, { properties?: Record<string, { pattern?: string }> }> };
}

let conn: Connection;
let doc: Document;
let areaCodes: ReadonlySet<string>;
let rows: ExportRow[];

beforeAll(async () => {
	conn = await seededDatabase();
	areaCodes = (await loadCatalogue(conn)).areaCodes;
	doc = openApiDocument({ areaCodes }) as unknown as Document;
	rows = (await exportDirectory(conn.db)).rows;
});

afterAll(async () => {
	await conn.db.destroy();
});

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

const validValue = (p: Parameter) => String(p.schema.items?.enum[0] ?? p.schema.enum?.[0] ?? (Array.isArray(p.example) ? p.example[0] : p.example));

describe('openapi.json', () => {
	it('is OpenAPI 3.1 and documents every route the API serves, and only those', () => {
		expect(doc.openapi).toBe('3.1.0');
		expect(Object.keys(doc.paths).sort()).toEqual(servedPaths());
	});

	it('every $ref points at a component', () => {
		const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/(schemas|headers)\/([^"]+)"/g)];
		expect(refs.length).toBeGreaterThan(10);
		const components = (doc as unknown as { components: Record<string, Record<string, unknown>> }).components;
		for (const [, kind, name] of refs) expect(components[kind!]?.[name!], `${kind}/${name}`).toBeDefined();
	});

	it('the filters documented for /offers are the ones parseFilters accepts, value for value', () => {
		const parameters = doc.paths['/offers']!.get.parameters;
		expect(parameters.map((p) => p.name)).toEqual(['niveau', 'besoin', 'public', 'prise-en-charge', 'gratuit', 'quand', 'territoire', 'q', 'limit', 'offset']);
		for (const p of parameters) {
			const values = p.schema.items?.enum ?? p.schema.enum ?? [validValue(p)];
			for (const value of values) {
				const parsed = parseFilters(new URLSearchParams({ [p.name]: value }), { areaCodes, paging: true });
				expect(parsed.ok, `${p.name}=${value}`).toBe(true);
			}
			const invalid = parseFilters(new URLSearchParams({ [p.name]: p.schema.type === 'integer' ? '-1' : 'x'.repeat(101) }), { areaCodes, paging: true });
			expect(invalid.ok, `${p.name} invalid`).toBe(false);
		}
		// territoire lists every area in the database.
		expect(parameters.find((p) => p.name === 'territoire')!.schema.enum).toHaveLength(areaCodes.size + 1);
	});

	it('the geojson routes take the same filters without paging; the exports take none', () => {
		const names = (path: string) => doc.paths[path]!.get.parameters.map((p) => p.name);
		expect(names('/offers.geojson')).toEqual(names('/offers').filter((n) => n !== 'limit' && n !== 'offset'));
		expect(names('/places.geojson')).toEqual(names('/offers.geojson'));
		expect(names('/areas.geojson')).toEqual(['type']);
		for (const path of ['/export.csv', '/export.json', '/export.geojson', '/openapi.json']) expect(names(path)).toEqual([]);
		for (const path of ['/export.csv', '/export.json', '/export.geojson']) expect(Object.keys(doc.paths[path]!.get.responses)).toEqual(['200', '304', '400']);
	});

	it('describes the schema row column for column, and its patterns accept every exported row', () => {
		const properties = doc.components.schemas.SchemaRow!.properties!;
		expect(Object.keys(properties)).toEqual([...SCHEMA_COLUMNS]);
		for (const { row } of rows) {
			for (const [column, value] of Object.entries(row)) {
				const pattern = properties[column]?.pattern;
				if (pattern) expect(new RegExp(pattern, 'u').test(String(value)), `${row.id} ${column}: ${String(value)}`).toBe(true);
			}
		}
	});

	it('its examples are valid: the row for the ANCT package, the extension for the importer', () => {
		expect(() => fromSchemaLieuDeMediationNumerique(EXAMPLE_ROW as unknown as SchemaLieuMediationNumerique)).not.toThrow();
		expect(roubaixExtension.safeParse(EXAMPLE_EXTENSION).success).toBe(true);
		// And they are what the export really gives for this place.
		const parkour = rows.find(({ row }) => row.id === EXAMPLE_ROW.id)!;
		expect(parkour.row).toEqual(EXAMPLE_ROW);
		expect(parkour.extension).toEqual(EXAMPLE_EXTENSION);
	});
});
