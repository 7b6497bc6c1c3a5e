import type { LevelOrUnknown } from './levels';
import { NEEDS, type NeedCode } from './themes';
import { PUBLICS, SPECIFIC_SUPPORT } from './vocabulary';

/**
 * The directory's filters, as they live in the URL so a search can be shared and reloaded.
 * Parameter names and values are French words a worker can read in the address bar.
 */

import { LEVEL_SLUGS, WHEN_VALUES, type When } from './filter-values';

export { LEVEL_SLUGS, WEEKDAYS, WHEN_VALUES, type When } from './filter-values';

export interface Filters {
	levels: LevelOrUnknown[];
	needs: NeedCode[];
	publics: string[];
	specificSupport: string[];
	freeOnly: boolean;
	when: When | null;
	/** An area code (grand quartier, IRIS, QPV) or 'qpv' for "in any priority district". */
	area: string | null;
	query: string;
}

export interface Paging {
	limit: number;
	offset: number;
}

export interface FilterError {
	param: string;
	message: string;
}

export const EMPTY_FILTERS: Filters = {
	levels: [],
	needs: [],
	publics: [],
	specificSupport: [],
	freeOnly: false,
	when: null,
	area: null,
	query: ''
};

const FILTER_PARAMS = ['niveau', 'besoin', 'public', 'prise-en-charge', 'gratuit', 'quand', 'territoire', 'q'] as const;
const PAGING_PARAMS = ['limit', 'offset'] as const;
export const MAX_LIMIT = 1000;
const MAX_QUERY_LENGTH = 100;

export type ParseResult = { ok: true; filters: Filters; paging: Paging } | { ok: false; errors: FilterError[]; filters: Filters; paging: Paging };

function multi<T extends string>(
	params: URLSearchParams,
	name: string,
	allowed: readonly T[],
	errors: FilterError[],
	unknownLabel: string
): T[] {
	const values: T[] = [];
	for (const raw of params.getAll(name).flatMap((v) => v.split(','))) {
		const v = raw.trim();
		if (!v) continue;
		if ((allowed as readonly string[]).includes(v)) {
			if (!values.includes(v as T)) values.push(v as T);
		} else {
			errors.push({ param: name, message: `${unknownLabel} : « ${v} ». Valeurs possibles : ${allowed.join(', ')}.` });
		}
	}
	return values;
}

export function parseFilters(
	params: URLSearchParams,
	options: { areaCodes: ReadonlySet<string>; paging?: boolean; extraParams?: readonly string[] }
): ParseResult {
	const errors: FilterError[] = [];
	const known = new Set<string>([...FILTER_PARAMS, ...(options.paging ? PAGING_PARAMS : []), ...(options.extraParams ?? [])]);
	for (const name of new Set(params.keys())) {
		if (!known.has(name)) errors.push({ param: name, message: `Paramètre inconnu : « ${name} ».` });
	}

	const slugToLevel = new Map(Object.entries(LEVEL_SLUGS).map(([level, slug]) => [slug, level as LevelOrUnknown]));
	const levels = multi(params, 'niveau', [...slugToLevel.keys()], errors, 'Niveau inconnu').map((s) => slugToLevel.get(s)!);
	const needs = multi(params, 'besoin', NEEDS.map((n) => n.code), errors, 'Besoin inconnu');
	const publics = multi(params, 'public', PUBLICS.map((p) => p.code), errors, 'Public inconnu');
	const specificSupport = multi(params, 'prise-en-charge', SPECIFIC_SUPPORT.map((p) => p.code), errors, 'Prise en charge inconnue');

	const free = params.get('gratuit');
	if (free !== null && !['1', 'oui', 'true', '', '0', 'non', 'false'].includes(free)) {
		errors.push({ param: 'gratuit', message: 'gratuit attend « 1 » (oui) ou « 0 » (non).' });
	}

	const whenRaw = params.get('quand');
	let when: When | null = null;
	if (whenRaw) {
		if ((WHEN_VALUES as readonly string[]).includes(whenRaw)) when = whenRaw as When;
		else errors.push({ param: 'quand', message: `Moment inconnu : « ${whenRaw} ». Valeurs possibles : ${WHEN_VALUES.join(', ')}.` });
	}

	const areaRaw = params.get('territoire');
	let area: string | null = null;
	if (areaRaw) {
		if (areaRaw === 'qpv' || options.areaCodes.has(areaRaw)) area = areaRaw;
		else errors.push({ param: 'territoire', message: `Territoire inconnu : « ${areaRaw} ».` });
	}

	const query = (params.get('q') ?? '').trim();
	if (query.length > MAX_QUERY_LENGTH) errors.push({ param: 'q', message: `La recherche est limitée à ${MAX_QUERY_LENGTH} caractères.` });

	const paging: Paging = { limit: 100, offset: 0 };
	if (options.paging) {
		for (const name of PAGING_PARAMS) {
			const raw = params.get(name);
			if (raw === null) continue;
			const n = Number(raw);
			const max = name === 'limit' ? MAX_LIMIT : Number.MAX_SAFE_INTEGER;
			const min = name === 'limit' ? 1 : 0;
			if (!/^\d+$/.test(raw) || n < min || n > max) {
				errors.push({ param: name, message: `${name} attend un entier entre ${min} et ${name === 'limit' ? MAX_LIMIT : 'l’infini'}.` });
			} else paging[name] = n;
		}
	}

	const filters: Filters = {
		levels: [...new Set(levels)],
		needs,
		publics,
		specificSupport,
		freeOnly: free !== null && !['0', 'non', 'false'].includes(free),
		when,
		area,
		query: query.slice(0, MAX_QUERY_LENGTH)
	};
	return errors.length ? { ok: false, errors, filters, paging } : { ok: true, filters, paging };
}

/** The inverse of parseFilters, in a stable order, so links and the map's data URL agree. */
export function filtersToParams(filters: Filters): URLSearchParams {
	const p = new URLSearchParams();
	for (const l of filters.levels) p.append('niveau', LEVEL_SLUGS[l]);
	for (const n of filters.needs) p.append('besoin', n);
	for (const x of filters.publics) p.append('public', x);
	for (const x of filters.specificSupport) p.append('prise-en-charge', x);
	if (filters.freeOnly) p.set('gratuit', '1');
	if (filters.when) p.set('quand', filters.when);
	if (filters.area) p.set('territoire', filters.area);
	if (filters.query) p.set('q', filters.query);
	return p;
}

export function hasActiveFilters(filters: Filters): boolean {
	return filtersToParams(filters).size > 0;
}

