import {
	DispositifProgrammeNational,
	Frais,
	ModaliteAcces,
	PriseEnChargeSpecifique,
	PublicSpecifiquementAdresse
} from '@gouvfr-anct/lieux-de-mediation-numerique';

/**
 * The national schema's enums, each with the short code we put in URLs. Values stored in the
 * database are the schema's own wording, so an export needs no translation back.
 */
export interface Term<V extends string = string> {
	code: string;
	value: V;
	label: string;
}

export const PUBLICS: readonly Term<PublicSpecifiquementAdresse>[] = [
	{ code: 'jeunes', value: PublicSpecifiquementAdresse.Jeunes, label: 'Jeunes' },
	{ code: 'etudiants', value: PublicSpecifiquementAdresse.Etudiants, label: 'Étudiants' },
	{ code: 'familles', value: PublicSpecifiquementAdresse.FamillesEnfants, label: 'Familles et enfants' },
	{ code: 'seniors', value: PublicSpecifiquementAdresse.Seniors, label: 'Seniors' },
	{ code: 'femmes', value: PublicSpecifiquementAdresse.Femmes, label: 'Femmes' }
];

export const SPECIFIC_SUPPORT: readonly Term<PriseEnChargeSpecifique>[] = [
	{ code: 'surdite', value: PriseEnChargeSpecifique.Surdite, label: 'Surdité' },
	{ code: 'handicap-moteur', value: PriseEnChargeSpecifique.HandicapsMoteurs, label: 'Handicap moteur' },
	{ code: 'handicap-mental', value: PriseEnChargeSpecifique.HandicapsMentaux, label: 'Handicap mental ou psychique' },
	{ code: 'illettrisme', value: PriseEnChargeSpecifique.Illettrisme, label: 'Illettrisme' },
	{ code: 'anglais', value: PriseEnChargeSpecifique.LanguesEtrangeresAnglais, label: 'Langue étrangère : anglais' },
	{ code: 'langues', value: PriseEnChargeSpecifique.LanguesEtrangeresAutre, label: 'Autres langues étrangères' },
	{ code: 'deficience-visuelle', value: PriseEnChargeSpecifique.DeficienceVisuelle, label: 'Déficience visuelle' }
];

export const FEES: readonly Term<Frais>[] = [
	{ code: 'gratuit', value: Frais.Gratuit, label: 'Gratuit' },
	{ code: 'gratuit-sous-condition', value: Frais.GratuitSousCondition, label: 'Gratuit sous condition' },
	{ code: 'payant', value: Frais.Payant, label: 'Payant' }
];

export const ACCESS_MODES: readonly Term<ModaliteAcces>[] = [
	{ code: 'se-presenter', value: ModaliteAcces.SePresenter, label: 'Se présenter sur place' },
	{ code: 'telephoner', value: ModaliteAcces.Telephoner, label: 'Téléphoner' },
	{ code: 'mail', value: ModaliteAcces.ContacterParMail, label: 'Écrire un e-mail' },
	{ code: 'prescription', value: ModaliteAcces.PrescriptionParMail, label: 'Fiche de prescription par e-mail' },
	{ code: 'rdv-en-ligne', value: ModaliteAcces.PrendreRdvEnLigne, label: 'Prendre rendez-vous en ligne' },
	{ code: 'pas-de-public', value: ModaliteAcces.PasDePublic, label: "N'accueille pas de public" }
];

export const PROGRAMMES: readonly Term<DispositifProgrammeNational>[] = Object.values(DispositifProgrammeNational).map(
	(value) => ({ code: slug(value), value, label: value })
);

export function slug(text: string): string {
	return normalizeText(text).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** Lower case, no accents, single spaces: how names and streets are compared. */
export function normalizeText(text: string): string {
	return text
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[’'`´]/g, "'")
		.replace(/\s+/g, ' ')
		.trim();
}


export function termLabel(terms: readonly Term[], value: string): string {
	return terms.find((t) => t.value === value)?.label ?? value;
}
