import { WALK_DETOUR_FACTOR, WALK_SPEED_KMH, walkingMinutes } from '../orientation/walking';
import { localProjection, type LonLatPair, type LocalProjection } from './grid';

/**
 * How far, on foot, sample points are from the nearest offer, under the app's one walking model
 * (orientation/walking.ts: straight line × 1.3 at 4.5 km/h, whole minutes rounded up). Minutes
 * always come from `walkingMinutes` itself, so the planners' page and the orientation sheet can
 * never disagree about a place being "à 10 min".
 *
 * Offers are bucketed in a regular grid of square cells (in a local equirectangular projection),
 * and each query walks rings of cells outwards from its own cell, stopping as soon as no unseen
 * cell can hold a nearer offer, or nothing can be within the minutes asked. At 10,000 offers a
 * query reads a handful of cells instead of every offer.
 */

/** The walking times the planners' page reports. */
export const COVERAGE_MINUTES = [10, 15] as const;
export type CoverageMinutes = (typeof COVERAGE_MINUTES)[number];

const METRES_PER_MINUTE = (WALK_SPEED_KMH * 1000) / 60;

/** Straight-line metres reachable in `minutes` (minutes × 75 m ÷ 1.3): 577 m for 10 min, 865 m for 15. */
export function straightLineReach(minutes: number): number {
	return (minutes * METRES_PER_MINUTE) / WALK_DETOUR_FACTOR;
}

/**
 * The projection is within 0.1 % of turf's great-circle distance over a town; candidates this close
 * to the projected best are all measured with the walking model, so the projection never decides.
 */
const PROJECTION_TOLERANCE = 2e-3;
const PROJECTION_SLACK_METRES = 1;
const MIN_CELL_METRES = 25;
const MAX_CELL_METRES = 2_000;
/** Keeps the cell table bounded even when a bad coordinate stretches the extent across a continent. */
const MAX_CELLS = 1 << 20;

export interface OfferPointIndex {
	readonly size: number;
	readonly cellMetres: number;
	readonly projection: LocalProjection;
	/** Grid of columns × rows cells; cell c holds items[cellStart[c] … cellStart[c + 1]). */
	readonly columns: number;
	readonly rows: number;
	readonly cellStart: Int32Array;
	readonly items: Int32Array;
	readonly xs: Float64Array;
	readonly ys: Float64Array;
	readonly points: readonly LonLatPair[];
}

export interface IndexOptions {
	/** Side of a cell. Default: about one offer per cell (√(extent ÷ offers)), between 25 m and 2 km. */
	cellMetres?: number;
	/** Latitude where the projection is true to scale. Default: the offers' mean latitude. */
	referenceLatitude?: number;
}

/** Buckets offer points once; queries then read only the cells near them. */
export function indexOfferPoints(points: readonly LonLatPair[], options: IndexOptions = {}): OfferPointIndex {
	let minLon = Infinity;
	let minLat = Infinity;
	let maxLon = -Infinity;
	let maxLat = -Infinity;
	let sumLat = 0;
	for (const [lon, lat] of points) {
		minLon = Math.min(minLon, lon);
		minLat = Math.min(minLat, lat);
		maxLon = Math.max(maxLon, lon);
		maxLat = Math.max(maxLat, lat);
		sumLat += lat;
	}
	if (points.length === 0) {
		minLon = minLat = maxLon = maxLat = 0;
	}
	const referenceLatitude = options.referenceLatitude ?? (points.length ? sumLat / points.length : 0);
	const projection = localProjection([minLon, minLat], referenceLatitude);
	const [width, height] = projection.toMetres(maxLon, maxLat);
	let cellMetres =
		options.cellMetres ??
		Math.min(MAX_CELL_METRES, Math.max(MIN_CELL_METRES, Math.sqrt((Math.max(width, 1) * Math.max(height, 1)) / Math.max(points.length, 1))));
	if (!(cellMetres > 0)) throw new RangeError(`Taille de cellule attendue strictement positive, reçu ${cellMetres}`);
	while ((Math.floor(width / cellMetres) + 1) * (Math.floor(height / cellMetres) + 1) > MAX_CELLS) cellMetres *= 2;
	const columns = Math.floor(width / cellMetres) + 1;
	const rows = Math.floor(height / cellMetres) + 1;

	const xs = new Float64Array(points.length);
	const ys = new Float64Array(points.length);
	const cellOf = new Int32Array(points.length);
	const cellStart = new Int32Array(columns * rows + 1);
	points.forEach(([lon, lat], i) => {
		const [x, y] = projection.toMetres(lon, lat);
		xs[i] = x;
		ys[i] = y;
		const cell = Math.min(rows - 1, Math.floor(y / cellMetres)) * columns + Math.min(columns - 1, Math.floor(x / cellMetres));
		cellOf[i] = cell;
		cellStart[cell + 1]!++;
	});
	for (let c = 0; c < columns * rows; c++) cellStart[c + 1]! += cellStart[c]!;
	const fill = cellStart.slice(0, columns * rows);
	const items = new Int32Array(points.length);
	for (let i = 0; i < points.length; i++) items[fill[cellOf[i]!]!++] = i;

	return { size: points.length, cellMetres, projection, columns, rows, cellStart, items, xs, ys, points };
}

function isIndex(offers: OfferPointIndex | readonly LonLatPair[]): offers is OfferPointIndex {
	return !Array.isArray(offers);
}

/**
 * Walking minutes (the app's model) from `point` to the nearest offer point; `null` when there is
 * none, or none within `maxMinutes` (a bound lets the search stop early: coverage only needs 15).
 */
export function nearestMinutes(
	point: LonLatPair,
	offers: OfferPointIndex | readonly LonLatPair[],
	maxMinutes: number = Infinity
): number | null {
	const index = isIndex(offers) ? offers : indexOfferPoints(offers);
	if (index.size === 0) return null;
	const { cellMetres, columns, rows, cellStart, items, xs, ys } = index;
	const [x, y] = index.projection.toMetres(point[0], point[1]);
	const qx = Math.floor(x / cellMetres);
	const qy = Math.floor(y / cellMetres);
	const reach = straightLineReach(maxMinutes) * (1 + PROJECTION_TOLERANCE) + PROJECTION_SLACK_METRES;
	const margin = (d: number) => d * (1 + PROJECTION_TOLERANCE) + PROJECTION_SLACK_METRES;

	let best = Infinity;
	const shortlist: { i: number; d: number }[] = [];
	const visit = (cell: number) => {
		for (let k = cellStart[cell]!; k < cellStart[cell + 1]!; k++) {
			const i = items[k]!;
			const dx = xs[i]! - x;
			const dy = ys[i]! - y;
			const d = Math.sqrt(dx * dx + dy * dy);
			if (d > reach || d > margin(best)) continue;
			if (d < best) best = d;
			shortlist.push({ i, d });
		}
	};

	// Rings of cells at Chebyshev distance r from the query's cell, clipped to the table.
	const farthest = Math.max(qx, columns - 1 - qx, qy, rows - 1 - qy);
	const nearest = Math.max(0, -qx, qx - (columns - 1), -qy, qy - (rows - 1));
	for (let r = nearest; r <= farthest; r++) {
		// Every cell of ring r + 1 or beyond is at least r cells away from the query point.
		if ((r - 1) * cellMetres > Math.min(reach, margin(best))) break;
		const colFrom = Math.max(0, qx - r);
		const colTo = Math.min(columns - 1, qx + r);
		for (const row of r === 0 ? [qy] : [qy - r, qy + r]) {
			if (row < 0 || row >= rows) continue;
			for (let col = colFrom; col <= colTo; col++) visit(row * columns + col);
		}
		if (r > 0) {
			const rowFrom = Math.max(0, qy - r + 1);
			const rowTo = Math.min(rows - 1, qy + r - 1);
			for (const col of [qx - r, qx + r]) {
				if (col < 0 || col >= columns) continue;
				for (let row = rowFrom; row <= rowTo; row++) visit(row * columns + col);
			}
		}
	}

	let minutes = Infinity;
	const from = { lon: point[0], lat: point[1] };
	for (const { i, d } of shortlist) {
		if (d > margin(best)) continue;
		const [lon, lat] = index.points[i]!;
		minutes = Math.min(minutes, walkingMinutes(from, { lon, lat }));
	}
	return minutes <= maxMinutes ? minutes : null;
}

/**
 * Minutes from every sample to its nearest offer, `Infinity` where none is within `maxMinutes`
 * (or there is no offer at all). One typed array, so weighted sums over thousands of samples stay cheap.
 */
export function minutesFromSamples(
	samples: readonly LonLatPair[],
	offers: OfferPointIndex | readonly LonLatPair[],
	maxMinutes: number = Infinity
): Float64Array {
	const index = isIndex(offers) ? offers : indexOfferPoints(offers);
	const result = new Float64Array(samples.length);
	samples.forEach((sample, i) => {
		result[i] = nearestMinutes(sample, index, maxMinutes) ?? Infinity;
	});
	return result;
}

export interface CoverageShares {
	/** Share (0–1) of the samples within 10 and 15 minutes; `null` without samples or weight. */
	within10: number | null;
	within15: number | null;
	samples: number;
}

/**
 * Share of the samples within 10 and 15 minutes of an offer point. `weights` (one per sample,
 * default all equal) turn the share of points into a share of people or of area.
 */
export function coverageShares(
	samples: readonly LonLatPair[],
	offers: OfferPointIndex | readonly LonLatPair[],
	weights?: ArrayLike<number>
): CoverageShares {
	const minutes = minutesFromSamples(samples, offers, Math.max(...COVERAGE_MINUTES));
	return { ...sharesWithin(minutes, weights), samples: samples.length };
}

/** Weighted shares of `minutes` at or under 10 and 15; `null` when the weights sum to zero. */
export function sharesWithin(
	minutes: ArrayLike<number>,
	weights?: ArrayLike<number>,
	members?: ArrayLike<number>
): { within10: number | null; within15: number | null } {
	let total = 0;
	let in10 = 0;
	let in15 = 0;
	const count = members ? members.length : minutes.length;
	for (let k = 0; k < count; k++) {
		const i = members ? members[k]! : k;
		const w = weights ? weights[i]! : 1;
		const m = minutes[i]!;
		total += w;
		if (m <= 10) in10 += w;
		if (m <= 15) in15 += w;
	}
	if (!(total > 0)) return { within10: null, within15: null };
	return { within10: in10 / total, within15: in15 / total };
}

/** Shares per level for one set of samples: the plain "how much of this area is within reach". */
export function walkingCoverage<L extends string>(
	samples: readonly LonLatPair[],
	offersByLevel: Readonly<Record<L, readonly LonLatPair[]>>,
	weights?: ArrayLike<number>
): Record<L, CoverageShares> {
	const result = {} as Record<L, CoverageShares>;
	for (const level of Object.keys(offersByLevel) as L[]) {
		result[level] = coverageShares(samples, offersByLevel[level], weights);
	}
	return result;
}
