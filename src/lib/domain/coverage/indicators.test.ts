import { describe, expect, it } from 'vitest';
import { areaByKey, computeIndicators, isTemporarilyClosedAt, prepareGeography, type AreaIndicators, type IndicatorsResult } from './indicators';
import { testOffer, testPlace } from '../catalogue.fixtures';
import { GRID_SPACING, NOW, directory, offer, place, rectangle, town } from './test-city.fixtures';

/**
 * The square town of test-city.fixtures.ts, sampled every 250 m: 16 points, 8 in each IRIS.
 *
 * « Être accompagné » (P1, at the grid point (125, 125)): a point i columns and j rows away is
 * 250·√(i² + j²) m from it, within 10 min (≤ 576.9 m) when i² + j² ≤ 5, within 15 min (≤ 865.4 m)
 * when i² + j² ≤ 10 (13 would be 901 m).
 *   A (columns 0, 1): within 10 all but (0,3) (1,3) → 6/8 = 0.75; within 15 all → 8/8 = 1.
 *   B (columns 2, 3): within 10 (2,0) (2,1) → 2/8 = 0.25; within 15 also (2,2) (3,0) (3,1) → 5/8.
 * « Renforcé » (P4, outside the town at (−350, 125)), distances to A's points:
 *   (125,125) 475 m, (125,375) 537 m → 10 min; (125,625) 690 m, (375,125) 725 m, (375,375) 767 m
 *   → 15 min; (375,625) 881 m, (125,875) 888 m and the rest are beyond. A: 2/8 and 5/8; B: 0.
 * « Apprendre » (P2, at (499, 500)): every point is within 531 m → 1 everywhere.
 * « Découvrir »: its only offer is temporarily closed → 0 everywhere.
 *
 * CAF weights: A 3,000 persons, B 1,000.
 */

const compute = (geography = town(), places = directory()) => computeIndicators({ geography, places }, NOW, { spacingMetres: GRID_SPACING });
const area = (result: IndicatorsResult, key: string): AreaIndicators => {
	const found = areaByKey(result, key);
	if (!found) throw new Error(`no area ${key}`);
	return found;
};

describe('computeIndicators: the areas', () => {
	it('lists the commune, each QPV, IRIS in/out of QPV, each grand quartier and each IRIS', () => {
		const result = compute();
		expect(result.areas.map((a) => a.key)).toEqual([
			'commune:T',
			'qpv:Q',
			'iris_in_qpv:iris_in_qpv',
			'iris_outside_qpv:iris_outside_qpv',
			'grand_quartier:G1',
			'iris:A',
			'iris:B'
		]);
		expect(result.samplePoints).toBe(16);
		expect(area(result, 'commune:T').samplePoints).toBe(16);
		// Q holds A's points at y = 125, 375, 625 (6) and B's at x = 625 on those rows (3).
		expect(area(result, 'qpv:Q').samplePoints).toBe(9);
		expect(area(result, 'qpv:Q').irisCodes).toEqual(['A', 'B']);
		// A is 75 % in Q (« en QPV »), B 37.5 % (« hors QPV »).
		expect(area(result, 'iris_in_qpv:iris_in_qpv').irisCodes).toEqual(['A']);
		expect(area(result, 'iris_outside_qpv:iris_outside_qpv').irisCodes).toEqual(['B']);
		expect(area(result, 'grand_quartier:G1').name).toBe('Ouest – Est');
		expect(result.walkingModel).toBe("distance à vol d'oiseau × 1,3, à 4,5 km/h");
	});

	it('measures the QPV share on the grid when the input does not give it', () => {
		const result = compute(town({ qpvShare: undefined }, { qpvShare: null }));
		// A: 6 of its 8 points in Q (0.75 > ½); B: 3 of 8 (0.375).
		expect(area(result, 'iris_in_qpv:iris_in_qpv').irisCodes).toEqual(['A']);
		expect(area(result, 'iris_outside_qpv:iris_outside_qpv').irisCodes).toEqual(['B']);
	});

	it('leaves an empty aggregate without shares rather than with zeros', () => {
		const result = compute(town({}, { qpvShare: 0.9 }));
		const outside = area(result, 'iris_outside_qpv:iris_outside_qpv');
		expect(outside.samplePoints).toBe(0);
		expect(outside.metrics.coverage.support.within10).toEqual({ weighted: null, area: null });
	});

	it('gives an IRIS smaller than a grid cell one point, and says so', () => {
		const geography = town();
		const tiny = { ...geography.iris[1]!, code: 'C', name: 'Minuscule', grandQuartierCode: 'G2', geometry: rectangle(1000, 0, 1020, 20), cafPersons: 10 };
		const result = compute({ ...geography, iris: [...geography.iris, tiny] });
		expect(area(result, 'iris:C').samplePoints).toBe(1);
		expect(area(result, 'iris:C').samplingFallback).toBe(true);
		expect(area(result, 'grand_quartier:G2').name).toBe('Grand quartier G2');
		expect(area(result, 'commune:T').samplePoints).toBe(17);
	});

	it('samples a geography once', () => {
		const geography = town();
		expect(prepareGeography(geography, GRID_SPACING)).toBe(prepareGeography(geography, GRID_SPACING));
	});
});

describe('computeIndicators: walking coverage', () => {
	const result = compute();

	it('gives each IRIS the share of its grid points within reach', () => {
		expect(area(result, 'iris:A').metrics.coverage.support).toEqual({
			within10: { weighted: 0.75, area: 0.75 },
			within15: { weighted: 1, area: 1 }
		});
		expect(area(result, 'iris:B').metrics.coverage.support).toEqual({
			within10: { weighted: 0.25, area: 0.25 },
			within15: { weighted: 0.625, area: 0.625 }
		});
		expect(area(result, 'iris:A').metrics.coverage.reinforced.within10.weighted).toBe(0.25);
		expect(area(result, 'iris:A').metrics.coverage.reinforced.within15.weighted).toBe(0.625);
		expect(area(result, 'iris:B').metrics.coverage.reinforced.within15.weighted).toBe(0);
	});

	it('weights the commune by CAF persons: (3,000 × s_A + 1,000 × s_B) ÷ 4,000', () => {
		const commune = area(result, 'commune:T').metrics.coverage;
		// Support, 10 min: (3,000 × 0.75 + 1,000 × 0.25) ÷ 4,000 = 2,500 ÷ 4,000.
		expect(commune.support.within10.weighted).toBeCloseTo(0.625, 12);
		// Support, 15 min: (3,000 × 1 + 1,000 × 0.625) ÷ 4,000 = 3,625 ÷ 4,000.
		expect(commune.support.within15.weighted).toBeCloseTo(0.90625, 12);
		// By area the halves weigh the same: 8 of 16 points, and 13 of 16.
		expect(commune.support.within10.area).toBeCloseTo(0.5, 12);
		expect(commune.support.within15.area).toBeCloseTo(0.8125, 12);
		// Renforcé: (3,000 × 0.25) ÷ 4,000 and (3,000 × 0.625) ÷ 4,000; by area 2/16 and 5/16.
		expect(commune.reinforced.within10.weighted).toBeCloseTo(0.1875, 12);
		expect(commune.reinforced.within15.weighted).toBeCloseTo(0.46875, 12);
		expect(commune.reinforced.within10.area).toBeCloseTo(0.125, 12);
		expect(commune.reinforced.within15.area).toBeCloseTo(0.3125, 12);
		expect(commune.learn.within10).toEqual({ weighted: 1, area: 1 });
		// The only « découvrir » offer is temporarily closed: it covers nothing.
		expect(commune.discover.within15).toEqual({ weighted: 0, area: 0 });
		expect(area(result, 'commune:T').weighting.method).toBe('caf');
		expect(area(result, 'grand_quartier:G1').metrics.coverage).toEqual(area(result, 'commune:T').metrics.coverage);
	});

	it('weights a QPV by the CAF persons of the IRIS parts inside it', () => {
		// Each point of A stands for 3,000 ÷ 8 = 375 persons, each of B for 1,000 ÷ 8 = 125.
		// Support, 10 min: A's 6 points in Q all within, B's 3 points in Q: (625,125) and (625,375)
		// within, (625,625) (i² + j² = 8) not: (6 × 375 + 2 × 125) ÷ (6 × 375 + 3 × 125) = 2,500 ÷ 2,625.
		const q = area(result, 'qpv:Q');
		expect(q.metrics.coverage.support.within10.weighted).toBeCloseTo(20 / 21, 12);
		expect(q.metrics.coverage.support.within10.area).toBeCloseTo(8 / 9, 12);
		expect(q.metrics.coverage.support.within15.weighted).toBeCloseTo(1, 12);
		// Renforcé: 2 (10 min) and 5 (15 min) of A's 6 points in Q, none of B's.
		expect(q.metrics.coverage.reinforced.within10.weighted).toBeCloseTo(750 / 2625, 12);
		expect(q.metrics.coverage.reinforced.within15.weighted).toBeCloseTo(1875 / 2625, 12);
		expect(q.metrics.coverage.reinforced.within15.area).toBeCloseTo(5 / 9, 12);
		expect(q.context.cafPersons.value).toBeCloseTo(2625, 9);
		expect(q.weighting.method).toBe('caf');
	});

	it('falls back to area for an IRIS without CAF value, and flags it', () => {
		// B gets A's density: 3,000 persons on an area equal to A's, so both weigh 3,000 and the
		// weighted share equals the area share: (0.75 + 0.25) ÷ 2 and (1 + 0.625) ÷ 2.
		const fallback = compute(town({}, { cafPersons: null }));
		const commune = area(fallback, 'commune:T');
		expect(commune.metrics.coverage.support.within10.weighted).toBeCloseTo(0.5, 9);
		expect(commune.metrics.coverage.support.within15.weighted).toBeCloseTo(0.8125, 9);
		expect(commune.weighting.method).toBe('caf_with_area_fallback');
		expect(commune.weighting.irisWithoutCaf).toEqual(['B']);
		expect(commune.weighting.note).toContain('B');
		expect(commune.context.cafPersons).toEqual({ value: 3000, irisWithoutValue: ['B'] });
		// 3,000 persons on A's 0.5 km².
		expect(fallback.cafDensityPerKm2! / 6000).toBeCloseTo(1, 2);
		expect(area(fallback, 'iris:B').weighting.irisWithoutCaf).toEqual(['B']);
		expect(area(fallback, 'iris_in_qpv:iris_in_qpv').weighting.method).toBe('caf');
	});

	it('weights by area alone when no IRIS has a CAF value', () => {
		const none = compute(town({ cafPersons: null }, { cafPersons: null }));
		const commune = area(none, 'commune:T');
		expect(commune.weighting.method).toBe('area');
		expect(commune.metrics.coverage.support.within10.weighted).toBeCloseTo(0.5, 9);
		expect(commune.context.cafPersons.value).toBeNull();
		expect(none.cafDensityPerKm2).toBeNull();
	});

	it('lets offers outside the commune cover it, and ignores absurd coordinates', () => {
		const places = [...directory(), { ...place(9, 0, 0, { inCommune: false, offers: [offer(91, { level: 'discover' })] }), lat: 0, lon: 0 }];
		const result = compute(town(), places);
		expect(area(result, 'commune:T').metrics.coverage.discover.within15.weighted).toBe(0);
		expect(area(result, 'commune:T').metrics.offers.byLevel.reinforced).toBe(0);
	});
});

describe('computeIndicators: offers', () => {
	const result = compute();

	it('counts active offers by level and theme, and temporary closures apart', () => {
		const offers = area(result, 'commune:T').metrics.offers;
		// P1: 11, 12, 17 (support), 13 (à préciser); P2: 21 (learn); P3: 31 (à préciser, closure
		// not started). 14 is closed for now, 15 closed for good, 41 outside the commune.
		expect(offers.active).toBe(6);
		expect(offers.temporarilyClosed).toBe(1);
		expect(offers.byLevel).toEqual({ discover: 0, learn: 1, support: 3, reinforced: 0, unknown: 2 });
		expect(offers.levelToSpecify).toBe(2);
		expect(offers.byTheme).toEqual({ admin: 2, health: 1 });
		expect(offers.byLevelAndTheme.support).toEqual({ admin: 2, health: 1 });
		expect(offers.byLevelAndTheme.learn).toEqual({});
		expect(offers.free).toBe(1);
		expect(offers.freeUnderCondition).toBe(1);
		expect(offers.otherLanguages).toBe(1);
		expect(offers.byLanguage).toEqual({ ar: 1 });
		expect(offers.specificSupport).toBe(1);
		expect(offers.bySpecificSupport).toEqual({ Surdité: 1 });
		// 11 was verified 3 months before NOW, 12 seven months before, the others never.
		expect(offers.verifiedRecently).toBe(1);
	});

	it('counts each place in its IRIS, QPV and grand quartier', () => {
		expect(area(result, 'iris:A').metrics.offers.active).toBe(5);
		expect(area(result, 'iris:A').metrics.offers.temporarilyClosed).toBe(1);
		expect(area(result, 'iris:B').metrics.offers.active).toBe(1);
		expect(area(result, 'qpv:Q').metrics.offers.active).toBe(5);
		expect(area(result, 'iris_in_qpv:iris_in_qpv').metrics.offers.active).toBe(5);
		expect(area(result, 'iris_outside_qpv:iris_outside_qpv').metrics.offers.active).toBe(1);
		expect(area(result, 'grand_quartier:G1').metrics.offers).toEqual(area(result, 'commune:T').metrics.offers);
	});

	it('adds up weekly hours per level, and the time at least one is open', () => {
		// 11: Mo-Fr 9–12 (900 min); 12: Sa 10–12 and Tu 17–19 (240, evening, Saturday);
		// 17: Mo 10–13 (180), overlapping 11 on Monday 10–12.
		// Open at least once: Mo 9–13 (240), Tu 9–12 + 17–19 (300), We–Fr 9–12 (540), Sa 10–12 (120).
		const hours = area(result, 'commune:T').metrics.hours;
		expect(hours.support).toEqual({ offers: 3, withHours: 3, withoutHours: 0, offerMinutes: 1320, openMinutes: 1200, evening: 1, saturday: 1 });
		expect(hours.all).toEqual({ offers: 6, withHours: 3, withoutHours: 3, offerMinutes: 1320, openMinutes: 1200, evening: 1, saturday: 1 });
		expect(hours.learn).toEqual({ offers: 1, withHours: 0, withoutHours: 1, offerMinutes: 0, openMinutes: 0, evening: 0, saturday: 0 });
		expect(area(result, 'iris:B').metrics.hours.support.offers).toBe(0);
	});

	it('gives the context of each area: CAF persons, fragility and poverty, missing values named', () => {
		const commune = area(result, 'commune:T').context;
		expect(commune.cafPersons).toEqual({ value: 4000, irisWithoutValue: [] });
		// (3,000 × 120 + 1,000 × 100) ÷ 4,000.
		expect(commune.fragilityIndex.value).toBeCloseTo(115, 12);
		// B's poverty rate is secret: the mean is A's alone, and B is named.
		expect(commune.povertyRatePct).toEqual({ value: 50, irisWithoutValue: ['B'] });
		expect(commune.areaKm2).toBeCloseTo(1, 2);
		// Q: 2,250 persons of A, 375 of B: (2,250 × 120 + 375 × 100) ÷ 2,625.
		expect(area(result, 'qpv:Q').context.fragilityIndex.value).toBeCloseTo(307_500 / 2625, 9);
		expect(area(result, 'qpv:Q').context.areaKm2).toBeCloseTo(0.5625, 3);
		expect(area(result, 'iris:B').context.povertyRatePct).toEqual({ value: null, irisWithoutValue: ['B'] });
	});
});

describe('computeIndicators: catalogue records', () => {
	it('takes the places the search reads, as they are', () => {
		const catalogued = testPlace({
			id: 7,
			name: 'Médiathèque',
			iris: { code: 'A', name: 'Ouest' },
			offers: [testOffer({ id: 70, placeId: 7, level: 'learn', languages: ['fr', 'tr'] })]
		});
		const result = computeIndicators({ geography: town(), places: [catalogued] }, NOW, { spacingMetres: GRID_SPACING });
		expect(area(result, 'iris:A').metrics.offers.byLevel.learn).toBe(1);
		expect(area(result, 'iris:A').metrics.offers.byLanguage).toEqual({ tr: 1 });
	});
});

describe('isTemporarilyClosedAt', () => {
	it('follows the search: closed between its Paris dates, or open-ended', () => {
		const closed = { status: 'temporarily_closed' as const, closedFrom: null, closedUntil: null };
		expect(isTemporarilyClosedAt(closed, NOW)).toBe(true);
		expect(isTemporarilyClosedAt({ ...closed, closedFrom: '2026-03-03' }, NOW)).toBe(false);
		expect(isTemporarilyClosedAt({ ...closed, closedUntil: '2026-03-02' }, NOW)).toBe(true);
		expect(isTemporarilyClosedAt({ ...closed, closedUntil: '2026-03-01' }, NOW)).toBe(false);
		expect(isTemporarilyClosedAt({ ...closed, status: 'active' }, NOW)).toBe(false);
	});
});
