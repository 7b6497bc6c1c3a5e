import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import centroid from '@turf/centroid';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { computeBbox } from '../geography';

/**
 * Regular sample points over an area, for "share of the area within N minutes" figures.
 *
 * The grid lives in a local equirectangular projection: x = R·Δlon·cos(φ₀), y = R·Δlat, with φ₀
 * the area's (or the caller's) reference latitude and R turf's mean Earth radius. Across a town
 * the size of Roubaix (about 0.05° of latitude) the scale error of that projection stays under
 * 0.1 %, far below the spacing of the grid, and it keeps every point standing for the same
 * ground area, which is what turns "share of points" into "share of the area".
 */

export type LonLatPair = [lon: number, lat: number];

/** The radius @turf/distance uses, so projected metres and the walking model's metres agree. */
export const EARTH_RADIUS_METRES = 6_371_008.8;
const RADIANS_PER_DEGREE = Math.PI / 180;
/** A grid finer than this is a caller's mistake (centimetre spacing over a town), not a request. */
const DEFAULT_MAX_POINTS = 2_000_000;

export interface LocalProjection {
	origin: LonLatPair;
	referenceLatitude: number;
	metresPerDegreeLon: number;
	metresPerDegreeLat: number;
	toMetres(lon: number, lat: number): [x: number, y: number];
	toLonLat(x: number, y: number): LonLatPair;
}

/** Equirectangular projection centred on `origin`, true to scale along `referenceLatitude`. */
export function localProjection(origin: LonLatPair, referenceLatitude: number = origin[1]): LocalProjection {
	const metresPerDegreeLat = EARTH_RADIUS_METRES * RADIANS_PER_DEGREE;
	const metresPerDegreeLon = metresPerDegreeLat * Math.cos(referenceLatitude * RADIANS_PER_DEGREE);
	const [lon0, lat0] = origin;
	return {
		origin,
		referenceLatitude,
		metresPerDegreeLon,
		metresPerDegreeLat,
		toMetres: (lon, lat) => [(lon - lon0) * metresPerDegreeLon, (lat - lat0) * metresPerDegreeLat],
		toLonLat: (x, y) => [lon0 + x / metresPerDegreeLon, lat0 + y / metresPerDegreeLat]
	};
}

export interface GridOptions {
	/**
	 * Anchor of the grid: points sit at the centres of square cells whose corners are
	 * `origin + k·spacing`. Sharing one origin (and reference latitude) between neighbouring areas
	 * makes their grids one grid, so a point of an IRIS is also the point of the QPV above it.
	 * Default: the south-west corner of the area's bounding box.
	 */
	origin?: LonLatPair;
	/** Latitude where the projection is true to scale. Default: the middle of the bounding box. */
	referenceLatitude?: number;
	/** Refuse grids larger than this (RangeError). Default 2,000,000. */
	maxPoints?: number;
}

export interface GridSample {
	points: LonLatPair[];
	/** True when no grid point fell inside and the single point is a point on the surface. */
	fallback: boolean;
}

/**
 * Grid points inside the area, plus the fallback: an area smaller than a grid cell (or thinner)
 * still gets one point, its centroid when that lies inside, otherwise a point on its surface.
 */
export function sampleGrid(area: Polygon | MultiPolygon, spacingMetres: number, options: GridOptions = {}): GridSample {
	if (!Number.isFinite(spacingMetres) || spacingMetres <= 0) {
		throw new RangeError(`Espacement de grille attendu strictement positif, reçu ${spacingMetres}`);
	}
	const [minX, minY, maxX, maxY] = computeBbox(area);
	if (!Number.isFinite(minX)) return { points: [], fallback: false };
	const projection = localProjection(options.origin ?? [minX, minY], options.referenceLatitude ?? (minY + maxY) / 2);
	const [x0, y0] = projection.toMetres(minX, minY);
	const [x1, y1] = projection.toMetres(maxX, maxY);
	// Cell centres at (k + ½)·spacing from the origin, for every k whose centre is inside the bbox.
	const kFirst = Math.ceil(x0 / spacingMetres - 0.5);
	const kLast = Math.floor(x1 / spacingMetres - 0.5);
	const jFirst = Math.ceil(y0 / spacingMetres - 0.5);
	const jLast = Math.floor(y1 / spacingMetres - 0.5);
	const count = Math.max(0, kLast - kFirst + 1) * Math.max(0, jLast - jFirst + 1);
	const maxPoints = options.maxPoints ?? DEFAULT_MAX_POINTS;
	if (count > maxPoints) {
		throw new RangeError(`Grille de ${count} points au-delà de la limite de ${maxPoints} : espacement trop fin`);
	}

	const points: LonLatPair[] = [];
	for (let j = jFirst; j <= jLast; j++) {
		for (let k = kFirst; k <= kLast; k++) {
			const point = projection.toLonLat((k + 0.5) * spacingMetres, (j + 0.5) * spacingMetres);
			if (booleanPointInPolygon(point, area)) points.push(point);
		}
	}
	if (points.length > 0) return { points, fallback: false };
	return { points: [pointOnSurface(area)], fallback: true };
}

/** `sampleGrid` without the flag: the grid points, or one point on the surface for a tiny area. */
export function samplePoints(area: Polygon | MultiPolygon, spacingMetres: number, options: GridOptions = {}): LonLatPair[] {
	return sampleGrid(area, spacingMetres, options).points;
}

/** Twice the signed planar area of a ring, in square degrees: only used to pick the largest part. */
function ringArea(ring: readonly Position[]): number {
	let sum = 0;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
		const [xi = 0, yi = 0] = ring[i]!;
		const [xj = 0, yj = 0] = ring[j]!;
		sum += (xj - xi) * (yj + yi);
	}
	return Math.abs(sum);
}

/**
 * A point guaranteed inside the area: its centroid when that is inside (the usual case), else the
 * middle of the widest interior stretch of a horizontal line through the largest part (the classic
 * "point on surface"). A concave area, a crescent for instance, has its centroid outside.
 */
export function pointOnSurface(area: Polygon | MultiPolygon): LonLatPair {
	const centre = centroid(area).geometry.coordinates;
	const centrePair: LonLatPair = [centre[0] ?? 0, centre[1] ?? 0];
	if (booleanPointInPolygon(centrePair, area)) return centrePair;

	const parts = area.type === 'Polygon' ? [area.coordinates] : area.coordinates;
	let largest = parts[0] ?? [];
	for (const part of parts) {
		if (ringArea(part[0] ?? []) > ringArea(largest[0] ?? [])) largest = part;
	}
	const outer = largest[0] ?? [];
	if (outer.length === 0) return centrePair;
	let minY = Infinity;
	let maxY = -Infinity;
	for (const [, y = 0] of outer) {
		minY = Math.min(minY, y);
		maxY = Math.max(maxY, y);
	}
	const scanY = (minY + maxY) / 2;
	const crossings: number[] = [];
	for (const ring of largest) {
		for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
			const [xi = 0, yi = 0] = ring[i]!;
			const [xj = 0, yj = 0] = ring[j]!;
			// Half-open rule: a vertex exactly on the line is counted once, not twice.
			if (yi > scanY !== yj > scanY) crossings.push(xi + ((scanY - yi) * (xj - xi)) / (yj - yi));
		}
	}
	crossings.sort((a, b) => a - b);
	let best: LonLatPair | null = null;
	let widest = -1;
	for (let i = 0; i + 1 < crossings.length; i += 2) {
		const width = crossings[i + 1]! - crossings[i]!;
		if (width > widest) {
			widest = width;
			best = [(crossings[i]! + crossings[i + 1]!) / 2, scanY];
		}
	}
	const [firstX = 0, firstY = 0] = outer[0]!;
	return best ?? [firstX, firstY];
}
