import { describe, expect, it } from 'vitest';
import { computeIndicators, type IndicatorsInput } from './indicators';
import { GRID_SPACING, NOW, at, directory, town } from './test-city.fixtures';
import { compareIndicators, whatIf, withHypotheticalOffer, type AreaComparison } from './what-if';

/**
 * A hypothetical « découvrir » offer on B's grid point (875, 125), open Saturday 9–12 (180 min).
 * Mirror image of the « accompagné » offer at (125, 125) (indicators.test.ts):
 *   B: 6/8 within 10 min, 8/8 within 15;  A: 2/8 within 10, 5/8 within 15.
 * Before, no « découvrir » offer was open: every share was 0.
 */
const options = { spacingMetres: GRID_SPACING };
const [lon, lat] = at(875, 125);
const hypothetical = { level: 'discover' as const, lon, lat, hours: 'Sa 09:00-12:00', themes: ['jobs'] };

function byKey(comparison: AreaComparison[], key: string): AreaComparison {
	const found = comparison.find((c) => c.key === key);
	if (!found) throw new Error(`no area ${key}`);
	return found;
}

describe('withHypotheticalOffer', () => {
	it('adds one place, found in its IRIS and QPV, without touching the input', () => {
		const input: IndicatorsInput = { geography: town(), places: directory() };
		const after = withHypotheticalOffer(input, hypothetical);
		expect(input.places).toHaveLength(4);
		expect(after.places).toHaveLength(5);
		expect(after.geography).toBe(input.geography);
		const added = after.places[4]!;
		// Ids below every stored one (1…4 and 11…41), so nothing can collide.
		expect(added.id).toBe(-1);
		expect(added).toMatchObject({ inCommune: true, iris: { code: 'B' }, qpv: null });
		expect(added.offers).toEqual([
			expect.objectContaining({ level: 'discover', hours: 'Sa 09:00-12:00', status: 'active', verifiedAt: null, themes: ['jobs'] })
		]);

		const [qLon, qLat] = at(100, 100);
		const inQ = withHypotheticalOffer(input, { ...hypothetical, lon: qLon, lat: qLat }).places[4]!;
		expect(inQ).toMatchObject({ iris: { code: 'A' }, qpv: { code: 'Q' } });
		const [outLon, outLat] = at(-2000, 0);
		expect(withHypotheticalOffer(input, { ...hypothetical, lon: outLon, lat: outLat }).places[4]).toMatchObject({ inCommune: false, iris: null, qpv: null });
	});

	it('refuses a bad level, point or hours value', () => {
		const input: IndicatorsInput = { geography: town(), places: directory() };
		expect(() => withHypotheticalOffer(input, { ...hypothetical, level: 'everything' as 'discover' })).toThrow(RangeError);
		expect(() => withHypotheticalOffer(input, { ...hypothetical, lon: Number.NaN })).toThrow(RangeError);
		expect(() => withHypotheticalOffer(input, { ...hypothetical, hours: 'tous les jours sauf parfois' })).toThrow(/Horaires illisibles/);
		expect(() => withHypotheticalOffer(input, { ...hypothetical, hours: null })).not.toThrow();
	});
});

describe('compareIndicators', () => {
	const input: IndicatorsInput = { geography: town(), places: directory() };
	const before = computeIndicators(input, NOW, options);
	const after = computeIndicators(withHypotheticalOffer(input, hypothetical), NOW, options);
	const comparison = compareIndicators(before, after);

	it('gives the CAF-weighted coverage before and after, per area', () => {
		const commune = byKey(comparison, 'commune:T').deltas.coverage.discover;
		// (3,000 × 2/8 + 1,000 × 6/8) ÷ 4,000 = 1,500 ÷ 4,000; (3,000 × 5/8 + 1,000 × 8/8) ÷ 4,000 = 2,875 ÷ 4,000.
		expect(commune.within10.weighted).toEqual({ before: 0, after: 0.375, delta: 0.375 });
		expect(commune.within15.weighted.after).toBeCloseTo(0.71875, 12);
		// By area: (2 + 6) ÷ 16 and (5 + 8) ÷ 16.
		expect(commune.within10.area.delta).toBeCloseTo(0.5, 12);
		expect(commune.within15.area.delta).toBeCloseTo(0.8125, 12);
		expect(byKey(comparison, 'iris:B').deltas.coverage.discover.within10.weighted).toEqual({ before: 0, after: 0.75, delta: 0.75 });
		expect(byKey(comparison, 'iris:A').deltas.coverage.discover.within15.weighted).toEqual({ before: 0, after: 0.625, delta: 0.625 });
		// Q: A's 6 points (375 persons each) and B's 3 at x = 625 (125 each). From (875, 125):
		// within 10 min A's (375, 125) (375, 375) and all three of B's → (750 + 375) ÷ 2,625;
		// within 15 also A's (125, 125) (125, 375) (375, 625) → (1,875 + 375) ÷ 2,625.
		const q = byKey(comparison, 'qpv:Q').deltas.coverage.discover;
		expect(q.within10.weighted.after).toBeCloseTo(3 / 7, 12);
		expect(q.within15.weighted.after).toBeCloseTo(6 / 7, 12);
		// Other levels did not move.
		expect(byKey(comparison, 'commune:T').deltas.coverage.support.within10.weighted.delta).toBe(0);
	});

	it('counts the offer where it stands, with its hours, and only there', () => {
		const b = byKey(comparison, 'iris:B').deltas;
		expect(b.offers.active).toEqual({ before: 1, after: 2, delta: 1 });
		expect(b.offers.byLevel.discover.delta).toBe(1);
		// A theme absent before counts as 0 before.
		expect(b.offers.byTheme.jobs).toEqual({ before: 0, after: 1, delta: 1 });
		expect(b.hours.discover.saturday.delta).toBe(1);
		expect(b.hours.discover.evening.delta).toBe(0);
		expect(b.hours.discover.offerMinutes).toEqual({ before: 0, after: 180, delta: 180 });
		expect(b.hours.all.openMinutes).toEqual({ before: 0, after: 180, delta: 180 });
		expect(b.offers.verifiedRecently.delta).toBe(0);
		expect(byKey(comparison, 'iris:A').deltas.offers.active.delta).toBe(0);
		// (875, 125) is east of Q's 750 m edge.
		expect(byKey(comparison, 'qpv:Q').deltas.offers.active.delta).toBe(0);
		expect(byKey(comparison, 'iris_outside_qpv:iris_outside_qpv').deltas.offers.active.delta).toBe(1);
		expect(byKey(comparison, 'commune:T').deltas.offers.active.delta).toBe(1);
	});

	it('says which areas changed at all', () => {
		expect(comparison.every((c) => c.changed)).toBe(true);
		// A second « apprendre » offer: the level already covers everything, so only B's counts move.
		const [x, y] = at(875, 125);
		const learn = compareIndicators(before, computeIndicators(withHypotheticalOffer(input, { level: 'learn', lon: x, lat: y, hours: null }), NOW, options));
		expect(learn.filter((c) => c.changed).map((c) => c.key)).toEqual(['commune:T', 'iris_outside_qpv:iris_outside_qpv', 'grand_quartier:G1', 'iris:B']);
	});
});

describe('whatIf', () => {
	it('recomputes every indicator and both gap lists without saving anything', () => {
		const input: IndicatorsInput = { geography: town(), places: directory() };
		const result = whatIf(input, hypothetical, NOW, options);
		expect(input.places).toHaveLength(4);
		expect(result.gapsBefore.entries.map((e) => `${e.code} ${e.level}`)).toEqual(['A discover', 'Q discover', 'B discover', 'B reinforced']);
		// After: A découvrir U = 3/8, Q 1/7, B 0: only B renforcé is still missing.
		expect(result.gapsAfter.entries.map((e) => `${e.code} ${e.level}`)).toEqual(['B reinforced']);
		expect(result.comparison).toHaveLength(result.before.areas.length);
	});
});
