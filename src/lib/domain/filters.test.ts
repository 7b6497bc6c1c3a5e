import { describe, expect, it } from 'vitest';
import { EMPTY_FILTERS, filtersToParams, hasActiveFilters, MAX_LIMIT, parseFilters, type Filters } from './filters';

const AREAS = new Set(['59512', '5951205', '595120501', '595120601', 'QN05980M']);
const parse = (query: string, options: { paging?: boolean; extraParams?: readonly string[] } = {}) =>
	parseFilters(new URLSearchParams(query), { areaCodes: AREAS, ...options });

function filtersOf(query: string): Filters {
	const result = parse(query);
	if (!result.ok) throw new Error(JSON.stringify(result.errors));
	return result.filters;
}

describe('parseFilters', () => {
	it('reads every filter from French parameter names and values', () => {
		const result = parse('niveau=apprendre&niveau=etre-accompagne&besoin=admin,health&public=seniors&prise-en-charge=surdite&gratuit=1&quand=samedi&territoire=595120601&q=+%C3%89peule+');
		expect(result).toEqual({
			ok: true,
			filters: {
				levels: ['learn', 'support'],
				needs: ['admin', 'health'],
				publics: ['seniors'],
				specificSupport: ['surdite'],
				freeOnly: true,
				when: 'samedi',
				area: '595120601',
				query: 'Épeule'
			},
			paging: { limit: 100, offset: 0 }
		});
	});

	it.each(['0', 'non'])('gratuit=%s means "not free only", without an error', (value) => {
		const result = parseFilters(new URLSearchParams(`gratuit=${value}`), { areaCodes: new Set() });
		expect(result.ok).toBe(true);
		expect(result.filters.freeOnly).toBe(false);
	});

	it('no parameter gives the empty filters', () => {
		expect(parse('')).toEqual({ ok: true, filters: EMPTY_FILTERS, paging: { limit: 100, offset: 0 } });
	});

	it.each([
		['niveau=decouvrir', { levels: ['discover'] }],
		['niveau=renforce', { levels: ['reinforced'] }],
		['niveau=a-preciser', { levels: ['unknown'] }],
		['niveau=apprendre&niveau=apprendre,apprendre', { levels: ['learn'] }],
		['besoin=repair&besoin=access', { needs: ['repair', 'access'] }],
		['gratuit=', { freeOnly: true }],
		['gratuit=oui', { freeOnly: true }],
		['territoire=qpv', { area: 'qpv' }],
		['territoire=QN05980M', { area: 'QN05980M' }],
		['quand=maintenant', { when: 'maintenant' }],
		['quand=soir', { when: 'soir' }],
		['q=', { query: '' }]
	])('%s', (query, expected) => {
		expect(filtersOf(query)).toEqual({ ...EMPTY_FILTERS, ...expected });
	});

	it.each([
		['couleur=bleu', { param: 'couleur', message: 'Paramètre inconnu : « couleur ».' }],
		[
			'niveau=expert',
			{
				param: 'niveau',
				message: 'Niveau inconnu : « expert ». Valeurs possibles : decouvrir, apprendre, etre-accompagne, renforce, a-preciser.'
			}
		],
		[
			'besoin=cuisine',
			{
				param: 'besoin',
				message:
					'Besoin inconnu : « cuisine ». Valeurs possibles : admin, everyday, jobs, safety, parenting, creative, culture, access, equipment, health, repair.'
			}
		],
		[
			'public=martiens',
			{ param: 'public', message: 'Public inconnu : « martiens ». Valeurs possibles : jeunes, etudiants, familles, seniors, femmes.' }
		],
		['gratuit=peut-etre', { param: 'gratuit', message: 'gratuit attend « 1 » (oui) ou « 0 » (non).' }],
		[
			'quand=weekend',
			{
				param: 'quand',
				message: 'Moment inconnu : « weekend ». Valeurs possibles : maintenant, soir, samedi, lundi, mardi, mercredi, jeudi, vendredi, dimanche.'
			}
		],
		['quand=Samedi', { param: 'quand', message: expect.stringMatching(/^Moment inconnu : « Samedi »/) }],
		['territoire=75056', { param: 'territoire', message: 'Territoire inconnu : « 75056 ».' }],
		['q=' + 'a'.repeat(101), { param: 'q', message: 'La recherche est limitée à 100 caractères.' }],
		['limit=10', { param: 'limit', message: 'Paramètre inconnu : « limit ».' }]
	])('%s → a French error naming the parameter', (query, error) => {
		const result = parse(query);
		expect(result.ok).toBe(false);
		expect(!result.ok && result.errors).toEqual([error]);
	});

	it('names « prise en charge » in the feminine', () => {
		const result = parse('prise-en-charge=telepathie');
		expect(!result.ok && result.errors).toEqual([
			{
				param: 'prise-en-charge',
				message:
					'Prise en charge inconnue : « telepathie ». Valeurs possibles : surdite, handicap-moteur, handicap-mental, illettrisme, anglais, langues, deficience-visuelle.'
			}
		]);
	});

	it('lists every error and keeps the valid part of the filters', () => {
		const result = parse('niveau=apprendre,expert&besoin=admin&couleur=bleu&quand=weekend&q=' + 'é'.repeat(120));
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.errors.map((e) => e.param)).toEqual(['couleur', 'niveau', 'quand', 'q']);
		expect(result.filters).toEqual({ ...EMPTY_FILTERS, levels: ['learn'], needs: ['admin'], query: 'é'.repeat(100) });
	});

	it('accepts extra parameters the caller declares', () => {
		expect(parse('format=csv&niveau=renforce', { extraParams: ['format'] })).toMatchObject({
			ok: true,
			filters: { levels: ['reinforced'] }
		});
	});

	describe('paging', () => {
		it.each([
			['limit=1', { limit: 1, offset: 0 }],
			[`limit=${MAX_LIMIT}`, { limit: 1000, offset: 0 }],
			['limit=25&offset=50', { limit: 25, offset: 50 }],
			['offset=0', { limit: 100, offset: 0 }]
		])('%s → %j', (query, paging) => {
			expect(parse(query, { paging: true })).toMatchObject({ ok: true, paging });
		});

		it.each([
			['limit=0', 'limit', 'limit attend un entier entre 1 et 1000.'],
			['limit=1001', 'limit', 'limit attend un entier entre 1 et 1000.'],
			['limit=abc', 'limit', 'limit attend un entier entre 1 et 1000.'],
			['limit=-5', 'limit', 'limit attend un entier entre 1 et 1000.'],
			['limit=2.5', 'limit', 'limit attend un entier entre 1 et 1000.'],
			['limit=', 'limit', 'limit attend un entier entre 1 et 1000.'],
			['offset=-1', 'offset', 'offset attend un entier entre 0 et l’infini.']
		])('%s is refused', (query, param, message) => {
			const result = parse(query, { paging: true });
			expect(!result.ok && result.errors).toEqual([{ param, message }]);
			expect(result.paging).toEqual({ limit: 100, offset: 0 });
		});
	});
});

describe('filtersToParams', () => {
	it('writes the parameters in a stable order', () => {
		const filters: Filters = {
			levels: ['learn', 'unknown'],
			needs: ['admin', 'health'],
			publics: ['seniors'],
			specificSupport: ['langues'],
			freeOnly: true,
			when: 'samedi',
			area: 'qpv',
			query: 'Épeule nord'
		};
		expect(filtersToParams(filters).toString()).toBe(
			'niveau=apprendre&niveau=a-preciser&besoin=admin&besoin=health&public=seniors&prise-en-charge=langues&gratuit=1&quand=samedi&territoire=qpv&q=%C3%89peule+nord'
		);
	});

	it('writes nothing for the empty filters', () => {
		expect(filtersToParams(EMPTY_FILTERS).toString()).toBe('');
		expect(hasActiveFilters(EMPTY_FILTERS)).toBe(false);
		expect(hasActiveFilters({ ...EMPTY_FILTERS, freeOnly: true })).toBe(true);
	});

	it.each<Partial<Filters>>([
		{},
		{ levels: ['discover', 'learn', 'support', 'reinforced', 'unknown'] },
		{ needs: ['repair'], freeOnly: true },
		{ publics: ['jeunes', 'femmes'], specificSupport: ['handicap-moteur', 'anglais'] },
		{ when: 'maintenant', area: '5951205' },
		{ when: 'dimanche', area: 'QN05980M', query: "l'Épeule & Trichon" }
	])('params → filters → params is the identity (%j)', (partial) => {
		const filters: Filters = { ...EMPTY_FILTERS, ...partial };
		const params = filtersToParams(filters);
		const back = parseFilters(new URLSearchParams(params.toString()), { areaCodes: AREAS });
		expect(back).toEqual({ ok: true, filters, paging: { limit: 100, offset: 0 } });
		expect(filtersToParams(back.filters).toString()).toBe(params.toString());
	});
});
