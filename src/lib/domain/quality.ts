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
	return tokenSimilarity(nameTokens(a), nameTokens(b));
}

function tokenSimilarity(ta: Set<string>, tb: Set<string>): number {
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

/** About 80 m by 70 m at Roubaix's latitude: neighbours within one cell cover the 50 m radius. */
const CELL_LAT = 0.0007;
const CELL_LON = 0.001;

/** Index pairs [i, j] with i < j, in order, from shared address, shared street or neighbouring cells. */
function candidatePairs(
	places: readonly PlaceForQuality[],
	facts: readonly { key: string; street: string }[]
): [number, number][] {
	const pairs = new Set<number>();
	const n = places.length;
	const addGroup = (members: number[]) => {
		for (let x = 0; x < members.length; x++)
			for (let y = x + 1; y < members.length; y++) pairs.add(members[x]! * n + members[y]!);
	};
	const group = (keyOf: (i: number) => string) => {
		const groups = new Map<string, number[]>();
		for (let i = 0; i < n; i++) {
			const k = keyOf(i);
			if (!k) continue;
			groups.set(k, [...(groups.get(k) ?? []), i]);
		}
		for (const members of groups.values()) addGroup(members);
	};
	group((i) => facts[i]!.key);
	group((i) => facts[i]!.street);
	const cells = new Map<string, number[]>();
	const cellOf = (i: number) => [Math.floor(places[i]!.lat / CELL_LAT), Math.floor(places[i]!.lon / CELL_LON)] as const;
	for (let i = 0; i < n; i++) {
		const [y, x] = cellOf(i);
		cells.set(`${y}:${x}`, [...(cells.get(`${y}:${x}`) ?? []), i]);
	}
	for (let i = 0; i < n; i++) {
		const [y, x] = cellOf(i);
		for (let dy = -1; dy <= 1; dy++)
			for (let dx = -1; dx <= 1; dx++)
				for (const j of cells.get(`${y + dy}:${x + dx}`) ?? []) if (j > i) pairs.add(i * n + j);
	}
	return [...pairs].sort((a, b) => a - b).map((p) => [Math.floor(p / n), p % n]);
}

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

	// Only pairs that could be duplicates are compared: same address, same street, or close by.
	// Comparing every pair is 8 million comparisons at 4,000 places.
	const facts = places.map((p) => ({
		key: addressKey(p.address),
		street: streetName(streetOfAddress(p.address)),
		tokens: nameTokens(p.name)
	}));
	for (const [i, j] of candidatePairs(places, facts)) {
		const a = places[i]!;
		const b = places[j]!;
		const sameName = tokenSimilarity(facts[i]!.tokens, facts[j]!.tokens) >= NAME_SIMILARITY_THRESHOLD;
		// A misplaced point must not hide a duplicate: the same name on the same street counts too.
		const sameStreet = sameName && facts[i]!.street === facts[j]!.street;
		const metres = distance([a.lon, a.lat], [b.lon, b.lat], { units: 'meters' });
		const sameAddress = facts[i]!.key !== '' && facts[i]!.key === facts[j]!.key && metres <= SAME_ADDRESS_RADIUS_METRES;
		const similar = sameName && metres <= DUPLICATE_RADIUS_METRES;
		if (!sameAddress && !similar && !sameStreet) continue;
		const why = sameAddress ? 'à la même adresse' : similar ? 'nom presque identique à moins de 50 m' : 'même nom dans la même rue';
		add(a.id, { code: 'probable_duplicate', detail: `Doublon probable de « ${b.name} » (${why}).`, relatedId: b.id });
		add(b.id, { code: 'probable_duplicate', detail: `Doublon probable de « ${a.name} » (${why}).`, relatedId: a.id });
	}
	return flags;
}
