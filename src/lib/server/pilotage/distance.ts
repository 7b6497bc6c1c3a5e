import { prepareGeography, isTemporarilyClosedAt, type IndicatorsInput } from '$lib/domain/coverage/indicators';
import type { LonLatPair } from '$lib/domain/coverage/grid';
import { indexOfferPoints, minutesFromSamples } from '$lib/domain/coverage/walking-coverage';
import { LEVEL_INFO, type Level } from '$lib/domain/levels';
import { NBSP } from './format';

/**
 * The distance layer: walking minutes from every grid point of the commune to the nearest offer
 * of one level, in four classes. The same grid, the same offers (open to the public today) and
 * the same walking model as the coverage figures, so « 11 à 15 min » and « plus de 15 min »
 * here add up to the coverage table's 15-minute share.
 */

export const DISTANCE_CLASSES = [
	{ label: `5${NBSP}min ou moins`, max: 5 },
	{ label: `6 à 10${NBSP}min`, max: 10 },
	{ label: `11 à 15${NBSP}min`, max: 15 },
	{ label: `plus de 15${NBSP}min`, max: Infinity }
] as const;
export const DISTANCE_COLOURS = ['#253494', '#41b6c4', '#c7e9b4', '#f2f2f2'] as const;
/** « plus de 15 min » is hatched as well: the one class a planner looks for is never colour alone. */
export const HATCHED_CLASS = 3;

export function distanceClass(minutes: number): number {
	return minutes <= 5 ? 0 : minutes <= 10 ? 1 : minutes <= 15 ? 2 : 3;
}

export interface DistanceLayer {
	level: Level;
	spacingMetres: number;
	points: LonLatPair[];
	/** Class of each point (index into DISTANCE_CLASSES). */
	classes: Uint8Array;
	/** Share of the commune's surface in each class. */
	communeShares: number[];
	/** Per IRIS: its code, name and the share of its surface in each class. */
	byIris: { code: string; name: string; shares: number[] }[];
	/** The offers' points of this level (for drawing them). */
	offerPoints: LonLatPair[];
}

/** `spacingMetres` as the indicators' grid (default 50 m), so both read the same points. */
export function distanceLayer(input: IndicatorsInput, level: Level, now: Date, spacingMetres?: number): DistanceLayer {
	const prepared = prepareGeography(input.geography, spacingMetres);
	const offerPoints = new Map<string, LonLatPair>();
	for (const place of input.places) {
		if (!Number.isFinite(place.lon) || !Number.isFinite(place.lat)) continue;
		const covers = place.offers.some((o) => o.level === level && o.status !== 'closed' && !isTemporarilyClosedAt(o, now));
		if (covers) offerPoints.set(`${place.lon},${place.lat}`, [place.lon, place.lat]);
	}
	const offers = [...offerPoints.values()];
	const index = indexOfferPoints(offers);

	const points: LonLatPair[] = [];
	const weights: number[] = [];
	const byIris: DistanceLayer['byIris'] = [];
	const irisRanges: [number, number][] = [];
	prepared.iris.forEach((entry) => {
		const from = points.length;
		for (const p of entry.members) {
			points.push(prepared.points[p]!);
			weights.push(prepared.weightArea[p]!);
		}
		irisRanges.push([from, points.length]);
	});
	const minutes = minutesFromSamples(points, index, DISTANCE_CLASSES[2].max);
	const classes = Uint8Array.from(minutes, (m) => distanceClass(m));

	const communeTotals = [0, 0, 0, 0];
	let total = 0;
	classes.forEach((cls, i) => {
		communeTotals[cls]! += weights[i]!;
		total += weights[i]!;
	});
	prepared.iris.forEach((entry, k) => {
		const [from, to] = irisRanges[k]!;
		const counts = [0, 0, 0, 0];
		for (let i = from; i < to; i++) counts[classes[i]!]!++;
		const n = Math.max(1, to - from);
		byIris.push({ code: entry.input.code, name: entry.input.name, shares: counts.map((c) => c / n) });
	});

	return {
		level,
		spacingMetres: prepared.spacingMetres,
		points,
		classes,
		communeShares: communeTotals.map((c) => (total > 0 ? c / total : 0)),
		byIris,
		offerPoints: offers
	};
}

export function distanceTitle(level: Level): string {
	return `Temps de marche jusqu'à l'offre de niveau ${LEVEL_INFO[level].rank} (${LEVEL_INFO[level].label}) la plus proche`;
}
