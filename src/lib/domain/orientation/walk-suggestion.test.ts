import { describe, expect, it } from 'vitest';
import { AUTONOMY } from './autonomy';
import { WALK_LIMITS } from './choices';
import { suggestedWalkMinutes, walkSuggestionText } from './walk-suggestion';

describe('suggestedWalkMinutes', () => {
	it('proposes a short walk to someone who never used a computer, and to someone who cannot do alone', () => {
		expect(suggestedWalkMinutes('jamais')).toBe(15);
		expect(suggestedWalkMinutes('pas-seul')).toBe(15);
	});
	it('proposes a little more to someone who manages a bit, nothing to someone autonomous', () => {
		expect(suggestedWalkMinutes('un-peu')).toBe(20);
		expect(suggestedWalkMinutes('bloque')).toBeNull();
	});
	it('proposes nothing before the autonomy is known', () => {
		expect(suggestedWalkMinutes(null)).toBeNull();
	});
	it('only proposes limits the select offers', () => {
		for (const a of AUTONOMY) {
			const m = suggestedWalkMinutes(a.code);
			if (m !== null) expect(WALK_LIMITS as readonly number[]).toContain(m);
		}
	});
});

describe('walkSuggestionText', () => {
	it('says the proposal in words, and that it can be changed', () => {
		expect(walkSuggestionText('jamais')).toBe(
			"Proposé : 15 minutes, modifiable (pour une personne qui n'a jamais utilisé d'ordinateur ni de smartphone, un lieu proche d'abord)."
		);
		expect(walkSuggestionText('bloque')).toMatch(/^Proposé : peu importe, modifiable/);
		expect(walkSuggestionText(null)).toBeNull();
	});
});
