import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { areasContaining, type AreaShape } from '$lib/domain/geography';
import type { Insertable, Kysely } from 'kysely';
import type { AreaTable, Database } from '../schema';

type Reader = Kysely<Database>;

export async function areaShapes(db: Reader): Promise<AreaShape[]> {
	const rows = await db.selectFrom('areas').select(['code', 'kind', 'geometry', 'bbox']).execute();
	return rows.map((r) => ({
		code: r.code,
		kind: r.kind,
		geometry: JSON.parse(r.geometry) as Polygon | MultiPolygon,
		bbox: JSON.parse(r.bbox) as AreaShape['bbox']
	}));
}

export function areasOfPoint(shapes: readonly AreaShape[], lon: number, lat: number): string[] {
	return areasContaining(shapes, lon, lat).map((s) => s.code);
}

export interface AreaSummary {
	code: string;
	kind: AreaShape['kind'];
	name: string;
	parentCode: string | null;
	qpvShare: number | null;
}

export async function listAreas(db: Reader): Promise<AreaSummary[]> {
	const rows = await db
		.selectFrom('areas')
		.select(['code', 'kind', 'name', 'parent_code', 'qpv_share'])
		.orderBy('kind')
		.orderBy('name')
		.execute();
	return rows.map((r) => ({ code: r.code, kind: r.kind, name: r.name, parentCode: r.parent_code, qpvShare: r.qpv_share }));
}

export async function areasGeoJson(db: Reader, kinds?: readonly AreaShape['kind'][]): Promise<FeatureCollection> {
	let query = db.selectFrom('areas').select(['code', 'kind', 'name', 'parent_code', 'qpv_share', 'geometry']);
	if (kinds && kinds.length > 0) query = query.where('kind', 'in', kinds);
	const rows = await query.orderBy('code').execute();
	return {
		type: 'FeatureCollection',
		features: rows.map((r) => ({
			type: 'Feature',
			properties: { code: r.code, kind: r.kind, name: r.name, parent: r.parent_code, qpv_share: r.qpv_share },
			geometry: JSON.parse(r.geometry)
		}))
	};
}

/** Whether the geography is loaded: a first start loads it, later ones never again. */
export async function count(db: Reader): Promise<number> {
	const row = await db.selectFrom('areas').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
	return Number(row.n);
}

/** Loads the shipped geography (a few dozen areas, each a large polygon: one row per statement). */
export async function insert(db: Reader, rows: readonly Insertable<AreaTable>[]): Promise<void> {
	for (const row of rows) await db.insertInto('areas').values(row).execute();
}

/** Every area's name, kind and polygon. */
export async function outlines(db: Reader) {
	const rows = await db.selectFrom('areas').select(['code', 'name', 'kind', 'geometry']).execute();
	return rows.map((r) => ({ code: r.code, name: r.name, kind: r.kind, geometry: JSON.parse(r.geometry) as Polygon | MultiPolygon }));
}

/** Every area with its polygon and its indicators decoded (the planners' geography). */
export async function withIndicators(db: Reader) {
	const rows = await db.selectFrom('areas').select(['code', 'kind', 'name', 'parent_code', 'geometry', 'qpv_share', 'indicators']).execute();
	return rows.map((r) => ({
		code: r.code,
		kind: r.kind,
		name: r.name,
		parentCode: r.parent_code,
		geometry: JSON.parse(r.geometry) as Polygon | MultiPolygon,
		qpvShare: r.qpv_share,
		indicators: (r.indicators ? JSON.parse(r.indicators) : {}) as Record<string, number | null>
	}));
}

/** Every area's code, kind, name and QPV share, without polygons (the catalogue's labels). */
export async function labels(db: Reader) {
	return db.selectFrom('areas').select(['code', 'kind', 'name', 'qpv_share']).execute();
}
