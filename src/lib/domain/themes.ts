import { Service } from '@gouvfr-anct/lieux-de-mediation-numerique';

/**
 * Canonical themes are the nine services of the current national schema; the code is the
 * identifier we use in URLs and the database, `service` the schema's own wording.
 */
export const THEMES = [
	{ code: 'admin', service: Service.AideAuxDemarchesAdministratives, label: 'Démarches administratives' },
	{ code: 'everyday', service: Service.MaitriseDesOutilsNumeriquesDuQuotidien, label: 'Outils numériques du quotidien' },
	{ code: 'jobs', service: Service.InsertionProfessionnelleViaLeNumerique, label: 'Emploi et insertion professionnelle' },
	{ code: 'safety', service: Service.UtilisationSecuriseeDuNumerique, label: 'Sécurité et arnaques' },
	{ code: 'parenting', service: Service.ParentaliteEtEducationAvecLeNumerique, label: 'Parentalité et école' },
	{ code: 'creative', service: Service.LoisirsEtCreationsNumeriques, label: 'Loisirs et création' },
	{ code: 'culture', service: Service.ComprehensionDuMondeNumerique, label: 'Comprendre le monde numérique' },
	{ code: 'access', service: Service.AccesInternetEtMaterielInformatique, label: 'Accès à internet et à un ordinateur' },
	{ code: 'equipment', service: Service.MaterielInformatiqueAPrixSolidaire, label: 'Matériel à prix solidaire' }
] as const;

export type ThemeCode = (typeof THEMES)[number]['code'];

/** Local tags that matter in Roubaix but have no service of their own in the national schema. */
export const LOCAL_TAGS = [
	{ code: 'health', label: 'Santé (ameli, Mon Espace Santé)' },
	{ code: 'repair', label: 'Réemploi et réparation' }
] as const;

export type LocalTagCode = (typeof LOCAL_TAGS)[number]['code'];

/** Themes and local tags share one filter: a resident's need. */
export type NeedCode = ThemeCode | LocalTagCode;

export const NEEDS: readonly { code: NeedCode; label: string }[] = [...THEMES, ...LOCAL_TAGS];



export function themeFromService(service: string): ThemeCode | null {
	return THEMES.find((t) => t.service === service)?.code ?? null;
}


export function needLabel(code: string): string {
	return NEEDS.find((t) => t.code === code)?.label ?? code;
}

/** The network's themes (Petit-déjeuner editions and resources) that match each need. */
export { NETWORK_THEMES_OF_NEED, networkThemesOfNeeds } from './network/themes';
