import centroid from '@turf/centroid';
import { database } from './db';
import * as areas from './db/queries/areas';

let centres: Map<string, { name: string; kind: string; lon: number; lat: number }> | null = null;

/** Where a resident "from that neighbourhood" starts: the area's centroid, computed once. */
export async function areaCentres() {
	if (!centres) {
		const rows = await areas.outlines(database().db);
		centres = new Map(
			rows.map((r) => {
				const [lon, lat] = centroid(r.geometry).geometry.coordinates as [number, number];
				return [r.code, { name: r.name, kind: r.kind, lon, lat }];
			})
		);
	}
	return centres;
}
