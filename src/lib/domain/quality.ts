import distance from '@turf/distance';
import { distanceToStreet, streetKey, streetOfAddress, type StreetIndex } from './streets';
import { normalizeText } from './vocabulary';

/** What the importer checks. A flag never hides a place: it tells the reader what to doubt. */
export const FLAG_LABELS = {
	outside_commune: 'Coordonnées hors de Roubaix',
	far_from_street: 'Point éloigné de la rue indiquée',
	probable_duplicate: 'Doublon probable',
	missing_hours: 'Horaires non renseignés',
	stale: 'Informations de plus de 12 mois'
} as const;

export type FlagCode = keyof typeof FLAG_LABELS;

export interface QualityFlag {
	code: FlagCode;
	detail: string;
	relatedId?: number;
}

export interface PlaceForQuality {
	id: number;
	name: string;
	address: string;
	lon: number;
	lat: number;
	inCommune: boolean;
	hasHours: boolean;
	sourceUpdatedOn: string | null;
}

export const FAR_FROM_STREET_METRES = 500;
export const DUPLICATE_RADIUS_METRES = 50;
export const NAME_SIMILARITY_THRESHOLD = 0.8;
export const STALE_AFTER_MONTHS = 12;

const STOP_WORDS = new Set(['de', 'du', 'des', 'la', 'le', 'les', 'l', 'd', 'et', 'a', 'au', 'aux']);

function nameTokens(name: string): Set<string> {
	return new Set(
		normalizeText(name)
			.replace(/[^a-z0-9]+/g, ' ')
			.split(' ')
			.filter((w) => w && !STOP_WORDS.has(w))
	);
}

/** Jaccard index of the names' words: 1 for the same words in any order. */
export function nameSimilarity(a: string, b: string): number {
	const ta = nameTokens(a);
	const tb = nameTokens(b);
	if (ta.size === 0 || tb.size === 0) return 0;
	let common = 0;
	for (const t of ta) if (tb.has(t)) common++;
	return common / (ta.size + tb.size - common);
}

const STREET_TYPES = new Set(['rue', 'avenue', 'boulevard', 'place', 'allee', 'impasse', 'chemin', 'quai', 'square', 'cour', 'cite']);

/** The street without its type word: "71 rue de Verdun" and "71 avenue de Verdun" are one entrance. */
function streetName(street: string): string {
	const words = streetKey(street).split(' ');
	return (STREET_TYPES.has(words[0] ?? '') ? words.slice(1) : words).join(' ');
}

/** House number (first of a range such as "9 à 11") and street name, or '' without a number. */
export function addressKey(address: string): string {
	const match = address.match(/^\s*(\d+)\s*(?:(?:à|a|-|et)\s*\d+\s*)?(bis|ter)?\b\s*,?\s*(.*)$/i);
	if (!match) return '';
	return `${match[1]}${match[2] ? ' ' + match[2].toLowerCase() : ''} ${streetName(match[3] ?? '')}`;
}

export const SAME_ADDRESS_RADIUS_METRES = 300;

export function monthsBetween(fromIsoDate: string, to: Date): number {
	const from = new Date(`${fromIsoDate.slice(0, 10)}T00:00:00Z`);
	return (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + (to.getUTCMonth() - from.getUTCMonth()) -
		(to.getUTCDate() < from.getUTCDate() ? 1 : 0);
}

const formatDate = (iso: string) =>
	new Date(`${iso.slice(0, 10)}T12:00:00Z`).toLocaleDateString('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

export function qualityFlags(
	places: readonly PlaceForQuality[],
	streets: StreetIndex,
	now: Date
): Map<number, QualityFlag[]> {
	const flags = new Map<number, QualityFlag[]>();
	const add = (id: number, flag: QualityFlag) => flags.set(id, [...(flags.get(id) ?? []), flag]);

	for (const p of places) {
		if (!p.inCommune) add(p.id, { code: 'outside_commune', detail: 'Le point est placé hors de la commune de Roubaix.' });
		const metres = distanceToStreet(streets, p.address, p.lon, p.lat);
		if (metres !== null && metres > FAR_FROM_STREET_METRES) {
			add(p.id, {
				code: 'far_from_street',
				detail: `Le point est à ${Math.round(metres).toLocaleString('fr-FR')} m de la rue de l'adresse.`
			});
		}
		if (!p.hasHours) add(p.id, { code: 'missing_hours', detail: 'La source ne donne pas les horaires.' });
		if (p.sourceUpdatedOn && monthsBetween(p.sourceUpdatedOn, now) >= STALE_AFTER_MONTHS) {
			add(p.id, { code: 'stale', detail: `Dernière mise à jour de la source le ${formatDate(p.sourceUpdatedOn)}.` });
		}
	}

	// Pairwise, but only between places a few hundred metres apart at most: cheap at city scale.
	const keys = places.map((p) => addressKey(p.address));
	for (let i = 0; i < places.length; i++) {
		for (let j = i + 1; j < places.length; j++) {
			const a = places[i]!;
			const b = places[j]!;
			const sameName = nameSimilarity(a.name, b.name) >= NAME_SIMILARITY_THRESHOLD;
			// A misplaced point must not hide a duplicate: the same name on the same street counts too.
			const sameStreet = sameName && streetName(streetOfAddress(a.address)) === streetName(streetOfAddress(b.address));
			if (!sameStreet && Math.abs(a.lat - b.lat) > 0.003) continue;
			const metres = distance([a.lon, a.lat], [b.lon, b.lat], { units: 'meters' });
			const sameAddress = keys[i] !== '' && keys[i] === keys[j] && metres <= SAME_ADDRESS_RADIUS_METRES;
			const similar = sameName && metres <= DUPLICATE_RADIUS_METRES;
			if (!sameAddress && !similar && !sameStreet) continue;
			const why = sameAddress
				? 'à la même adresse'
				: similar
					? 'nom presque identique à moins de 50 m'
					: 'même nom dans la même rue';
			add(a.id, { code: 'probable_duplicate', detail: `Doublon probable de « ${b.name} » (${why}).`, relatedId: b.id });
			add(b.id, { code: 'probable_duplicate', detail: `Doublon probable de « ${a.name} » (${why}).`, relatedId: a.id });
		}
	}
	return flags;
}
