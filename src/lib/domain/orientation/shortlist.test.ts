import { describe, expect, it } from 'vitest';
import { othersLabel, shortlist } from './shortlist';

describe('shortlist', () => {
	it('shows the first three and folds the rest, in order', () => {
		expect(shortlist([1, 2, 3, 4, 5, 6])).toEqual({ first: [1, 2, 3], others: [4, 5, 6] });
	});
	it('never folds a single card away', () => {
		expect(shortlist([1, 2, 3, 4])).toEqual({ first: [1, 2, 3, 4], others: [] });
		expect(shortlist([1, 2])).toEqual({ first: [1, 2], others: [] });
		expect(shortlist([])).toEqual({ first: [], others: [] });
	});
	it('names what is folded', () => {
		expect(othersLabel(18)).toBe('Voir les 18 autres lieux conseillés');
	});
});
