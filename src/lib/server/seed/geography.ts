import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { computeBbox, mergePolygons } from '$lib/domain/geography';
import type { DB } from '../db/connect';
import type { AreaTable } from '../db/schema';
import * as areas from '../db/queries/areas';
import { inTransaction } from '../db/transaction';

const SOURCES = {
	commune: 'IGN Contours IRIS (union), INSEE COG via @etalab/decoupage-administratif, Licence Ouverte 2.0',
	iris: 'IGN Contours IRIS 2026, Licence Ouverte 2.0 ; indicateurs : La MedNum (IFN), INSEE Filosofi 2021, CAF 2021',
	grand_quartier: 'Union des IRIS du grand quartier INSEE ; nom formé à partir des noms de ses IRIS',
	qpv: 'ANCT, QPV 2024, découpés à la limite communale, Licence Ouverte 2.0'
};

type Geo = Polygon | MultiPolygon;

function readGeoJson(dir: string, file: string): FeatureCollection<Geo, Record<string, any>> {
	return JSON.parse(readFileSync(join(dir, file), 'utf8'));
}

function readCsv(dir: string, file: string): Record<string, string>[] {
	const text = readFileSync(join(dir, file), 'utf8').replace(/^\uFEFF/, '');
	return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
}

/** Indicators stay as numbers where they are numbers; empty cells (statistical secrecy) become null. */
function indicatorValues(row: Record<string, string>): Record<string, number | null> {
	const values: Record<string, number | null> = {};
	for (const [key, raw] of Object.entries(row)) {
		if (['code_iris', 'nom_iris', 'type_iris', 'grand_quartier_insee'].includes(key)) continue;
		values[key] = raw === '' ? null : Number(raw);
	}
	return values;
}

function area(code: string, kind: AreaTable['kind'], name: string, geometry: Geo, extra: Partial<AreaTable> = {}): AreaTable {
	return {
		code,
		kind,
		name,
		parent_code: null,
		geometry: JSON.stringify(geometry),
		bbox: JSON.stringify(computeBbox(geometry)),
		qpv_share: null,
		indicators: null,
		source: SOURCES[kind],
		...extra
	};
}

export function geographyRows(seedDir: string): AreaTable[] {
	const commune = readGeoJson(seedDir, 'roubaix_commune.geojson').features[0]!;
	const iris = readGeoJson(seedDir, 'roubaix_iris.geojson').features;
	const qpv = readGeoJson(seedDir, 'roubaix_qpv_2024_decoupe_roubaix.geojson').features;
	const indicators = new Map(readCsv(seedDir, 'roubaix_iris_indicateurs.csv').map((r) => [r.code_iris, r]));
	const gqNames = new Map(readCsv(seedDir, 'grands_quartiers.csv').map((r) => [r.code!, r.nom!]));

	const rows: AreaTable[] = [area('59512', 'commune', 'Roubaix', commune.geometry)];
	for (const [code, name] of gqNames) {
		const members = iris.filter((f) => f.properties.grand_quartier_insee === code);
		rows.push(area(code, 'grand_quartier', name, mergePolygons(members.map((f) => f.geometry)), { parent_code: '59512' }));
	}
	for (const f of iris) {
		const p = f.properties;
		const row = indicators.get(p.code_iris);
		rows.push(
			area(p.code_iris, 'iris', p.nom_iris, f.geometry, {
				parent_code: p.grand_quartier_insee,
				qpv_share: Number(p.part_surface_en_qpv_2024),
				indicators: row ? JSON.stringify(indicatorValues(row)) : null
			})
		);
	}
	for (const f of qpv) {
		rows.push(area(f.properties.code_qp, 'qpv', f.properties.lib_qp, f.geometry, { parent_code: null }));
	}
	return rows;
}

export async function seedGeography(db: DB, seedDir: string): Promise<number> {
	const rows = geographyRows(seedDir);
	await inTransaction(db, (trx) => areas.insert(trx, rows));
	return rows.length;
}
