import { z } from 'zod';
import type { HypotheticalOffer } from '$lib/domain/coverage/what-if';
import { parseHours } from '$lib/domain/hours';
import { LEVELS, LEVEL_INFO, type Level } from '$lib/domain/levels';
import { LEVEL_SLUGS } from '$lib/domain/filter-values';
import { DEFAULT_MAP_INDICATOR, mapIndicator, type MapIndicatorId } from './map-indicators';

/**
 * The planners' URLs. /pilotage takes `zone`, `carte` and `niveau`: an unknown value is named in
 * a French message and replaced by the default, never a 500. /pilotage/et-si takes the
 * hypothetical offer, validated field by field with zod so each message sits next to its field.
 */

export interface ParamError {
	param: string;
	message: string;
}

export const DEFAULT_ZONE = 'commune:59512';
export const DEFAULT_DISTANCE_LEVEL: Level = 'reinforced';

/** « 4 », « renforce » or « reinforced » → the level; anything else → undefined. */
export function levelFromParam(raw: string | null | undefined): Level | undefined {
	const value = (raw ?? '').trim().toLowerCase();
	return LEVELS.find((l) => String(LEVEL_INFO[l].rank) === value || LEVEL_SLUGS[l] === value || l === value);
}

export interface PilotageParams {
	zone: string;
	carte: MapIndicatorId;
	niveau: Level;
	/** `comparer=1`: the tables of every zone (comparisons, all gaps, distances by IRIS), folded by default to keep the page light. */
	comparer: boolean;
	errors: ParamError[];
}

const comparerParam = z.enum(['0', '1']).transform((v) => v === '1');

const clip = (text: string) => (text.length > 60 ? `${text.slice(0, 60)}…` : text);

export function parsePilotageParams(params: URLSearchParams, zoneKeys: ReadonlySet<string>, defaultZone = DEFAULT_ZONE): PilotageParams {
	const errors: ParamError[] = [];
	let zone = defaultZone;
	const rawZone = params.get('zone');
	if (rawZone !== null && rawZone.trim() !== '') {
		if (zoneKeys.has(rawZone.trim())) zone = rawZone.trim();
		else errors.push({ param: 'zone', message: `Zone inconnue : « ${clip(rawZone)} ». La commune entière est affichée.` });
	}
	let carte: MapIndicatorId = DEFAULT_MAP_INDICATOR;
	const rawCarte = params.get('carte');
	if (rawCarte !== null && rawCarte.trim() !== '') {
		const found = mapIndicator(rawCarte.trim());
		if (found) carte = found.id;
		else errors.push({ param: 'carte', message: `Indicateur de carte inconnu : « ${clip(rawCarte)} ». La carte montre la couverture à 15 min du niveau 4.` });
	}
	let niveau = DEFAULT_DISTANCE_LEVEL;
	const rawNiveau = params.get('niveau');
	if (rawNiveau !== null && rawNiveau.trim() !== '') {
		const found = levelFromParam(rawNiveau);
		if (found) niveau = found;
		else errors.push({ param: 'niveau', message: `Niveau inconnu : « ${clip(rawNiveau)} ». Choisissez 1, 2, 3 ou 4 ; le niveau 4 est affiché.` });
	}
	let comparer = false;
	const rawComparer = params.get('comparer');
	if (rawComparer !== null && rawComparer.trim() !== '') {
		const found = comparerParam.safeParse(rawComparer.trim());
		if (found.success) comparer = found.data;
		else errors.push({ param: 'comparer', message: `Valeur inconnue pour « comparer » : « ${clip(rawComparer)} ». Écrivez comparer=1 pour afficher les tableaux de toutes les zones.` });
	}
	return { zone, carte, niveau, comparer, errors };
}

// ---------------------------------------------------------------------------------------------------
// « Et si… »

/** The map's panning limit (src/lib/components/map/style.ts): Roubaix and its neighbouring streets. */
export const WHAT_IF_BOUNDS = { minLon: 3.09, maxLon: 3.28, minLat: 50.645, maxLat: 50.735 } as const;
export const HOURS_EXAMPLE = 'Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00';
const MAX_HOURS = 200;
const MAX_STREET = 80;

export const WHAT_IF_FIELDS = ['niveau', 'rue', 'lat', 'lon', 'horaires'] as const;
export type WhatIfField = (typeof WHAT_IF_FIELDS)[number];
export type WhatIfValues = Record<WhatIfField, string>;

export type WhatIfParse =
	| { status: 'empty'; values: WhatIfValues; errors: Partial<Record<WhatIfField, string>> }
	| { status: 'street'; values: WhatIfValues; errors: Partial<Record<WhatIfField, string>> }
	| { status: 'invalid'; values: WhatIfValues; errors: Partial<Record<WhatIfField, string>> }
	| { status: 'ok'; values: WhatIfValues; errors: Partial<Record<WhatIfField, string>>; offer: HypotheticalOffer };

const clean = (text: string) => text.replace(/\s+/g, ' ').trim();

const levelField = z
	.string()
	.transform(clean)
	.transform((text, ctx): Level => {
		const level = /^[1-4]$/.test(text) ? levelFromParam(text) : undefined;
		if (!level) {
			ctx.addIssue({ code: 'custom', message: "Choisissez le niveau de l'offre imaginée : 1, 2, 3 ou 4." });
			return z.NEVER;
		}
		return level;
	});

/** Decimal degrees with a point or the French comma; exponents and `Infinity` are not coordinates. */
function readDegrees(text: string): number | null {
	const compact = text.replace(/\s/g, '');
	if (!/^[+-]?\d{1,3}(?:[.,]\d{1,15})?$/.test(compact)) return null;
	return Number(compact.replace(',', '.'));
}

function coordinateField(name: 'latitude' | 'longitude', example: string, min: number, max: number) {
	const french = (n: number) => String(n).replace('.', ',');
	return z
		.string()
		.transform(clean)
		.transform((text, ctx): number => {
			if (text === '') {
				ctx.addIssue({ code: 'custom', message: `Indiquez la ${name} (par exemple ${example}), cherchez une rue ou cliquez sur la carte.` });
				return z.NEVER;
			}
			const value = readDegrees(text);
			if (value === null) {
				ctx.addIssue({ code: 'custom', message: `${name === 'latitude' ? 'Latitude' : 'Longitude'} illisible : un nombre en degrés décimaux, par exemple ${example}.` });
				return z.NEVER;
			}
			if (value < min || value > max) {
				ctx.addIssue({ code: 'custom', message: `Ce point est loin de Roubaix : la ${name} doit être comprise entre ${french(min)} et ${french(max)}.` });
				return z.NEVER;
			}
			return value;
		});
}

const hoursField = z
	.string()
	.transform(clean)
	.transform((text, ctx): string | null => {
		if (text === '') return null;
		if (text.length > MAX_HOURS) {
			ctx.addIssue({ code: 'custom', message: `${MAX_HOURS} caractères au plus (vous en avez saisi ${text.length}).` });
			return z.NEVER;
		}
		const parsed = parseHours(text);
		if (!parsed.ok) {
			ctx.addIssue({ code: 'custom', message: `Horaires illisibles : écrivez-les au format OpenStreetMap, par exemple « ${HOURS_EXAMPLE} ».` });
			return z.NEVER;
		}
		return text;
	});

const streetField = z
	.string()
	.transform(clean)
	.pipe(z.string().max(MAX_STREET, { error: `${MAX_STREET} caractères au plus.` }));

const shape = {
	niveau: levelField,
	lat: coordinateField('latitude', '50,6900', WHAT_IF_BOUNDS.minLat, WHAT_IF_BOUNDS.maxLat),
	lon: coordinateField('longitude', '3,1800', WHAT_IF_BOUNDS.minLon, WHAT_IF_BOUNDS.maxLon),
	horaires: hoursField,
	rue: streetField
};

export function parseWhatIf(params: URLSearchParams): WhatIfParse {
	const values = Object.fromEntries(WHAT_IF_FIELDS.map((name) => [name, (params.get(name) ?? '').slice(0, 500)])) as WhatIfValues;
	const errors: Partial<Record<WhatIfField, string>> = {};
	if (WHAT_IF_FIELDS.every((name) => clean(values[name]) === '') && params.get('action') === null) return { status: 'empty', values, errors };

	const parsed: Partial<{ niveau: Level; lat: number; lon: number; horaires: string | null; rue: string }> = {};
	// « Chercher la rue » (action=rue), or a street typed without coordinates: show the streets found.
	const wantsStreet = params.get('action') === 'rue';
	if (wantsStreet && clean(values.rue) === '') errors.rue = 'Indiquez le nom de la rue à chercher.';
	const searchingStreet = clean(values.rue) !== '' && (wantsStreet || (clean(values.lat) === '' && clean(values.lon) === ''));
	for (const name of WHAT_IF_FIELDS) {
		if (searchingStreet && (name === 'lat' || name === 'lon')) continue;
		const result = (shape[name] as z.ZodType).safeParse(values[name]);
		if (result.success) (parsed as Record<string, unknown>)[name] = result.data;
		else errors[name] = result.error.issues[0]?.message ?? 'Valeur invalide.';
	}
	if (searchingStreet) return { status: 'street', values, errors };
	if (Object.keys(errors).length > 0) return { status: 'invalid', values, errors };
	return {
		status: 'ok',
		values,
		errors,
		offer: { level: parsed.niveau!, lat: parsed.lat!, lon: parsed.lon!, hours: parsed.horaires ?? null }
	};
}
