import { ACTOR_KIND_CODES, UNKNOWN_KIND_SLUG, type ActorKind, type ShownKind } from './actor-kinds';
import { LEVEL_SLUGS } from './filter-values';
import type { FilterError } from './filters';
import type { LevelOrUnknown } from './levels';
import { NEEDS, type NeedCode } from './themes';
import { normalizeText } from './vocabulary';

/**
 * The directory of structures (/structures): each actor with its places and their offers, and the
 * filters a visitor sets in the URL. Pure: the server builds the list, this reads the URL and
 * keeps the structures that match. A structure matches when one of its open offers meets the need,
 * the level and the quartier together (a CCAS with a workshop in one quartier and a help desk in
 * another does not match « help desk in the first »).
 */

export type KindFilter = ActorKind | 'unknown';

export interface StructureFilters {
	needs: NeedCode[];
	levels: LevelOrUnknown[];
	/** An area code (grand quartier, IRIS, QPV) or 'qpv' for any priority district. */
	area: string | null;
	kinds: KindFilter[];
	query: string;
}

export const EMPTY_STRUCTURE_FILTERS: StructureFilters = { needs: [], levels: [], area: null, kinds: [], query: '' };

export interface DirectoryOffer {
	id: number;
	level: LevelOrUnknown;
	inferred: boolean;
	/** Theme and local tag codes. */
	needs: string[];
	status: 'active' | 'temporarily_closed' | 'closed';
}

export interface DirectoryPlace {
	id: number;
	name: string;
	address: string;
	/** Every area the point is in (commune, grand quartier, IRIS, QPV). */
	areaCodes: string[];
	quartier: string | null;
	inQpv: boolean;
	offers: DirectoryOffer[];
}

export interface DirectoryStructure {
	id: number;
	name: string;
	kind: ShownKind;
	presentation: string | null;
	website: string | null;
	email: string | null;
	phone: string | null;
	/** The latest verification of any of its offers (ISO), and how. */
	verified: { at: string; how: string | null } | null;
	places: DirectoryPlace[];
	/** Offers at no place (remote). */
	remoteOffers: DirectoryOffer[];
}

const PARAMS = ['besoin', 'niveau', 'quartier', 'type', 'q'] as const;
const MAX_QUERY = 100;

function several<T extends string>(params: URLSearchParams, name: string, allowed: ReadonlyMap<string, T>, errors: FilterError[], what: string): T[] {
	const found: T[] = [];
	for (const raw of params.getAll(name).flatMap((v) => v.split(','))) {
		const value = raw.trim();
		if (!value) continue;
		const known = allowed.get(value);
		if (known === undefined) errors.push({ param: name, message: `${what} inconnu : « ${value.slice(0, 50)} ».` });
		else if (!found.includes(known)) found.push(known);
	}
	return found;
}

export function parseStructureFilters(params: URLSearchParams, areaCodes: ReadonlySet<string>): { filters: StructureFilters; errors: FilterError[] } {
	const errors: FilterError[] = [];
	for (const name of new Set(params.keys())) {
		if (!(PARAMS as readonly string[]).includes(name)) errors.push({ param: name, message: `Paramètre inconnu : « ${name.slice(0, 50)} ».` });
	}
	const needs = several(params, 'besoin', new Map(NEEDS.map((n) => [n.code, n.code])), errors, 'Besoin');
	const levels = several(
		params,
		'niveau',
		new Map(Object.entries(LEVEL_SLUGS).map(([level, slug]) => [slug, level as LevelOrUnknown])),
		errors,
		'Niveau'
	);
	const kindValues = new Map<string, KindFilter>([...ACTOR_KIND_CODES.map((k) => [k, k] as const), [UNKNOWN_KIND_SLUG, 'unknown']]);
	const kinds = several(params, 'type', kindValues, errors, 'Type de structure');
	const areaRaw = (params.get('quartier') ?? '').trim();
	let area: string | null = null;
	if (areaRaw) {
		if (areaRaw === 'qpv' || areaCodes.has(areaRaw)) area = areaRaw;
		else errors.push({ param: 'quartier', message: `Quartier inconnu : « ${areaRaw.slice(0, 50)} ».` });
	}
	const query = (params.get('q') ?? '').trim();
	if (query.length > MAX_QUERY) errors.push({ param: 'q', message: `La recherche est limitée à ${MAX_QUERY} caractères.` });
	return { filters: { needs, levels, area, kinds, query: query.slice(0, MAX_QUERY) }, errors };
}

/** The inverse of parseStructureFilters, in a stable order, for links that keep the search. */
export function structureFiltersToParams(filters: StructureFilters): URLSearchParams {
	const params = new URLSearchParams();
	for (const need of filters.needs) params.append('besoin', need);
	for (const level of filters.levels) params.append('niveau', LEVEL_SLUGS[level]);
	if (filters.area) params.set('quartier', filters.area);
	for (const kind of filters.kinds) params.append('type', kind === 'unknown' ? UNKNOWN_KIND_SLUG : kind);
	if (filters.query) params.set('q', filters.query);
	return params;
}

function offerMatches(offer: DirectoryOffer, filters: StructureFilters): boolean {
	if (offer.status === 'closed') return false;
	if (filters.needs.length && !filters.needs.some((n) => offer.needs.includes(n))) return false;
	if (filters.levels.length && !filters.levels.includes(offer.level)) return false;
	return true;
}

function placeInArea(place: DirectoryPlace, area: string | null): boolean {
	if (!area) return true;
	return area === 'qpv' ? place.inQpv : place.areaCodes.includes(area);
}

/** The structures that match, in the given order. Without offer filters, a structure with no offer still shows. */
export function matchStructures(structures: readonly DirectoryStructure[], filters: StructureFilters): DirectoryStructure[] {
	const query = normalizeText(filters.query);
	const offerFilter = filters.needs.length > 0 || filters.levels.length > 0;
	return structures.filter((s) => {
		if (query && !normalizeText(s.name).includes(query)) return false;
		if (filters.kinds.length && !filters.kinds.includes(s.kind.kind ?? 'unknown')) return false;
		const places = s.places.filter((p) => placeInArea(p, filters.area));
		if (filters.area && places.length === 0) return false;
		if (!offerFilter) return true;
		const offers = [...places.flatMap((p) => p.offers), ...(filters.area ? [] : s.remoteOffers)];
		return offers.some((o) => offerMatches(o, filters));
	});
}
