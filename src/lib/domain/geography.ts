import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { MultiPolygon, Polygon } from 'geojson';

export type AreaKind = 'commune' | 'grand_quartier' | 'iris' | 'qpv';

export interface AreaShape {
	code: string;
	kind: AreaKind;
	geometry: Polygon | MultiPolygon;
	bbox: [number, number, number, number];
}

/** An IRIS counts as "en QPV" when more than half its area is (DESIGN.md, geography). */
export const IRIS_IN_QPV_THRESHOLD = 0.5;

export function isIrisInQpv(qpvShare: number | null): boolean {
	return (qpvShare ?? 0) > IRIS_IN_QPV_THRESHOLD;
}

function inBbox([minX, minY, maxX, maxY]: AreaShape['bbox'], lon: number, lat: number): boolean {
	return lon >= minX && lon <= maxX && lat >= minY && lat <= maxY;
}

/** The codes of every area containing the point; a bbox test first keeps this cheap. */
export function areasContaining(shapes: readonly AreaShape[], lon: number, lat: number): AreaShape[] {
	return shapes.filter(
		(s) => inBbox(s.bbox, lon, lat) && booleanPointInPolygon([lon, lat], s.geometry)
	);
}

export function computeBbox(geometry: Polygon | MultiPolygon): AreaShape['bbox'] {
	let minX = Infinity;
	let minY = Infinity;
	let maxX = -Infinity;
	let maxY = -Infinity;
	const rings = geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
	for (const ring of rings) {
		for (const [x, y] of ring) {
			if (x! < minX) minX = x!;
			if (y! < minY) minY = y!;
			if (x! > maxX) maxX = x!;
			if (y! > maxY) maxY = y!;
		}
	}
	return [minX, minY, maxX, maxY];
}

/** Grand quartiers have no polygon of their own: they are their IRIS put together. */
export function mergePolygons(geometries: readonly (Polygon | MultiPolygon)[]): MultiPolygon {
	return {
		type: 'MultiPolygon',
		coordinates: geometries.flatMap((g) => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates))
	};
}
