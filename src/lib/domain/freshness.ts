import { monthsBetween } from './quality';

export type FreshnessLevel = 'fresh' | 'ageing' | 'stale' | 'unknown';

export interface Freshness {
	level: FreshnessLevel;
	label: string;
	detail: string;
}

const HOW: Record<string, string> = {
	import: 'import de la cartographie nationale',
	structure: 'par la structure',
	telephone: 'par téléphone',
	coordinator: 'par la coordination de la Ville'
};

/** "Vérifié le …" with how, and a badge: under 6 months fresh, under 12 ageing, beyond stale. */
export function freshness(verifiedOn: string | null, how: string | null, now: Date): Freshness {
	if (!verifiedOn) return { level: 'unknown', label: 'Date de mise à jour inconnue', detail: 'La source ne dit pas quand ces informations ont été vérifiées.' };
	const months = monthsBetween(verifiedOn, now);
	const date = new Date(`${verifiedOn.slice(0, 10)}T12:00:00Z`).toLocaleDateString('fr-FR', {
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone: 'UTC'
	});
	const detail = `Vérifié le ${date}${how && HOW[how] ? ` (${HOW[how]})` : ''}.`;
	if (months < 6) return { level: 'fresh', label: 'À jour', detail };
	if (months < 12) return { level: 'ageing', label: 'À revérifier bientôt', detail };
	const years = Math.floor(months / 12);
	return { level: 'stale', label: `Plus de ${years} an${years > 1 ? 's' : ''} sans vérification`, detail };
}
