import { describe, expect, it } from 'vitest';
import type { OfferSnapshot } from '$lib/domain/listing';
import {
	isValidSiret,
	LANGUAGE_CODES,
	normalizeFrenchPhone,
	normalizeWebUrl,
	parseActorForm,
	parseOfferForm,
	parsePlaceForm,
	type FormResult
} from './listing-forms';

type Entries = Record<string, string | string[] | File>;

const NO_DIRECTORY_FIELDS = { kind: null, presentation: null, pro_contact_name: null, pro_contact_phone: null };

function form(entries: Entries): FormData {
	const data = new FormData();
	for (const [name, value] of Object.entries(entries)) {
		if (Array.isArray(value)) for (const item of value) data.append(name, item);
		else data.append(name, value);
	}
	return data;
}

function valueOf<T>(result: FormResult<T>): T {
	if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.errors)}`);
	return result.value;
}

function errorsOf<T>(result: FormResult<T>): Record<string, string> {
	if (result.ok) throw new Error('expected errors');
	return result.errors;
}

function valuesOf<T>(result: FormResult<T>): Record<string, string | string[]> {
	if (result.ok) throw new Error('expected errors');
	return result.values;
}

const TOO_LONG = (max: number, actual: number) => `${max} caractères au plus (vous en avez saisi ${actual}).`;
const OUTSIDE = 'Ce point est en dehors de Roubaix : choisissez-le sur la carte ou vérifiez l’adresse.';
const WEBSITE = 'Adresse web invalide : elle commence par https:// ou http:// (exemple : https://www.ville-roubaix.fr).';
const EMAIL = 'Adresse e-mail invalide (exemple : contact@association-roubaix.fr).';
const PHONE = 'Numéro de téléphone français attendu, à 10 chiffres (exemple : 03 20 00 00 00).';

// ---------------------------------------------------------------------------------------------------

describe('structure form', () => {
	const actor = {
		name: '  Centre social  Nautilus ',
		siret: '215 905 126 00011',
		website: 'www.ville-roubaix.fr',
		email: 'accueil@nautilus-roubaix.fr',
		phone: '+33 3 20 00 00 00'
	};

	it('trims and normalizes a complete structure', () => {
		expect(valueOf(parseActorForm(form(actor)))).toEqual({
			name: 'Centre social Nautilus',
			siret: '21590512600011',
			website: 'https://www.ville-roubaix.fr',
			email: 'accueil@nautilus-roubaix.fr',
			phone: '03 20 00 00 00',
			...NO_DIRECTORY_FIELDS
		});
	});

	it('turns empty optional fields into null', () => {
		expect(valueOf(parseActorForm(form({ name: 'Mairie de quartier Est', siret: ' ', website: '', email: '', phone: '' })))).toEqual({
			name: 'Mairie de quartier Est',
			siret: null,
			website: null,
			email: null,
			phone: null,
			...NO_DIRECTORY_FIELDS
		});
	});

	it('reads the kind, the presentation and the contact for professionals', () => {
		const value = valueOf(
			parseActorForm(
				form({ name: 'Centre social Nautilus', kind: 'association', presentation: ' Ateliers  pour tous.\r\n\r\n\r\nSur rendez-vous. ', pro_contact_name: ' Camille  Martin ', pro_contact_phone: '0320000001' })
			)
		);
		expect(value).toMatchObject({ kind: 'association', presentation: 'Ateliers pour tous.\n\nSur rendez-vous.', pro_contact_name: 'Camille Martin', pro_contact_phone: '03 20 00 00 01' });
	});

	it('refuses an unknown kind and half a professional contact, keeping what was typed', () => {
		expect(errorsOf(parseActorForm(form({ name: 'X', kind: 'secte' })))).toEqual({ kind: 'Type de structure inconnu : choisissez-en un dans la liste, ou « non précisé ».' });
		const onlyName = parseActorForm(form({ name: 'X', pro_contact_name: 'Camille Martin' }));
		expect(errorsOf(onlyName)).toEqual({ pro_contact_phone: 'Indiquez la ligne directe de cette personne, ou effacez son nom.' });
		expect(valuesOf(onlyName).pro_contact_name).toBe('Camille Martin');
		expect(errorsOf(parseActorForm(form({ name: 'X', pro_contact_phone: '03 20 00 00 01' })))).toEqual({
			pro_contact_name: 'Indiquez le nom de la personne à joindre sur cette ligne, ou effacez le numéro.'
		});
		expect(Object.keys(errorsOf(parseActorForm(form({ name: 'X', presentation: 'x'.repeat(1001) }))))).toEqual(['presentation']);
	});

	it('requires a name and says so in French', () => {
		expect(errorsOf(parseActorForm(form({ name: '   ' })))).toEqual({ name: 'Indiquez le nom de la structure.' });
		expect(errorsOf(parseActorForm(new FormData()))).toEqual({ name: 'Indiquez le nom de la structure.' });
	});

	it('limits the name to 150 characters', () => {
		expect(errorsOf(parseActorForm(form({ name: 'A'.repeat(163) }))).name).toBe(TOO_LONG(150, 163));
		expect(parseActorForm(form({ name: 'A'.repeat(150) })).ok).toBe(true);
	});

	it('checks the SIRET: 14 digits and the Luhn key', () => {
		expect(errorsOf(parseActorForm(form({ ...actor, siret: '2159051260001' }))).siret).toBe(
			'Le numéro SIRET compte 14 chiffres (les espaces sont acceptés).'
		);
		expect(errorsOf(parseActorForm(form({ ...actor, siret: '215-905-126-00011' }))).siret).toBe(
			'Le numéro SIRET compte 14 chiffres (les espaces sont acceptés).'
		);
		expect(errorsOf(parseActorForm(form({ ...actor, siret: '215 905 126 00012' }))).siret).toBe(
			'Ce numéro SIRET n’existe pas (sa clé de contrôle est fausse) : vérifiez chaque chiffre.'
		);
	});

	it('accepts La Poste’s establishments, which follow their own key', () => {
		expect(isValidSiret('35600000049837')).toBe(true);
		expect(isValidSiret('35600000049838')).toBe(false);
		expect(isValidSiret('77589791900020')).toBe(true);
	});

	it('rejects a malformed e-mail, website and phone', () => {
		expect(errorsOf(parseActorForm(form({ ...actor, email: 'accueil@nautilus', website: 'javascript:alert(1)', phone: '12345' })))).toEqual({
			email: EMAIL,
			website: WEBSITE,
			phone: PHONE
		});
	});

	it('echoes what was typed so the form can be shown again', () => {
		const values = valuesOf(parseActorForm(form({ ...actor, email: 'pas une adresse' })));
		expect(values).toEqual({ ...actor, email: 'pas une adresse', kind: '', presentation: '', pro_contact_name: '', pro_contact_phone: '' });
	});
});

// ---------------------------------------------------------------------------------------------------

describe('phone numbers', () => {
	it.each([
		['03 20 00 00 00', '03 20 00 00 00'],
		['0320000000', '03 20 00 00 00'],
		['03.20.66.46.00', '03 20 66 46 00'],
		['03-20-66-46-00', '03 20 66 46 00'],
		['+33 3 20 66 46 00', '03 20 66 46 00'],
		['+33 (0)3 20 66 46 00', '03 20 66 46 00'],
		['0033 6 12 34 56 78', '06 12 34 56 78'],
		['09 70 00 00 00', '09 70 00 00 00']
	])('reads %s as %s', (typed, shown) => {
		expect(normalizeFrenchPhone(typed)).toBe(shown);
	});

	it.each(['00 20 00 00 00', '3 20 00 00 00', '+32 2 123 45 67', '03 20 00 00 0', '03 20 00 00 000', 'O3 20 00 00 00'])(
		'refuses %s',
		(typed) => {
			expect(normalizeFrenchPhone(typed)).toBeNull();
		}
	);
});

describe('web addresses', () => {
	it.each([
		['https://www.ville-roubaix.fr', 'https://www.ville-roubaix.fr'],
		['http://mediatheque.ville-roubaix.fr/agenda?x=1', 'http://mediatheque.ville-roubaix.fr/agenda?x=1'],
		['www.ville-roubaix.fr', 'https://www.ville-roubaix.fr'],
		['ville-roubaix.fr/nos-services', 'https://ville-roubaix.fr/nos-services'],
		['HTTPS://WWW.AMELI.FR', 'HTTPS://WWW.AMELI.FR']
	])('accepts %s', (typed, stored) => {
		expect(normalizeWebUrl(typed)).toBe(stored);
	});

	it.each([
		'javascript:alert(1)',
		'ftp://ville-roubaix.fr',
		'mailto:contact@ville-roubaix.fr',
		'https://ameli.fr@exemple.com',
		'http://localhost:3000',
		'localhost:3000',
		'https://ville roubaix.fr',
		'data:text/html,<script>alert(1)</script>',
		'ville-roubaix',
		'http//ville-roubaix.fr'
	])('refuses %s', (typed) => {
		expect(normalizeWebUrl(typed)).toBeNull();
	});
});

// ---------------------------------------------------------------------------------------------------

describe('place form', () => {
	const place = {
		name: 'Espace numérique de l’Épeule',
		address: '45 rue de l’Épeule',
		address_complement: '',
		postal_code: '59100',
		commune: '',
		lat: '50,6887',
		lon: '3,1652',
		phone: '03 20 66 46 00',
		email: '',
		website: '',
		description: 'Accès libre aux ordinateurs\r\n\r\n\r\n\r\nle mardi après-midi.  '
	};

	it('reads a Roubaix address with comma decimals and defaults the commune', () => {
		expect(valueOf(parsePlaceForm(form(place)))).toEqual({
			name: 'Espace numérique de l’Épeule',
			address: '45 rue de l’Épeule',
			address_complement: null,
			postal_code: '59100',
			commune: 'Roubaix',
			lat: 50.6887,
			lon: 3.1652,
			phone: '03 20 66 46 00',
			email: null,
			website: null,
			description: 'Accès libre aux ordinateurs\n\nle mardi après-midi.'
		});
	});

	it('accepts decimal points and a spaced postal code', () => {
		const value = valueOf(parsePlaceForm(form({ ...place, lat: '50.69271', lon: '3.17456', postal_code: '59 100', commune: 'Roubaix' })));
		expect([value.lat, value.lon, value.postal_code]).toEqual([50.69271, 3.17456, '59100']);
	});

	it('requires name, address, postal code and point', () => {
		expect(errorsOf(parsePlaceForm(new FormData()))).toEqual({
			name: 'Indiquez le nom du lieu.',
			address: 'Indiquez l’adresse (numéro et rue).',
			postal_code: 'Indiquez le code postal.',
			lat: 'Indiquez la latitude, ou choisissez le point sur la carte.',
			lon: 'Indiquez la longitude, ou choisissez le point sur la carte.'
		});
	});

	it('refuses a postal code that is not 5 digits', () => {
		expect(errorsOf(parsePlaceForm(form({ ...place, postal_code: '5910' }))).postal_code).toBe(
			'Le code postal compte 5 chiffres (exemple : 59100).'
		);
	});

	it.each(['50.69.27', '1e2', 'Infinity', 'NaN', '50,6887 N', '0x32'])('refuses the coordinate %s', (typed) => {
		const errors = errorsOf(parsePlaceForm(form({ ...place, lat: typed, lon: typed })));
		expect(errors.lat).toBe('Latitude illisible : nombre décimal attendu (exemple : 50,6927).');
		expect(errors.lon).toBe('Longitude illisible : nombre décimal attendu (exemple : 3,1746).');
	});

	it('refuses a point outside Roubaix, on the coordinate that is out', () => {
		// Lille's Grand-Place, and a point with latitude and longitude swapped.
		expect(errorsOf(parsePlaceForm(form({ ...place, lat: '50.6371', lon: '3.0633' })))).toEqual({ lat: OUTSIDE, lon: OUTSIDE });
		expect(errorsOf(parsePlaceForm(form({ ...place, lat: '3.1652', lon: '50.6887' })))).toEqual({ lat: OUTSIDE, lon: OUTSIDE });
		expect(errorsOf(parsePlaceForm(form({ ...place, lon: '3.25' })))).toEqual({ lon: OUTSIDE });
		expect(parsePlaceForm(form({ ...place, lat: '50.66', lon: '3.22' })).ok).toBe(true);
	});

	it('limits lengths', () => {
		const errors = errorsOf(
			parsePlaceForm(
				form({ ...place, address: 'r'.repeat(201), address_complement: 'c'.repeat(205), commune: 'R'.repeat(101), description: 'd'.repeat(2001) })
			)
		);
		expect(errors).toEqual({
			address: TOO_LONG(200, 201),
			address_complement: TOO_LONG(200, 205),
			commune: TOO_LONG(100, 101),
			description: TOO_LONG(2000, 2001)
		});
	});

	it('keeps markup as plain text', () => {
		const value = valueOf(parsePlaceForm(form({ ...place, name: '<script>alert(1)</script>', description: '<img src=x onerror=alert(1)>' })));
		expect(value.name).toBe('<script>alert(1)</script>');
		expect(value.description).toBe('<img src=x onerror=alert(1)>');
	});

	it('strips control characters, keeps line breaks only where text may have them', () => {
		const value = valueOf(
			parsePlaceForm(form({ ...place, name: 'Maison\u0000 du\tprojet\nRoubaix\u0007', description: 'Ligne 1\u0000\nLigne\u001b 2\u0085Ligne 3' }))
		);
		expect(value.name).toBe('Maison du projet Roubaix');
		expect(value.description).toBe('Ligne 1\nLigne 2\nLigne 3');
	});

	it('stores composed accents whatever the keyboard sent', () => {
		expect(valueOf(parsePlaceForm(form({ ...place, address: '45 rue de l’E\u0301peule' }))).address).toBe('45 rue de l’Épeule');
	});
});

// ---------------------------------------------------------------------------------------------------

describe('offer form', () => {
	const offer = {
		place_id: '12',
		level: 'support',
		themes: ['admin', 'everyday'],
		tags: ['health'],
		publics: ['Seniors', 'Familles et/ou enfants'],
		specific_support: ['Illettrisme'],
		fees: ['Gratuit'],
		access_modes: ['Se présenter', 'Téléphoner'],
		programmes: ['France Services', 'Conseillers numériques'],
		other_labels: 'Label Numérique Inclusif\n\n  Pass numérique  \nLabel Numérique Inclusif',
		languages: ['ar', 'en, tr'],
		booking_url: 'https://www.rdv-exemple.fr/roubaix',
		remote: 'on',
		description: 'Aide à la déclaration de revenus en ligne.',
		status: 'active',
		closed_from: '',
		closed_until: '',
		closure_message: ''
	};
	const hours = 'Mo-Fr 09:00-12:00,14:00-17:00; PH off';

	const expected: OfferSnapshot = {
		place_id: 12,
		level: 'support',
		themes: ['admin', 'everyday'],
		tags: ['health'],
		publics: ['Familles et/ou enfants', 'Seniors'],
		specific_support: ['Illettrisme'],
		fees: ['Gratuit'],
		access_modes: ['Se présenter', 'Téléphoner'],
		programmes: ['Conseillers numériques', 'France Services'],
		other_labels: ['Label Numérique Inclusif', 'Pass numérique'],
		languages: ['fr', 'ar', 'en', 'tr'],
		hours,
		booking_url: 'https://www.rdv-exemple.fr/roubaix',
		remote: true,
		description: 'Aide à la déclaration de revenus en ligne.',
		status: 'active',
		closed_from: null,
		closed_until: null,
		closure_message: null
	};

	it('reads a complete offer, lists in vocabulary order', () => {
		expect(valueOf(parseOfferForm(form(offer), hours))).toEqual(expected);
	});

	it('reads a minimal offer: level à préciser, French only, no hours', () => {
		expect(valueOf(parseOfferForm(form({ place_id: '3', themes: 'access' }), null))).toEqual({
			place_id: 3,
			level: null,
			themes: ['access'],
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
			closure_message: null
		});
	});

	it('treats empty hours as none', () => {
		expect(valueOf(parseOfferForm(form(offer), '  ')).hours).toBeNull();
	});

	it('refuses unreadable hours', () => {
		expect(errorsOf(parseOfferForm(form(offer), 'lundi matin'))).toEqual({ hours: 'Horaires illisibles au format OpenStreetMap.' });
		expect(errorsOf(parseOfferForm(form(offer), `Mo 09:00-12:00;${' Tu 09:00-12:00;'.repeat(80)}`)).hours).toBe(
			'Horaires illisibles au format OpenStreetMap.'
		);
	});

	it('accepts only known checkbox values', () => {
		const unknown = (value: string) => `Choix inconnu : « ${value} ». Rechargez la page et cochez de nouveau.`;
		expect(
			errorsOf(
				parseOfferForm(
					form({
						...offer,
						themes: ['admin', 'cooking'],
						tags: 'Santé',
						publics: 'seniors',
						specific_support: 'surdite',
						fees: 'gratuit',
						access_modes: 'Sur place',
						programmes: 'France services'
					}),
					hours
				)
			)
		).toEqual({
			themes: unknown('cooking'),
			tags: unknown('Santé'),
			publics: unknown('seniors'),
			specific_support: unknown('surdite'),
			fees: unknown('gratuit'),
			access_modes: unknown('Sur place'),
			programmes: unknown('France services')
		});
	});

	it('requires at least one need, a theme or a local tag', () => {
		expect(errorsOf(parseOfferForm(form({ ...offer, themes: [], tags: [] }), hours))).toEqual({
			themes: 'Cochez au moins un besoin auquel l’offre répond.'
		});
		expect(valueOf(parseOfferForm(form({ ...offer, themes: [], tags: 'repair' }), hours)).tags).toEqual(['repair']);
	});

	it('refuses a forged flood of checkboxes', () => {
		expect(errorsOf(parseOfferForm(form({ ...offer, themes: Array(201).fill('admin') }), hours)).themes).toBe(
			'Trop de valeurs envoyées : rechargez la page et cochez de nouveau.'
		);
		expect(errorsOf(parseOfferForm(form({ ...offer, languages: Array(201).fill('ar') }), hours)).languages).toBe(
			'Trop de valeurs envoyées : rechargez la page et cochez de nouveau.'
		);
	});

	it('checks the level', () => {
		expect(errorsOf(parseOfferForm(form({ ...offer, level: 'unknown' }), hours)).level).toBe(
			'Niveau d’accompagnement inconnu : choisissez-en un dans la liste, ou « à préciser ».'
		);
		for (const level of ['discover', 'learn', 'support', 'reinforced'] as const) {
			expect(valueOf(parseOfferForm(form({ ...offer, level }), hours)).level).toBe(level);
		}
	});

	describe('languages', () => {
		it('reads checkboxes and a typed list under the same name, French always first', () => {
			expect(valueOf(parseOfferForm(form({ ...offer, languages: ['EN', 'ar; ber', ' uk  ro ', 'fr'] }), hours)).languages).toEqual([
				'fr',
				'en',
				'ar',
				'ber',
				'uk',
				'ro'
			]);
		});

		it('reads French language names too', () => {
			expect(valueOf(parseOfferForm(form({ ...offer, languages: 'Arabe, anglais, turc, kabyle' }), hours)).languages).toEqual([
				'fr',
				'ar',
				'en',
				'tr',
				'ber'
			]);
		});

		it('refuses what is not a language', () => {
			expect(errorsOf(parseOfferForm(form({ ...offer, languages: 'ar, xx' }), hours)).languages).toBe(
				'Langue inconnue : « xx ». Indiquez les codes à deux lettres séparés par des virgules (exemple : fr, ar, en).'
			);
			expect(errorsOf(parseOfferForm(form({ ...offer, languages: 'langue des signes' }), hours)).languages).toBe(
				'Langue inconnue : « langue ». Indiquez les codes à deux lettres séparés par des virgules (exemple : fr, ar, en).'
			);
		});

		it('caps the list', () => {
			const many = LANGUAGE_CODES.slice(0, 40).join(' ');
			expect(errorsOf(parseOfferForm(form({ ...offer, languages: many }), hours)).languages).toBe('30 langues au plus.');
		});

		it('knows the 183 current ISO 639-1 codes and the orientation form’s languages', () => {
			// 184 codes were assigned; `bh` has since been withdrawn. `ber` comes from the orientation form.
			expect(LANGUAGE_CODES).toHaveLength(183 + 1);
			expect(LANGUAGE_CODES).not.toContain('bh');
			expect(LANGUAGE_CODES).toEqual(expect.arrayContaining(['fr', 'ar', 'en', 'tr', 'pt', 'es', 'ro', 'ru', 'uk', 'ber']));
		});
	});

	describe('other labels', () => {
		it('refuses a label longer than a line', () => {
			expect(errorsOf(parseOfferForm(form({ ...offer, other_labels: `Court\n${'L'.repeat(151)}` }), hours)).other_labels).toBe(
				'Chaque label tient sur une ligne de 150 caractères au plus.'
			);
		});

		it('refuses too many labels', () => {
			const labels = Array.from({ length: 31 }, (_, i) => `Label ${i}`).join('\n');
			expect(errorsOf(parseOfferForm(form({ ...offer, other_labels: labels }), hours)).other_labels).toBe('30 labels au plus, un par ligne.');
		});
	});

	it('checks the booking link', () => {
		expect(errorsOf(parseOfferForm(form({ ...offer, booking_url: 'javascript:alert(1)' }), hours)).booking_url).toBe(
			'Lien de rendez-vous invalide : il commence par https:// ou http:// (exemple : https://www.rdv-exemple.fr/roubaix).'
		);
		expect(valueOf(parseOfferForm(form({ ...offer, booking_url: 'www.rdv-exemple.fr' }), hours)).booking_url).toBe('https://www.rdv-exemple.fr');
		expect(errorsOf(parseOfferForm(form({ ...offer, booking_url: `https://www.rdv-exemple.fr/${'a'.repeat(500)}` }), hours)).booking_url).toBe(
			TOO_LONG(500, 527)
		);
	});

	describe('place', () => {
		it('must be a positive integer', () => {
			for (const id of ['0', '-3', '1.5', 'abc', '12; DROP TABLE offers', '99999999999999999999']) {
				expect(errorsOf(parseOfferForm(form({ ...offer, place_id: id }), hours)).place_id).toBe('Lieu inconnu : rechargez la page et réessayez.');
			}
		});

		it('may be absent only for a remote offer', () => {
			expect(valueOf(parseOfferForm(form({ ...offer, place_id: '', remote: 'on' }), hours)).place_id).toBeNull();
			expect(errorsOf(parseOfferForm(form({ ...offer, place_id: '', remote: '' }), hours)).place_id).toBe(
				'Choisissez le lieu où l’offre est proposée, ou cochez « À distance ».'
			);
		});
	});

	describe('status and closure', () => {
		const closing = { ...offer, status: 'temporarily_closed', closed_from: '2026-03-03', closed_until: '2026-03-31', closure_message: 'Travaux : rendez-vous au centre social Nautilus.' };

		it('keeps the closure of a temporarily closed offer', () => {
			const value = valueOf(parseOfferForm(form(closing), hours));
			expect([value.status, value.closed_from, value.closed_until, value.closure_message]).toEqual([
				'temporarily_closed',
				'2026-03-03',
				'2026-03-31',
				'Travaux : rendez-vous au centre social Nautilus.'
			]);
		});

		it('reads dates typed the French way and leaves the end open', () => {
			const value = valueOf(parseOfferForm(form({ ...closing, closed_from: '3/3/2026', closed_until: '' }), hours));
			expect([value.closed_from, value.closed_until]).toEqual(['2026-03-03', null]);
		});

		it('requires the start of the closure', () => {
			expect(errorsOf(parseOfferForm(form({ ...closing, closed_from: '' }), hours))).toEqual({
				closed_from: 'Indiquez à partir de quand l’offre est fermée.'
			});
		});

		it('checks the dates', () => {
			expect(errorsOf(parseOfferForm(form({ ...closing, closed_from: 'mardi prochain', closed_until: '2026-02-30' }), hours))).toEqual({
				closed_from: 'Date attendue au format AAAA-MM-JJ (exemple : 2026-03-03).',
				closed_until: 'Cette date n’existe pas dans le calendrier.'
			});
			expect(errorsOf(parseOfferForm(form({ ...closing, closed_from: '1899-01-01' }), hours)).closed_from).toBe(
				'Cette date n’existe pas dans le calendrier.'
			);
			expect(errorsOf(parseOfferForm(form({ ...closing, closed_until: '2026-03-02' }), hours))).toEqual({
				closed_until: 'La fin de la fermeture ne peut pas précéder son début.'
			});
			expect(valueOf(parseOfferForm(form({ ...closing, closed_until: '2026-03-03' }), hours)).closed_until).toBe('2026-03-03');
		});

		it('limits the closure message to 300 characters', () => {
			expect(errorsOf(parseOfferForm(form({ ...closing, closure_message: 'm'.repeat(301) }), hours))).toEqual({
				closure_message: TOO_LONG(300, 301)
			});
		});

		it('clears and ignores the closure fields unless temporarily closed', () => {
			for (const status of ['active', 'closed']) {
				const value = valueOf(
					parseOfferForm(form({ ...closing, status, closed_from: 'n’importe quoi', closure_message: 'm'.repeat(400) }), hours)
				);
				expect([value.status, value.closed_from, value.closed_until, value.closure_message]).toEqual([status, null, null, null]);
			}
		});

		it('refuses an unknown status and defaults a missing one to open', () => {
			expect(errorsOf(parseOfferForm(form({ ...offer, status: 'open' }), hours)).status).toBe(
				'Statut inconnu : choisissez « ouvert », « fermé temporairement » ou « fermé définitivement ».'
			);
			expect(valueOf(parseOfferForm(form({ ...offer, status: '' }), hours)).status).toBe('active');
		});
	});

	it('echoes every field, lists as lists, and the hours', () => {
		const values = valuesOf(parseOfferForm(form({ ...offer, level: 'bogus' }), 'Mo 09:00-12:00'));
		expect(values).toEqual({ ...offer, level: 'bogus', tags: ['health'], specific_support: ['Illettrisme'], fees: ['Gratuit'], hours: 'Mo 09:00-12:00' });
	});

	it('keeps script payloads as plain text', () => {
		const payload = '<script>alert(1)</script>';
		const value = valueOf(parseOfferForm(form({ ...offer, description: payload, other_labels: payload }), hours));
		expect(value.description).toBe(payload);
		expect(value.other_labels).toEqual([payload]);
	});
});

// ---------------------------------------------------------------------------------------------------

describe('hostile input', () => {
	const ALL_FIELDS = [
		'name', 'siret', 'website', 'email', 'phone', 'address', 'address_complement', 'postal_code', 'commune', 'lat', 'lon',
		'description', 'place_id', 'level', 'themes', 'tags', 'publics', 'specific_support', 'fees', 'access_modes', 'programmes',
		'other_labels', 'languages', 'booking_url', 'remote', 'status', 'closed_from', 'closed_until', 'closure_message'
	];

	/** A small deterministic generator, so a failure can be replayed. */
	function random(seed: number): () => number {
		let state = seed;
		return () => {
			state = (state * 1103515245 + 12345) % 2 ** 31;
			return state / 2 ** 31;
		};
	}

	const ALPHABET = ['a', 'É', '0', '9', ' ', ',', '.', '-', '+', '/', ':', '@', '<', '>', '"', '\'', '\n', '\r', '\u0000', '\u202e', '\ud83d', '\ude00', '😀', 'https://', 'www.', '2026-', '50.69', 'fr', 'admin', '\\', '%', '(0)'];

	function randomString(next: () => number, length: number): string {
		let text = '';
		for (let i = 0; i < length; i++) text += ALPHABET[Math.floor(next() * ALPHABET.length)];
		return text;
	}

	function expectWellFormed<T>(result: FormResult<T>): void {
		if (result.ok) return;
		for (const message of Object.values(result.errors)) expect(typeof message).toBe('string');
		for (const value of Object.values(result.values)) {
			const list = Array.isArray(value) ? value : [value];
			expect(list.join('').length).toBeLessThanOrEqual(5000);
		}
	}

	function parseAll(data: FormData, hours: string | null): void {
		expectWellFormed(parseActorForm(data));
		expectWellFormed(parsePlaceForm(data));
		expectWellFormed(parseOfferForm(data, hours));
	}

	it('never throws on random strings in every field', () => {
		const next = random(42);
		for (let round = 0; round < 300; round++) {
			const data = new FormData();
			for (const name of ALL_FIELDS) {
				const copies = 1 + Math.floor(next() * 3);
				for (let c = 0; c < copies; c++) data.append(name, randomString(next, Math.floor(next() * 30)));
			}
			expect(() => parseAll(data, randomString(next, 20))).not.toThrow();
		}
	});

	it('never throws on an empty form', () => {
		expect(() => parseAll(new FormData(), null)).not.toThrow();
	});

	it('answers huge fields with a message and a bounded echo', () => {
		const huge = 'x'.repeat(1_000_000);
		const data = new FormData();
		for (const name of ALL_FIELDS) data.append(name, huge);
		const started = performance.now();
		const results: FormResult<unknown>[] = [parseActorForm(data), parsePlaceForm(data), parseOfferForm(data, huge)];
		for (const result of results) {
			expect(result.ok).toBe(false);
			expectWellFormed(result);
		}
		const actor = parseActorForm(data);
		expect(errorsOf(actor).name).toBe(TOO_LONG(150, 20_000));
		expect(valuesOf(actor).name).toHaveLength(5000);
		expect(performance.now() - started).toBeLessThan(5000);
	});

	it('stays fast on long runs of spaces', () => {
		const data = form({ name: `a${' '.repeat(100_000)}b`, description: `a${' '.repeat(100_000)}b`, other_labels: ' '.repeat(100_000) });
		const started = performance.now();
		parsePlaceForm(data);
		parseOfferForm(data, ' '.repeat(100_000));
		expect(performance.now() - started).toBeLessThan(2000);
	});

	it('ignores uploaded files where text is expected', () => {
		const data = form({ name: new File(['Centre social'], 'name.txt'), themes: new File(['admin'], 'x.txt') });
		expect(errorsOf(parseActorForm(data)).name).toBe('Indiquez le nom de la structure.');
		expect(valuesOf(parseActorForm(data)).name).toBe('');
		expect(() => parseOfferForm(data, null)).not.toThrow();
	});

	it('keeps the first of repeated single fields', () => {
		expect(valueOf(parseActorForm(form({ name: ['Association Rencontre et Loisirs', 'Autre nom'] }))).name).toBe(
			'Association Rencontre et Loisirs'
		);
	});

	it('never cuts a character in two when it shortens an echo', () => {
		const values = valuesOf(parseActorForm(form({ name: `a${'😀'.repeat(3000)}` })));
		expect(values.name).toHaveLength(4999);
		expect((values.name as string).isWellFormed()).toBe(true);
	});

	it('drops lone surrogates from the hours it is handed', () => {
		expect(valueOf(parseOfferForm(form({ place_id: '1', themes: 'admin' }), 'Mo 09:00-12:00\ud83d')).hours).toBe('Mo 09:00-12:00');
	});

	it('bounds the echo of long lists', () => {
		const values = valuesOf(parseOfferForm(form({ themes: Array(150).fill('t'.repeat(100)) }), null));
		expect((values.themes as string[]).join('').length).toBeLessThanOrEqual(5000);
	});
});
