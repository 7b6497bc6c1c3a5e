import distance from '@turf/distance';
import { distanceToStreet, streetKey, streetOfAddress, type StreetIndex } from './streets';
import { normalizeText } from './vocabulary';

/** What the importer checks. A flag never hides a place: it tells the reader what to doubt. */
export const FLAG_LABELS = {
	outside_commune: 'Coordonnées hors de Roubaix',
	far_from_street: 'Point éloigné de la rue indiquée',
	probable_duplicate: 'Doublon probable',
	missing_hours: 'Horaires non renseignés',
	stale: 'Informations de plus de 12 mois',
	unknown_source_value: 'Valeur de la source non reconnue'
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
	/** Two places on a street of the same name in two communes are not on one street. */
	commune?: string;
	/** What the extract said that the importer did not recognise, kept raw. */
	unknownValues?: readonly { field: string; value: string }[];
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
	// Punctuation of any kind is a space; articles go, so « Pl. de la Liberté » is « place Liberté ».
	const words = streetKey(street.replace(/[^\p{L}\p{N}\s'’-]/gu, ' ')).split(' ');
	return (STREET_TYPES.has(words[0] ?? '') ? words.slice(1) : words).filter((w) => !STOP_WORDS.has(w)).join(' ');
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

/** Past this many places on one street, only places whose names have the same words are paired there. */
const LARGE_STREET_GROUP = 200;

/**
 * Calls `visit(i, j)` (i < j) once for every pair that could be a duplicate: same address, same
 * street of the same commune, or neighbouring cells. No set of pairs is built: 25,000 places on a
 * few streets made one larger than a Set can hold. Each pair is visited by the first rule that
 * finds it, so none twice.
 */
function forEachCandidatePair(
	places: readonly PlaceForQuality[],
	facts: readonly { key: string; street: string; nameKey: string }[],
	visit: (i: number, j: number) => void
): void {
	const n = places.length;
	const everyone = Array.from({ length: n }, (_, i) => i);
	const groupsOf = (keyOf: (i: number) => string, members: readonly number[] = everyone) => {
		const groups = new Map<string, number[]>();
		for (const i of members) {
			const k = keyOf(i);
			if (!k) continue;
			const g = groups.get(k);
			if (g) g.push(i);
			else groups.set(k, [i]);
		}
		return groups.values();
	};
	const sameKey = (i: number, j: number) => facts[i]!.key !== '' && facts[i]!.key === facts[j]!.key;
	const sameStreet = (i: number, j: number) => facts[i]!.street !== '' && facts[i]!.street === facts[j]!.street;
	const pairsOf = (members: readonly number[], skip: (i: number, j: number) => boolean) => {
		for (let x = 0; x < members.length; x++)
			for (let y = x + 1; y < members.length; y++) if (!skip(members[x]!, members[y]!)) visit(members[x]!, members[y]!);
	};
	for (const members of groupsOf((i) => facts[i]!.key)) pairsOf(members, () => false);
	for (const members of groupsOf((i) => facts[i]!.street)) {
		if (members.length <= LARGE_STREET_GROUP) pairsOf(members, sameKey);
		else for (const same of groupsOf((i) => facts[i]!.nameKey, members)) pairsOf(same, sameKey);
	}
	const cells = new Map<string, number[]>();
	const cellOf = (i: number) => [Math.floor(places[i]!.lat / CELL_LAT), Math.floor(places[i]!.lon / CELL_LON)] as const;
	for (let i = 0; i < n; i++) {
		const [y, x] = cellOf(i);
		const c = cells.get(`${y}:${x}`);
		if (c) c.push(i);
		else cells.set(`${y}:${x}`, [i]);
	}
	for (let i = 0; i < n; i++) {
		const [y, x] = cellOf(i);
		for (let dy = -1; dy <= 1; dy++)
			for (let dx = -1; dx <= 1; dx++)
				for (const j of cells.get(`${y + dy}:${x + dx}`) ?? []) if (j > i && !sameKey(i, j) && !sameStreet(i, j)) visit(i, j);
	}
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
		if (p.unknownValues?.length) {
			const values = p.unknownValues.map((v) => `« ${v.value} » (${v.field})`).join(', ');
			add(p.id, { code: 'unknown_source_value', detail: `Valeur de la source non reconnue : ${values}.` });
		}
		if (p.sourceUpdatedOn && monthsBetween(p.sourceUpdatedOn, now) >= STALE_AFTER_MONTHS) {
			add(p.id, { code: 'stale', detail: `Dernière mise à jour de la source le ${formatDate(p.sourceUpdatedOn)}.` });
		}
	}

	// Only pairs that could be duplicates are compared: same address, same street, or close by.
	// Comparing every pair is 8 million comparisons at 4,000 places.
	const facts = places.map((p) => {
		const tokens = nameTokens(p.name);
		const street = streetName(streetOfAddress(p.address));
		return {
			key: addressKey(p.address),
			street: street ? `${street}|${normalizeText(p.commune ?? '')}` : '',
			tokens,
			nameKey: [...tokens].sort().join(' ')
		};
	});
	const hits: [number, number, string][] = [];
	forEachCandidatePair(places, facts, (i, j) => {
		const a = places[i]!;
		const b = places[j]!;
		const sameName = tokenSimilarity(facts[i]!.tokens, facts[j]!.tokens) >= NAME_SIMILARITY_THRESHOLD;
		// A misplaced point must not hide a duplicate: the same name on the same street counts too.
		const sameStreet = sameName && facts[i]!.street === facts[j]!.street;
		const metres = distance([a.lon, a.lat], [b.lon, b.lat], { units: 'meters' });
		const sameAddress = facts[i]!.key !== '' && facts[i]!.key === facts[j]!.key && metres <= SAME_ADDRESS_RADIUS_METRES;
		const similar = sameName && metres <= DUPLICATE_RADIUS_METRES;
		if (!sameAddress && !similar && !sameStreet) return;
		hits.push([i, j, sameAddress ? 'à la même adresse' : similar ? 'nom presque identique à moins de 50 m' : 'même nom dans la même rue']);
	});
	// In pair order, as before: the flags read the same whatever rule found the pair.
	hits.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
	for (const [i, j, why] of hits) {
		const a = places[i]!;
		const b = places[j]!;
		add(a.id, { code: 'probable_duplicate', detail: `Doublon probable de « ${b.name} » (${why}).`, relatedId: b.id });
		add(b.id, { code: 'probable_duplicate', detail: `Doublon probable de « ${a.name} » (${why}).`, relatedId: a.id });
	}
	return flags;
}
