import { describe, expect, it } from 'vitest';
import {
	DispositifProgrammeNational,
	Frais,
	ModaliteAcces,
	PriseEnChargeSpecifique,
	PublicSpecifiquementAdresse
} from '@gouvfr-anct/lieux-de-mediation-numerique';
import { mapSchemaRow, offersFor, splitList, type ImportedOffer, type ImportedPlace, type RestoredOffer, type RowError } from './national-schema';

/** The first row of db/seed/roubaix_lieux_mediation_numerique_2023.csv, as the CSV reader gives it. */
const PARKOUR: Record<string, string> = {
	id: 'b9cf77b6-10b1-4c8c-839c-5cfe57fcedff-dora',
	pivot: '00000000000000',
	nom: 'PARKOUR 59',
	commune: 'ROUBAIX',
	code_postal: '59100',
	code_insee: '59512',
	adresse: 'Rue de Babylone',
	latitude: '50.690383',
	longitude: '3.192008',
	telephone: '+33359891903',
	courriel: 'contact@parkour59.com',
	site_web: 'https://www.parkour59.com',
	horaires: '',
	source: 'dora',
	date_maj: '2022-11-22',
	services:
		'Réaliser des démarches administratives avec un accompagnement;Prendre en main un smartphone ou une tablette;Favoriser mon insertion professionnelle',
	publics_accueillis: '',
	conditions_acces: '',
	labels_nationaux: '',
	modalites_accompagnement:
		"Dans un atelier : j'apprends collectivement à utiliser le numérique;Avec de l'aide : je suis accompagné seul dans l'usage du numérique",
	prise_rdv: 'https://www.parkour59.com',
	x_dans_roubaix: 'True',
	x_code_iris: '595121003'
};

/** A valid row with nothing that tells a level, to which each case adds the columns it tests. */
const BARE: Record<string, string> = {
	id: 'test-1',
	nom: 'Lieu de test',
	commune: 'Roubaix',
	code_postal: '59100',
	adresse: '1 rue de Test',
	latitude: '50.69',
	longitude: '3.18',
	date_maj: '2023-01-15',
	services: 'Favoriser mon insertion professionnelle'
};

function place(overrides: Record<string, unknown>): ImportedPlace {
	const mapped = mapSchemaRow({ ...BARE, ...overrides });
	if (!mapped.ok) throw new Error(`row rejected: ${JSON.stringify(mapped.errors)}`);
	return mapped.place;
}

/** The warnings of a row that is imported all the same. */
function warningsOf(overrides: Record<string, unknown>, base: Record<string, unknown> = BARE): RowError[] {
	const mapped = mapSchemaRow({ ...base, ...overrides });
	if (!mapped.ok) throw new Error(`row rejected: ${JSON.stringify(mapped.errors)}`);
	return mapped.warnings;
}

function errorsOf(overrides: Record<string, unknown>, base: Record<string, unknown> = BARE): RowError[] {
	const mapped = mapSchemaRow({ ...base, ...overrides });
	if (mapped.ok) throw new Error('row accepted, expected a rejection');
	return mapped.errors;
}

const declared = (level: ImportedOffer['level'], remote = false): ImportedOffer => ({ level, levelInferred: false, remote });
const inferred = (level: ImportedOffer['level']): ImportedOffer => ({ level, levelInferred: true, remote: false });
const UNKNOWN: ImportedOffer = { level: null, levelInferred: false, remote: false };

describe('splitList', () => {
	it.each([
		['a|b|c', ['a', 'b', 'c']],
		['a;b;c', ['a', 'b', 'c']],
		[' a ; ; b ;', ['a', 'b']],
		// "|" is the current separator: when present, ";" is part of a value.
		['a|b;c', ['a', 'b;c']],
		['seule valeur', ['seule valeur']],
		['', []],
		['   ', []],
		[null, []],
		[undefined, []],
		[[' x ', '', 'y'], ['x', 'y']]
	])('splitList(%j) → %j', (input, expected) => {
		expect(splitList(input)).toEqual(expected);
	});
});

describe('mapSchemaRow: a real row of the 2023 file', () => {
	it('maps PARKOUR 59 to a place with two declared offers', () => {
		const mapped = mapSchemaRow(PARKOUR);
		expect(mapped).toEqual({
			ok: true,
			warnings: [],
			place: {
				sourceId: 'b9cf77b6-10b1-4c8c-839c-5cfe57fcedff-dora',
				source: 'dora',
				name: 'PARKOUR 59',
				siret: null,
				address: 'Rue de Babylone',
				addressComplement: null,
				postalCode: '59100',
				commune: 'ROUBAIX',
				codeInsee: '59512',
				lat: 50.690383,
				lon: 3.192008,
				phone: '+33359891903',
				email: 'contact@parkour59.com',
				website: 'https://www.parkour59.com',
				description: null,
				sourceUpdatedOn: '2022-11-22',
				hours: null,
				bookingUrl: 'https://www.parkour59.com',
				themes: ['admin', 'everyday', 'jobs'],
				tags: [],
				publics: [],
				specificSupport: [],
				fees: [],
				accessModes: [],
				programmes: [],
				otherLabels: [],
				offers: [declared('learn'), declared('support')]
			}
		});
	});

	it('uses the default source when the row has none, and keeps a real SIRET', () => {
		const p = mapSchemaRow({ ...BARE, pivot: '77567227221138' }, 'mon-fichier');
		expect(p.ok && p.place.source).toBe('mon-fichier');
		expect(p.ok && p.place.siret).toBe('77567227221138');
	});

	it('reads a decimal comma in coordinates', () => {
		const p = place({ latitude: '50,690383', longitude: ' 3,192008 ' });
		expect([p.lat, p.lon]).toEqual([50.690383, 3.192008]);
	});
});

describe('services → themes and local tags', () => {
	it.each([
		// 2023 wording
		['Accompagner les démarches de santé', ['admin'], ['health']],
		['Réaliser des démarches administratives avec un accompagnement', ['admin'], []],
		['Devenir autonome dans les démarches administratives', ['admin'], []],
		['Prendre en main un smartphone ou une tablette', ['everyday'], []],
		['Prendre en main un ordinateur', ['everyday'], []],
		['Utiliser le numérique au quotidien', ['everyday'], []],
		['Accéder à du matériel', ['access'], []],
		['Accéder à une connexion internet', ['access'], []],
		["S'équiper en matériel informatique", ['equipment'], []],
		['S’équiper en matériel informatique', ['equipment'], []],
		['Approfondir ma culture numérique', ['culture'], []],
		['Promouvoir la citoyenneté numérique', ['culture'], []],
		['Favoriser mon insertion professionnelle', ['jobs'], []],
		['Créer et développer mon entreprise', ['jobs'], []],
		['Créer avec le numérique', ['creative'], []],
		["Soutenir la parentalité et l'éducation avec le numérique", ['parenting'], []],
		['Sécuriser mes usages numériques', ['safety'], []],
		// current wording (the nine services of the schema)
		['Aide aux démarches administratives', ['admin'], []],
		['Maîtrise des outils numériques du quotidien', ['everyday'], []],
		['Insertion professionnelle via le numérique', ['jobs'], []],
		['Utilisation sécurisée du numérique', ['safety'], []],
		['Parentalité et éducation avec le numérique', ['parenting'], []],
		['Loisirs et créations numériques', ['creative'], []],
		['Compréhension du monde numérique', ['culture'], []],
		['Accès internet et matériel informatique', ['access'], []],
		['Acquisition de matériel informatique à prix solidaire', ['equipment'], []],
		// current wording matched without case or accents
		['aide aux demarches administratives', ['admin'], []]
	])('« %s » → themes %j, tags %j', (service, themes, tags) => {
		const p = place({ services: service });
		expect(p.themes).toEqual(themes);
		expect(p.tags).toEqual(tags);
	});

	it('merges themes of several services once each, in order of appearance', () => {
		const p = place({
			services:
				'Accompagner les démarches de santé;Réaliser des démarches administratives avec un accompagnement;Prendre en main un ordinateur;Utiliser le numérique au quotidien'
		});
		expect(p.themes).toEqual(['admin', 'everyday']);
		expect(p.tags).toEqual(['health']);
	});

	it('reads "|" and ";" separated lists the same way', () => {
		const a = place({ services: 'Prendre en main un ordinateur|Accéder à du matériel|Créer avec le numérique' });
		const b = place({ services: 'Prendre en main un ordinateur;Accéder à du matériel;Créer avec le numérique' });
		expect(a.themes).toEqual(['everyday', 'access', 'creative']);
		expect(b.themes).toEqual(a.themes);
		expect(b.offers).toEqual(a.offers);
	});

	it('matches 2023 wording whatever the Unicode normalisation of the file (NFD accents)', () => {
		const p = place({ services: 'Accéder à du matériel'.normalize('NFD') });
		expect(p.themes).toEqual(['access']);
		expect(p.offers).toEqual([inferred('discover')]);
	});
});

describe('modalités d’accompagnement → levels (declared)', () => {
	it.each([
		// 2023 wording
		["Dans un atelier : j'apprends collectivement à utiliser le numérique", [declared('learn')]],
		["Avec de l'aide : je suis accompagné seul dans l'usage du numérique", [declared('support')]],
		["Seul : j'ai accès à du matériel et une connexion", [declared('discover')]],
		["Pour quelqu'un : je fais faire à ma place mes démarches administratives", [declared('reinforced')]],
		['Pour quelqu’un : je fais faire à ma place mes démarches administratives', [declared('reinforced')]],
		['A ma place : une personne habilitée fait les démarches à ma place', [declared('reinforced')]],
		['À ma place : une personne habilitée fait les démarches à ma place', [declared('reinforced')]],
		// current wording
		['En autonomie', [declared('discover')]],
		['Dans un atelier collectif', [declared('learn')]],
		['Accompagnement individuel', [declared('support')]],
		['À distance', [declared('support', true)]],
		['A distance', [declared('support', true)]]
	])('« %s »', (modality, offers) => {
		expect(place({ modalites_accompagnement: modality }).offers).toEqual(offers);
	});

	it('gives one offer per level, sorted up the ladder, remote when any of its modalities is', () => {
		const p = place({
			modalites_accompagnement:
				"A ma place : une personne habilitée fait les démarches à ma place|Accompagnement individuel|À distance|En autonomie|Dans un atelier collectif|Dans un atelier : j'apprends collectivement à utiliser le numérique"
		});
		expect(p.offers).toEqual([declared('discover'), declared('learn'), declared('support', true), declared('reinforced')]);
	});

	it('lets declared modalities win over what services would infer', () => {
		const p = place({
			services: 'Accéder à du matériel;Réaliser des démarches administratives avec un accompagnement',
			modalites_accompagnement: "Dans un atelier : j'apprends collectivement à utiliser le numérique"
		});
		expect(p.offers).toEqual([declared('learn')]);
	});

	it('adds level 4 for Aidants Connect next to declared modalities', () => {
		const p = place({ modalites_accompagnement: 'Accompagnement individuel', dispositif_programmes_nationaux: 'Aidants Connect' });
		expect(p.offers.map((o) => o.level)).toEqual(['support', 'reinforced']);
	});

	it('warns of an unknown modality, naming the field and keeping the raw value', () => {
		expect(warningsOf({ modalites_accompagnement: 'Par pigeon voyageur' })).toEqual([
			{ field: 'modalites_accompagnement', reason: 'valeur inconnue « Par pigeon voyageur »', value: 'Par pigeon voyageur' }
		]);
		expect(place({ modalites_accompagnement: 'Par pigeon voyageur' }).unknownValues).toEqual([
			{ field: 'modalites_accompagnement', value: 'Par pigeon voyageur' }
		]);
	});
});

describe('levels inferred when modalities are missing', () => {
	it.each([
		['Accéder à du matériel', {}, [inferred('discover')]],
		['Accéder à une connexion internet', {}, [inferred('discover')]],
		['Accès internet et matériel informatique', {}, [inferred('discover')]],
		['Prendre en main un ordinateur', {}, [inferred('learn')]],
		['Prendre en main un smartphone ou une tablette', {}, [inferred('learn')]],
		['Utiliser le numérique au quotidien', {}, [inferred('learn')]],
		['Devenir autonome dans les démarches administratives', {}, [inferred('learn')]],
		['Réaliser des démarches administratives avec un accompagnement', {}, [inferred('support')]],
		['Accompagner les démarches de santé', {}, [inferred('support')]],
		['Favoriser mon insertion professionnelle', { labels_nationaux: 'France Services' }, [inferred('support'), inferred('reinforced')]],
		['Favoriser mon insertion professionnelle', { labels_nationaux: 'Aidants Connect' }, [inferred('reinforced')]],
		['Favoriser mon insertion professionnelle', { dispositif_programmes_nationaux: 'Aidants Connect' }, [inferred('reinforced')]],
		['Favoriser mon insertion professionnelle', { labels_nationaux: 'CNFS' }, [UNKNOWN]],
		['Favoriser mon insertion professionnelle', {}, [UNKNOWN]],
		['Approfondir ma culture numérique;Créer avec le numérique', {}, [UNKNOWN]],
		['', {}, [UNKNOWN]]
	])('services « %s » with %j', (services, extra, offers) => {
		expect(place({ services, ...extra }).offers).toEqual(offers);
	});

	it('gives one offer per inferred level, without repeats', () => {
		// The CCAS de ROUBAIX services of the 2023 file, without its modalities.
		const p = place({
			services:
				'Devenir autonome dans les démarches administratives;Réaliser des démarches administratives avec un accompagnement;Prendre en main un smartphone ou une tablette;Prendre en main un ordinateur;Utiliser le numérique au quotidien;Accéder à une connexion internet;Accéder à du matériel',
			labels_nationaux: 'CNFS;France Services'
		});
		expect(p.offers).toEqual([inferred('discover'), inferred('learn'), inferred('support'), inferred('reinforced')]);
	});
});

describe('offersFor', () => {
	it('declared modalities give non-inferred offers', () => {
		expect(offersFor(['En autonomie', 'À distance'], ['learn'], [])).toEqual([declared('discover'), declared('support', true)]);
	});
	it('France Services infers levels 3 and 4 next to those of services', () => {
		expect(offersFor([], ['discover'], [DispositifProgrammeNational.FranceServices])).toEqual([
			inferred('discover'),
			inferred('support'),
			inferred('reinforced')
		]);
	});
	it('nothing to infer: one offer « à préciser »', () => {
		expect(offersFor([], [], [DispositifProgrammeNational.ConseillersNumeriques])).toEqual([UNKNOWN]);
	});
	it('reports an unknown modality in the given error list', () => {
		const errors: RowError[] = [];
		offersFor(['Sur la lune'], [], [], errors);
		expect(errors).toEqual([{ field: 'modalites_accompagnement', reason: 'valeur inconnue « Sur la lune »', value: 'Sur la lune' }]);
	});
});

describe('publics, specific support, fees, labels', () => {
	it.each([
		['Seniors (+ 65 ans)', [PublicSpecifiquementAdresse.Seniors], []],
		['Jeunes (16-26 ans)', [PublicSpecifiquementAdresse.Jeunes], []],
		['Familles/enfants', [PublicSpecifiquementAdresse.FamillesEnfants], []],
		['Uniquement femmes', [PublicSpecifiquementAdresse.Femmes], []],
		['Adultes', [], []],
		['Tout public', [], []],
		["Handicaps mentaux : déficiences limitant les activités d'une personne", [], [PriseEnChargeSpecifique.HandicapsMentaux]],
		[
			'Handicaps psychiques : troubles psychiatriques donnant lieu à des atteintes comportementales',
			[],
			[PriseEnChargeSpecifique.HandicapsMentaux]
		],
		['Handicaps moteurs : gênes ou empêchements de déplacement', [], [PriseEnChargeSpecifique.HandicapsMoteurs]],
		['Surdité', [], [PriseEnChargeSpecifique.Surdite]],
		['Déficience visuelle', [], [PriseEnChargeSpecifique.DeficienceVisuelle]],
		["Personnes en situation d'illettrisme", [], [PriseEnChargeSpecifique.Illettrisme]],
		['Public langues étrangères', [], [PriseEnChargeSpecifique.LanguesEtrangeresAutre]],
		// current wording
		['Seniors', [PublicSpecifiquementAdresse.Seniors], []],
		['Étudiants', [PublicSpecifiquementAdresse.Etudiants], []],
		['Familles et/ou enfants', [PublicSpecifiquementAdresse.FamillesEnfants], []]
	])('public « %s » → publics %j, support %j', (value, publics, support) => {
		const p = place({ publics_accueillis: value });
		expect(p.publics).toEqual(publics);
		expect(p.specificSupport).toEqual(support);
	});

	it('reads the current columns, deduplicating mental and psychic disabilities', () => {
		const p = place({
			publics_specifiquement_adresses: 'Seniors|Femmes',
			prise_en_charge_specifique: 'Surdité|Langues étrangères (anglais)',
			publics_accueillis:
				"Handicaps mentaux : déficiences limitant les activités d'une personne;Handicaps psychiques : troubles psychiatriques donnant lieu à des atteintes comportementales;Seniors (+ 65 ans)"
		});
		expect(p.publics).toEqual([PublicSpecifiquementAdresse.Seniors, PublicSpecifiquementAdresse.Femmes]);
		expect(p.specificSupport).toEqual([
			PriseEnChargeSpecifique.HandicapsMentaux,
			PriseEnChargeSpecifique.Surdite,
			PriseEnChargeSpecifique.LanguesEtrangeresAnglais
		]);
	});

	it.each([
		['conditions_acces', 'Gratuit : Je peux accéder gratuitement au lieu et à ses services', [Frais.Gratuit]],
		['conditions_acces', 'Payant : Je dois payer pour accéder au lieu et à ses services', [Frais.Payant]],
		[
			'conditions_acces',
			"Gratuit sous condition : La gratuité du service est conditionnée à l'inscription",
			[Frais.GratuitSousCondition]
		],
		// The schema's v1 text puts « pass numériques » and « adhésion » under « Gratuit sous condition ».
		['conditions_acces', 'Accepte le Pass numérique : Je peux payer avec le Pass numérique', [Frais.GratuitSousCondition]],
		['conditions_acces', "Adhésion : L'accès au lieu et/ou à ses services nécessite d'y adhérer", [Frais.GratuitSousCondition]],
		['frais_a_charge', 'Gratuit|Payant', [Frais.Gratuit, Frais.Payant]],
		['frais_a_charge', 'gratuit sous condition', [Frais.GratuitSousCondition]]
	])('%s « %s » → fees %j', (column, value, fees) => {
		expect(place({ [column]: value }).fees).toEqual(fees);
	});

	it('maps CNFS to Conseillers numériques and keeps unknown labels as free labels', () => {
		const p = place({ labels_nationaux: 'CNFS;France Services;APTIC', labels_autres: 'Point relais Roubaix' });
		expect(p.programmes).toEqual([DispositifProgrammeNational.ConseillersNumeriques, DispositifProgrammeNational.FranceServices]);
		expect(p.otherLabels).toEqual(['APTIC', 'Point relais Roubaix']);
	});

	it('reads current programme names without case or accents, once each', () => {
		const p = place({ dispositif_programmes_nationaux: 'Conseillers numériques|aidants connect|conseillers numeriques' });
		expect(p.programmes).toEqual([DispositifProgrammeNational.ConseillersNumeriques, DispositifProgrammeNational.AidantsConnect]);
		expect(p.otherLabels).toEqual([]);
	});

	it('keeps booking link and OSM hours', () => {
		const p = place({ horaires: 'Mo-Fr 09:00-12:00; Sa 08:00-11:00', prise_rdv: 'https://rdv.example.fr/lieu' });
		expect(p.hours).toBe('Mo-Fr 09:00-12:00; Sa 08:00-11:00');
		expect(p.bookingUrl).toBe('https://rdv.example.fr/lieu');
	});
});

describe('refused rows name the field and the reason in French', () => {
	it.each([
		['missing nom', { nom: '' }, { field: 'nom', reason: 'nom est obligatoire' }],
		['blank nom', { nom: '   ' }, { field: 'nom', reason: 'nom est obligatoire' }],
		['latitude « abc »', { latitude: 'abc' }, { field: 'latitude', reason: 'latitude doit être un nombre' }],
		['latitude 200', { latitude: '200' }, { field: 'latitude', reason: 'latitude hors des bornes (-90 à 90)' }],
		['longitude -181', { longitude: '-181' }, { field: 'longitude', reason: 'longitude hors des bornes (-180 à 180)' }],
		['a point in Belgium', { latitude: '50.85', longitude: '11.35' }, { field: 'latitude', reason: 'coordonnées hors de France (50.85, 11.35)' }],
		['a point off Africa', { latitude: '0', longitude: '0' }, { field: 'latitude', reason: 'coordonnées hors de France (0, 0)' }],
		['code postal on 4 digits', { code_postal: '5910' }, { field: 'code_postal', reason: 'code postal sur 5 chiffres attendu' }],
		['code postal with a space', { code_postal: '59 100' }, { field: 'code_postal', reason: 'code postal sur 5 chiffres attendu' }]
	])('%s', (_label, overrides, error) => {
		expect(errorsOf(overrides)).toEqual([error]);
	});

	it('refuses an empty latitude instead of placing the point at 0', () => {
		const errors = errorsOf({ latitude: '' });
		expect(errors.map((e) => e.field)).toEqual(['latitude']);
	});

	it('lists every fault of a row', () => {
		const errors = errorsOf({ nom: '', latitude: 'abc', code_postal: '591', services: 'Faire du vélo', horaires: 'lundi 9h' });
		expect(errors).toEqual([
			{ field: 'nom', reason: 'nom est obligatoire' },
			{ field: 'code_postal', reason: 'code postal sur 5 chiffres attendu' },
			{ field: 'latitude', reason: 'latitude doit être un nombre' }
		]);
	});

	it('takes overseas points', () => {
		expect(place({ latitude: '-20.88', longitude: '55.45', code_postal: '97400' }).lat).toBe(-20.88);
	});
});

describe('warnings: the row comes in, the value is dropped and kept raw', () => {
	it.each([
		['unknown service', { services: 'Faire du vélo' }, { field: 'services', reason: 'valeur inconnue « Faire du vélo »', value: 'Faire du vélo' }],
		['unknown public', { publics_accueillis: 'Martiens' }, { field: 'publics_accueillis', reason: 'valeur inconnue « Martiens »', value: 'Martiens' }],
		['unknown fee', { conditions_acces: 'Sur devis' }, { field: 'conditions_acces', reason: 'valeur inconnue « Sur devis »', value: 'Sur devis' }],
		['unknown fee (v1)', { frais_a_charge: 'Sur devis' }, { field: 'frais_a_charge', reason: 'valeur inconnue « Sur devis »', value: 'Sur devis' }],
		['unknown access mode', { modalites_acces: 'Par fax' }, { field: 'modalites_acces', reason: 'valeur inconnue « Par fax »', value: 'Par fax' }],
		['unreadable hours', { horaires: 'lundi 9h' }, { field: 'horaires', reason: 'horaires OSM illisibles « lundi 9h »', value: 'lundi 9h' }],
		['booking link without scheme', { prise_rdv: 'www.parkour59.com' }, { field: 'prise_rdv', reason: 'adresse web invalide « www.parkour59.com »', value: 'www.parkour59.com' }],
		['booking link not on the web', { prise_rdv: 'javascript:alert(1)' }, { field: 'prise_rdv', reason: 'adresse web invalide « javascript:alert(1) »', value: 'javascript:alert(1)' }],
		['bad website', { site_web: 'parkour59' }, { field: 'site_web', reason: 'adresse web invalide « parkour59 »', value: 'parkour59' }],
		['date in French order', { date_maj: '22/11/2022' }, { field: 'date_maj', reason: 'date illisible « 22/11/2022 » (AAAA-MM-JJ attendue)', value: '22/11/2022' }],
		['month 13', { date_maj: '2022-13-45' }, { field: 'date_maj', reason: 'date illisible « 2022-13-45 » (AAAA-MM-JJ attendue)', value: '2022-13-45' }],
		['30 February', { date_maj: '2022-02-30' }, { field: 'date_maj', reason: 'date illisible « 2022-02-30 » (AAAA-MM-JJ attendue)', value: '2022-02-30' }],
		['missing date', { date_maj: '' }, { field: 'date_maj', reason: 'date de mise à jour manquante' }],
		['missing adresse', { adresse: '' }, { field: 'adresse', reason: 'adresse manquante : le lieu est placé par ses coordonnées' }]
	])('%s', (_label, overrides, warning) => {
		expect(warningsOf(overrides)).toEqual([warning]);
	});

	it('drops what it did not recognise and keeps the rest', () => {
		const p = place({ services: 'Faire du vélo;Prendre en main un ordinateur', horaires: 'lundi 9h', date_maj: '' });
		expect(p.themes).toEqual(['everyday']);
		expect(p.hours).toBeNull();
		expect(p.sourceUpdatedOn).toBeNull();
		expect(p.unknownValues).toEqual([
			{ field: 'services', value: 'Faire du vélo' },
			{ field: 'horaires', value: 'lundi 9h' }
		]);
	});

	it('a row without id gets a stable one from its name and address', () => {
		const a = mapSchemaRow({ ...BARE, id: '' });
		const b = mapSchemaRow({ ...BARE, id: '', nom: 'LIEU DE TEST' });
		if (!a.ok || !b.ok) throw new Error('refused');
		expect(a.place.sourceId).toMatch(/^sans-id-[0-9a-f]{16}$/);
		expect(b.place.sourceId).toBe(a.place.sourceId);
		expect(a.warnings[0]!.field).toBe('id');
	});
});

describe('the `_roubaix` extension of our own export', () => {
	const OFFER: RestoredOffer = {
		level: 'reinforced',
		level_inferred: false,
		remote: false,
		themes: ['admin'],
		tags: ['health'],
		publics: [PublicSpecifiquementAdresse.Seniors],
		specific_support: [PriseEnChargeSpecifique.Surdite],
		fees: [Frais.Gratuit],
		access_modes: [ModaliteAcces.Telephoner],
		programmes: [DispositifProgrammeNational.AidantsConnect],
		other_labels: ['APTIC'],
		languages: ['fr', 'ar'],
		hours: 'Tu 14:00-17:00',
		booking_url: 'https://rdv.example.fr',
		status: 'temporarily_closed',
		closed_from: '2026-12-01',
		closed_until: null,
		closure_message: 'Travaux',
		description: 'Sur rendez-vous',
		verified_at: '2026-11-25T10:00:00.000Z',
		verified_how: 'coordinator'
	};
	const INFERRED: RestoredOffer = { ...OFFER, level: 'support', level_inferred: true, status: 'active', closed_from: null, closure_message: null };
	const withExtension = (extension: unknown, base: Record<string, unknown> = BARE) => mapSchemaRow({ ...base, _roubaix: extension });
	const reasons = (extension: unknown) => {
		const mapped = withExtension(extension);
		if (mapped.ok) throw new Error('row accepted, expected a rejection');
		return mapped.errors;
	};

	it('restores the offers exactly, in place of those folded from the columns', () => {
		const mapped = withExtension({ offers: [INFERRED, OFFER] });
		expect(mapped.ok && mapped.place.restoredOffers).toEqual([INFERRED, OFFER]);
		expect(mapped.ok && mapped.place.offers).toEqual([inferred('support'), declared('reinforced')]);
	});

	it('restores the place fields the columns could not hold, over the columns', () => {
		const mapped = withExtension({ place: { phone: '03 20 00 00 01', address: '1 rue « Test »', code_insee: null }, offers: [OFFER] }, { ...BARE, telephone: '+33320000001', code_insee: '59512' });
		expect(mapped.ok && mapped.place).toMatchObject({ phone: '03 20 00 00 01', address: '1 rue « Test »', codeInsee: null, name: 'Lieu de test' });
	});

	it('reads it from a CSV cell as JSON text; an empty cell is no extension', () => {
		const mapped = withExtension(JSON.stringify({ offers: [OFFER] }));
		expect(mapped.ok && mapped.place.restoredOffers).toEqual([OFFER]);
		const bare = withExtension('');
		expect(bare.ok && 'restoredOffers' in bare.place).toBe(false);
	});

	it('a row without it maps exactly as before', () => {
		const without = mapSchemaRow(PARKOUR);
		expect(without.ok && 'restoredOffers' in without.place).toBe(false);
	});

	it.each([
		[{ offers: [{ ...OFFER, level: 'expert' }] }, 'offers[0].level : valeur inconnue « expert »'],
		[{ offers: [{ ...OFFER, status: undefined }] }, 'offers[0].status : champ obligatoire manquant'],
		[{ offers: [{ ...OFFER, levle: 'learn' }] }, 'offers[0] : clé inconnue « levle »'],
		[{ offers: [{ ...OFFER, themes: ['admin', 'cuisine'] }] }, 'offers[0].themes[1] : valeur inconnue « cuisine »'],
		[{ offers: [{ ...OFFER, hours: 'le mardi matin' }] }, 'offers[0].hours : horaires OSM illisibles'],
		[{ offers: [{ ...OFFER, closed_from: '2026-02-30' }] }, 'offers[0].closed_from : date impossible'],
		[{ offers: [{ ...OFFER, booking_url: 'javascript:alert(1)' }] }, 'offers[0].booking_url : adresse web http(s) attendue'],
		[{ offers: [{ ...OFFER, level: null, level_inferred: true }] }, 'offers[0].level_inferred : un niveau « déduit » doit être un niveau'],
		[{ offers: [{ ...OFFER, remote: 'oui' }] }, 'offers[0].remote : type inattendu (boolean attendu)'],
		[{ offers: [] }, 'offers : au moins une offre attendue'],
		[{ place: { postal_code: '591' }, offers: [OFFER] }, 'place.postal_code : code postal sur 5 chiffres attendu'],
		[[OFFER], 'type inattendu (object attendu)'],
		['{ pas du JSON', 'JSON illisible']
	])('a bad extension is a French row error naming where: %j', (extension, reason) => {
		expect(reasons(extension)).toContainEqual({ field: '_roubaix', reason });
	});
});
