import { describe, expect, it } from 'vitest';
import { walkingMinutes } from '../orientation/walking';
import { samplePoints, type LonLatPair } from './grid';
import { at, rectangle } from './test-city.fixtures';
import {
	coverageShares,
	indexOfferPoints,
	minutesFromSamples,
	nearestMinutes,
	sharesWithin,
	straightLineReach,
	walkingCoverage
} from './walking-coverage';

/** @turf/distance's Earth radius: one degree of latitude is this many metres along a meridian. */
const METRES_PER_DEGREE = (6_371_008.8 * Math.PI) / 180;
const ORIGIN: LonLatPair = [3.18, 50.69];
const north = (metres: number): LonLatPair => [ORIGIN[0], ORIGIN[1] + metres / METRES_PER_DEGREE];

/** The 16 points of the 1 km square at 250 m: (125 + 250·i, 125 + 250·j), row by row from the south. */
const GRID = samplePoints(rectangle(0, 0, 1000, 1000), 250);

describe('straightLineReach', () => {
	it('is minutes × 75 m ÷ 1.3', () => {
		expect(straightLineReach(10)).toBeCloseTo(576.923, 3);
		expect(straightLineReach(15)).toBeCloseTo(865.385, 3);
	});
});

describe('nearestMinutes', () => {
	it('speaks the walking model of the orientation sheet, rounding included', () => {
		const offers = [north(750 / 1.3), north(2000)];
		// Exactly 10 min (576.9 m): not rounded up to 11, as walking.test.ts pins.
		expect(nearestMinutes(ORIGIN, offers)).toBe(10);
		expect(nearestMinutes(ORIGIN, [north(1000)])).toBe(18);
		expect(nearestMinutes(ORIGIN, [north(0)])).toBe(0);
	});

	it('is null without offers, and beyond maxMinutes', () => {
		expect(nearestMinutes(ORIGIN, [])).toBeNull();
		// 1,000 m is 17.3 → 18 min: nothing within 15.
		expect(nearestMinutes(ORIGIN, [north(1000)], 15)).toBeNull();
		expect(nearestMinutes(ORIGIN, [north(1000)], 18)).toBe(18);
	});

	it('finds offers far outside the indexed cells', () => {
		const index = indexOfferPoints([north(0), north(100)], { cellMetres: 25 });
		// 5 km south of both: the search walks rings until it reaches the table.
		const far = north(-5000);
		expect(nearestMinutes(far, index)).toBe(walkingMinutes({ lon: far[0], lat: far[1] }, { lon: ORIGIN[0], lat: ORIGIN[1] }));
	});

	it('agrees with the brute-force minimum over 10,000 scattered offers', () => {
		// A fixed pseudo-random scatter over 6 km × 6 km around Roubaix.
		let seed = 42;
		const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
		const offers: LonLatPair[] = Array.from({ length: 10_000 }, () => [3.13 + random() * 0.085, 50.66 + random() * 0.054]);
		const index = indexOfferPoints(offers);
		const queries: LonLatPair[] = Array.from({ length: 40 }, () => [3.1 + random() * 0.15, 50.64 + random() * 0.1]);
		for (const q of queries) {
			const from = { lon: q[0], lat: q[1] };
			const brute = Math.min(...offers.map(([lon, lat]) => walkingMinutes(from, { lon, lat })));
			expect(nearestMinutes(q, index)).toBe(brute);
			expect(nearestMinutes(q, index, 15)).toBe(brute <= 15 ? brute : null);
		}
		// A sparse index too: a handful of offers in big cells.
		const sparse = offers.slice(0, 7);
		const sparseIndex = indexOfferPoints(sparse);
		for (const q of queries) {
			const from = { lon: q[0], lat: q[1] };
			const brute = Math.min(...sparse.map(([lon, lat]) => walkingMinutes(from, { lon, lat })));
			expect(nearestMinutes(q, sparseIndex)).toBe(brute);
		}
	});
});

describe('coverage of the 1 km square at 250 m', () => {
	// One offer on the south-west grid point (125, 125). A point (i, j) cells away is 250·√(i² + j²)
	// metres from it: within 10 min (576.9 m) when i² + j² ≤ 5.3, within 15 min (865.4 m) when ≤ 11.98.
	// i² + j² ≤ 5: (0,0) (0,1) (1,0) (1,1) (0,2) (2,0) (1,2) (2,1) → 8 of 16 (the farthest at 559 m).
	// Then 8, 9, 10: (2,2) (0,3) (3,0) (1,3) (3,1) → 13 of 16 (the farthest at 791 m);
	// (2,3) (3,2) at 901 m and (3,3) at 1,061 m are beyond 15 min.
	const offer = [at(125, 125)];

	it('counts 8 points within 10 min and 13 within 15', () => {
		const minutes = minutesFromSamples(GRID, offer, 15);
		expect([...minutes].filter((m) => m <= 10)).toHaveLength(8);
		expect([...minutes].filter((m) => m <= 15)).toHaveLength(13);
		expect([...minutes].filter((m) => m === Infinity)).toHaveLength(3);
		expect(coverageShares(GRID, offer)).toEqual({ within10: 0.5, within15: 0.8125, samples: 16 });
	});

	it('weights points when asked', () => {
		// The west half (x = 125 and 375: 6 of its 8 points within 10 min) weighs 3, the east half
		// (2 of 8) weighs 1: (3 × 6 + 1 × 2) ÷ (3 × 8 + 1 × 8) = 20 ÷ 32.
		const weights = GRID.map((_, i) => (i % 4 < 2 ? 3 : 1));
		expect(coverageShares(GRID, offer, weights).within10).toBe(20 / 32);
	});

	it('gives shares per level, 0 for a level with no offer', () => {
		const shares = walkingCoverage(GRID, { support: offer, reinforced: [] });
		expect(shares.support).toEqual({ within10: 0.5, within15: 0.8125, samples: 16 });
		expect(shares.reinforced).toEqual({ within10: 0, within15: 0, samples: 16 });
	});

	it('has no share without samples or weight', () => {
		expect(sharesWithin([], undefined)).toEqual({ within10: null, within15: null });
		expect(sharesWithin([3], [0])).toEqual({ within10: null, within15: null });
	});
});
