import type { NetworkThemeCode } from './themes';

/**
 * The ten editions of the City's note (db seed), with their numbers, dates and titles exactly as
 * the note writes them (« ROUBAISIEEN » included) and nothing it does not say: no host, summary
 * or participant count (the note gives only an average of 50 over eight editions). Each title
 * names one network theme, but #1, the census of the offer, none.
 */
export interface SeedEdition {
	number: number;
	heldOn: string;
	title: string;
	theme: NetworkThemeCode | null;
}

export const SEED_EDITIONS: readonly SeedEdition[] = [
	{ number: 1, heldOn: '2022-09-30', title: 'RECENSER L\'OFFRE DE MÉDIATION NUMÉRIQUE POUR SE POSITIONNER ET ORIENTER', theme: null },
	{ number: 2, heldOn: '2023-02-03', title: 'LA FEMME AU REGARD DU NUMÉRIQUE : DES MÉTIERS AUX USAGES', theme: 'women' },
	{ number: 3, heldOn: '2023-06-06', title: 'DES PRIORITÉS ET EXPÉRIMENTATIONS EN MATIÈRE DE PARENTALITÉ ET NUMÉRIQUE', theme: 'parenting' },
	{ number: 4, heldOn: '2023-10-13', title: 'ABORDER LES DÉFIS DE L\'INCLUSION NUMÉRIQUE SOUS L\'ANGLE DE LA CRÉATIVITÉ', theme: 'creativity' },
	{ number: 5, heldOn: '2024-03-15', title: 'ACCOMPAGNER LA TRANSITION NUMÉRIQUE DU RÉSEAU ASSOCIATIF ROUBAISIEEN', theme: 'associations' },
	{ number: 6, heldOn: '2024-06-07', title: 'L\'INCLUSION NUMÉRIQUE COMME PRIORITÉ TRANSVERSALE POUR L\'ACCÈS AUX DROITS', theme: 'rights' },
	{ number: 7, heldOn: '2024-10-10', title: 'FAIRE UNE TRANSITION NUMÉRIQUE, RESPONSABLE, DURABLE ET INCLUSIVE', theme: 'responsible' },
	{ number: 8, heldOn: '2025-03-14', title: 'NUMÉRIQUE EN SANTÉ : UN ENJEU D\'INCLUSION ET DE PROXIMITÉ', theme: 'health' },
	{ number: 9, heldOn: '2025-06-13', title: 'PRÉVENTION, CYBERSÉCURITÉ ET CULTURE DES MÉDIAS NUMÉRIQUES', theme: 'cybersecurity' },
	{ number: 10, heldOn: '2025-10-10', title: 'FORMATIONS ET MÉTIERS DU NUMÉRIQUE : LEVIERS D\'INSERTION PROFESSIONNELLE', theme: 'jobs' }
];

/** Today's date in Roubaix (YYYY-MM-DD), whatever the server's time zone. */
export function parisDate(now: Date): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The next editions (soonest first) and the past ones (latest first); an edition held today is still to come. */
export function splitEditions<T extends { heldOn: string; number: number }>(editions: readonly T[], now: Date): { upcoming: T[]; past: T[] } {
	const today = parisDate(now);
	const upcoming = editions.filter((e) => e.heldOn >= today).sort((a, b) => a.heldOn.localeCompare(b.heldOn) || a.number - b.number);
	const past = editions.filter((e) => e.heldOn < today).sort((a, b) => b.heldOn.localeCompare(a.heldOn) || b.number - a.number);
	return { upcoming, past };
}

/** « vendredi 30 septembre 2022 » */
export function frenchDate(isoDate: string): string {
	const [y, m, d] = isoDate.split('-').map(Number);
	return new Intl.DateTimeFormat('fr-FR', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
		new Date(Date.UTC(y!, m! - 1, d!))
	);
}
