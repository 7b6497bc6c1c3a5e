import { describe, expect, it } from 'vitest';
import { nextStepLevels, parcoursExplanation, recommendedLevels } from './autonomy';
import { everydayNeed } from './needs';

const needs = (...codes: string[]) => codes.map((c) => everydayNeed(c)!);

describe('the parcours for a resident', () => {
	it.each([
		['jamais', ['demarches'], ['support', 'reinforced']],
		['jamais', ['bases'], ['discover', 'learn']],
		['un-peu', ['emploi'], ['support']],
		['un-peu', ['ecole'], ['learn']],
		['bloque', ['sante'], ['support']],
		['bloque', ['securite'], ['learn', 'support']],
		['pas-seul', ['demarches'], ['reinforced']],
		['pas-seul', ['creer'], ['support']],
		['jamais', ['demarches', 'bases'], ['discover', 'learn', 'support', 'reinforced']]
	] as const)('autonomy %s with %j recommends %j', (autonomy, codes, levels) => {
		expect(recommendedLevels(autonomy, needs(...codes))).toEqual(levels);
	});

	it('explains learning, not a démarche done for the person, when the need is a skill', () => {
		expect(parcoursExplanation('jamais', needs('bases'))).toMatch(/atelier/);
		expect(parcoursExplanation('jamais', needs('bases'))).not.toMatch(/renforcé/);
		expect(parcoursExplanation('jamais', needs('demarches'))).toMatch(/renforcé/);
	});

	it('puts the démarche first when needs of both kinds are mixed', () => {
		expect(parcoursExplanation('pas-seul', needs('bases', 'demarches'))).toBe(parcoursExplanation('pas-seul', needs('demarches')));
	});

	it.each([
		[['support', 'reinforced'], ['learn']],
		[['learn'], ['discover']],
		[['discover'], []]
	] as const)('after %j comes %j', (levels, next) => {
		expect(nextStepLevels(levels)).toEqual(next);
	});
});
