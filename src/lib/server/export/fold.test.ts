import { fromSchemaLieuDeMediationNumerique, type SchemaLieuMediationNumerique } from '@gouvfr-anct/lieux-de-mediation-numerique';
import { describe, expect, it } from 'vitest';
import type { StoredOffer as Offer } from '../db/queries/offers';
import { exportedOffers, lastUpdateDay, schemaPhone, toExportRow, type ExportPlace } from './fold';

/** Folding one place and its offers, on hand-made records. */

const PLACE: ExportPlace = {
	id: 7,
	actor_id: 3,
	name: 'Maison de quartier',
	address: '1 rue du Test',
	address_complement: null,
	postal_code: '59100',
	commune: 'Roubaix',
	code_insee: null,
	lat: 50.69,
	lon: 3.18,
	phone: null,
	email: null,
	website: null,
	description: null,
	source: 'dora',
	source_id: 'abc-dora',
	source_updated_on: '2023-03-01',
	created_at: '2026-11-25T10:00:00.000Z',
	updated_at: '2026-11-25T10:00:00.000Z',
	version: 1,
	siret: null,
	in_commune: true
};

let nextId = 100;
function offer(changes: Partial<Offer> = {}): Offer {
	return {
		id: nextId++,
		actor_id: 3,
		place_id: 7,
		level: 'learn',
		level_inferred: false,
		themes: ['everyday'],
		tags: [],
		publics: [],
		specific_support: [],
		fees: [],
		access_modes: [],
		programmes: [],
		other_labels: [],
		languages: ['fr'],
		hours: null,
		booking_url: null,
		remote: false,
		description: null,
		status: 'active',
		closed_from: null,
		closed_until: null,
		closure_message: null,
		source: 'dora',
		source_id: 'abc-dora#learn',
		created_at: '2026-11-25T10:00:00.000Z',
		updated_at: '2026-11-25T10:00:00.000Z',
		verified_at: '2023-03-01',
		verified_how: 'import',
		version: 1,
		...changes
	};
}

function rowOf(place: Partial<ExportPlace>, offers: Offer[]) {
	const folded = toExportRow({ ...PLACE, ...place }, offers);
	if (!folded) throw new Error('place not exported');
	expect(() => fromSchemaLieuDeMediationNumerique(folded.row as unknown as SchemaLieuMediationNumerique)).not.toThrow();
	return folded;
}

describe('levels → modalites_accompagnement', () => {
	it.each([
		['discover', 'En autonomie'],
		['learn', 'Dans un atelier collectif'],
		['support', 'Accompagnement individuel'],
		// The schema has no « faire pour »: level 4 is individual support.
		['reinforced', 'Accompagnement individuel']
	] as const)('a declared %s offer → « %s »', (level, modality) => {
		expect(rowOf({}, [offer({ level })]).row.modalites_accompagnement).toBe(modality);
	});

	it('an inferred level is never written as a modality', () => {
		const { row, extension } = rowOf({}, [offer({ level: 'support', level_inferred: true }), offer({ level: 'reinforced', level_inferred: true })]);
		expect(row.modalites_accompagnement).toBeUndefined();
		expect(extension.offers.map((o) => [o.level, o.level_inferred])).toEqual([
			['support', true],
			['reinforced', true]
		]);
	});

	it('« à préciser » writes nothing either', () => {
		expect(rowOf({}, [offer({ level: null })]).row.modalites_accompagnement).toBeUndefined();
	});

	it('levels 3 and 4 give one « Accompagnement individuel »; a remote offer adds « À distance »; the ladder’s order', () => {
		const { row } = rowOf({}, [offer({ level: 'reinforced', programmes: ["Aidants Connect"] }), offer({ level: 'support', remote: true }), offer({ level: 'discover' })]);
		expect(row.modalites_accompagnement).toBe('En autonomie|Accompagnement individuel|À distance');
		expect(row.dispositif_programmes_nationaux).toBe('Aidants Connect');
	});
});

describe('which offers, which place', () => {
	it('leaves closed offers out, keeps temporarily closed ones, sorts up the ladder', () => {
		const kept = exportedOffers([offer({ level: 'support' }), offer({ status: 'closed' }), offer({ level: 'discover', status: 'temporarily_closed' })]);
		expect(kept.map((o) => [o.level, o.status])).toEqual([
			['discover', 'temporarily_closed'],
			['support', 'active']
		]);
	});

	it('a place with every offer closed, or with none, is not exported', () => {
		expect(toExportRow(PLACE, [offer({ status: 'closed' })])).toBeNull();
		expect(toExportRow(PLACE, [])).toBeNull();
	});

	it('services: the union of themes; local tags only stand in when there is no theme; nothing at all → not exported', () => {
		expect(rowOf({}, [offer({ themes: ["admin"], tags: ["health"] }), offer({ themes: ["jobs","admin"] })]).row.services).toBe(
			'Aide aux démarches administratives|Insertion professionnelle via le numérique'
		);
		expect(rowOf({}, [offer({ themes: [], tags: ["repair"] })]).row.services).toBe('Acquisition de matériel informatique à prix solidaire');
		expect(toExportRow(PLACE, [offer({ themes: [], tags: [] })])).toBeNull();
	});

	it('publics, support, fees, access modes, programmes: the union in the schema’s order; « pas de public » dropped', () => {
		const { row } = rowOf({}, [
			offer({ publics: ["Seniors"], fees: ["Payant"], access_modes: ['Téléphoner', "Ce lieu n'accueille pas de public"] }),
			offer({ publics: ["Jeunes","Seniors"], fees: ["Gratuit"], specific_support: ["Surdité"], access_modes: ["Se présenter"] })
		]);
		expect(row).toMatchObject({
			publics_specifiquement_adresses: 'Jeunes|Seniors',
			prise_en_charge_specifique: 'Surdité',
			frais_a_charge: 'Gratuit|Payant',
			modalites_acces: 'Se présenter|Téléphoner'
		});
	});
});

describe('one value for the place', () => {
	it('same hours everywhere: those; different hours: the lowest declared level’s, an open offer before a closed one', () => {
		expect(rowOf({}, [offer({ level: 'support', hours: 'Mo 09:00-12:00' }), offer({ level: 'learn', hours: 'Mo 09:00-12:00' })]).row.horaires).toBe('Mo 09:00-12:00');
		const hours = rowOf({}, [
			offer({ level: 'discover', level_inferred: true, hours: 'Sa 10:00-12:00' }),
			offer({ level: 'learn', status: 'temporarily_closed', hours: 'Tu 14:00-16:00' }),
			offer({ level: 'support', hours: 'We 09:00-12:00' }),
			offer({ level: 'reinforced', hours: 'Th 09:00-12:00' })
		]).row.horaires;
		expect(hours).toBe('We 09:00-12:00');
	});

	it('unreadable hours are left out of the column (kept in the extension)', () => {
		const { row, extension } = rowOf({}, [offer({ hours: 'le mardi matin' })]);
		expect(row.horaires).toBeUndefined();
		expect(extension.offers[0]!.hours).toBe('le mardi matin');
	});
});

describe('contacts and identity in the schema’s format', () => {
	it.each([
		['03 20 00 00 01', '+33320000001'],
		['03.20.00.00.01', '+33320000001'],
		['+33 3 20 00 00 01', '+33320000001'],
		['0033320000001', '+33320000001'],
		['+33320000001', '+33320000001'],
		['3949', undefined],
		['pas de téléphone', undefined],
		[null, undefined]
	])('phone %j → %j', (input, expected) => {
		expect(schemaPhone(input)).toBe(expected);
	});

	it('pivot: the actor’s SIRET, else fourteen zeros; id and source of a local place', () => {
		expect(rowOf({ siret: '217 805 124 00019' }, [offer()]).row.pivot).toBe('21780512400019');
		expect(rowOf({ siret: '123' }, [offer()]).row.pivot).toBe('00000000000000');
		expect(rowOf({ source: 'local', source_id: null }, [offer()]).row).toMatchObject({ id: 'roubaix-7', source: 'Ville de Roubaix' });
	});

	it('what the schema cannot hold is left out of its columns and kept, exactly, in the extension', () => {
		const { row, extension } = rowOf(
			{ email: 'pas-un-courriel', website: 'ftp://exemple.fr', address: '3 rue ★ Verte', phone: '03 20 00 00 01', description: '  Un lieu.  ' },
			[offer()]
		);
		expect(row).toMatchObject({ adresse: '3 rue Verte', telephone: '+33320000001', presentation_resume: 'Un lieu.' });
		expect(row.courriels).toBeUndefined();
		expect(row.site_web).toBeUndefined();
		expect(extension.place).toEqual({
			address: '3 rue ★ Verte',
			code_insee: null,
			phone: '03 20 00 00 01',
			email: 'pas-un-courriel',
			website: 'ftp://exemple.fr',
			description: '  Un lieu.  '
		});
	});

	it('code_insee: the place’s own, else Roubaix’s for a place in Roubaix, else none', () => {
		expect(rowOf({ code_insee: '59512' }, [offer()]).row.code_insee).toBe('59512');
		expect(rowOf({ commune: 'Croix', in_commune: false }, [offer()]).row.code_insee).toBeUndefined();
	});
});

describe('date_maj', () => {
	it('is the latest verification; import timestamps do not count, local edits do, in Paris time', () => {
		expect(lastUpdateDay(PLACE, [offer({ verified_at: '2023-03-01' }), offer({ verified_at: '2022-01-01' })])).toBe('2023-03-01');
		// 23:30 UTC on 31 December is already New Year's Day in Roubaix.
		expect(lastUpdateDay(PLACE, [offer({ verified_at: '2026-12-31T23:30:00.000Z', verified_how: 'structure' })])).toBe('2027-01-01');
		// An address corrected here (version 2) without any offer checked.
		expect(lastUpdateDay({ ...PLACE, version: 2, updated_at: '2026-11-20T09:00:00.000Z' }, [offer()])).toBe('2026-11-20');
		// A closed offer's last check counts: closing is news about the place.
		expect(lastUpdateDay(PLACE, [offer(), offer({ status: 'closed', verified_at: '2026-10-01T08:00:00.000Z', updated_at: '2026-10-01T08:00:00.000Z', version: 2 })])).toBe('2026-10-01');
	});
});
