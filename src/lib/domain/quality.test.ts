import { describe, expect, it } from 'vitest';
import {
	addressKey,
	FAR_FROM_STREET_METRES,
	monthsBetween,
	nameSimilarity,
	qualityFlags,
	type FlagCode,
	type PlaceForQuality
} from './quality';
import { buildStreetIndex } from './streets';

const NOW = new Date('2026-11-25T10:00:00Z');

/** Rue Pellart runs east–west along latitude 50.69; 0.001° of latitude is 111.2 m. */
const STREETS = buildStreetIndex([
	{ name: 'Rue Pellart', geometry: { type: 'LineString', coordinates: [[3.18, 50.69], [3.19, 50.69]] } },
	{ name: 'Avenue de Verdun', geometry: { type: 'LineString', coordinates: [[3.195, 50.685], [3.205, 50.685]] } }
]);
const NO_STREETS = buildStreetIndex([]);

let nextId = 1;
/** A place with nothing to flag (in Roubaix, hours known, verified last month), unless told otherwise. */
function place(overrides: Partial<PlaceForQuality>): PlaceForQuality {
	return {
		id: nextId++,
		name: `Lieu ${nextId}`,
		address: 'Rue de Babylone',
		lon: 3.1,
		lat: 50.6,
		inCommune: true,
		hasHours: true,
		sourceUpdatedOn: '2026-10-01',
		...overrides
	};
}

function codes(flags: Map<number, { code: FlagCode }[]>, id: number): FlagCode[] {
	return (flags.get(id) ?? []).map((f) => f.code);
}

describe('nameSimilarity', () => {
	it.each([
		['CCAS de Roubaix', 'CCAS de ROUBAIX', 1],
		["LE FIL DE L'EPEULE", "Le Fil de l'épeule", 1],
		['Centre social ECHO', 'ECHO centre social', 1],
		// {agence, pole, emploi, roubaix, centre} vs {agence, pole, emploi, roubaix, pres}: 4 / 6
		['Agence Pôle Emploi ROUBAIX CENTRE', 'Agence Pôle Emploi ROUBAIX LES PRES', 4 / 6],
		['UTPAS ROUBAIX CROIX', 'UTPAS ROUBAIX VILLE', 2 / 4],
		['Emmaüs Connect', 'CPAM de Roubaix Tourcoing', 0],
		['', 'CCAS', 0],
		['de la', 'de la', 0]
	])('« %s » vs « %s » = %d', (a, b, value) => {
		expect(nameSimilarity(a, b)).toBeCloseTo(value, 10);
	});
});

describe('addressKey', () => {
	it.each([
		['71 rue de Verdun', '71 verdun'],
		['71 Avenue de Verdun', '71 verdun'],
		['71 av. de Verdun', '71 verdun'],
		['71 bis avenue de Verdun', '71 bis verdun'],
		['9 RUE PELLART', '9 pellart'],
		['9 à 11 rue Pellart', '9 pellart'],
		['9-11 rue Pellart', '9 pellart'],
		['132 Rue des Arts', '132 arts'],
		['23 BOULEVARD DU GENERAL LECLERC', '23 general leclerc'],
		['23 Boulevard du Général Leclerc', '23 general leclerc'],
		['33 bd du général Leclerc', '33 general leclerc'],
		// Written differently, one address (issue 12): case, accents, abbreviations, punctuation, articles.
		['2 pl. de la Liberté', '2 liberte'],
		['2, Place de la liberte', '2 liberte'],
		['2 PLACE LIBERTÉ', '2 liberte'],
		['12 av Jean-Lebas', '12 jean lebas'],
		['12 avenue Jean Lebas', '12 jean lebas'],
		['12 Av. Jean Lebas (2e étage)', '12 jean lebas 2e etage'],
		["4 r. de l'Épeule", '4 epeule'],
		['4 rue de l’Epeule', '4 epeule'],
		['Rue de Babylone', ''],
		['Roubaix Eurotéléport', '']
	])('« %s » → « %s »', (address, key) => {
		expect(addressKey(address)).toBe(key);
	});
});

describe('monthsBetween', () => {
	it.each([
		['2025-11-25', 12],
		['2025-11-26', 11],
		['2026-10-25', 1],
		['2026-11-25', 0],
		['2018-11-01', 96]
	])('%s → %d months before 25 November 2026', (date, months) => {
		expect(monthsBetween(date, NOW)).toBe(months);
	});
});

describe('qualityFlags: one place at a time', () => {
	it('flags nothing on a good place', () => {
		const p = place({ address: '9 rue Pellart', lon: 3.185, lat: 50.6901 });
		expect(qualityFlags([p], STREETS, NOW).size).toBe(0);
	});

	it('flags a point more than 500 m from its street, with the distance in the detail', () => {
		// 0.005° north of the street: 556 m.
		const far = place({ address: '9 RUE PELLART', lon: 3.185, lat: 50.695 });
		// 0.004° north: 445 m, under the threshold.
		const near = place({ address: '40 rue Pellart', lon: 3.185, lat: 50.694 });
		const flags = qualityFlags([far, near], STREETS, NOW);
		expect(flags.get(far.id)).toEqual([{ code: 'far_from_street', detail: "Le point est à 556 m de la rue de l'adresse." }]);
		expect(flags.has(near.id)).toBe(false);
		expect(FAR_FROM_STREET_METRES).toBe(500);
	});

	it('reads abbreviations in the address to find the street', () => {
		const p = place({ address: '71 av. de Verdun', lon: 3.2, lat: 50.691 });
		expect(codes(qualityFlags([p], STREETS, NOW), p.id)).toEqual(['far_from_street']);
	});

	it('does not flag an address whose street is unknown', () => {
		const p = place({ address: 'Roubaix Eurotéléport', lon: 3.185, lat: 50.75 });
		expect(qualityFlags([p], STREETS, NOW).has(p.id)).toBe(false);
	});

	it('flags a point outside the commune and missing hours', () => {
		const p = place({ inCommune: false, hasHours: false });
		expect(qualityFlags([p], NO_STREETS, NOW).get(p.id)).toEqual([
			{ code: 'outside_commune', detail: 'Le point est placé hors de la commune de Roubaix.' },
			{ code: 'missing_hours', detail: 'La source ne donne pas les horaires.' }
		]);
	});

	it.each([
		['2025-11-25', true],
		['2025-11-26', false],
		['2018-11-01', true],
		[null, false]
	])('source updated on %s: stale = %s (12 months)', (date, stale) => {
		const p = place({ sourceUpdatedOn: date });
		expect(codes(qualityFlags([p], NO_STREETS, NOW), p.id).includes('stale')).toBe(stale);
	});

	it('says the date in French', () => {
		const p = place({ sourceUpdatedOn: '2022-05-11' });
		expect(qualityFlags([p], NO_STREETS, NOW).get(p.id)).toEqual([
			{ code: 'stale', detail: 'Dernière mise à jour de la source le 11 mai 2022.' }
		]);
	});
});

describe('qualityFlags: probable duplicates', () => {
	it('same address written two ways (« 71 rue de Verdun », « 71 Avenue de Verdun »), 145 m apart', () => {
		const emmaus = place({ name: 'Emmaüs Connect', address: '71 Avenue de Verdun', lon: 3.2017688751, lat: 50.6841278076 });
		const cpam = place({ name: 'CPAM de Roubaix Tourcoing', address: '71 rue de Verdun', lon: 3.20067, lat: 50.6852 });
		const flags = qualityFlags([emmaus, cpam], NO_STREETS, NOW);
		expect(flags.get(emmaus.id)).toEqual([
			{
				code: 'probable_duplicate',
				detail: 'Doublon probable de « CPAM de Roubaix Tourcoing » (à la même adresse).',
				relatedId: cpam.id
			}
		]);
		expect(flags.get(cpam.id)).toEqual([
			{ code: 'probable_duplicate', detail: 'Doublon probable de « Emmaüs Connect » (à la même adresse).', relatedId: emmaus.id }
		]);
	});

	it('same address more than 300 m apart is not a duplicate (different names)', () => {
		const a = place({ name: 'Emmaüs Connect', address: '71 Avenue de Verdun', lon: 3.2, lat: 50.684 });
		const b = place({ name: 'CPAM', address: '71 rue de Verdun', lon: 3.2, lat: 50.6872 });
		expect(qualityFlags([a, b], NO_STREETS, NOW).size).toBe(0);
	});

	it('house-number ranges count: « 9 à 11 rue Pellart » and « 9 RUE PELLART »', () => {
		const a = place({ name: 'Accueil', address: '9 à 11 rue Pellart', lon: 3.185, lat: 50.69 });
		const b = place({ name: 'Guichet', address: '9 RUE PELLART', lon: 3.185, lat: 50.6905 });
		const flags = qualityFlags([a, b], NO_STREETS, NOW);
		expect(flags.get(a.id)?.[0]?.detail).toBe('Doublon probable de « Guichet » (à la même adresse).');
		expect(codes(flags, b.id)).toEqual(['probable_duplicate']);
	});

	it('near-identical names within 50 m, at different addresses', () => {
		const a = place({ name: "LE FIL DE L'EPEULE", address: '132 Rue des Arts', lon: 3.164, lat: 50.689 });
		// 0.0004° north: 44.5 m.
		const b = place({ name: "Le Fil de l'épeule", address: '1 place de la Nouvelle Aventure', lon: 3.164, lat: 50.6894 });
		const flags = qualityFlags([a, b], NO_STREETS, NOW);
		expect(flags.get(a.id)).toEqual([
			{
				code: 'probable_duplicate',
				detail: "Doublon probable de « Le Fil de l'épeule » (nom presque identique à moins de 50 m).",
				relatedId: b.id
			}
		]);
		expect(flags.get(b.id)?.[0]?.relatedId).toBe(a.id);
	});

	it('not when 60 m apart with different names', () => {
		const a = place({ name: 'Médiathèque de Roubaix', address: '2 rue Pierre Motte', lon: 3.1768, lat: 50.6909 });
		// 0.00054° north: 60 m.
		const b = place({ name: 'Socopira', address: '59 avenue Jules Brame', lon: 3.1768, lat: 50.69144 });
		expect(qualityFlags([a, b], NO_STREETS, NOW).size).toBe(0);
	});

	it('not when near-identical names are 60 m apart on different streets', () => {
		const a = place({ name: 'Centre social ECHO', address: "60 rue d'Oran", lon: 3.18822, lat: 50.70221 });
		const b = place({ name: 'CENTRE SOCIAL ÉCHO', address: '9 place Chaptal', lon: 3.18822, lat: 50.70275 });
		expect(qualityFlags([a, b], NO_STREETS, NOW).size).toBe(0);
	});

	it('not for different names on the same street at different numbers', () => {
		const a = place({ name: 'ENTREPRISE OUVERTE', address: '139 rue des Arts', lon: 3.1655, lat: 50.6882 });
		const b = place({ name: 'Fil', address: '132 rue des Arts', lon: 3.1656, lat: 50.6882 });
		expect(qualityFlags([a, b], NO_STREETS, NOW).size).toBe(0);
	});

	it('the same name on the same street counts even when one point is misplaced', () => {
		const a = place({ name: 'CCAS de Roubaix', address: '9 RUE PELLART', lon: 3.1833, lat: 50.6873 });
		const b = place({ name: 'CCAS de ROUBAIX', address: '9 à 11 rue Pellart', lon: 3.1804518361, lat: 50.695470291 });
		const flags = qualityFlags([a, b], NO_STREETS, NOW);
		expect(flags.get(a.id)).toEqual([
			{ code: 'probable_duplicate', detail: 'Doublon probable de « CCAS de ROUBAIX » (même nom dans la même rue).', relatedId: b.id }
		]);
		expect(flags.get(b.id)).toEqual([
			{ code: 'probable_duplicate', detail: 'Doublon probable de « CCAS de Roubaix » (même nom dans la même rue).', relatedId: a.id }
		]);
	});

	it('four entries at one address: each is linked to the three others', () => {
		const verdun = [
			place({ name: 'Emmaüs Connect', address: '71 Avenue de Verdun', lon: 3.2017688751, lat: 50.6841278076 }),
			place({ name: 'CPAM de Roubaix Tourcoing', address: '71 rue de Verdun', lon: 3.20067, lat: 50.6852 }),
			place({ name: 'MAIRIE DE ROUBAIX QUARTIER DES 3 PONTS', address: '71 Avenue de Verdun', lon: 3.2009894391, lat: 50.6853994923 }),
			place({ name: 'France services Mairie de Roubaix Quartier des 3 Ponts', address: '71 Avenue de verdun', lon: 3.200721, lat: 50.685211 })
		];
		const flags = qualityFlags(verdun, NO_STREETS, NOW);
		for (const p of verdun) {
			expect(flags.get(p.id)!.map((f) => f.relatedId).sort()).toEqual(verdun.filter((o) => o !== p).map((o) => o.id).sort());
		}
	});
});

describe('values of the source the importer did not recognise', () => {
	it('raise one flag naming each raw value and its field', () => {
		const p = place({ id: 1, unknownValues: [{ field: 'services', value: 'Réparer son vélo' }, { field: 'horaires', value: 'le lundi' }] });
		const flags = qualityFlags([p], NO_STREETS, NOW).get(1)!;
		expect(flags.filter((f) => f.code === 'unknown_source_value')).toEqual([
			{ code: 'unknown_source_value', detail: 'Valeur de la source non reconnue : « Réparer son vélo » (services), « le lundi » (horaires).' }
		]);
	});
});

describe('duplicates among many places on one street (the national bench)', () => {
	it('25,000 places on a few streets: no crash, and same names on one street still found', () => {
		const many = Array.from({ length: 25_000 }, (_, i) =>
			place({ id: i + 1, name: `Lieu synthétique n° ${i + 1}`, address: `${i + 1} rue synthétique ${i % 20}`, lat: 50.67 + (i % 500) * 0.00008, lon: 3.15 + Math.floor(i / 500) * 0.0013 })
		);
		many.push(place({ id: 30_001, name: 'Espace Jumeau', address: '1 rue synthétique 3', lat: 50.68, lon: 3.16 }));
		many.push(place({ id: 30_002, name: 'Espace Jumeau', address: '900 rue synthétique 3', lat: 50.70, lon: 3.20 }));
		const flags = qualityFlags(many, NO_STREETS, NOW);
		expect(flags.get(30_001)?.find((f) => f.code === 'probable_duplicate')).toEqual({
			code: 'probable_duplicate',
			detail: 'Doublon probable de « Espace Jumeau » (même nom dans la même rue).',
			relatedId: 30_002
		});
	});

	it('a street of the same name in another commune is another street', () => {
		const a = place({ id: 1, name: 'Espace Jumeau', address: '1 rue de la Gare', commune: 'Roubaix', lat: 50.68, lon: 3.16 });
		const b = place({ id: 2, name: 'Espace Jumeau', address: '9 rue de la Gare', commune: 'Lille', lat: 50.63, lon: 3.06 });
		expect(qualityFlags([a, b], NO_STREETS, NOW).get(1)?.some((f) => f.code === 'probable_duplicate') ?? false).toBe(false);
		const c = { ...b, commune: 'ROUBAIX' };
		expect(qualityFlags([a, c], NO_STREETS, NOW).get(1)?.some((f) => f.code === 'probable_duplicate')).toBe(true);
	});
});
