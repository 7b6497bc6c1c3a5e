import {
	DispositifProgrammeNational,
	Frais,
	PriseEnChargeSpecifique,
	PublicSpecifiquementAdresse
} from '@gouvfr-anct/lieux-de-mediation-numerique';
import type { Level } from './levels';
import type { LocalTagCode, ThemeCode } from './themes';
import { normalizeText } from './vocabulary';

/**
 * Every value of the enumerated fields in the published versions of the « schéma des lieux de
 * médiation numérique » before the current one (LaMednum/standard-mediation-num, schema.json from
 * 2021 to v1, read in its git history), mapped to the current vocabulary (the ANCT package's enums).
 * Keys are compared normalized (no accents, lower case, straight apostrophes), and long labels such
 * as « Gratuit : Je peux accéder… » are matched on the words before « : ».
 */

/** 2021–2023 service wording → current services, local tags and, for some, the level they imply. */
export const OLD_SERVICES: Record<string, { themes: ThemeCode[]; tags?: LocalTagCode[]; level?: Level }> = {
	'accéder à du matériel': { themes: ['access'], level: 'discover' },
	'accéder à une connexion internet': { themes: ['access'], level: 'discover' },
	"s'équiper en matériel informatique": { themes: ['equipment'] },
	'prendre en main un smartphone ou une tablette': { themes: ['everyday'], level: 'learn' },
	'prendre en main un ordinateur': { themes: ['everyday'], level: 'learn' },
	'utiliser le numérique au quotidien': { themes: ['everyday'], level: 'learn' },
	'devenir autonome dans les démarches administratives': { themes: ['admin'], level: 'learn' },
	'réaliser des démarches administratives avec un accompagnement': { themes: ['admin'], level: 'support' },
	'accompagner les démarches de santé': { themes: ['admin'], tags: ['health'], level: 'support' },
	'approfondir ma culture numérique': { themes: ['culture'] },
	'promouvoir la citoyenneté numérique': { themes: ['culture'] },
	'favoriser mon insertion professionnelle': { themes: ['jobs'] },
	'créer et développer mon entreprise': { themes: ['jobs'] },
	'créer avec le numérique': { themes: ['creative'] },
	"soutenir la parentalité et l'éducation avec le numérique": { themes: ['parenting'] },
	'sécuriser mes usages numériques': { themes: ['safety'] }
};

export const OLD_SERVICES_BY_KEY = new Map(Object.entries(OLD_SERVICES).map(([k, v]) => [normalizeText(k), v]));

/** `publics_accueillis` (2021–2023) → current publics and specific support. */
export const OLD_PUBLICS: Record<string, { publics?: PublicSpecifiquementAdresse[]; support?: PriseEnChargeSpecifique[] }> = {
	// "Adultes" and "Tout public" name no specific public in the current schema.
	adultes: {},
	'tout public': {},
	'familles/enfants': { publics: [PublicSpecifiquementAdresse.FamillesEnfants] },
	'familles et/ou enfants': { publics: [PublicSpecifiquementAdresse.FamillesEnfants] },
	'jeunes (16-26 ans)': { publics: [PublicSpecifiquementAdresse.Jeunes] },
	'seniors (+ 65 ans)': { publics: [PublicSpecifiquementAdresse.Seniors] },
	'uniquement femmes': { publics: [PublicSpecifiquementAdresse.Femmes] },
	surdite: { support: [PriseEnChargeSpecifique.Surdite] },
	'handicaps mentaux': { support: [PriseEnChargeSpecifique.HandicapsMentaux] },
	'handicaps psychiques': { support: [PriseEnChargeSpecifique.HandicapsMentaux] },
	'handicaps moteurs': { support: [PriseEnChargeSpecifique.HandicapsMoteurs] },
	'deficience visuelle': { support: [PriseEnChargeSpecifique.DeficienceVisuelle] },
	"personnes en situation d'illettrisme": { support: [PriseEnChargeSpecifique.Illettrisme] },
	illettrisme: { support: [PriseEnChargeSpecifique.Illettrisme] },
	'public langues etrangeres': { support: [PriseEnChargeSpecifique.LanguesEtrangeresAutre] }
};

/** `labels_nationaux` (2021–2023) and older spellings of `dispositif_programmes_nationaux`. */
export const OLD_LABELS: Record<string, DispositifProgrammeNational> = {
	cnfs: DispositifProgrammeNational.ConseillersNumeriques,
	'conseillers numeriques': DispositifProgrammeNational.ConseillersNumeriques,
	'conseiller numerique': DispositifProgrammeNational.ConseillersNumeriques,
	'france services': DispositifProgrammeNational.FranceServices,
	'france service': DispositifProgrammeNational.FranceServices,
	'aidants connect': DispositifProgrammeNational.AidantsConnect,
	'point numerique caf': DispositifProgrammeNational.PointNumeriqueCAF,
	'point relais caf': DispositifProgrammeNational.PointNumeriqueCAF,
	"point d'acces numerique caf": DispositifProgrammeNational.PointNumeriqueCAF,
	'grandes ecoles du numerique': DispositifProgrammeNational.GrandeEcoleDuNumerique,
	'grande ecole du numerique': DispositifProgrammeNational.GrandeEcoleDuNumerique,
	'bibliotheques numeriques de reference': DispositifProgrammeNational.BibliothequesNumeriqueDeReference,
	'croix rouge': DispositifProgrammeNational.LaCroixRouge,
	'relais numerique emmaus connect': DispositifProgrammeNational.RelaisNumeriqueEmmausConnect
};

/**
 * `conditions_acces` (2021–2023) and the long labels of `frais_a_charge` (2023), by the words
 * before « : ». The v1 text of « Gratuit sous condition » lists « adhésion, … pass numériques »
 * among its conditions: both older values land there.
 */
export const OLD_FEES: Record<string, Frais> = {
	gratuit: Frais.Gratuit,
	'gratuit sous condition': Frais.GratuitSousCondition,
	'gratuit sous conditions': Frais.GratuitSousCondition,
	payant: Frais.Payant,
	'accepte le pass numerique': Frais.GratuitSousCondition,
	adhesion: Frais.GratuitSousCondition
};

/** The words before « : » of a long label, normalized: « Gratuit : Je peux… » → « gratuit ». */
export function labelHead(value: string): string {
	return normalizeText(value.split(/\s*:\s/)[0]!.replace(/\s*:$/, ''));
}
