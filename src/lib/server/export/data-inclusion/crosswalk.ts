import {
	DispositifProgrammeNational,
	Frais,
	ModaliteAcces,
	PriseEnChargeSpecifique,
	PublicSpecifiquementAdresse,
	Service
} from '@gouvfr-anct/lieux-de-mediation-numerique';
import type { Level } from '$lib/domain/levels';

/**
 * data·inclusion's own crosswalk from the national schema of « lieux de médiation numérique » to
 * its schema v1, as its pipeline applies it (github.com/gip-inclusion/data-inclusion,
 * pipeline/dbt/models/intermediate/v1/001_mappings/mediation_numerique/_map_*.sql and
 * int_mediation_numerique__services_v1.sql). Copied value for value; where the crosswalk has no
 * value (NULL), we write none either.
 */

/** `_map_mediation_numerique__thematiques`. */
export const THEMATIQUES: Record<Service, readonly string[]> = {
	[Service.AccesInternetEtMaterielInformatique]: ['numerique--acceder-a-une-connexion-internet', 'numerique--acquerir-un-equipement'],
	[Service.MaterielInformatiqueAPrixSolidaire]: ['numerique--acquerir-un-equipement'],
	[Service.AideAuxDemarchesAdministratives]: [
		'difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives',
		'numerique--acceder-a-des-services-en-ligne'
	],
	[Service.ComprehensionDuMondeNumerique]: ['numerique--maitriser-les-fondamentaux-du-numerique'],
	[Service.InsertionProfessionnelleViaLeNumerique]: [
		'preparer-sa-candidature--organiser-ses-demarches-de-recherche-demploi',
		'numerique--maitriser-les-fondamentaux-du-numerique'
	],
	[Service.LoisirsEtCreationsNumeriques]: ['remobilisation--activites-sportives-et-culturelles', 'numerique--maitriser-les-fondamentaux-du-numerique'],
	[Service.MaitriseDesOutilsNumeriquesDuQuotidien]: ['numerique--maitriser-les-fondamentaux-du-numerique', 'numerique--acceder-a-des-services-en-ligne'],
	[Service.ParentaliteEtEducationAvecLeNumerique]: ['famille--soutien-a-la-parentalite-et-a-leducation', 'numerique--maitriser-les-fondamentaux-du-numerique'],
	[Service.UtilisationSecuriseeDuNumerique]: ['numerique--maitriser-les-fondamentaux-du-numerique']
};

/**
 * `_map_mediation_numerique__types`: En autonomie → aide-materielle, Dans un atelier collectif →
 * atelier, Accompagnement individuel → accompagnement, À distance → none. Our levels are those
 * modalities (DESIGN.md); level 4 (« faire pour ») is individual support in the national schema.
 */
export const TYPE_BY_LEVEL: Record<Level, string> = {
	discover: 'aide-materielle',
	learn: 'atelier',
	support: 'accompagnement',
	reinforced: 'accompagnement'
};

/** `_map_mediation_numerique__publics`. */
export const PUBLICS: Record<PublicSpecifiquementAdresse, string> = {
	[PublicSpecifiquementAdresse.Etudiants]: 'etudiants',
	[PublicSpecifiquementAdresse.FamillesEnfants]: 'familles',
	[PublicSpecifiquementAdresse.Femmes]: 'femmes',
	[PublicSpecifiquementAdresse.Jeunes]: 'jeunes',
	[PublicSpecifiquementAdresse.Seniors]: 'seniors'
};

/** `_map_mediation_numerique__publics__prise_en_charge` (Illettrisme: none). */
export const PUBLICS_BY_SUPPORT: Partial<Record<PriseEnChargeSpecifique, string>> = {
	[PriseEnChargeSpecifique.DeficienceVisuelle]: 'personnes-en-situation-de-handicap',
	[PriseEnChargeSpecifique.HandicapsMentaux]: 'personnes-en-situation-de-handicap',
	[PriseEnChargeSpecifique.HandicapsMoteurs]: 'personnes-en-situation-de-handicap',
	[PriseEnChargeSpecifique.LanguesEtrangeresAnglais]: 'personnes-exilees',
	[PriseEnChargeSpecifique.LanguesEtrangeresAutre]: 'personnes-exilees',
	[PriseEnChargeSpecifique.Surdite]: 'personnes-en-situation-de-handicap'
};

/** `_map_mediation_numerique__modes_mobilisation` (« n'accueille pas de public »: none). */
export const MODES_MOBILISATION: Partial<Record<ModaliteAcces, string>> = {
	[ModaliteAcces.ContacterParMail]: 'envoyer-un-courriel',
	[ModaliteAcces.PrescriptionParMail]: 'envoyer-un-courriel',
	[ModaliteAcces.PrendreRdvEnLigne]: 'utiliser-lien-mobilisation',
	[ModaliteAcces.SePresenter]: 'se-presenter',
	[ModaliteAcces.Telephoner]: 'telephoner'
};

/** `_map_mediation_numerique__reseaux_porteurs`. */
export const RESEAUX_PORTEURS: Partial<Record<DispositifProgrammeNational, string>> = {
	[DispositifProgrammeNational.AidantsConnect]: 'aidants-connect',
	[DispositifProgrammeNational.ConseillersNumeriques]: 'conseillers-numeriques',
	[DispositifProgrammeNational.FranceServices]: 'france-service',
	[DispositifProgrammeNational.GrandeEcoleDuNumerique]: 'grandes-ecoles-du-numerique',
	[DispositifProgrammeNational.LaCroixRouge]: 'croix-rouge'
};

/** The `frais` CTE: Gratuit and Gratuit sous condition are « gratuit », Gratuit first. */
export function frais(fees: readonly Frais[]): 'gratuit' | 'payant' | null {
	if (fees.includes(Frais.Gratuit) || fees.includes(Frais.GratuitSousCondition)) return 'gratuit';
	return fees.includes(Frais.Payant) ? 'payant' : null;
}
