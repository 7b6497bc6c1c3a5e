/**
 * The national schema of "lieux de médiation numérique" as our export writes it: its columns in
 * its own order, and what travels with every file (licence, attribution).
 */

/** Where the schema is published (data.gouv.fr's schema catalogue). */
export const SCHEMA_URL = 'https://schema.data.gouv.fr/LaMednum/standard-mediation-num/';

export const SCHEMA_COLUMNS = [
	'id',
	'pivot',
	'nom',
	'commune',
	'code_postal',
	'code_insee',
	'adresse',
	'complement_adresse',
	'latitude',
	'longitude',
	'typologie',
	'telephone',
	'courriels',
	'site_web',
	'horaires',
	'presentation_resume',
	'presentation_detail',
	'source',
	'itinerance',
	'structure_parente',
	'date_maj',
	'services',
	'publics_specifiquement_adresses',
	'prise_en_charge_specifique',
	'frais_a_charge',
	'dispositif_programmes_nationaux',
	'formations_labels',
	'autres_formations_labels',
	'modalites_acces',
	'modalites_accompagnement',
	'fiche_acces_libre',
	'prise_rdv'
] as const;

export type SchemaColumn = (typeof SCHEMA_COLUMNS)[number];

/** One place in the schema: absent fields are left out (an empty string is a value for the ANCT package). */
export type SchemaRow = { [K in SchemaColumn]?: K extends 'latitude' | 'longitude' ? number : string } & {
	id: string;
	pivot: string;
	nom: string;
	commune: string;
	code_postal: string;
	adresse: string;
	date_maj: string;
};

/** The schema separates the values of a list with "|". */
export const LIST_SEPARATOR = '|';

/** The national cartography's pivot for a structure whose SIRET is unknown. */
export const UNKNOWN_PIVOT = '00000000000000';

/** Places created in this app (`places.source = 'local'`) are published under the City's name. */
export const LOCAL_SOURCE = 'local';
export const LOCAL_SOURCE_LABEL = 'Ville de Roubaix';
/** Their `id` in the schema: ours, prefixed, since they have no upstream id. */
export const LOCAL_ID_PREFIX = 'roubaix-';

export const ROUBAIX_INSEE = '59512';

export const LICENCE_NAME = 'Licence Ouverte 2.0';
export const LICENCE_ID = 'etalab-2.0';
export const LICENCE_URL = 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/';
export const ATTRIBUTION =
	"Ville de Roubaix, d'après la cartographie nationale des lieux de médiation numérique (ANCT)";
