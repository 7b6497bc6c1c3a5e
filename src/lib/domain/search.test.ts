import { describe, expect, it } from 'vitest';
import type { CatalogueOffer, CataloguePlace } from './catalogue';
import { EMPTY_FILTERS, parseFilters, type Filters } from './filters';
import type { LevelOrUnknown } from './levels';
import { searchCatalogue } from './search';
import { testOffer, testPlace } from './catalogue.fixtures';

/** Wednesday 25 November 2026, 15:00 in Roubaix. */
const NOW = new Date('2026-11-25T14:00:00Z');

function offer(id: number, placeId: number, fields: Partial<CatalogueOffer>): CatalogueOffer {
	return testOffer({ id, placeId, ...fields });
}

function place(id: number, name: string, address: string, areaCodes: string[], offers: CatalogueOffer[]): CataloguePlace {
	const qpvCode = areaCodes.find((c) => c.startsWith('QN'));
	return testPlace({
		id,
		name,
		address,
		qpv: qpvCode ? { code: qpvCode, name: 'QPV' } : null,
		irisInQpv: Boolean(qpvCode),
		areaCodes,
		offers
	});
}

const CATALOGUE: CataloguePlace[] = [
	place(1, "Centre social de l'Épeule", "2 rue de l'Épeule", ['59512', '5951205', '595120501', 'QN05980M'], [
		offer(11, 1, { level: 'learn', themes: ['everyday'], fees: ['Gratuit'], hours: 'Mo-Fr 09:00-12:00', publics: ['Seniors'] }),
		offer(12, 1, { level: 'support', themes: ['admin'], tags: ['health'], fees: ['Gratuit'], hours: 'Sa 08:00-11:00', specificSupport: ['Surdité'] })
	]),
	place(2, 'Médiathèque de Roubaix', '2 rue Pierre Motte', ['59512', '5951206', '595120601', 'QN05980M'], [
		offer(21, 2, { level: 'discover', themes: ['access'], fees: ['Gratuit'], hours: 'Tu-Sa 10:00-18:00' }),
		offer(22, 2, { level: 'learn', themes: ['culture'], fees: ['Payant'], hours: 'We 14:00-19:00' }),
		offer(23, 2, { level: 'support', themes: ['admin'], fees: ['Gratuit'], hours: 'Sa 09:00-12:00', status: 'closed' })
	]),
	place(3, 'Finances Publiques', '35 Av. Charles Fourier', ['59512', '5951207', '595120703'], [
		offer(31, 3, { level: 'support', themes: ['admin'], fees: ['Gratuit'] }),
		offer(32, 3, { level: null, themes: ['jobs'] })
	]),
	place(4, 'France services des 3 Ponts', '71 avenue de Verdun', ['59512', '5951211', '595121101', 'QN05980M'], [
		offer(41, 4, {
			level: 'reinforced',
			themes: ['admin'],
			fees: ['Gratuit'],
			hours: 'Mo-Fr 08:30-12:00; Sa 08:30-12:00',
			status: 'temporarily_closed',
			closedFrom: '2026-11-01',
			closedUntil: '2026-12-31',
			closureMessage: 'Fermé pour travaux'
		}),
		offer(42, 4, { level: 'support', themes: ['admin'], fees: ['Gratuit'], hours: 'Sa 08:30-12:00', remote: true })
	]),
	place(5, 'Ancien EPN', '1 Grand Place', ['59512'], [
		offer(51, 5, { level: 'discover', themes: ['access'], fees: ['Gratuit'], hours: 'Sa 09:00-12:00', status: 'closed' })
	])
];

const counts = (c: Partial<Record<LevelOrUnknown, number>>): Record<LevelOrUnknown, number> => ({
	discover: 0,
	learn: 0,
	support: 0,
	reinforced: 0,
	unknown: 0,
	...c
});

function search(filters: Partial<Filters>, now = NOW) {
	const result = searchCatalogue(CATALOGUE, { ...EMPTY_FILTERS, ...filters }, now);
	return {
		offers: result.places.flatMap((m) => m.offers.map((o) => o.id)),
		places: result.places.map((m) => m.place.id),
		offerCount: result.offerCount,
		levelCounts: result.levelCounts
	};
}

const ALL_OPEN = counts({ discover: 1, learn: 2, support: 3, reinforced: 1, unknown: 1 });

describe('searchCatalogue', () => {
	it('without filters shows every offer not closed, and places with at least one', () => {
		expect(search({})).toEqual({
			offers: [11, 12, 21, 22, 31, 32, 41, 42],
			places: [1, 2, 3, 4],
			offerCount: 8,
			levelCounts: ALL_OPEN
		});
	});

	it('filters by level; the counts ignore the level filter', () => {
		expect(search({ levels: ['learn'] })).toEqual({ offers: [11, 22], places: [1, 2], offerCount: 2, levelCounts: ALL_OPEN });
	});

	it('filters by several levels, « à préciser » included', () => {
		expect(search({ levels: ['support', 'unknown'] })).toMatchObject({ offers: [12, 31, 32, 42], places: [1, 3, 4], offerCount: 4 });
	});

	it('the level counts honour the other filters', () => {
		expect(search({ levels: ['reinforced'], needs: ['admin'] })).toEqual({
			offers: [41],
			places: [4],
			offerCount: 1,
			levelCounts: counts({ support: 3, reinforced: 1 })
		});
	});

	it('needs are any-of, themes and local tags alike', () => {
		expect(search({ needs: ['health'] })).toMatchObject({ offers: [12] });
		expect(search({ needs: ['health', 'access'] })).toEqual({
			offers: [12, 21],
			places: [1, 2],
			offerCount: 2,
			levelCounts: counts({ discover: 1, support: 1 })
		});
	});

	it('free only keeps the offers marked Gratuit', () => {
		expect(search({ freeOnly: true })).toEqual({
			offers: [11, 12, 21, 31, 41, 42],
			places: [1, 2, 3, 4],
			offerCount: 6,
			levelCounts: counts({ discover: 1, learn: 1, support: 3, reinforced: 1 })
		});
	});

	it('publics and specific support by their URL codes', () => {
		expect(search({ publics: ['seniors'] })).toMatchObject({ offers: [11] });
		expect(search({ specificSupport: ['surdite'] })).toMatchObject({ offers: [12] });
		expect(search({ publics: ['femmes'] })).toMatchObject({ offers: [], places: [], offerCount: 0 });
	});

	it.each([
		['595120601', [21, 22], counts({ discover: 1, learn: 1 })],
		['5951207', [31, 32], counts({ support: 1, unknown: 1 })],
		['qpv', [11, 12, 21, 22, 41, 42], counts({ discover: 1, learn: 2, support: 2, reinforced: 1 })],
		['595121301', [], counts({})]
	])('area %s', (area, offers, levelCounts) => {
		expect(search({ area })).toMatchObject({ offers, levelCounts });
	});

	it.each([
		['epeule', [1]],
		['Épeule', [1]],
		['EPEULE', [1]],
		["l'épeule", [1]],
		['  epeule  ', [1]],
		['motte', [2]],
		['mediatheque', [2]],
		['roubaix', [2]],
		['ancien', []],
		['lille', []]
	])('name or address search « %s » → places %j', (query, places) => {
		expect(search({ query }).places).toEqual(places);
	});

	it('quand=samedi keeps the offers open on Saturday: « Sa 08:00-11:00 » yes, « Mo-Fr » no, temporarily closed no', () => {
		expect(search({ when: 'samedi' })).toEqual({
			offers: [12, 21, 42],
			places: [1, 2, 4],
			offerCount: 3,
			levelCounts: counts({ discover: 1, support: 2 })
		});
	});

	it('after its closure, the France services opens on Saturday again', () => {
		expect(search({ when: 'samedi' }, new Date('2027-01-13T14:00:00Z')).offers).toEqual([12, 21, 41, 42]);
	});

	it('quand=mercredi', () => {
		expect(search({ when: 'mercredi' }).offers).toEqual([11, 21, 22]);
	});

	it('quand=soir keeps offers open after 18:00 (not those closing at 18:00)', () => {
		expect(search({ when: 'soir' }).offers).toEqual([22]);
	});

	it.each([
		['2026-11-25T14:00:00Z', [21, 22]],
		['2026-11-25T08:30:00Z', [11]],
		['2026-11-28T08:00:00Z', [12, 42]], // Saturday 09:00: the médiathèque opens at 10:00
		['2026-11-29T10:00:00Z', []]
	])('quand=maintenant at %s', (instant, offers) => {
		expect(search({ when: 'maintenant' }, new Date(instant)).offers).toEqual(offers);
	});

	it('never shows closed offers, whatever the filters', () => {
		const all = [
			search({}),
			search({ levels: ['support'], needs: ['admin'], when: 'samedi' }),
			search({ levels: ['discover'], area: '59512' }),
			search({ query: 'ancien' }),
			search({ freeOnly: true, when: 'samedi' })
		];
		for (const r of all) {
			expect(r.offers).not.toContain(23);
			expect(r.offers).not.toContain(51);
			expect(r.places).not.toContain(5);
		}
		expect(search({ levels: ['support'], needs: ['admin'], when: 'samedi' })).toMatchObject({
			offers: [12, 42],
			levelCounts: counts({ support: 2 })
		});
	});

	it('works on filters read from a URL', () => {
		const parsed = parseFilters(new URLSearchParams('niveau=etre-accompagne&gratuit=1&quand=samedi&territoire=qpv&q=epeule'), {
			areaCodes: new Set()
		});
		expect(parsed.ok).toBe(true);
		const result = searchCatalogue(CATALOGUE, parsed.filters, NOW);
		expect(result.places.map((m) => [m.place.id, m.offers.map((o) => o.id)])).toEqual([[1, [12]]]);
		expect(result.offerCount).toBe(1);
	});

	it('an empty catalogue gives zero counts', () => {
		expect(searchCatalogue([], EMPTY_FILTERS, NOW)).toEqual({ places: [], offerCount: 0, levelCounts: counts({}) });
	});
});
