import { addressKey, nameSimilarity } from '../quality';
import { streetKey, streetOfAddress } from '../streets';

/**
 * How likely an incoming record is one we already hold under another id: name words, address
 * and distance, each worth a share of the score, each said in words for the coordinator.
 */
export interface Locatable {
	name: string;
	address: string;
	lat: number;
	lon: number;
}

export interface DuplicateScore {
	score: number;
	reasons: string[];
}

export const DUPLICATE_THRESHOLD = 0.6;
const WEIGHTS = { name: 0.5, address: 0.3, distance: 0.2 } as const;
/** Full distance credit within 50 m, none beyond 500 m. */
const NEAR_METRES = 50;
const FAR_METRES = 500;

export function metresBetween(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
	const rad = Math.PI / 180;
	const x = (b.lon - a.lon) * rad * Math.cos(((a.lat + b.lat) / 2) * rad);
	const y = (b.lat - a.lat) * rad;
	return Math.sqrt(x * x + y * y) * 6_371_008.8;
}

export function scoreDuplicate(incoming: Locatable, existing: Locatable): DuplicateScore {
	const reasons: string[] = [];
	const name = nameSimilarity(incoming.name, existing.name);
	if (name >= 0.99) reasons.push('même nom');
	else if (name > 0) reasons.push(`nom proche (${Math.round(name * 100)} % de mots communs)`);

	const sameNumberAndStreet = addressKey(incoming.address) !== '' && addressKey(incoming.address) === addressKey(existing.address);
	const sameStreet = !sameNumberAndStreet && streetKey(streetOfAddress(incoming.address)) === streetKey(streetOfAddress(existing.address));
	const address = sameNumberAndStreet ? 1 : sameStreet ? 0.5 : 0;
	if (sameNumberAndStreet) reasons.push('même adresse');
	else if (sameStreet) reasons.push('même rue');

	const metres = metresBetween(incoming, existing);
	const distance = metres <= NEAR_METRES ? 1 : metres >= FAR_METRES ? 0 : (FAR_METRES - metres) / (FAR_METRES - NEAR_METRES);
	reasons.push(`à ${metres < 10 ? 'moins de 10' : Math.round(metres)} m`);

	const score = WEIGHTS.name * name + WEIGHTS.address * address + WEIGHTS.distance * distance;
	return { score: Math.round(score * 100) / 100, reasons };
}

/** The existing records worth showing, best first. */
export function duplicateCandidates<T extends Locatable & { id: number }>(
	incoming: Locatable,
	existing: readonly T[],
	threshold = DUPLICATE_THRESHOLD,
	limit = 3
): { id: number; name: string; score: number; reasons: string[] }[] {
	return existing
		.map((e) => ({ id: e.id, name: e.name, ...scoreDuplicate(incoming, e) }))
		.filter((c) => c.score >= threshold)
		.sort((a, b) => b.score - a.score || a.id - b.id)
		.slice(0, limit);
}
