import { describe, expect, it } from 'vitest';
import { DUPLICATE_THRESHOLD, duplicateCandidates, metresBetween, scoreDuplicate } from './duplicates';

const ccas = { name: 'CCAS de Roubaix', address: '9 rue Pellart', lat: 50.6873, lon: 3.1833 };

describe('scoreDuplicate', () => {
	it('the same place under another id scores full marks, with its reasons in French', () => {
		expect(scoreDuplicate({ ...ccas, address: '9 RUE PELLART' }, ccas)).toEqual({
			score: 1,
			reasons: ['même nom', 'même adresse', 'à moins de 10 m']
		});
	});

	it('a renamed entry at the same address, 30 m away, is still a probable duplicate', () => {
		const renamed = { name: 'CCAS Roubaix accueil', address: '9 rue Pellart', lat: 50.6875, lon: 3.1835 };
		const result = scoreDuplicate(renamed, ccas);
		// name: {ccas, roubaix} vs {ccas, roubaix, accueil} = 2/3; address 1; distance < 50 m → 1.
		expect(metresBetween(renamed, ccas)).toBeLessThan(50);
		expect(result.score).toBeCloseTo(0.5 * (2 / 3) + 0.3 + 0.2, 2);
		expect(result.score).toBeGreaterThanOrEqual(DUPLICATE_THRESHOLD);
		expect(result.reasons).toContain('même adresse');
	});

	it('another organisation in the same street, far along it, is not', () => {
		const other = { name: 'Médiathèque La Grand-Plage', address: '120 rue Pellart', lat: 50.6925, lon: 3.1745 };
		const result = scoreDuplicate(other, ccas);
		expect(result.reasons).toContain('même rue');
		expect(result.score).toBeLessThan(DUPLICATE_THRESHOLD);
	});

	it('distance credit falls linearly between 50 m and 500 m', () => {
		// Same name, different addresses: 0.5 + 0.2 × distance credit.
		const at = (metres: number) => ({ ...ccas, address: '1 rue Ailleurs', lat: ccas.lat + metres / 111_195 });
		expect(scoreDuplicate(at(40), ccas).score).toBe(0.7);
		expect(scoreDuplicate(at(275), ccas).score).toBe(0.6);
		expect(scoreDuplicate(at(600), ccas).score).toBe(0.5);
	});
});

describe('duplicateCandidates', () => {
	it('keeps those above the threshold, best first', () => {
		const existing = [
			{ id: 1, ...ccas },
			{ id: 2, name: 'Mairie de quartier Centre', address: '17 Grand Place', lat: 50.6905, lon: 3.1817 },
			{ id: 3, name: 'CCAS de Roubaix', address: '1 rue Ailleurs', lat: 50.6874, lon: 3.1834 }
		];
		const found = duplicateCandidates(ccas, existing);
		expect(found.map((c) => c.id)).toEqual([1, 3]);
		expect(found[0]!.score).toBe(1);
	});
});
