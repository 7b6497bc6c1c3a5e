import { describe, expect, it } from 'vitest';
import type { CatalogueOffer, CataloguePlace } from '../catalogue';
import { testOffer, testPlace } from '../catalogue.fixtures';
import { orient } from './ranking';
import type { Candidate, OrientationQuery } from './types';

/** Saturday 28 November 2026, 10:00 in Roubaix. */
const SATURDAY = new Date('2026-11-28T10:00:00+01:00');
const ORIGIN = { lon: 3.18, lat: 50.69, label: 'Grand-Place' };

/**
 * Places sit due north of the origin, `thousandths` of a degree of latitude away. One thousandth
 * is 111.2 m, and minutes are 1.3 × metres / 75 rounded up:
 *   1 → 2 min, 2 → 4, 3 → 6, 4 → 8 (444.8 m → 7.7), 5 → 10 (556 m → 9.6), 6 → 12, 7 → 14,
 *   8 → 16 (889.6 m → 15.4), 9 → 18 (1,000.8 m → 17.3), 10 → 20, 12 → 24, 15 → 29 (1,668 m → 28.9).
 */
let ids = 0;

function offer(fields: Partial<CatalogueOffer> = {}): CatalogueOffer {
	ids++;
	// Closed on Saturday morning, known: the neutral case, « ouvre lundi à 9 h ».
	return testOffer({
		id: ids,
		level: 'support',
		themes: ['admin'],
		hours: 'Mo-Fr 09:00-12:00',
		updatedAt: '2026-10-01T00:00:00.000Z',
		verifiedAt: '2026-10-01',
		...fields
	});
}

function place(name: string, thousandths: number, offers: CatalogueOffer[], fields: Partial<CataloguePlace> = {}): CataloguePlace {
	ids++;
	const id = ids;
	return testPlace({
		id,
		name,
		searchKey: name.toLowerCase(),
		lat: ORIGIN.lat + thousandths / 1000,
		lon: ORIGIN.lon,
		sourceUpdatedOn: '2026-10-01',
		updatedAt: '2026-10-01T00:00:00.000Z',
		offers: offers.map((o) => ({ ...o, placeId: id })),
		...fields
	});
}

function query(fields: Partial<OrientationQuery> = {}): OrientationQuery {
	return {
		needs: ['demarches'],
		autonomy: 'un-peu',
		origin: ORIGIN,
		languages: [],
		specificSupport: [],
		freeOnly: false,
		availability: [],
		appointment: null,
		maxWalkMinutes: null,
		...fields
	};
}

const names = (candidates: readonly Candidate[]) => candidates.map((c) => c.place.name);
const only = (catalogue: CataloguePlace[], q: Partial<OrientationQuery> = {}, now = SATURDAY) => {
	const result = orient(catalogue, query(q), now);
	expect(result.results).toHaveLength(1);
	return result.results[0]!;
};

describe('recommended levels', () => {
	it.each([
		{ needs: ['demarches'], autonomy: 'un-peu', levels: ['support'] },
		{ needs: ['demarches'], autonomy: null, levels: ['support'] },
		{ needs: ['demarches'], autonomy: 'pas-seul', levels: ['reinforced'] },
		{ needs: ['demarches'], autonomy: 'jamais', levels: ['support', 'reinforced'] },
		{ needs: ['bases'], autonomy: 'jamais', levels: ['discover', 'learn'] },
		{ needs: ['bases'], autonomy: 'bloque', levels: ['learn', 'support'] },
		{ needs: ['bases'], autonomy: 'pas-seul', levels: ['support'] },
		{ needs: ['demarches', 'bases'], autonomy: 'jamais', levels: ['discover', 'learn', 'support', 'reinforced'] },
		{ needs: [], autonomy: 'un-peu', levels: ['support'] },
		{ needs: ['inconnu', 'bases'], autonomy: 'un-peu', levels: ['learn'] },
		{ needs: ['inconnu'], autonomy: 'un-peu', levels: ['support'] }
	] as const)('$needs, $autonomy → $levels', ({ needs, autonomy, levels }) => {
		expect(orient([], query({ needs: [...needs], autonomy }), SATURDAY).levels).toEqual(levels);
	});
});

describe('candidates', () => {
	it('keeps offers at a recommended level that meet a need, one candidate per place', () => {
		const catalogue = [
			place('Deux offres', 2, [offer({ level: 'support' }), offer({ level: 'learn' }), offer({ level: 'support', themes: ['jobs'] })]),
			place('Atelier seulement', 1, [offer({ level: 'learn' })]),
			place('Emploi seulement', 1, [offer({ level: 'support', themes: ['jobs'] })]),
			place('Niveau inconnu', 1, [offer({ level: null })]),
			place('Fermé', 1, [offer({ status: 'closed' })]),
			place('Sans offre', 1, [])
		];
		const { results } = orient(catalogue, query(), SATURDAY);
		expect(names(results)).toEqual(['Deux offres']);
		expect(results[0]!.offers.map((o) => [o.level, o.themes])).toEqual([['support', ['admin']]]);
	});

	it.each([
		{ need: 'sante', fields: { themes: [], tags: ['health'] }, kept: true },
		{ need: 'sante', fields: { themes: ['admin'] }, kept: true },
		{ need: 'sante', fields: { themes: ['jobs'] }, kept: false },
		{ need: 'reparer', fields: { themes: ['equipment'], tags: ['repair'] }, kept: true },
		{ need: 'emploi', fields: { themes: ['admin'] }, kept: false }
	])('need $need with $fields → kept: $kept', ({ need, fields, kept }) => {
		const { results } = orient([place('Lieu', 1, [offer(fields)])], query({ needs: [need] }), SATURDAY);
		expect(results.length).toBe(kept ? 1 : 0);
	});

	it('without needs, any theme goes', () => {
		const catalogue = [place('Emploi', 1, [offer({ themes: ['jobs'] })]), place('Création', 2, [offer({ themes: ['creative'] })])];
		expect(names(orient(catalogue, query({ needs: [] }), SATURDAY).results)).toEqual(['Emploi', 'Création']);
	});

	it('orders a place’s offers in the order of the recommended levels', () => {
		const reinforced = offer({ level: 'reinforced' });
		const support = offer({ level: 'support' });
		const learn = offer({ level: 'learn' });
		const candidate = only([place('France services', 1, [reinforced, learn, support])], { autonomy: 'jamais' });
		expect(candidate.offers.map((o) => o.level)).toEqual(['support', 'reinforced']);
		// Several levels were recommended: the card says which one this place offers first.
		expect(candidate.reasons.at(-1)).toBe('Être accompagné');
	});
});

describe('hard constraints', () => {
	const AR = ['fr', 'ar'];
	it.each([
		{ title: 'free only, free', q: { freeOnly: true }, o: { fees: ['Gratuit'] }, kept: true },
		{ title: 'free only, paying', q: { freeOnly: true }, o: { fees: ['Payant'] }, kept: false },
		{ title: 'free only, free under conditions', q: { freeOnly: true }, o: { fees: ['Gratuit sous condition'] }, kept: false },
		{ title: 'free only, fees unknown', q: { freeOnly: true }, o: { fees: [] }, kept: false },
		{ title: 'Arabic, spoken', q: { languages: ['ar'] }, o: { languages: AR }, kept: true },
		{ title: 'Arabic, French only', q: { languages: ['ar'] }, o: { languages: ['fr'] }, kept: false },
		{ title: 'Arabic and Turkish, Arabic only', q: { languages: ['ar', 'tr'] }, o: { languages: AR }, kept: false },
		{ title: 'French, languages not given', q: { languages: ['fr'] }, o: { languages: [] }, kept: true },
		{ title: 'deafness, offered', q: { specificSupport: ['Surdité'] }, o: { specificSupport: ['Surdité', 'Illettrisme'] }, kept: true },
		{ title: 'deafness, not offered', q: { specificSupport: ['Surdité'] }, o: { specificSupport: ['Illettrisme'] }, kept: false },
		{ title: 'deafness and sight, one only', q: { specificSupport: ['Surdité', 'Déficience visuelle'] }, o: { specificSupport: ['Surdité'] }, kept: false },
		{ title: 'walk-in, possible', q: { appointment: 'sans' }, o: { accessModes: ['Téléphoner', 'Se présenter'] }, kept: true },
		{ title: 'walk-in, appointment only', q: { appointment: 'sans' }, o: { accessModes: ['Téléphoner', 'Prendre un RDV en ligne'] }, kept: false },
		{ title: 'walk-in, modes unknown', q: { appointment: 'sans' }, o: { accessModes: [] }, kept: true },
		{ title: 'Saturday morning, open', q: { availability: [{ weekday: 6, period: 'matin' }] }, o: { hours: 'Sa 09:00-12:00' }, kept: true },
		{ title: 'Saturday morning, weekdays only', q: { availability: [{ weekday: 6, period: 'matin' }] }, o: { hours: 'Mo-Fr 09:00-17:00' }, kept: false },
		{ title: 'Saturday morning, afternoon only', q: { availability: [{ weekday: 6, period: 'matin' }] }, o: { hours: 'Sa 14:00-17:00' }, kept: false },
		{ title: 'Saturday morning, hours unknown', q: { availability: [{ weekday: 6, period: 'matin' }] }, o: { hours: null }, kept: true },
		{ title: 'Saturday morning, hours unreadable', q: { availability: [{ weekday: 6, period: 'matin' }] }, o: { hours: 'le matin' }, kept: true },
		{ title: 'Thursday evening, open 17–20', q: { availability: [{ weekday: 4, period: 'soir' }] }, o: { hours: 'Th 17:00-20:00' }, kept: true },
		{ title: 'Thursday evening, closes at 18', q: { availability: [{ weekday: 4, period: 'soir' }] }, o: { hours: 'Th 14:00-18:00' }, kept: false },
		{
			title: 'Monday evening or Wednesday afternoon, Wednesday',
			q: { availability: [{ weekday: 1, period: 'soir' }, { weekday: 3, period: 'apres-midi' }] },
			o: { hours: 'We 14:00-17:00' },
			kept: true
		}
	] as { title: string; q: Partial<OrientationQuery>; o: Partial<CatalogueOffer>; kept: boolean }[])('$title → kept: $kept', ({ q, o, kept }) => {
		const { results } = orient([place('Lieu', 1, [offer(o)])], query(q), SATURDAY);
		expect(results.length).toBe(kept ? 1 : 0);
	});

	it.each([
		{ thousandths: 5, origin: ORIGIN, kept: true }, // 10 min
		{ thousandths: 6, origin: ORIGIN, kept: false }, // 12 min
		{ thousandths: 6, origin: null, kept: true } // no starting point: no walk to compare
	])('at most 10 min on foot, $thousandths thousandths away, origin $origin.label → kept: $kept', ({ thousandths, origin, kept }) => {
		const { results } = orient([place('Lieu', thousandths, [offer()])], query({ maxWalkMinutes: 10, origin }), SATURDAY);
		expect(results.length).toBe(kept ? 1 : 0);
	});

	it('keeps unknown hours, but after the places known to be open then', () => {
		const catalogue = [
			place('Horaires inconnus, tout près', 1, [offer({ hours: null })]),
			place('Ouvert samedi matin, plus loin', 6, [offer({ hours: 'Sa 09:00-12:00' })]),
			place('Illisibles', 2, [offer({ hours: 'le matin' })])
		];
		const { results } = orient(catalogue, query({ availability: [{ weekday: 6, period: 'matin' }] }), SATURDAY);
		expect(names(results)).toEqual(['Ouvert samedi matin, plus loin', 'Horaires inconnus, tout près', 'Illisibles']);
		expect(results.map((c) => c.uncertainties)).toEqual([[], ['horaires non renseignés'], ['horaires non renseignés']]);
	});

	it('ranks certain walk-in places before unknown access modes, and one doubt before two', () => {
		const catalogue = [
			place('Deux doutes', 1, [offer({ hours: null })]),
			place('Accès inconnu', 2, [offer({ hours: 'Sa 09:00-12:00' })]),
			place('Sans rendez-vous', 6, [offer({ hours: 'Sa 09:00-12:00', accessModes: ['Se présenter'] })])
		];
		const { results } = orient(catalogue, query({ appointment: 'sans', availability: [{ weekday: 6, period: 'matin' }] }), SATURDAY);
		expect(names(results)).toEqual(['Sans rendez-vous', 'Accès inconnu', 'Deux doutes']);
		expect(results.map((c) => c.uncertainties)).toEqual([
			[],
			["modalités d'accès non renseignées"],
			['horaires non renseignés', "modalités d'accès non renseignées"]
		]);
	});

	it('does not hold unknown hours against a place when no time was asked', () => {
		const catalogue = [place('Connu', 6, [offer({ hours: 'Sa 09:00-12:00' })]), place('Inconnu', 1, [offer({ hours: null })])];
		expect(names(orient(catalogue, query(), SATURDAY).results)).toEqual(['Inconnu', 'Connu']);
	});
});

describe('ranking', () => {
	it('puts the nearest first', () => {
		const catalogue = [place('12 min', 6, [offer()]), place('4 min', 2, [offer()]), place('8 min', 4, [offer()])];
		const { results } = orient(catalogue, query(), SATURDAY);
		expect(names(results)).toEqual(['4 min', '8 min', '12 min']);
		expect(results.map((c) => c.walkMinutes)).toEqual([4, 8, 12]);
	});

	it('then the soonest open within the week, unknown hours last', () => {
		const catalogue = [
			place('Inconnu', 3, [offer({ hours: null })]),
			place('Lundi', 3, [offer({ hours: 'Mo 09:00-12:00' })]),
			place('Dans trois semaines', 3, [offer({ hours: '2026 Dec 19 09:00-12:00' })]),
			place('Cet après-midi', 3, [offer({ hours: 'Sa 14:00-17:00' })]),
			place('Maintenant', 3, [offer({ hours: 'Sa 09:00-12:00' })])
		];
		const { results } = orient(catalogue, query(), SATURDAY);
		expect(names(results)).toEqual(['Maintenant', 'Cet après-midi', 'Lundi', 'Dans trois semaines', 'Inconnu']);
		expect(results.map((c) => c.nextOpening?.toISOString() ?? null)).toEqual([
			SATURDAY.toISOString(),
			'2026-11-28T13:00:00.000Z',
			'2026-11-30T08:00:00.000Z',
			null,
			null
		]);
	});

	it('then the most recently verified, the source’s date standing in for the offer’s', () => {
		const catalogue = [
			place('Jamais daté', 3, [offer({ verifiedAt: null })], { sourceUpdatedOn: null }),
			place('Source 2026', 3, [offer({ verifiedAt: null })], { sourceUpdatedOn: '2026-09-01' }),
			place('Vérifié 2025', 3, [offer({ verifiedAt: '2025-01-10' })]),
			place('Vérifié 2026', 3, [offer({ verifiedAt: '2026-11-02' })])
		];
		expect(names(orient(catalogue, query(), SATURDAY).results)).toEqual(['Vérifié 2026', 'Source 2026', 'Vérifié 2025', 'Jamais daté']);
	});

	it('then by name, in French order', () => {
		const catalogue = [place('Escale', 3, [offer()]), place('Élan', 3, [offer()]), place('atelier', 3, [offer()])];
		expect(names(orient(catalogue, query(), SATURDAY).results)).toEqual(['atelier', 'Élan', 'Escale']);
	});

	it('ranks by opening when there is no starting point', () => {
		const catalogue = [place('Lundi, tout près', 1, [offer()]), place('Maintenant, loin', 15, [offer({ hours: 'Sa 09:00-12:00' })])];
		const { results } = orient(catalogue, query({ origin: null }), SATURDAY);
		expect(names(results)).toEqual(['Maintenant, loin', 'Lundi, tout près']);
		expect(results.map((c) => c.walkMinutes)).toEqual([null, null]);
	});
});

describe('reasons and uncertainties', () => {
	it('says why a place fits, in a fixed order', () => {
		const candidate = only(
			[
				place('Centre social', 4, [
					offer({
						hours: 'Sa 09:00-12:00',
						fees: ['Gratuit'],
						languages: ['fr', 'ar'],
						specificSupport: ['Surdité'],
						accessModes: ['Téléphoner', 'Se présenter']
					})
				])
			],
			{ languages: ['ar'], specificSupport: ['Surdité'] }
		);
		expect(candidate.reasons).toEqual(['8 min à pied', 'ouvert maintenant', 'gratuit', 'parle arabe', 'accueil adapté : surdité', 'sans rendez-vous']);
		expect(candidate.uncertainties).toEqual([]);
	});

	it('says what is not sure, in a fixed order', () => {
		const candidate = only(
			[
				place(
					'CCAS',
					3,
					[
						offer({
							levelInferred: true,
							hours: null,
							accessModes: [],
							verifiedAt: null,
							status: 'temporarily_closed',
							closedFrom: '2026-12-01',
							closedUntil: '2026-12-31'
						})
					],
					{ sourceUpdatedOn: '2022-03-15', flags: [{ code: 'far_from_street', detail: 'À 800 m de la rue', relatedId: null }] }
				)
			],
			{ appointment: 'sans' }
		);
		expect(candidate.reasons).toEqual(['6 min à pied']);
		expect(candidate.uncertainties).toEqual([
			'niveau déduit',
			'horaires non renseignés',
			"modalités d'accès non renseignées",
			'mis à jour en 2022',
			'fermé temporairement du 1er décembre au 31 décembre',
			'point à vérifier'
		]);
	});

	it.each([
		{ hours: 'Sa 09:00-12:00', reason: 'ouvert maintenant' },
		{ hours: 'Sa 14:00-17:30', reason: "ouvre aujourd'hui à 14 h" },
		{ hours: 'Su 10:00-12:00', reason: 'ouvre demain à 10 h' },
		{ hours: 'Mo 13:30-17:00', reason: 'ouvre lundi à 13 h 30' },
		{ hours: 'Fr 09:00-12:00', reason: 'ouvre vendredi à 9 h' },
		{ hours: '2026 Dec 19 09:00-12:00', reason: null },
		{ hours: null, reason: null }
	])('hours $hours → $reason', ({ hours, reason }) => {
		const candidate = only([place('Lieu', 4, [offer({ hours })])]);
		expect(candidate.reasons).toEqual(reason ? ['8 min à pied', reason] : ['8 min à pied']);
	});

	it.each([
		{ availability: [{ weekday: 6, period: 'matin' }], reason: 'ouvert samedi matin' },
		{ availability: [{ weekday: 3, period: 'soir' }, { weekday: 6, period: 'matin' }], reason: 'ouvert mercredi soir et samedi matin' },
		{ availability: [{ weekday: 1, period: 'matin' }, { weekday: 3, period: 'apres-midi' }], reason: 'ouvert mercredi après-midi' }
	] as const)('available $availability → $reason', ({ availability, reason }) => {
		const hours = 'We 14:00-20:00; Sa 09:00-12:00';
		const candidate = only([place('Lieu', 4, [offer({ hours })])], { availability: [...availability] });
		expect(candidate.reasons).toEqual(['8 min à pied', reason]);
	});

	it.each([
		{ languages: ['ar', 'tr'], spoken: ['fr', 'tr', 'ar'], reason: 'parle arabe et turc' },
		{ languages: ['fr', 'uk'], spoken: ['uk'], reason: 'parle ukrainien' },
		{ languages: ['wo'], spoken: ['fr', 'wo'], reason: 'parle wo' }
	])('languages $languages → $reason', ({ languages, spoken, reason }) => {
		const candidate = only([place('Lieu', 4, [offer({ languages: spoken })])], { languages });
		expect(candidate.reasons).toEqual(['8 min à pied', 'ouvre lundi à 9 h', reason]);
	});

	it('names several adapted supports together', () => {
		const support = ['Déficience visuelle', 'Langues étrangères (anglais)', 'Surdité'];
		const candidate = only([place('Lieu', 4, [offer({ specificSupport: support })])], { specificSupport: ['Surdité', 'Langues étrangères (anglais)'] });
		expect(candidate.reasons.at(-1)).toBe('accueil adapté : surdité et langue étrangère (anglais)');
	});

	it('has no walk without a starting point', () => {
		expect(only([place('Lieu', 4, [offer({ fees: ['Gratuit'] })])], { origin: null }).reasons).toEqual(['ouvre lundi à 9 h', 'gratuit']);
	});

	it.each([
		{ verifiedAt: '2025-11-28', uncertainty: 'mis à jour en 2025' }, // twelve months to the day
		{ verifiedAt: '2025-11-29', uncertainty: null },
		{ verifiedAt: '2018-11-01', uncertainty: 'mis à jour en 2018' }
	])('verified $verifiedAt → $uncertainty', ({ verifiedAt, uncertainty }) => {
		expect(only([place('Lieu', 4, [offer({ verifiedAt })])]).uncertainties).toEqual(uncertainty ? [uncertainty] : []);
	});

	it('says so when no date is known at all', () => {
		const candidate = only([place('Lieu', 4, [offer({ verifiedAt: null })], { sourceUpdatedOn: null })]);
		expect(candidate.uncertainties).toEqual(['date de mise à jour inconnue']);
	});

	it.each([
		{ code: 'far_from_street', uncertainty: ['point à vérifier'] },
		{ code: 'outside_commune', uncertainty: ['point à vérifier'] },
		{ code: 'probable_duplicate', uncertainty: [] },
		{ code: 'missing_hours', uncertainty: [] }
	] as const)('flag $code → $uncertainty', ({ code, uncertainty }) => {
		const candidate = only([place('Lieu', 4, [offer()], { flags: [{ code, detail: '', relatedId: null }] })]);
		expect(candidate.uncertainties).toEqual(uncertainty);
	});
});

describe('temporary closures', () => {
	const closed = (closedFrom: string | null, closedUntil: string | null) =>
		offer({ hours: 'Mo-Sa 09:00-12:00', status: 'temporarily_closed', closedFrom, closedUntil, closureMessage: 'Travaux' });

	it.each([
		{ title: 'closed now', from: '2026-11-20', until: '2026-12-05', kept: false, uncertainty: null },
		{ title: 'closed without dates', from: null, until: null, kept: false, uncertainty: null },
		{ title: 'closed from today', from: '2026-11-28', until: null, kept: false, uncertainty: null },
		{ title: 'closed until today', from: '2026-11-01', until: '2026-11-28', kept: false, uncertainty: null },
		{ title: 'closure over', from: '2026-10-01', until: '2026-11-27', kept: true, uncertainty: null },
		{ title: 'closing soon', from: '2026-12-15', until: null, kept: true, uncertainty: 'fermé temporairement à partir du 15 décembre' },
		{
			title: 'closing next year',
			from: '2027-01-01',
			until: '2027-01-31',
			kept: true,
			uncertainty: 'fermé temporairement du 1er janvier 2027 au 31 janvier 2027'
		}
	])('$title', ({ from, until, kept, uncertainty }) => {
		const result = orient([place('Lieu', 1, [closed(from, until)])], query(), SATURDAY);
		expect(result.results.length).toBe(kept ? 1 : 0);
		if (kept) expect(result.results[0]!.uncertainties).toEqual(uncertainty ? [uncertainty] : []);
		// A closed place is not offered as a relaxation either.
		expect(result.relaxations).toEqual([]);
	});

	it('reads closure days in Paris time', () => {
		// 23:30 UTC on Friday is already Saturday 28 in Roubaix.
		const lateFriday = new Date('2026-11-27T23:30:00Z');
		expect(orient([place('Lieu', 1, [closed('2026-11-28', '2026-11-30')])], query(), lateFriday).results).toEqual([]);
	});

	it('does not announce an opening that falls in the closure', () => {
		const monday = offer({ hours: 'Mo 09:00-12:00', status: 'temporarily_closed', closedFrom: '2026-11-30', closedUntil: '2026-12-10' });
		const candidate = only([place('Lieu', 4, [monday])]);
		expect(candidate.nextOpening).toBeNull();
		expect(candidate.reasons).toEqual(['8 min à pied']);
		expect(candidate.uncertainties).toEqual(['fermé temporairement du 30 novembre au 10 décembre']);
	});
});

describe('within15', () => {
	const catalogue = [
		place('8 min', 4, [offer()]),
		place('14 min', 7, [offer()]),
		place('16 min', 8, [offer()]),
		place('20 min', 10, [offer()])
	];

	it('counts the results within a quarter of an hour on foot', () => {
		expect(orient(catalogue, query(), SATURDAY).within15).toBe(2);
		expect(orient(catalogue.slice(2), query(), SATURDAY).within15).toBe(0);
	});

	it('counts every result when there is no starting point', () => {
		expect(orient(catalogue, query({ origin: null }), SATURDAY).within15).toBe(4);
	});
});

describe('relaxations', () => {
	/** Everything asked at once: each place below fails exactly one constraint, except where said. */
	const strict: Partial<OrientationQuery> = {
		maxWalkMinutes: 10,
		appointment: 'sans',
		freeOnly: true,
		availability: [{ weekday: 6, period: 'matin' }],
		languages: ['ar'],
		specificSupport: ['Surdité']
	};
	const fits: Partial<CatalogueOffer> = {
		level: 'support',
		hours: 'Sa 09:00-12:00',
		accessModes: ['Se présenter'],
		fees: ['Gratuit'],
		languages: ['fr', 'ar'],
		specificSupport: ['Surdité']
	};
	const good = (fields: Partial<CatalogueOffer> = {}) => offer({ ...fits, ...fields });
	const catalogue = () => [
		place('Parfait', 2, [good(), good({ fees: ['Payant'] })]),
		place('Un peu loin', 7, [good()]), // 14 min
		place('Trop loin', 15, [good()]), // 29 min: beyond even 20
		place('Sur rendez-vous', 3, [good({ accessModes: ['Téléphoner'] })]),
		place('Renforcé', 3, [good({ level: 'reinforced' })]),
		place('Payant', 3, [good({ fees: ['Payant'] })]),
		place('En semaine', 3, [good({ hours: 'Mo-Fr 14:00-17:00' })]),
		place('Français seulement', 3, [good({ languages: ['fr'] })]),
		place('Sans accueil adapté', 3, [good({ specificSupport: [] })]),
		place('Atelier', 3, [good({ level: 'learn' })]),
		place('Payant et français seulement', 3, [good({ fees: ['Payant'], languages: ['fr'] })]),
		place('Découverte', 3, [good({ level: 'discover' })])
	];

	it('offers each single relaxation, cheapest first, with what it costs', () => {
		const result = orient(catalogue(), query(strict), SATURDAY);
		expect(names(result.results)).toEqual(['Parfait']);
		expect(result.relaxations.map((r) => [r.code, r.label, names(r.results)])).toEqual([
			['walk', 'à 14 min à pied', ['Un peu loin']],
			['appointment', 'sur rendez-vous', ['Sur rendez-vous']],
			['level-above', 'niveau au-dessus : Accompagnement renforcé', ['Renforcé']],
			['free', 'payant', ['Payant']],
			['availability', "à d'autres moments", ['En semaine']],
			['language', 'sans interprète en arabe', ['Français seulement']],
			['support', 'sans accueil adapté', ['Sans accueil adapté']],
			['level-below', 'niveau en dessous : Apprendre en atelier', ['Atelier']]
		]);
	});

	it('gives full candidates, judged without the relaxed constraint', () => {
		const result = orient(catalogue(), query(strict), SATURDAY);
		const relaxed = (code: string) => result.relaxations.find((r) => r.code === code)!.results[0]!;
		expect(relaxed('walk').reasons).toEqual([
			'14 min à pied',
			'ouvert samedi matin',
			'gratuit',
			'parle arabe',
			'accueil adapté : surdité',
			'sans rendez-vous'
		]);
		expect(relaxed('availability').reasons).toEqual(['6 min à pied', 'ouvre lundi à 14 h', 'gratuit', 'parle arabe', 'accueil adapté : surdité', 'sans rendez-vous']);
		expect(relaxed('language').reasons).toEqual(['6 min à pied', 'ouvert samedi matin', 'gratuit', 'accueil adapté : surdité', 'sans rendez-vous']);
		expect(relaxed('appointment').reasons).toEqual(['6 min à pied', 'ouvert samedi matin', 'gratuit', 'parle arabe', 'accueil adapté : surdité']);
	});

	it('are not offered from three results on', () => {
		const three = [place('A', 1, [good()]), place('B', 2, [good()]), place('C', 3, [good()]), ...catalogue()];
		const result = orient(three, query(strict), SATURDAY);
		expect(result.results).toHaveLength(4);
		expect(result.relaxations).toEqual([]);
	});

	it('are offered with two results', () => {
		const two = [place('A', 1, [good()]), ...catalogue()];
		const result = orient(two, query(strict), SATURDAY);
		expect(names(result.results)).toEqual(['A', 'Parfait']);
		expect(result.relaxations).toHaveLength(8);
	});

	it('leave out a relaxation that adds no new place', () => {
		// « Parfait » also has a paying offer: dropping « gratuit » would only show it again.
		const result = orient(catalogue().filter((p) => p.name !== 'Payant'), query(strict), SATURDAY);
		expect(result.relaxations.map((r) => r.code)).not.toContain('free');
		expect(result.relaxations.flatMap((r) => names(r.results))).not.toContain('Parfait');
	});

	it('only relax what was asked', () => {
		// Without those constraints, the places that only failed them would simply be results.
		const unasked = new Set(['Payant', 'Français seulement', 'Sans accueil adapté', 'Payant et français seulement']);
		const rest = catalogue().filter((p) => !unasked.has(p.name));
		const result = orient(rest, query({ ...strict, languages: [], specificSupport: [], freeOnly: false }), SATURDAY);
		expect(names(result.results)).toEqual(['Parfait']);
		expect(result.relaxations.map((r) => r.code)).toEqual(['walk', 'appointment', 'level-above', 'availability', 'level-below']);
	});

	it('show at most five places, and the walk label says the farthest of them', () => {
		const far = [6, 7, 9, 6, 8, 10, 9].map((t, i) => place(`Loin ${i}`, t, [good()])); // 12, 14, 18, 12, 16, 20, 18 min
		const result = orient([place('Parfait', 2, [good()]), ...far], query({ maxWalkMinutes: 10 }), SATURDAY);
		const walk = result.relaxations.find((r) => r.code === 'walk')!;
		expect(walk.results.map((c) => c.walkMinutes)).toEqual([12, 12, 14, 16, 18]);
		expect(walk.label).toBe('à 18 min à pied');
	});

	it('walk ten minutes more at most, and never past 45 minutes', () => {
		const catalogue = [place('29 min', 15, [good()]), place('39 min', 20, [good()])];
		const at = (maxWalkMinutes: number) => orient(catalogue, query({ maxWalkMinutes }), SATURDAY).relaxations.map((r) => r.label);
		expect(at(15)).toEqual([]);
		expect(at(20)).toEqual(['à 29 min à pied']);
		expect(at(30)).toEqual(['à 39 min à pied']);
		// 0.025° is 2,780 m, 48.2 → 49 min: within 39 + 10, but past the 45-minute cap.
		expect(orient([place('49 min', 25, [good()])], query({ maxWalkMinutes: 39 }), SATURDAY).relaxations).toEqual([]);
		expect(orient([place('49 min', 25, [good()])], query({ maxWalkMinutes: 45 }), SATURDAY).relaxations).toEqual([]);
	});

	it('have no level above reinforced support', () => {
		const catalogue = [place('Accompagné', 3, [good({ level: 'support' })])];
		const result = orient(catalogue, query({ autonomy: 'pas-seul' }), SATURDAY);
		expect(result.levels).toEqual(['reinforced']);
		expect(result.relaxations.map((r) => [r.code, r.label])).toEqual([['level-below', 'niveau en dessous : Être accompagné']]);
	});

	it('name every language the interpreter would have spoken', () => {
		const catalogue = [place('Français seulement', 3, [good({ languages: ['fr'] })])];
		const result = orient(catalogue, query({ languages: ['ar', 'tr'] }), SATURDAY);
		expect(result.relaxations.map((r) => r.label)).toEqual(['sans interprète en arabe et en turc']);
	});
});

describe('next step', () => {
	const catalogue = () => [
		place('France services', 2, [offer({ level: 'support', fees: ['Gratuit'] })]),
		place('Ateliers démarches', 6, [offer({ level: 'learn', fees: ['Gratuit'], hours: 'Tu 14:00-16:00', accessModes: ['Téléphoner'] })]),
		place('Ateliers payants', 1, [offer({ level: 'learn', fees: ['Payant'] })]),
		place('Ateliers près', 3, [offer({ level: 'learn', fees: ['Gratuit'] })]),
		place('Ateliers loin', 15, [offer({ level: 'learn', fees: ['Gratuit'] })]),
		place('Ateliers emploi', 1, [offer({ level: 'learn', themes: ['jobs'] })]),
		place('Découverte', 1, [offer({ level: 'discover', fees: ['Gratuit'] })])
	];

	it('after help with a démarche, points to workshops on the same need, nearest first', () => {
		const result = orient(catalogue(), query(), SATURDAY);
		expect(names(result.results)).toEqual(['France services']);
		expect(result.nextStep?.levels).toEqual(['learn']);
		expect(names(result.nextStep!.results)).toEqual(['Ateliers payants', 'Ateliers près', 'Ateliers démarches']);
	});

	it('keeps « gratuit », and ignores when and how the resident can come now', () => {
		const q = query({ freeOnly: true, appointment: 'sans', availability: [{ weekday: 6, period: 'matin' }] });
		const result = orient(catalogue(), q, SATURDAY);
		expect(names(result.nextStep!.results)).toEqual(['Ateliers près', 'Ateliers démarches', 'Ateliers loin']);
		expect(result.nextStep!.results[1]!.reasons).toEqual(['12 min à pied', 'ouvre mardi à 14 h', 'gratuit']);
		expect(result.nextStep!.results[1]!.uncertainties).toEqual([]);
	});

	it('keeps the walking limit', () => {
		const result = orient(catalogue(), query({ maxWalkMinutes: 10 }), SATURDAY);
		expect(names(result.nextStep!.results)).toEqual(['Ateliers payants', 'Ateliers près']);
	});

	it('does not repeat a place already among the results', () => {
		const both = [place('Tout en un', 1, [offer({ level: 'support' }), offer({ level: 'learn' })]), ...catalogue()];
		const result = orient(both, query(), SATURDAY);
		expect(names(result.results)).toEqual(['Tout en un', 'France services']);
		expect(names(result.nextStep!.results)).not.toContain('Tout en un');
	});

	it('after workshops, points to free access', () => {
		const result = orient(catalogue(), query({ needs: ['bases'], autonomy: 'un-peu' }), SATURDAY);
		expect(result.levels).toEqual(['learn']);
		expect(result.nextStep?.levels).toEqual(['discover']);
		// « bases » is about everyday tools and access: the admin workshops above do not match.
		expect(result.nextStep?.results).toEqual([]);
	});
});

describe('scenarios in Roubaix', () => {
	const roubaix = () => [
		place('Médiathèque', 2, [
			offer({ level: 'discover', themes: ['access'], fees: ['Gratuit'], hours: 'Tu-Sa 10:00-18:00', accessModes: ['Se présenter'] }),
			offer({ level: 'learn', themes: ['everyday'], fees: ['Gratuit'], hours: 'We 14:00-17:00', accessModes: ['Téléphoner'] })
		]),
		place('France services', 5, [
			offer({
				level: 'support',
				themes: ['admin', 'jobs'],
				fees: ['Gratuit'],
				hours: 'Mo-Fr 08:30-12:00,13:30-17:00; Sa 09:00-12:00',
				accessModes: ['Se présenter', 'Téléphoner'],
				languages: ['fr', 'ar']
			}),
			offer({ level: 'reinforced', themes: ['admin'], fees: ['Gratuit'], hours: 'Mo-Fr 08:30-12:00', accessModes: ['Téléphoner'] })
		]),
		place('CCAS', 3, [offer({ level: 'support', themes: ['admin'], tags: ['health'], hours: null, levelInferred: true, verifiedAt: '2022-06-01' })]),
		place('Centre social du Pile', 7, [
			offer({ level: 'learn', themes: ['everyday', 'admin'], fees: ['Gratuit'], hours: 'Mo-Fr 14:00-17:00', accessModes: ['Téléphoner'], languages: ['fr', 'tr'] }),
			offer({ level: 'support', themes: ['admin'], fees: ['Gratuit'], hours: 'Tu,Th 14:00-17:00', accessModes: ['Téléphoner'], languages: ['fr', 'tr'] })
		]),
		place('Repair café', 4, [offer({ level: 'support', themes: ['equipment'], tags: ['repair'], fees: ['Gratuit'], hours: 'Sa 09:30-12:30' })]),
		place('Espace numérique Alma', 9, [
			offer({ level: 'learn', themes: ['everyday', 'creative'], fees: ['Payant'], hours: 'We 14:00-18:00; Sa 14:00-17:00', accessModes: ['Se présenter'] })
		])
	];

	it('Saturday 10:00, stuck on a CAF form: the nearest help, open or not', () => {
		const result = orient(roubaix(), query({ autonomy: 'bloque' }), new Date('2026-11-28T10:00:00+01:00'));
		expect(result.levels).toEqual(['support']);
		expect(result.results.map((c) => [c.place.name, c.reasons, c.uncertainties])).toEqual([
			['CCAS', ['6 min à pied'], ['niveau déduit', 'horaires non renseignés', 'mis à jour en 2022']],
			['France services', ['10 min à pied', 'ouvert maintenant', 'gratuit', 'sans rendez-vous'], []],
			['Centre social du Pile', ['14 min à pied', 'ouvre mardi à 14 h', 'gratuit'], []]
		]);
		expect(result.relaxations).toEqual([]);
		expect(result.nextStep?.levels).toEqual(['learn']);
		expect(result.nextStep?.results).toEqual([]);
		expect(result.within15).toBe(3);
	});

	it('Saturday 10:00, speaks Arabic, cannot come on weekdays, no appointment', () => {
		const q = query({ languages: ['ar'], appointment: 'sans', availability: [{ weekday: 6, period: 'matin' }] });
		const result = orient(roubaix(), q, new Date('2026-11-28T10:00:00+01:00'));
		expect(result.results.map((c) => [c.place.name, c.reasons])).toEqual([
			['France services', ['10 min à pied', 'ouvert samedi matin', 'gratuit', 'parle arabe', 'sans rendez-vous']]
		]);
		expect(result.relaxations.map((r) => [r.code, r.label, names(r.results)])).toEqual([
			['language', 'sans interprète en arabe', ['CCAS']]
		]);
		expect(result.relaxations[0]!.results[0]!.uncertainties).toEqual([
			'niveau déduit',
			'horaires non renseignés',
			"modalités d'accès non renseignées",
			'mis à jour en 2022'
		]);
	});

	it('summer Saturday 10:00 (UTC+2): still « ouvert maintenant »', () => {
		const july = new Date('2026-07-04T10:00:00+02:00');
		const result = orient(roubaix(), query({ origin: null }), july);
		const services = result.results.find((c) => c.place.name === 'France services')!;
		expect(services.reasons).toEqual(['ouvert maintenant', 'gratuit', 'sans rendez-vous']);
		expect(services.nextOpening?.toISOString()).toBe('2026-07-04T08:00:00.000Z');
		// No starting point: walking is unknown, so the place that is open comes first.
		expect(names(result.results)).toEqual(['France services', 'Centre social du Pile', 'CCAS']);
	});

	it('Tuesday 19:00, never used a computer, wants the basics', () => {
		const result = orient(roubaix(), query({ needs: ['bases'], autonomy: 'jamais' }), new Date('2026-12-01T19:00:00+01:00'));
		expect(result.levels).toEqual(['discover', 'learn']);
		expect(result.results.map((c) => [c.place.name, c.offers.map((o) => o.level), c.reasons])).toEqual([
			['Médiathèque', ['discover', 'learn'], ['4 min à pied', 'ouvre demain à 10 h', 'gratuit', 'sans rendez-vous', "Découvrir et s'informer"]],
			['Centre social du Pile', ['learn'], ['14 min à pied', 'ouvre demain à 14 h', 'gratuit', 'Apprendre en atelier']],
			['Espace numérique Alma', ['learn'], ['18 min à pied', 'ouvre demain à 14 h', 'sans rendez-vous', 'Apprendre en atelier']]
		]);
		expect(result.within15).toBe(2);
	});

	it('Wednesday 15:00, a broken phone to repair, at most ten minutes away', () => {
		const result = orient(roubaix(), query({ needs: ['reparer'], maxWalkMinutes: 10 }), new Date('2026-12-02T15:00:00+01:00'));
		expect(result.results.map((c) => [c.place.name, c.reasons])).toEqual([['Repair café', ['8 min à pied', 'ouvre samedi à 9 h 30', 'gratuit']]]);
		expect(result.relaxations).toEqual([]);
	});
});
