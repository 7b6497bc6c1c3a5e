import { describe, expect, it } from 'vitest';
import { rankGaps } from './gaps';
import { computeIndicators } from './indicators';
import { GRID_SPACING, NOW, directory, town } from './test-city.fixtures';
import type { IrisInput } from './indicators';

/**
 * Coverage within 15 min in the square town (see indicators.test.ts for the grid points):
 *   A: découvrir 0, apprendre 1, accompagné 1, renforcé 5/8  → missing: découvrir (U = 1)
 *   B: découvrir 0, apprendre 1, accompagné 5/8, renforcé 0  → missing: découvrir, renforcé
 *   Q: découvrir 0, apprendre 1, accompagné 1, renforcé 5/7  → missing: découvrir
 * (U = 1 − s₁₅; renforcé in A, U = 3/8, and in Q, U = 2/7, are not "most of the area".)
 */
const gapsOf = (a: Partial<IrisInput> = {}, b: Partial<IrisInput> = {}) =>
	rankGaps(computeIndicators({ geography: town(a, b), places: directory() }, NOW, { spacingMetres: GRID_SPACING }));

const summary = (report: ReturnType<typeof rankGaps>) => report.entries.map((e) => `${e.rank} ${e.code} ${e.level}`);

describe('rankGaps', () => {
	it('ranks missing levels by uncovered share × fragility ÷ 100 × poverty ÷ commune rate', () => {
		// Commune poverty rate: A's 50 % (B's is secret) → p_ref = 50.
		//   A découvrir: 1 × 120/100 × 50/50 = 1.2
		//   Q découvrir: 1 × 117.14/100 × 50/50 = 1.1714 (IFN: (2,250 × 120 + 375 × 100) ÷ 2,625)
		//   B découvrir: 1 × 100/100 × (poverty left out) = 1, and B renforcé the same: the lower
		//   level first.
		const report = gapsOf();
		expect(report.povertyReferencePct).toBe(50);
		expect(summary(report)).toEqual(['1 A discover', '2 Q discover', '3 B discover', '4 B reinforced']);
		const [a, q, b] = report.entries;
		expect(a!.score).toBeCloseTo(1.2, 12);
		expect(a!.uncoveredShare).toBe(1);
		expect(a!.fragility).toEqual({ value: 120, reference: 100, factor: 1.2, irisWithoutValue: [] });
		expect(a!.poverty).toEqual({ value: 50, reference: 50, factor: 1, irisWithoutValue: [] });
		expect(q!.kind).toBe('qpv');
		expect(q!.score).toBeCloseTo(307_500 / 2625 / 100, 12);
		// Q's poverty rate is A's part alone; B's part is named as missing.
		expect(q!.poverty.value).toBe(50);
		expect(q!.poverty.irisWithoutValue).toEqual(['B']);
		expect(q!.missingIndicators).toEqual([]);
		expect(b!.score).toBe(1);
		expect(b!.poverty).toEqual({ value: null, reference: 50, factor: null, irisWithoutValue: ['B'] });
		expect(b!.missingIndicators).toEqual(['poverty']);
		expect(b!.explanation).toContain('taux de pauvreté inconnu (retiré du calcul)');
		expect(a!.explanation).toBe(
			"100 % de la zone à plus de 15 min d'une offre de niveau 1 (« Découvrir et s'informer ») ; fragilité numérique 120,0 ÷ 100 = × 1,20 ; pauvreté 50,0 % ÷ 50,0 % = × 1,00 → score 1,20"
		);
	});

	it('never reads a missing value as 0: the factor is left out and flagged', () => {
		// A's IFN is unknown, B's poverty rate is 30 %. p_ref = (3,000 × 50 + 1,000 × 30) ÷ 4,000 = 45.
		//   A découvrir: 1 × (IFN left out) × 50/45 = 1.111
		//   Q découvrir: 1 × 100/100 (B's part only) × 47.14/45 = 1.0476, with
		//                poverty (2,250 × 50 + 375 × 30) ÷ 2,625 = 47.14
		//   B découvrir and renforcé: 1 × 1 × 30/45 = 0.667
		const report = gapsOf({ fragilityIndex: null }, { povertyRatePct: 30 });
		expect(report.povertyReferencePct).toBeCloseTo(45, 12);
		expect(summary(report)).toEqual(['1 A discover', '2 Q discover', '3 B discover', '4 B reinforced']);
		const [a, q, b] = report.entries;
		expect(a!.score).toBeCloseTo(50 / 45, 12);
		expect(a!.fragility.factor).toBeNull();
		expect(a!.missingIndicators).toEqual(['fragility']);
		expect(a!.explanation).toContain('fragilité numérique inconnue (retirée du calcul)');
		expect(q!.fragility).toEqual({ value: 100, reference: 100, factor: 1, irisWithoutValue: ['A'] });
		expect(q!.poverty.value).toBeCloseTo(123_750 / 2625, 12);
		expect(q!.score).toBeCloseTo(123_750 / 2625 / 45, 12);
		expect(b!.score).toBeCloseTo(30 / 45, 12);
	});

	it('takes "most of the area" strictly, and lets the threshold and kinds be chosen', () => {
		// At 3/8, A renforcé and B accompagné (U = 0.375 exactly) stay out: missing means more than.
		expect(gapsOf().entries).toHaveLength(4);
		expect(rankGaps(computeIndicators({ geography: town(), places: directory() }, NOW, { spacingMetres: GRID_SPACING }), { uncoveredAbove: 0.375 }).entries).toHaveLength(4);
		const lower = rankGaps(computeIndicators({ geography: town(), places: directory() }, NOW, { spacingMetres: GRID_SPACING }), { uncoveredAbove: 0.3 });
		// Adds A renforcé (1.2 × 0.375 = 0.45) and B accompagné (0.375); Q renforcé (2/7) stays out.
		expect(summary(lower)).toEqual(['1 A discover', '2 Q discover', '3 B discover', '4 B reinforced', '5 A reinforced', '6 B support']);
		const onlyQpv = rankGaps(computeIndicators({ geography: town(), places: directory() }, NOW, { spacingMetres: GRID_SPACING }), { kinds: ['qpv'] });
		expect(summary(onlyQpv)).toEqual(['1 Q discover']);
	});

	it('returns the formula for the page', () => {
		const report = gapsOf();
		expect(report.minutes).toBe(15);
		expect(report.fragilityReference).toBe(100);
		expect(report.formula).toContain('secret statistique');
	});
});
