import { DI_SERVICE_EXAMPLE, DI_STRUCTURE_EXAMPLE } from '../export/data-inclusion/example';
import {
	DispositifProgrammeNational,
	FormationLabel,
	Frais,
	ModaliteAcces,
	ModaliteAccompagnement,
	PriseEnChargeSpecifique,
	PublicSpecifiquementAdresse,
	Service
} from '@gouvfr-anct/lieux-de-mediation-numerique';
import { z } from 'zod';
import { LEVEL_SLUGS, MAX_LIMIT, WHEN_VALUES } from '$lib/domain/filters';
import { LEVEL_INFO, LEVEL_FILTER_VALUES } from '$lib/domain/levels';
import { EXTENSION_KEY, roubaixExtension } from '$lib/domain/national-schema';
import { NEEDS } from '$lib/domain/themes';
import { PUBLICS, SPECIFIC_SUPPORT } from '$lib/domain/vocabulary';
import type { AreaTable } from '../db/schema';
import {
	ATTRIBUTION,
	LICENCE_NAME,
	LICENCE_URL,
	LIST_SEPARATOR,
	LOCAL_ID_PREFIX,
	LOCAL_SOURCE_LABEL,
	SCHEMA_COLUMNS,
	SCHEMA_URL,
	UNKNOWN_PIVOT,
	type SchemaColumn
} from '../export/schema';

/**
 * The OpenAPI 3.1 description of /api/v1. Every enum comes from the constants the routes validate
 * with (filters, levels, themes, the national schema's vocabulary, the area codes in the database),
 * so the document cannot say a value is accepted when the route refuses it, or the reverse. An
 * end-to-end test sends every documented parameter, a valid and an invalid value, to the running API.
 */

type Json = Record<string, unknown>;

/** The kinds areas.geojson accepts; `satisfies` and the check below keep them equal to the table's. */
export const AREA_KINDS = ['commune', 'grand_quartier', 'iris', 'qpv'] as const satisfies readonly AreaTable['kind'][];
type MissingKind = Exclude<AreaTable['kind'], (typeof AREA_KINDS)[number]>;
const everyKind: MissingKind extends never ? true : never = true;

/** The values `gratuit` takes (parseFilters reads the first three as yes). */
const FREE_VALUES = ['1', 'oui', 'true', '0', 'non', 'false'] as const;
/** parseFilters' limit on `q`. */
const MAX_QUERY_LENGTH = 100;

export interface OpenApiOptions {
	/** Codes `territoire` accepts besides `qpv`: the areas in the database. */
	areaCodes: Iterable<string>;
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A `|`-separated list of enum values, as a pattern. */
const listPattern = (values: readonly string[]) => {
	const one = `(?:${values.map(escapeRegex).join('|')})`;
	return `^${one}(?:${escapeRegex(LIST_SEPARATOR)}${one})*$`;
};
const enumList = (values: readonly string[], description: string): Json => ({
	type: 'string',
	description: `${description} Valeurs séparées par « ${LIST_SEPARATOR} » parmi : ${values.join(' ; ')}.`,
	pattern: listPattern(values)
});

function queryArray(name: string, values: readonly string[], description: string, example: string): Json {
	return {
		name,
		in: 'query',
		required: false,
		description: `${description} Plusieurs valeurs possibles (paramètre répété, ou séparées par des virgules) : elles se combinent par OU.`,
		style: 'form',
		explode: true,
		schema: { type: 'array', items: { type: 'string', enum: [...values] } },
		example: [example]
	};
}

function filterParameters(areaCodes: readonly string[]): Json[] {
	return [
		queryArray(
			'niveau',
			LEVEL_FILTER_VALUES.map((l) => LEVEL_SLUGS[l]),
			`Niveau d’accompagnement : ${LEVEL_FILTER_VALUES.map((l) => `${LEVEL_SLUGS[l]} (${LEVEL_INFO[l].rank ? `${LEVEL_INFO[l].rank}. ` : ''}${LEVEL_INFO[l].label})`).join(', ')}.`,
			LEVEL_SLUGS.reinforced
		),
		queryArray('besoin', NEEDS.map((n) => n.code), `Besoin de la personne : ${NEEDS.map((n) => `${n.code} (${n.label})`).join(', ')}.`, 'admin'),
		queryArray('public', PUBLICS.map((p) => p.code), `Public spécifiquement accueilli : ${PUBLICS.map((p) => `${p.code} (${p.label})`).join(', ')}.`, 'seniors'),
		queryArray(
			'prise-en-charge',
			SPECIFIC_SUPPORT.map((p) => p.code),
			`Prise en charge spécifique : ${SPECIFIC_SUPPORT.map((p) => `${p.code} (${p.label})`).join(', ')}.`,
			'surdite'
		),
		{
			name: 'gratuit',
			in: 'query',
			required: false,
			description: 'Seulement les offres gratuites : 1 (ou oui, true) ; 0 (ou non, false) ne filtre pas.',
			schema: { type: 'string', enum: [...FREE_VALUES] },
			example: '1'
		},
		{
			name: 'quand',
			in: 'query',
			required: false,
			description:
				'Ouvert à ce moment, à l’heure de Paris et jours fériés compris : maintenant, soir (après 18 h), samedi, ou un jour de la semaine.',
			schema: { type: 'string', enum: [...WHEN_VALUES] },
			example: 'samedi'
		},
		{
			name: 'territoire',
			in: 'query',
			required: false,
			description:
				'qpv (dans un quartier prioritaire), ou le code d’un QPV, d’un grand quartier ou d’un IRIS (voir /areas.geojson).',
			schema: { type: 'string', enum: ['qpv', ...areaCodes] },
			example: 'qpv'
		},
		{
			name: 'q',
			in: 'query',
			required: false,
			description: `Texte cherché dans le nom et l’adresse du lieu, sans tenir compte des accents ni des majuscules (${MAX_QUERY_LENGTH} caractères au plus).`,
			schema: { type: 'string', maxLength: MAX_QUERY_LENGTH },
			example: 'roubaix'
		}
	];
}

const PAGING_PARAMETERS: Json[] = [
	{
		name: 'limit',
		in: 'query',
		required: false,
		description: `Nombre d’offres par page (1 à ${MAX_LIMIT}, 100 par défaut).`,
		schema: { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: 100 },
		example: 10
	},
	{
		name: 'offset',
		in: 'query',
		required: false,
		description: 'Rang de la première offre renvoyée (0 par défaut).',
		schema: { type: 'integer', minimum: 0, default: 0 },
		example: 0
	}
];

const SCHEMA_COLUMN_DOCS: Record<SchemaColumn, Json> = {
	id: {
		type: 'string',
		description: `Identifiant d’origine (cartographie nationale) ; pour un lieu créé ici, « ${LOCAL_ID_PREFIX}<numéro> ».`
	},
	pivot: { type: 'string', description: `SIRET de la structure, ou ${UNKNOWN_PIVOT} s’il est inconnu.`, pattern: '^(\\d{14}|W[a-zA-Z0-9]{9})$' },
	nom: { type: 'string' },
	commune: { type: 'string' },
	code_postal: { type: 'string', pattern: '^\\d{5}$' },
	code_insee: { type: 'string', pattern: '^([013-9]\\d|2[AB1-9])\\d{3}$' },
	adresse: { type: 'string' },
	complement_adresse: { type: 'string' },
	latitude: { type: 'number', minimum: -90, maximum: 90 },
	longitude: { type: 'number', minimum: -180, maximum: 180 },
	typologie: { type: 'string', description: 'Jamais renseigné par cet export.' },
	telephone: { type: 'string', pattern: '^(\\+33|\\+590|\\+594|\\+262|\\+596|\\+269|\\+687|\\+689|\\+508|\\+681)(\\d){6,9}$' },
	courriels: { type: 'string', format: 'email' },
	site_web: { type: 'string', format: 'uri' },
	horaires: {
		type: 'string',
		description:
			'Horaires au format OpenStreetMap. Le schéma n’en a qu’un par lieu : quand les offres du lieu ont des horaires différents, ce sont ceux de l’offre ouverte de plus bas niveau déclaré.'
	},
	presentation_resume: { type: 'string', maxLength: 280 },
	presentation_detail: { type: 'string' },
	source: { type: 'string', description: `Source du lieu ; « ${LOCAL_SOURCE_LABEL} » pour un lieu créé ici.` },
	itinerance: { type: 'string', description: 'Jamais renseigné par cet export.' },
	structure_parente: { type: 'string', description: 'Jamais renseigné par cet export.' },
	date_maj: { type: 'string', format: 'date', description: 'Dernière mise à jour ou vérification du lieu ou de l’une de ses offres.' },
	services: enumList(Object.values(Service), 'Union des besoins des offres du lieu.'),
	publics_specifiquement_adresses: enumList(Object.values(PublicSpecifiquementAdresse), 'Union des offres du lieu.'),
	prise_en_charge_specifique: enumList(Object.values(PriseEnChargeSpecifique), 'Union des offres du lieu.'),
	frais_a_charge: enumList(Object.values(Frais), 'Union des offres du lieu.'),
	dispositif_programmes_nationaux: enumList(Object.values(DispositifProgrammeNational), 'Union des offres du lieu.'),
	formations_labels: enumList(Object.values(FormationLabel), 'Labels du schéma portés par les offres du lieu.'),
	autres_formations_labels: { type: 'string', description: `Autres labels, séparés par « ${LIST_SEPARATOR} ».` },
	modalites_acces: enumList(
		Object.values(ModaliteAcces).filter((m) => m !== ModaliteAcces.PasDePublic),
		'Union des offres du lieu.'
	),
	modalites_accompagnement: enumList(
		Object.values(ModaliteAccompagnement),
		'Niveaux déclarés seulement (jamais un niveau déduit) : 1 → En autonomie, 2 → Dans un atelier collectif, 3 et 4 → Accompagnement individuel ; une offre à distance ajoute À distance.'
	),
	fiche_acces_libre: { type: 'string', description: 'Jamais renseigné par cet export.' },
	prise_rdv: { type: 'string', format: 'uri', description: 'Lien de prise de rendez-vous de l’offre retenue pour les horaires.' }
};

/** A row as the seeded data gives it (checked against the ANCT package by a unit test). */
export const EXAMPLE_ROW = {
	id: 'b9cf77b6-10b1-4c8c-839c-5cfe57fcedff-dora',
	pivot: UNKNOWN_PIVOT,
	nom: 'PARKOUR 59',
	commune: 'ROUBAIX',
	code_postal: '59100',
	code_insee: '59512',
	adresse: 'Rue de Babylone',
	latitude: 50.690383,
	longitude: 3.192008,
	telephone: '+33359891903',
	courriels: 'contact@parkour59.com',
	site_web: 'https://www.parkour59.com',
	source: 'dora',
	date_maj: '2022-11-22',
	services: 'Aide aux démarches administratives|Maîtrise des outils numériques du quotidien|Insertion professionnelle via le numérique',
	modalites_accompagnement: 'Dans un atelier collectif|Accompagnement individuel',
	prise_rdv: 'https://www.parkour59.com'
};

const exampleOffer = (level: string) => ({
	level,
	level_inferred: false,
	remote: false,
	themes: ['admin', 'everyday', 'jobs'],
	tags: [],
	publics: [],
	specific_support: [],
	fees: [],
	access_modes: [],
	programmes: [],
	other_labels: [],
	languages: ['fr'],
	hours: null,
	booking_url: 'https://www.parkour59.com',
	status: 'active',
	closed_from: null,
	closed_until: null,
	closure_message: null,
	description: null,
	verified_at: '2022-11-22',
	verified_how: 'import'
});

/** The extension of EXAMPLE_ROW (checked against the importer's zod schema by a unit test). */
export const EXAMPLE_EXTENSION = { offers: [exampleOffer('learn'), exampleOffer('support')] };

const ABOUT_PROPERTIES = {
	schema: { type: 'string', format: 'uri', const: SCHEMA_URL },
	licence: { type: 'string', const: LICENCE_NAME },
	licence_url: { type: 'string', format: 'uri', const: LICENCE_URL },
	attribution: { type: 'string', const: ATTRIBUTION }
};

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const jsonContent = (schema: Json, example?: unknown) => ({ 'application/json': { schema, ...(example === undefined ? {} : { example }) } });
const geoContent = (schema: Json) => ({ 'application/geo+json': { schema } });
const badRequest = {
	description: 'Paramètre inconnu ou valeur refusée : chaque paramètre en faute est nommé.',
	content: jsonContent(ref('Error'), {
		error: 'Paramètres invalides',
		errors: [{ parameter: 'niveau', message: 'Niveau inconnu : « expert ». Valeurs possibles : decouvrir, apprendre, etre-accompagne, renforce, a-preciser.' }]
	})
};

const EXPORT_HEADERS = {
	'Access-Control-Allow-Origin': { $ref: '#/components/headers/AccessControlAllowOrigin' },
	ETag: { $ref: '#/components/headers/ETag' },
	'Last-Modified': { $ref: '#/components/headers/LastModified' },
	Link: { $ref: '#/components/headers/Link' },
	'X-Licence': { $ref: '#/components/headers/XLicence' },
	'X-Attribution': { $ref: '#/components/headers/XAttribution' }
};

function exportOperation(format: 'csv' | 'json' | 'geojson', summary: string, description: string, content: Json): Json {
	return {
		get: {
			operationId: `export${format[0]!.toUpperCase()}${format.slice(1)}`,
			tags: ['Données ouvertes'],
			summary,
			description,
			parameters: [],
			responses: {
				'200': {
					description: `Le répertoire, en pièce jointe datée (\`AAAAMMJJ_lieux-de-mediation-numerique_Roubaix.${format}\`).`,
					headers: { ...EXPORT_HEADERS, 'Content-Disposition': { $ref: '#/components/headers/ContentDisposition' } },
					content
				},
				'304': {
					description: 'Rien n’a changé depuis la version que vous avez (If-None-Match ou If-Modified-Since).',
					headers: EXPORT_HEADERS
				},
				'400': badRequest
			}
		}
	};
}

/** data·inclusion's schema v1: its rows, as a JSON array (see src/lib/server/export/data-inclusion). */
function dataInclusionOperation(kind: 'structures' | 'services', summary: string, example: Json): Json {
	return {
		get: {
			operationId: `dataInclusion${kind[0]!.toUpperCase()}${kind.slice(1)}`,
			tags: ['Données ouvertes'],
			summary,
			description:
				'Le répertoire au schéma data·inclusion v1 (https://github.com/gip-inclusion/data-inclusion-schema) : une structure par lieu, un service par offre, selon la table de correspondance de data·inclusion pour la médiation numérique (modalités → type, frais, publics, modes d’accueil et de mobilisation) et nos niveaux. Chaque ligne est validée par les tests contre les schémas JSON publiés.',
			parameters: [],
			responses: {
				'200': {
					description: `Un tableau JSON de ${kind === 'structures' ? 'structures' : 'services'} data·inclusion.`,
					headers: EXPORT_HEADERS,
					content: { 'application/json': { schema: { type: 'array', items: { type: 'object' } }, example: [example] } }
				},
				'304': {
					description: 'Rien n’a changé depuis la version que vous avez (If-None-Match ou If-Modified-Since).',
					headers: EXPORT_HEADERS
				},
				'400': badRequest
			}
		}
	};
}

export function openApiDocument({ areaCodes }: OpenApiOptions): Json {
	void everyKind;
	const codes = [...areaCodes].sort();
	const filters = filterParameters(codes);
	const extensionSchema = z.toJSONSchema(roubaixExtension, { target: 'draft-2020-12', unrepresentable: 'any' }) as Json;
	delete extensionSchema.$schema;

	return {
		openapi: '3.1.0',
		info: {
			title: 'API ouverte de la carte de l’inclusion numérique de Roubaix',
			version: '1.0.0',
			description:
				'Lecture seule, sans clé. Les lieux et les offres d’accompagnement au numérique à Roubaix, leurs niveaux (1. Découvrir et s’informer, 2. Apprendre en atelier, 3. Être accompagné, 4. Accompagnement renforcé) et les territoires. ' +
				`Les exports suivent le schéma national des lieux de médiation numérique (${SCHEMA_URL}). ` +
				`Données sous ${LICENCE_NAME} ; citer « ${ATTRIBUTION} ». Documentation en français : /api/v1.`,
			license: { name: LICENCE_NAME, url: LICENCE_URL }
		},
		servers: [{ url: '/api/v1', description: 'Ce serveur' }],
		tags: [
			{ name: 'Annuaire', description: 'Les offres et les lieux, avec les filtres de la carte.' },
			{ name: 'Territoires', description: 'Commune, grands quartiers, IRIS et quartiers prioritaires (QPV).' },
			{ name: 'Données ouvertes', description: 'Le répertoire entier au schéma national (CSV, JSON, GeoJSON).' },
			{ name: 'Documentation', description: 'Ce document.' }
		],
		paths: {
			'/offers': {
				get: {
					operationId: 'listOffers',
					tags: ['Annuaire'],
					summary: 'Les offres qui correspondent aux filtres',
					description: 'Les paramètres sont ceux des filtres de la carte : une recherche de la carte se rejoue telle quelle ici.',
					parameters: [...filters, ...PAGING_PARAMETERS],
					responses: {
						'200': { description: 'Une page d’offres, avec leur lieu.', content: jsonContent(ref('OffersPage')) },
						'400': badRequest
					}
				}
			},
			'/offers.geojson': {
				get: {
					operationId: 'offersGeoJson',
					tags: ['Annuaire'],
					summary: 'Les mêmes offres en GeoJSON, un point par offre, sans pagination',
					parameters: filters,
					responses: { '200': { description: 'Un point par offre.', content: geoContent(ref('OfferFeatureCollection')) }, '400': badRequest }
				}
			},
			'/places.geojson': {
				get: {
					operationId: 'placesGeoJson',
					tags: ['Annuaire'],
					summary: 'Un point par lieu, avec les niveaux de ses offres qui correspondent aux filtres (ce que dessine la carte)',
					parameters: filters,
					responses: { '200': { description: 'Un point par lieu.', content: geoContent(ref('PlaceFeatureCollection')) }, '400': badRequest }
				}
			},
			'/areas.geojson': {
				get: {
					operationId: 'areasGeoJson',
					tags: ['Territoires'],
					summary: 'Les contours des territoires',
					parameters: [
						{
							name: 'type',
							in: 'query',
							required: false,
							description: `Les territoires de ce type seulement : ${AREA_KINDS.join(', ')} (plusieurs possibles) ; sans paramètre, tous.`,
							style: 'form',
							explode: true,
							schema: { type: 'array', items: { type: 'string', enum: [...AREA_KINDS] } },
							example: ['iris']
						}
					],
					responses: { '200': { description: 'Des polygones.', content: geoContent(ref('AreaFeatureCollection')) }, '400': badRequest }
				}
			},
			'/export.csv': exportOperation(
				'csv',
				'Le répertoire au schéma national, en CSV',
				'Une ligne par lieu, les colonnes du schéma dans son ordre et rien d’autre ; UTF-8 avec BOM, séparateur « ; », fins de ligne CRLF, listes séparées par « | » : il s’ouvre tel quel dans un tableur. Ce que le schéma ne sait pas dire (niveau 4, niveaux déduits, fermetures, une offre par niveau) y est perdu : voir export.json.',
				{ 'text/csv': { schema: { type: 'string' }, example: `${SCHEMA_COLUMNS.join(';')}\r\n` } }
			),
			'/export.json': exportOperation(
				'json',
				'Le répertoire au schéma national, en JSON, sans perte',
				`Chaque ligne est un objet valide du schéma, plus la clé « ${EXTENSION_KEY} » qui garde chaque offre telle quelle : réimporté dans une base vide, il redonne le même répertoire. Les outils du schéma ignorent cette clé.`,
				jsonContent(ref('ExportDocument'), {
					schema: SCHEMA_URL,
					licence: LICENCE_NAME,
					licence_url: LICENCE_URL,
					attribution: ATTRIBUTION,
					data: [{ ...EXAMPLE_ROW, [EXTENSION_KEY]: EXAMPLE_EXTENSION }]
				})
			),
			'/export.geojson': exportOperation(
				'geojson',
				'Le répertoire au schéma national, en GeoJSON',
				'Les lignes de export.csv comme propriétés de points.',
				geoContent(ref('ExportFeatureCollection'))
			),
			'/data-inclusion/structures.json': dataInclusionOperation('structures', 'Les lieux au schéma data·inclusion (structures)', DI_STRUCTURE_EXAMPLE),
			'/data-inclusion/services.json': dataInclusionOperation('services', 'Les offres au schéma data·inclusion (services)', DI_SERVICE_EXAMPLE),
			'/openapi.json': {
				get: {
					operationId: 'openApi',
					tags: ['Documentation'],
					summary: 'Ce document (OpenAPI 3.1)',
					parameters: [],
					responses: { '200': { description: 'Le document OpenAPI.', content: jsonContent({ type: 'object' }) }, '400': badRequest }
				}
			}
		},
		components: {
			schemas: {
				Error: {
					type: 'object',
					required: ['error', 'errors'],
					properties: {
						error: { type: 'string' },
						errors: {
							type: 'array',
							items: {
								type: 'object',
								required: ['parameter', 'message'],
								properties: { parameter: { type: 'string' }, message: { type: 'string' } }
							}
						}
					}
				},
				AreaRef: { type: ['object', 'null'], properties: { code: { type: 'string' }, name: { type: 'string' } } },
				Offer: {
					type: 'object',
					properties: {
						id: { type: 'integer' },
						level: { type: ['string', 'null'], enum: ['discover', 'learn', 'support', 'reinforced', null] },
						level_slug: { type: 'string', enum: LEVEL_FILTER_VALUES.map((l) => LEVEL_SLUGS[l]) },
						level_rank: { type: 'integer', minimum: 0, maximum: 4, description: '0 = à préciser' },
						level_label: { type: 'string' },
						level_inferred: { type: 'boolean', description: 'Niveau déduit (« niveau déduit »), jamais présenté comme vérifié.' },
						themes: { type: 'array', items: { type: 'string' } },
						tags: { type: 'array', items: { type: 'string' } },
						publics: { type: 'array', items: { type: 'string', enum: Object.values(PublicSpecifiquementAdresse) } },
						specific_support: { type: 'array', items: { type: 'string', enum: Object.values(PriseEnChargeSpecifique) } },
						fees: { type: 'array', items: { type: 'string', enum: Object.values(Frais) } },
						access_modes: { type: 'array', items: { type: 'string', enum: Object.values(ModaliteAcces) } },
						programmes: { type: 'array', items: { type: 'string', enum: Object.values(DispositifProgrammeNational) } },
						languages: { type: 'array', items: { type: 'string' } },
						hours: { type: ['string', 'null'], description: 'Horaires OpenStreetMap.' },
						booking_url: { type: ['string', 'null'] },
						remote: { type: 'boolean' },
						status: { type: 'string', enum: ['active', 'temporarily_closed', 'closed'] },
						closure: {
							type: ['object', 'null'],
							properties: { from: { type: ['string', 'null'] }, until: { type: ['string', 'null'] }, message: { type: ['string', 'null'] } }
						},
						source: { type: 'string' },
						updated_at: { type: 'string', format: 'date-time' },
						verified_at: { type: ['string', 'null'] },
						verified_how: { type: ['string', 'null'] },
						place: {
							type: 'object',
							properties: {
								id: { type: 'integer' },
								name: { type: 'string' },
								address: { type: 'string' },
								postal_code: { type: 'string' },
								commune: { type: 'string' },
								latitude: { type: 'number' },
								longitude: { type: 'number' },
								phone: { type: ['string', 'null'] },
								email: { type: ['string', 'null'] },
								website: { type: ['string', 'null'] },
								url: { type: 'string', format: 'uri' },
								iris: ref('AreaRef'),
								grand_quartier: ref('AreaRef'),
								qpv: ref('AreaRef'),
								iris_in_qpv: { type: 'boolean' },
								quality_flags: {
									type: 'array',
									items: { type: 'object', properties: { code: { type: 'string' }, detail: { type: 'string' } } }
								}
							}
						}
					}
				},
				OffersPage: {
					type: 'object',
					required: ['total', 'limit', 'offset', 'level_counts', 'offers'],
					properties: {
						total: { type: 'integer' },
						limit: { type: 'integer' },
						offset: { type: 'integer' },
						level_counts: {
							type: 'object',
							description: 'Offres par niveau, sans tenir compte du filtre de niveau.',
							properties: Object.fromEntries(LEVEL_FILTER_VALUES.map((l) => [l, { type: 'integer' }]))
						},
						offers: { type: 'array', items: ref('Offer') }
					}
				},
				Point: {
					type: 'object',
					properties: { type: { const: 'Point' }, coordinates: { type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2 } }
				},
				OfferFeatureCollection: featureCollection({
					id: { type: 'integer' },
					place_id: { type: 'integer' },
					name: { type: 'string' },
					level: { type: ['string', 'null'] },
					level_rank: { type: 'integer' },
					level_inferred: { type: 'boolean' },
					themes: { type: 'array', items: { type: 'string' } },
					free: { type: 'boolean' },
					iris: { type: ['string', 'null'] },
					url: { type: 'string', format: 'uri' }
				}),
				PlaceFeatureCollection: featureCollection({
					id: { type: 'integer' },
					name: { type: 'string' },
					ranks: { type: 'array', items: { type: 'integer', minimum: 0, maximum: 4 } },
					href: { type: 'string' }
				}),
				AreaFeatureCollection: {
					type: 'object',
					properties: {
						type: { const: 'FeatureCollection' },
						features: {
							type: 'array',
							items: {
								type: 'object',
								properties: {
									type: { const: 'Feature' },
									geometry: { type: 'object', description: 'Polygon ou MultiPolygon' },
									properties: {
										type: 'object',
										properties: {
											code: { type: 'string' },
											kind: { type: 'string', enum: [...AREA_KINDS] },
											name: { type: 'string' },
											parent: { type: ['string', 'null'] },
											qpv_share: { type: ['number', 'null'] }
										}
									}
								}
							}
						}
					}
				},
				SchemaRow: {
					type: 'object',
					description: `Un lieu au schéma national (${SCHEMA_URL}) ; les champs vides sont absents.`,
					required: ['id', 'pivot', 'nom', 'commune', 'code_postal', 'adresse', 'date_maj', 'services'],
					properties: SCHEMA_COLUMN_DOCS,
					example: EXAMPLE_ROW
				},
				RoubaixExtension: { ...extensionSchema, example: EXAMPLE_EXTENSION },
				ExportRow: {
					allOf: [ref('SchemaRow'), { type: 'object', required: [EXTENSION_KEY], properties: { [EXTENSION_KEY]: ref('RoubaixExtension') } }]
				},
				ExportDocument: {
					type: 'object',
					required: ['schema', 'licence', 'attribution', 'data'],
					properties: { ...ABOUT_PROPERTIES, data: { type: 'array', items: ref('ExportRow') } }
				},
				ExportFeatureCollection: {
					type: 'object',
					properties: {
						type: { const: 'FeatureCollection' },
						...ABOUT_PROPERTIES,
						features: {
							type: 'array',
							items: {
								type: 'object',
								properties: { type: { const: 'Feature' }, id: { type: 'string' }, geometry: ref('Point'), properties: ref('SchemaRow') }
							}
						}
					}
				}
			},
			headers: {
				AccessControlAllowOrigin: { description: 'CORS : toute origine peut lire.', schema: { type: 'string', const: '*' } },
				ETag: {
					description:
						'Empreinte du contenu (suffixe -gzip pour la version compressée) : renvoyez-la dans If-None-Match pour recevoir un 304 si rien n’a changé.',
					schema: { type: 'string' }
				},
				LastModified: { description: 'Dernière modification du répertoire : utilisable dans If-Modified-Since.', schema: { type: 'string' } },
				Link: { description: 'La licence, au sens de RFC 8288.', schema: { type: 'string', const: `<${LICENCE_URL}>; rel="license"` } },
				XLicence: { description: 'Le nom de la licence.', schema: { type: 'string' } },
				XAttribution: {
					description: `La mention à citer, sans accents (un en-tête HTTP reste en ASCII) ; le texte exact est dans le champ « attribution » des documents : ${ATTRIBUTION}.`,
					schema: { type: 'string' }
				},
				ContentDisposition: { description: 'Pièce jointe avec un nom de fichier daté.', schema: { type: 'string' } }
			}
		}
	};
}

function featureCollection(properties: Json): Json {
	return {
		type: 'object',
		properties: {
			type: { const: 'FeatureCollection' },
			total: { type: 'integer' },
			features: {
				type: 'array',
				items: { type: 'object', properties: { type: { const: 'Feature' }, id: { type: 'integer' }, geometry: ref('Point'), properties: { type: 'object', properties } } }
			}
		}
	};
}
