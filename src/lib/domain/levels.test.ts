import { describe, expect, it } from 'vitest';
import { levelRank, placeRanks } from './levels';

describe('levels on the map', () => {
	it('ranks the ladder 1 to 4 and « à préciser » 0', () => {
		expect(['discover', 'learn', 'support', 'reinforced', null].map((l) => levelRank(l as never))).toEqual([1, 2, 3, 4, 0]);
	});

	it('gives a place its distinct ranks in ascending order', () => {
		expect(placeRanks([{ level: 'reinforced' }, { level: null }, { level: 'learn' }, { level: 'reinforced' }])).toEqual([0, 2, 4]);
		expect(placeRanks([])).toEqual([]);
	});
});
