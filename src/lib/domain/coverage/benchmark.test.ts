import { describe, expect, it } from 'vitest';
import { timeFullRecompute, withSyntheticOffers } from './benchmark';
import { GRID_SPACING, NOW, directory, town } from './test-city.fixtures';

/** Only what the bench script relies on; timings are printed by the script, never asserted. */
describe('bench helpers', () => {
	it('adds exactly the offers asked, the same ones for the same seed', () => {
		const input = { geography: town(), places: directory() };
		const one = withSyntheticOffers(input, 250, 7);
		const two = withSyntheticOffers(input, 250, 7);
		const added = one.places.slice(input.places.length);
		expect(added.reduce((sum, p) => sum + p.offers.length, 0)).toBe(250);
		expect(two).toEqual(one);
		expect(input.places).toHaveLength(4);
		// Places that fall in the town are placed in their IRIS, like real ones.
		for (const p of added.filter((p) => p.inCommune)) expect(['A', 'B']).toContain(p.iris?.code);
	});

	it('times a full recompute and a what-if', () => {
		const timing = timeFullRecompute({ geography: town(), places: directory() }, NOW, 2, { spacingMetres: GRID_SPACING });
		expect(timing.recomputeMs).toHaveLength(2);
		expect(timing.samplePoints).toBe(16);
		expect(timing.offers).toBe(9);
	});
});
