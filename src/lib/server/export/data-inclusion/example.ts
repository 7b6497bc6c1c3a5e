/**
 * One structure and one of its services as /api/v1/data-inclusion/*.json write them: shown in the
 * OpenAPI document and on /api/v1, and validated against data·inclusion's schema by the tests.
 * A made-up place (« Lieu d'exemple »), not one of the directory's.
 */
export const DI_STRUCTURE_EXAMPLE = {
	source: 'ville-de-roubaix',
	id: 'ville-de-roubaix--roubaix-12',
	nom: 'Lieu d’exemple',
	date_maj: '2026-11-25',
	description: 'Un lieu d’exemple : accès libre à des ordinateurs et ateliers collectifs.',
	siret: null,
	adresse: '1 rue d’Exemple',
	complement_adresse: null,
	code_postal: '59100',
	code_insee: '59512',
	commune: 'Roubaix',
	latitude: 50.6909,
	longitude: 3.1818,
	telephone: '+33320000000',
	courriel: null,
	site_web: null,
	horaires_accueil: 'Mo-Fr 09:00-12:00',
	accessibilite_lieu: null,
	lien_source: 'https://carte.roubaix.fr/lieux/12',
	reseaux_porteurs: ['conseillers-numeriques']
};

export const DI_SERVICE_EXAMPLE = {
	source: 'ville-de-roubaix',
	id: 'ville-de-roubaix--roubaix-12--learn',
	structure_id: 'ville-de-roubaix--roubaix-12',
	nom: 'Ateliers collectifs au numérique',
	description: 'Un lieu d’exemple : accès libre à des ordinateurs et ateliers collectifs.',
	date_maj: '2026-11-25',
	type: 'atelier',
	thematiques: ['numerique--acceder-a-des-services-en-ligne', 'numerique--maitriser-les-fondamentaux-du-numerique'],
	frais: 'gratuit',
	frais_precisions: null,
	publics: ['seniors'],
	publics_precisions: 'Seniors',
	modes_accueil: ['en-presentiel'],
	modes_mobilisation: ['se-presenter', 'telephoner'],
	lien_mobilisation: null,
	mobilisable_par: ['usagers', 'professionnels'],
	horaires_accueil: 'Mo-Fr 09:00-12:00',
	telephone: '+33320000000',
	courriel: null,
	adresse: '1 rue d’Exemple',
	complement_adresse: null,
	code_postal: '59100',
	code_insee: '59512',
	commune: 'Roubaix',
	latitude: 50.6909,
	longitude: 3.1818,
	zone_eligibilite: ['59'],
	lien_source: 'https://carte.roubaix.fr/lieux/12'
};
