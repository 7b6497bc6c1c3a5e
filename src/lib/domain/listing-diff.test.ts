import { describe, expect, it } from 'vitest';
import { SNAPSHOT_FIELDS, type ActorSnapshot, type OfferSnapshot, type PlaceSnapshot } from './listing';
import { diffSnapshots, FIELD_LABELS, formatField, formatFrenchDate } from './listing-diff';

const place: PlaceSnapshot = {
	name: 'Espace numérique de l’Épeule',
	address: '45 rue de l’Épeule',
	address_complement: null,
	postal_code: '59100',
	commune: 'Roubaix',
	lat: 50.688712,
	lon: 3.165234,
	phone: '03 20 66 46 00',
	email: null,
	website: 'https://www.ville-roubaix.fr',
	description: 'Accès libre aux ordinateurs le mardi après-midi.'
};

const offer: OfferSnapshot = {
	place_id: 12,
	level: 'support',
	themes: ['admin', 'everyday'],
	tags: ['health'],
	publics: ['Seniors'],
	specific_support: ['Illettrisme'],
	fees: ['Gratuit'],
	access_modes: ['Se présenter'],
	programmes: ['France Services'],
	other_labels: [],
	languages: ['fr', 'ar'],
	hours: 'Mo-Fr 09:00-12:00',
	booking_url: null,
	remote: false,
	description: null,
	status: 'active',
	closed_from: null,
	closed_until: null,
	closure_message: null
};

describe('field labels', () => {
	it('names every editable field in French', () => {
		for (const entity of ['actor', 'place', 'offer'] as const) {
			const labels = FIELD_LABELS[entity] as Record<string, string>;
			expect(Object.keys(labels).sort()).toEqual([...SNAPSHOT_FIELDS[entity]].sort());
			for (const label of Object.values(labels)) expect(label).toMatch(/^\p{Lu}/u);
		}
		expect(FIELD_LABELS.place.address).toBe('Adresse');
		expect(FIELD_LABELS.place.lat).toBe('Latitude');
		expect(FIELD_LABELS.offer.specific_support).toBe('Accompagnements spécifiques');
		expect(FIELD_LABELS.offer.access_modes).toBe('Modalités d’accès');
		expect(FIELD_LABELS.offer.closed_from).toBe('Fermé à partir du');
		expect(FIELD_LABELS.offer.other_labels).toBe('Autres labels');
	});
});

describe('formatField', () => {
	it('shows levels by their label, an unset level as « À préciser »', () => {
		expect(formatField('offer', 'level', 'discover')).toBe('Découvrir et s\'informer');
		expect(formatField('offer', 'level', 'reinforced')).toBe('Accompagnement renforcé');
		expect(formatField('offer', 'level', null)).toBe('À préciser');
	});

	it('shows needs and national terms by their labels', () => {
		expect(formatField('offer', 'themes', ['admin', 'access'])).toBe('Démarches administratives, Accès à internet et à un ordinateur');
		expect(formatField('offer', 'tags', ['repair'])).toBe('Réemploi et réparation');
		expect(formatField('offer', 'publics', ['Familles et/ou enfants'])).toBe('Familles et enfants');
		expect(formatField('offer', 'specific_support', ['Handicaps mentaux'])).toBe('Handicap mental ou psychique');
		expect(formatField('offer', 'fees', ['Gratuit sous condition'])).toBe('Gratuit sous condition');
		expect(formatField('offer', 'access_modes', ['Prendre un RDV en ligne'])).toBe('Prendre rendez-vous en ligne');
		expect(formatField('offer', 'programmes', ['Aidants Connect'])).toBe('Aidants Connect');
	});

	it('names languages in French', () => {
		expect(formatField('offer', 'languages', ['fr', 'ar', 'ber'])).toBe('français, arabe, berbère');
		expect(formatField('offer', 'languages', ['12'])).toBe('12');
	});

	it('shows booleans, empty values, statuses and the place', () => {
		expect(formatField('offer', 'remote', true)).toBe('Oui');
		expect(formatField('offer', 'remote', false)).toBe('Non');
		expect(formatField('offer', 'description', null)).toBe('(vide)');
		expect(formatField('offer', 'description', '')).toBe('(vide)');
		expect(formatField('offer', 'other_labels', [])).toBe('(vide)');
		expect(formatField('offer', 'status', 'active')).toBe('Ouvert');
		expect(formatField('offer', 'status', 'temporarily_closed')).toBe('Fermé temporairement');
		expect(formatField('offer', 'status', 'closed')).toBe('Fermé définitivement');
		expect(formatField('offer', 'place_id', 12)).toBe('n° 12');
	});

	it('writes dates the French way', () => {
		expect(formatField('offer', 'closed_from', '2026-03-03')).toBe('3 mars 2026');
		expect(formatField('offer', 'closed_until', '2026-08-01')).toBe('1er août 2026');
		expect(formatFrenchDate('2026-12-25')).toBe('25 décembre 2026');
		expect(formatFrenchDate('2026-13-01')).toBe('2026-13-01');
	});

	it('shows coordinates with 5 decimals and a French comma', () => {
		expect(formatField('place', 'lat', 50.688712)).toBe('50,68871');
		expect(formatField('place', 'lon', 3.1652)).toBe('3,16520');
	});

	it('groups SIRET digits', () => {
		expect(formatField('actor', 'siret', '21590512600011')).toBe('215 905 126 00011');
	});

	it('keeps markup as text: the page escapes it', () => {
		expect(formatField('place', 'name', '<script>alert(1)</script>')).toBe('<script>alert(1)</script>');
	});
});

describe('diffSnapshots', () => {
	it('lists only the fields that changed, in the form’s order', () => {
		const after: PlaceSnapshot = { ...place, address: '47 rue de l’Épeule', phone: null, address_complement: 'Bâtiment B' };
		expect(diffSnapshots('place', place, after)).toEqual([
			{ field: 'address', label: 'Adresse', before: '45 rue de l’Épeule', after: '47 rue de l’Épeule' },
			{ field: 'address_complement', label: 'Complément d’adresse', before: '(vide)', after: 'Bâtiment B' },
			{ field: 'phone', label: 'Téléphone', before: '03 20 66 46 00', after: '(vide)' }
		]);
	});

	it('finds nothing when nothing changed', () => {
		expect(diffSnapshots('place', place, { ...place })).toEqual([]);
		expect(diffSnapshots('offer', offer, structuredClone(offer))).toEqual([]);
	});

	it('compares lists as sets', () => {
		expect(diffSnapshots('offer', offer, { ...offer, themes: ['everyday', 'admin'], languages: ['ar', 'fr'] })).toEqual([]);
		expect(diffSnapshots('offer', offer, { ...offer, themes: ['admin', 'jobs'] })).toEqual([
			{
				field: 'themes',
				label: 'Thématiques',
				before: 'Démarches administratives, Outils numériques du quotidien',
				after: 'Démarches administratives, Emploi et insertion professionnelle'
			}
		]);
	});

	it('treats null and empty text alike', () => {
		expect(diffSnapshots('place', place, { ...place, email: '' as unknown as null })).toEqual([]);
	});

	it('ignores moves smaller than the fifth decimal', () => {
		expect(diffSnapshots('place', place, { ...place, lat: 50.6887121 })).toEqual([]);
		expect(diffSnapshots('place', place, { ...place, lat: 50.69271 })).toEqual([
			{ field: 'lat', label: 'Latitude', before: '50,68871', after: '50,69271' }
		]);
	});

	it('describes a temporary closure in words', () => {
		const closed: OfferSnapshot = {
			...offer,
			level: null,
			status: 'temporarily_closed',
			closed_from: '2026-03-03',
			closed_until: '2026-03-31',
			closure_message: 'Travaux : rendez-vous au centre social Nautilus.',
			remote: true
		};
		expect(diffSnapshots('offer', offer, closed)).toEqual([
			{ field: 'level', label: 'Niveau d’accompagnement', before: 'Être accompagné', after: 'À préciser' },
			{ field: 'remote', label: 'À distance', before: 'Non', after: 'Oui' },
			{ field: 'status', label: 'Statut', before: 'Ouvert', after: 'Fermé temporairement' },
			{ field: 'closed_from', label: 'Fermé à partir du', before: '(vide)', after: '3 mars 2026' },
			{ field: 'closed_until', label: 'Fermé jusqu’au', before: '(vide)', after: '31 mars 2026' },
			{ field: 'closure_message', label: 'Message de fermeture', before: '(vide)', after: 'Travaux : rendez-vous au centre social Nautilus.' }
		]);
	});

	it('lists every field with a value on creation', () => {
		const actor: ActorSnapshot = { name: 'Association Rencontre et Loisirs', siret: null, website: null, email: 'contact@arl-roubaix.fr', phone: '03 20 00 00 00' };
		expect(diffSnapshots('actor', null, actor)).toEqual([
			{ field: 'name', label: 'Nom de la structure', before: '(vide)', after: 'Association Rencontre et Loisirs' },
			{ field: 'email', label: 'E-mail', before: '(vide)', after: 'contact@arl-roubaix.fr' },
			{ field: 'phone', label: 'Téléphone', before: '(vide)', after: '03 20 00 00 00' }
		]);
		const created = diffSnapshots('offer', null, offer).map((change) => change.field);
		expect(created).toEqual(['place_id', 'level', 'themes', 'tags', 'publics', 'specific_support', 'fees', 'access_modes', 'programmes', 'languages', 'hours', 'remote', 'status']);
	});

	it('reads a snapshot stored before a field existed as empty there', () => {
		const old = { ...offer } as Partial<OfferSnapshot>;
		delete old.closure_message;
		delete old.other_labels;
		expect(diffSnapshots('offer', old as OfferSnapshot, { ...offer, other_labels: ['Pass numérique'] })).toEqual([
			{ field: 'other_labels', label: 'Autres labels', before: '(vide)', after: 'Pass numérique' }
		]);
	});
});

describe('hours in the diff', () => {
	it('reads in French, with the OSM text kept apart for a folded detail', () => {
		const [change] = diffSnapshots('offer', { ...offer, hours: 'Mo 09:00-12:00' }, { ...offer, hours: 'Mo-Fr 09:00-12:00; Sa unknown' });
		expect(change?.field).toBe('hours');
		expect(change?.before).toBe('Lundi : 9 h – 12 h ; fermé : du mardi au dimanche');
		expect(change?.after).toBe('Du lundi au vendredi : 9 h – 12 h ; non renseigné : samedi ; fermé : dimanche');
		expect(change?.beforeRaw).toBe('Mo 09:00-12:00');
		expect(change?.afterRaw).toBe('Mo-Fr 09:00-12:00; Sa unknown');
	});

	it('reads added hours as added, with no detail for the empty side', () => {
		const [change] = diffSnapshots('offer', { ...offer, hours: null }, { ...offer, hours: 'Mo 09:00-12:00' });
		expect(change?.before).toBe('(vide)');
		expect(change?.beforeRaw).toBeUndefined();
	});

	it('leaves no OSM code in any value of a full diff', () => {
		const changed: OfferSnapshot = { ...offer, level: 'learn', remote: true, hours: 'Tu 14:00-17:00; PH off', languages: ['fr', 'en'] };
		for (const change of diffSnapshots('offer', offer, changed)) {
			expect(change.before + change.after, change.field).not.toMatch(/\b(?:Mo|Tu|We|Th|Fr|Sa|Su|PH)\b|\d\d:\d\d|\btrue\b|\bfalse\b/);
		}
	});
});
