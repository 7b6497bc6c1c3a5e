import centroid from '@turf/centroid';
import type { MultiPolygon, Polygon } from 'geojson';
import { database } from './db';

let centres: Map<string, { name: string; kind: string; lon: number; lat: number }> | null = null;

/** Where a resident "from that neighbourhood" starts: the area's centroid, computed once. */
export async function areaCentres() {
	if (!centres) {
		const rows = await database().db.selectFrom('areas').select(['code', 'name', 'kind', 'geometry']).execute();
		centres = new Map(
			rows.map((r) => {
				const [lon, lat] = centroid(JSON.parse(r.geometry) as Polygon | MultiPolygon).geometry.coordinates as [number, number];
				return [r.code, { name: r.name, kind: r.kind, lon, lat }];
			})
		);
	}
	return centres;
}
