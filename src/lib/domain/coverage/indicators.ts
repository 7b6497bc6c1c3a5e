import turfArea from '@turf/area';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { MultiPolygon, Polygon } from 'geojson';
import type { CatalogueOffer } from '../catalogue';
import { computeBbox, isIrisInQpv } from '../geography';
import { describeWeek, opensInEvening, opensOnSaturday, weeklyOpenMinutes } from '../hours';
import { LEVELS, LEVEL_FILTER_VALUES, type Level, type LevelOrUnknown } from '../levels';
import { WALK_METHOD_LABEL } from '../orientation/walking';
import { monthsBetween } from '../quality';
import { parisDate } from '../search';
import { FEES } from '../vocabulary';
import { pointOnSurface, sampleGrid, type LonLatPair } from './grid';
import { COVERAGE_MINUTES, indexOfferPoints, minutesFromSamples, sharesWithin, straightLineReach } from './walking-coverage';

/**
 * Every figure of the planners' page (/pilotage), per area: the commune, each QPV, the IRIS « en
 * QPV » and « hors QPV » taken together, each grand quartier and each IRIS.
 *
 * Coverage ("share within 10 / 15 min of an offer of level L") is measured on one regular grid
 * laid over the whole commune (grid.ts), each grid point assigned to the IRIS that contains it.
 * Each point carries two weights:
 *   - area:     A_i / n_i  (IRIS area ÷ its number of points): the share of the area;
 *   - weighted: W_i / n_i  where W_i is the IRIS's CAF « personnes couvertes », the only population
 *               proxy we have (DESIGN.md). No population exists per IRIS: the page must say so.
 * Over whole IRIS, Σ_p w_p·[covered] / Σ_p w_p therefore equals Σ_i W_i·s_i / Σ_i W_i, the
 * CAF-weighted mean of the IRIS shares s_i. Inside an IRIS every point weighs the same, so an
 * IRIS's weighted share is its area share. A QPV, which cuts through IRIS, gets the same formula
 * on its own points: each IRIS part counts for W_i × (its share of the IRIS's points), i.e. CAF
 * persons assumed spread evenly over the IRIS.
 * An IRIS without a CAF value (statistical secrecy) falls back to area: W_i = A_i × D, D being the
 * CAF persons per m² of the IRIS that have the value. Areas holding such an IRIS say so
 * (`weighting.irisWithoutCaf`). If no IRIS has the value at all, every weight is the area.
 *
 * Offers: only offers open to the public now count. `closed` offers are left out entirely;
 * `temporarily_closed` ones whose closure covers `now` (the search's rule) are left out of every
 * figure and counted in `temporarilyClosed`. Remote offers still count at their place (and are
 * counted in `remote`). Places outside the commune count in no area, but their offers do cover
 * grid points near the boundary: residents walk across municipal limits.
 */

// ---------------------------------------------------------------------------------------------------
// Input

export interface NamedArea {
	code: string;
	name: string;
}

export interface IrisInput extends NamedArea {
	grandQuartierCode: string;
	geometry: Polygon | MultiPolygon;
	/** Share (0–1) of the IRIS's area in a QPV; « en QPV » above one half. Absent: measured on the grid. */
	qpvShare?: number | null;
	/** IFN `ifn_score_global_ref_region` (100 = the region's level). */
	fragilityIndex: number | null;
	/** Filosofi 2021 poverty rate, in per cent. */
	povertyRatePct: number | null;
	/** CAF 2021 « personnes couvertes ». */
	cafPersons: number | null;
}

export interface QpvInput extends NamedArea {
	geometry: Polygon | MultiPolygon;
}

export interface CoverageGeography {
	commune: NamedArea;
	/** The IRIS must partition the commune: the commune's figures are the sum of theirs. */
	iris: readonly IrisInput[];
	qpv: readonly QpvInput[];
	/** Names of the grand quartiers; a code without a name is shown as « Grand quartier CODE ». */
	grandQuartiers?: readonly NamedArea[];
}

export type CoverageOffer = Pick<
	CatalogueOffer,
	| 'id'
	| 'level'
	| 'themes'
	| 'tags'
	| 'specificSupport'
	| 'fees'
	| 'languages'
	| 'hours'
	| 'remote'
	| 'status'
	| 'closedFrom'
	| 'closedUntil'
	| 'verifiedAt'
>;

/** A `CataloguePlace` fits as it is; only the fields below are read. */
export interface CoveragePlace {
	id: number;
	lon: number;
	lat: number;
	inCommune: boolean;
	iris: { code: string } | null;
	qpv: { code: string } | null;
	offers: readonly CoverageOffer[];
}

export interface IndicatorsInput {
	geography: CoverageGeography;
	places: readonly CoveragePlace[];
}

export interface IndicatorsOptions {
	/** Grid spacing; default 50 m (about 5,300 points over Roubaix, at least 30 in the smallest IRIS). */
	spacingMetres?: number;
}

export const DEFAULT_SPACING_METRES = 50;
export const VERIFIED_WITHIN_MONTHS = 6;
/** « Soir » as in hours.ts: open at some point after 18 h. */
export const EVENING_LABEL = 'après 18 h';

// ---------------------------------------------------------------------------------------------------
// Output

export type CoverageAreaKind = 'commune' | 'qpv' | 'iris_in_qpv' | 'iris_outside_qpv' | 'grand_quartier' | 'iris';

export interface ShareParts {
	/** CAF-weighted share (0–1): the headline figure. `null` for an area with no weight. */
	weighted: number | null;
	/** Plain share of the area's surface. */
	area: number | null;
}

export interface LevelCoverage {
	within10: ShareParts;
	within15: ShareParts;
}

export interface HoursIndicators {
	offers: number;
	/** Offers whose hours are given and readable; the others count in no figure below but this one. */
	withHours: number;
	withoutHours: number;
	/** Σ of each offer's weekly minutes surely open (a typical week): the volume of opening. */
	offerMinutes: number;
	/** Minutes of the typical week when at least one of these offers is surely open: the spread. */
	openMinutes: number;
	/** Offers open at some point after 18 h, on Saturday (typical week, Europe/Paris). */
	evening: number;
	saturday: number;
}

export interface OfferCounts {
	/** Offers open to the public (not closed, not temporarily closed now). */
	active: number;
	/** Temporarily closed at `now`: counted here only. */
	temporarilyClosed: number;
	byLevel: Record<LevelOrUnknown, number>;
	/** By theme code and local tag (the « besoin » filter's codes). */
	byTheme: Record<string, number>;
	byLevelAndTheme: Record<LevelOrUnknown, Record<string, number>>;
	free: number;
	freeUnderCondition: number;
	/** Offers given in at least one language other than French, and counts per language code. */
	otherLanguages: number;
	byLanguage: Record<string, number>;
	specificSupport: number;
	bySpecificSupport: Record<string, number>;
	/** Verified less than 6 months before `now` (the « À jour » badge's rule). */
	verifiedRecently: number;
	/** Level « à préciser »: the same as byLevel.unknown, kept apart because the page names it. */
	levelToSpecify: number;
	remote: number;
}

export interface AreaMetrics {
	offers: OfferCounts;
	coverage: Record<Level, LevelCoverage>;
	hours: Record<LevelOrUnknown | 'all', HoursIndicators>;
}

export interface CoverageWeighting {
	method: 'caf' | 'caf_with_area_fallback' | 'area';
	/** IRIS of this area without a CAF value, weighted by their area instead. */
	irisWithoutCaf: string[];
	/** French, for the page. */
	note: string;
}

export interface IndicatorValue {
	/** Weighted like coverage (CAF persons, area fallback); `null` when no IRIS of the area has it. */
	value: number | null;
	/** IRIS left out because the value is missing (never counted as 0). */
	irisWithoutValue: string[];
}

export interface AreaContext {
	areaKm2: number;
	/** Σ CAF persons of the IRIS (for a QPV: pro rata of each IRIS's surface inside it). */
	cafPersons: IndicatorValue;
	fragilityIndex: IndicatorValue;
	povertyRatePct: IndicatorValue;
}

export interface AreaIndicators {
	/** Unique: `${kind}:${code}`. */
	key: string;
	kind: CoverageAreaKind;
	code: string;
	name: string;
	irisCodes: string[];
	samplePoints: number;
	/** The area was smaller than a grid cell: one point on its surface stands for it. */
	samplingFallback: boolean;
	weighting: CoverageWeighting;
	context: AreaContext;
	metrics: AreaMetrics;
}

export interface IndicatorsResult {
	computedAt: string;
	spacingMetres: number;
	samplePoints: number;
	walkingModel: string;
	coverageMinutes: readonly number[];
	/** CAF persons per km² over the IRIS that have the value: the fallback weight's density. */
	cafDensityPerKm2: number | null;
	areas: AreaIndicators[];
}

// ---------------------------------------------------------------------------------------------------
// Geography, prepared once

interface PreparedIris {
	input: IrisInput;
	areaM2: number;
	weight: number;
	weightSource: 'caf' | 'area_fallback' | 'area';
	members: Int32Array;
	fallback: boolean;
	inQpv: boolean;
}

export interface PreparedGeography {
	spacingMetres: number;
	points: LonLatPair[];
	pointIris: Int32Array;
	weightCaf: Float64Array;
	weightArea: Float64Array;
	iris: PreparedIris[];
	qpvMembers: Int32Array[];
	qpvFallback: boolean[];
	cafDensityPerM2: number | null;
	anyCaf: boolean;
	/** Offers farther than 15 minutes' walk from this box cannot cover anything. */
	reachBbox: [number, number, number, number];
}

const preparedCache = new WeakMap<CoverageGeography, Map<number, PreparedGeography>>();

const isKnown = (value: number | null | undefined): value is number => typeof value === 'number' && Number.isFinite(value);

/**
 * Samples the geography on one commune-wide grid. Costly (point-in-polygon for every grid point),
 * so `computeIndicators` remembers the result per geography object: a what-if that keeps the
 * same `geography` reference only recomputes the walking part.
 */
export function prepareGeography(geography: CoverageGeography, spacingMetres = DEFAULT_SPACING_METRES): PreparedGeography {
	const cached = preparedCache.get(geography)?.get(spacingMetres);
	if (cached) return cached;

	const boxes = geography.iris.map((iris) => computeBbox(iris.geometry));
	const minLon = Math.min(...boxes.map((b) => b[0]));
	const minLat = Math.min(...boxes.map((b) => b[1]));
	const maxLon = Math.max(...boxes.map((b) => b[2]));
	const maxLat = Math.max(...boxes.map((b) => b[3]));
	const grid = { origin: [minLon, minLat] as LonLatPair, referenceLatitude: (minLat + maxLat) / 2 };

	const points: LonLatPair[] = [];
	const pointIris: number[] = [];
	const samples = geography.iris.map((iris, i) => {
		const sample = sampleGrid(iris.geometry, spacingMetres, grid);
		const first = points.length;
		for (const point of sample.points) {
			points.push(point);
			pointIris.push(i);
		}
		return { fallback: sample.fallback, first, count: sample.points.length };
	});
	const irisPointCount = points.length;

	const areas = geography.iris.map((iris) => turfArea(iris.geometry));
	let knownCaf = 0;
	let knownArea = 0;
	geography.iris.forEach((iris, i) => {
		if (isKnown(iris.cafPersons)) {
			knownCaf += iris.cafPersons;
			knownArea += areas[i]!;
		}
	});
	const anyCaf = geography.iris.some((iris) => isKnown(iris.cafPersons));
	const cafDensityPerM2 = anyCaf && knownArea > 0 ? knownCaf / knownArea : null;

	// QPV membership of every IRIS point; a QPV with no point gets a point on its surface.
	const qpvBoxes = geography.qpv.map((qpv) => computeBbox(qpv.geometry));
	const pointQpv = new Int32Array(irisPointCount).fill(-1);
	const qpvLists: number[][] = geography.qpv.map(() => []);
	for (let p = 0; p < irisPointCount; p++) {
		const [lon, lat] = points[p]!;
		for (let q = 0; q < geography.qpv.length; q++) {
			const [x0, y0, x1, y1] = qpvBoxes[q]!;
			if (lon < x0 || lon > x1 || lat < y0 || lat > y1) continue;
			if (booleanPointInPolygon(points[p]!, geography.qpv[q]!.geometry)) {
				pointQpv[p] = q;
				qpvLists[q]!.push(p);
				break;
			}
		}
	}
	const qpvFallback = geography.qpv.map((qpv, q) => {
		if (qpvLists[q]!.length > 0) return false;
		const point = pointOnSurface(qpv.geometry);
		const home = geography.iris.findIndex((iris) => booleanPointInPolygon(point, iris.geometry));
		points.push(point);
		pointIris.push(home);
		qpvLists[q]!.push(points.length - 1);
		return true;
	});

	const iris: PreparedIris[] = geography.iris.map((input, i) => {
		const { fallback, first, count } = samples[i]!;
		const members = Int32Array.from({ length: count }, (_, k) => first + k);
		let inQpvPoints = 0;
		for (const p of members) if (pointQpv[p]! >= 0) inQpvPoints++;
		const qpvShare = isKnown(input.qpvShare) ? input.qpvShare : count > 0 ? inQpvPoints / count : 0;
		const weight = isKnown(input.cafPersons)
			? { weight: input.cafPersons, weightSource: 'caf' as const }
			: cafDensityPerM2 !== null
				? { weight: areas[i]! * cafDensityPerM2, weightSource: 'area_fallback' as const }
				: { weight: areas[i]!, weightSource: 'area' as const };
		return { input, areaM2: areas[i]!, ...weight, members, fallback, inQpv: isIrisInQpv(qpvShare) };
	});

	const weightCaf = new Float64Array(points.length);
	const weightArea = new Float64Array(points.length);
	for (let p = 0; p < points.length; p++) {
		const home = iris[pointIris[p]!];
		const n = home ? Math.max(1, home.members.length) : 1;
		weightCaf[p] = home ? home.weight / n : 1;
		weightArea[p] = home ? home.areaM2 / n : 1;
	}

	const reach = straightLineReach(Math.max(...COVERAGE_MINUTES)) * 1.01 + 10;
	const dLat = reach / 111_000;
	const dLon = dLat / Math.cos((grid.referenceLatitude * Math.PI) / 180);
	const prepared: PreparedGeography = {
		spacingMetres,
		points,
		pointIris: Int32Array.from(pointIris),
		weightCaf,
		weightArea,
		iris,
		qpvMembers: qpvLists.map((list) => Int32Array.from(list)),
		qpvFallback,
		cafDensityPerM2,
		anyCaf,
		reachBbox: [minLon - dLon, minLat - dLat, maxLon + dLon, maxLat + dLat]
	};
	const bySpacing = preparedCache.get(geography) ?? new Map<number, PreparedGeography>();
	bySpacing.set(spacingMetres, prepared);
	preparedCache.set(geography, bySpacing);
	return prepared;
}

// ---------------------------------------------------------------------------------------------------
// Areas

interface AreaDef {
	kind: CoverageAreaKind;
	code: string;
	name: string;
	irisIndices: number[];
	members: Int32Array;
	samplingFallback: boolean;
}

function concatMembers(prepared: PreparedGeography, irisIndices: readonly number[]): Int32Array {
	const total = irisIndices.reduce((sum, i) => sum + prepared.iris[i]!.members.length, 0);
	const members = new Int32Array(total);
	let offset = 0;
	for (const i of irisIndices) {
		members.set(prepared.iris[i]!.members, offset);
		offset += prepared.iris[i]!.members.length;
	}
	return members;
}

function areaDefinitions(geography: CoverageGeography, prepared: PreparedGeography): AreaDef[] {
	const all = geography.iris.map((_, i) => i);
	const whole = (kind: CoverageAreaKind, code: string, name: string, irisIndices: number[]): AreaDef => ({
		kind,
		code,
		name,
		irisIndices,
		members: concatMembers(prepared, irisIndices),
		samplingFallback: false
	});

	const defs: AreaDef[] = [whole('commune', geography.commune.code, geography.commune.name, all)];
	geography.qpv.forEach((qpv, q) => {
		const members = prepared.qpvMembers[q]!;
		const irisIndices = [...new Set(Array.from(members, (p) => prepared.pointIris[p]!))].filter((i) => i >= 0).sort((a, b) => a - b);
		defs.push({ kind: 'qpv', code: qpv.code, name: qpv.name, irisIndices, members, samplingFallback: prepared.qpvFallback[q]! });
	});
	defs.push(whole('iris_in_qpv', 'iris_in_qpv', 'IRIS en QPV', all.filter((i) => prepared.iris[i]!.inQpv)));
	defs.push(whole('iris_outside_qpv', 'iris_outside_qpv', 'IRIS hors QPV', all.filter((i) => !prepared.iris[i]!.inQpv)));

	const names = new Map((geography.grandQuartiers ?? []).map((gq) => [gq.code, gq.name]));
	const gqCodes = [...new Set([...(geography.grandQuartiers ?? []).map((gq) => gq.code), ...geography.iris.map((i) => i.grandQuartierCode)])];
	for (const code of gqCodes) {
		const members = all.filter((i) => geography.iris[i]!.grandQuartierCode === code);
		if (members.length === 0) continue;
		defs.push(whole('grand_quartier', code, names.get(code) ?? `Grand quartier ${code}`, members));
	}
	geography.iris.forEach((iris, i) => {
		defs.push({ ...whole('iris', iris.code, iris.name, [i]), samplingFallback: prepared.iris[i]!.fallback });
	});
	return defs;
}

/** Weight of each IRIS inside the area: the sum of its points' CAF weights there. */
function irisWeightsIn(prepared: PreparedGeography, members: Int32Array): Map<number, number> {
	const weights = new Map<number, number>();
	for (const p of members) {
		const i = prepared.pointIris[p]!;
		if (i < 0) continue;
		weights.set(i, (weights.get(i) ?? 0) + prepared.weightCaf[p]!);
	}
	return weights;
}

function weightedValue(
	prepared: PreparedGeography,
	parts: Map<number, number>,
	value: (iris: IrisInput) => number | null
): IndicatorValue {
	let sum = 0;
	let total = 0;
	const irisWithoutValue: string[] = [];
	for (const [i, weight] of parts) {
		const iris = prepared.iris[i]!.input;
		const v = value(iris);
		if (!isKnown(v)) {
			irisWithoutValue.push(iris.code);
			continue;
		}
		sum += weight * v;
		total += weight;
	}
	return { value: total > 0 ? sum / total : null, irisWithoutValue };
}

function areaContext(prepared: PreparedGeography, def: AreaDef): AreaContext {
	const parts = irisWeightsIn(prepared, def.members);
	let areaM2 = 0;
	for (const p of def.members) areaM2 += prepared.weightArea[p]!;
	let caf = 0;
	let anyCaf = false;
	const irisWithoutCaf: string[] = [];
	for (const [i, weight] of parts) {
		const iris = prepared.iris[i]!;
		if (iris.weightSource !== 'caf') {
			irisWithoutCaf.push(iris.input.code);
			continue;
		}
		anyCaf = true;
		// Its points' weights: the IRIS's CAF persons times the share of its points inside the area.
		caf += weight;
	}
	return {
		areaKm2: areaM2 / 1e6,
		cafPersons: { value: anyCaf ? caf : null, irisWithoutValue: irisWithoutCaf },
		fragilityIndex: weightedValue(prepared, parts, (iris) => iris.fragilityIndex),
		povertyRatePct: weightedValue(prepared, parts, (iris) => iris.povertyRatePct)
	};
}

function weighting(prepared: PreparedGeography, def: AreaDef, context: AreaContext): CoverageWeighting {
	const irisWithoutCaf = context.cafPersons.irisWithoutValue;
	const spacing = `points de grille tous les ${prepared.spacingMetres} m`;
	if (def.kind === 'iris') {
		return { method: 'area', irisWithoutCaf, note: `Part de la surface de l'IRIS (${spacing}).` };
	}
	if (!prepared.anyCaf) {
		return { method: 'area', irisWithoutCaf, note: `Part de la surface (${spacing}) : aucune donnée CAF disponible.` };
	}
	const base =
		def.kind === 'qpv'
			? "Parties d'IRIS dans le QPV, pondérées par les personnes couvertes par la CAF (2021) de chaque IRIS au prorata de sa surface dans le QPV, faute de population par IRIS."
			: "Moyenne des IRIS pondérée par les personnes couvertes par la CAF (2021), faute de population par IRIS.";
	if (irisWithoutCaf.length === 0) return { method: 'caf', irisWithoutCaf, note: base };
	return {
		method: 'caf_with_area_fallback',
		irisWithoutCaf,
		note: `${base} Sans donnée CAF (secret statistique) : ${irisWithoutCaf.join(', ')}, pondéré${irisWithoutCaf.length > 1 ? 's' : ''} par la surface à la densité moyenne des autres IRIS.`
	};
}

// ---------------------------------------------------------------------------------------------------
// Offers

const FREE = FEES.find((f) => f.code === 'gratuit')!.value;
const FREE_UNDER_CONDITION = FEES.find((f) => f.code === 'gratuit-sous-condition')!.value;
const FRENCH = new Set(['fr', 'fra', 'fre', 'français', 'francais']);
const HOURS_KEYS = [...LEVEL_FILTER_VALUES, 'all'] as const;
type HoursKey = (typeof HOURS_KEYS)[number];

/** The search's rule: a temporary closure counts only between its dates (Paris days), when given. */
export function isTemporarilyClosedAt(offer: Pick<CoverageOffer, 'status' | 'closedFrom' | 'closedUntil'>, now: Date): boolean {
	if (offer.status !== 'temporarily_closed') return false;
	const today = parisDate(now);
	return (!offer.closedFrom || offer.closedFrom <= today) && (!offer.closedUntil || today <= offer.closedUntil);
}

interface HoursFacts {
	minutes: number | null;
	evening: boolean;
	saturday: boolean;
	/** Surely-open intervals of the typical week, in minutes from Monday 00:00. */
	intervals: [number, number][];
}

function clock(hhmm: string): number {
	const [h = '0', m = '0'] = hhmm.split(':');
	return Number(h) * 60 + Number(m);
}

function hoursFacts(hours: string | null, now: Date, memo: Map<string, HoursFacts>): HoursFacts {
	const key = hours ?? '';
	const known = memo.get(key);
	if (known) return known;
	const minutes = hours ? weeklyOpenMinutes(hours, now) : null;
	const week = minutes === null ? null : describeWeek(hours, now);
	const facts: HoursFacts = {
		minutes,
		evening: minutes !== null && opensInEvening(hours, now) === true,
		saturday: minutes !== null && opensOnSaturday(hours, now) === true,
		intervals: (week ?? []).flatMap((day, d) =>
			day.intervals
				.filter((interval) => !interval.uncertain)
				.map((interval): [number, number] => [d * 1440 + clock(interval.from), d * 1440 + clock(interval.to)])
		)
	};
	memo.set(key, facts);
	return facts;
}

function unionMinutes(hoursValues: Iterable<string>, memo: Map<string, HoursFacts>): number {
	const intervals: [number, number][] = [];
	for (const value of hoursValues) intervals.push(...(memo.get(value)?.intervals ?? []));
	intervals.sort((a, b) => a[0] - b[0]);
	let total = 0;
	let start = -1;
	let end = -1;
	for (const [from, to] of intervals) {
		if (from > end) {
			total += end - start;
			start = from;
			end = to;
		} else if (to > end) end = to;
	}
	return total + end - start;
}

function emptyCounts(): OfferCounts {
	const byLevel = Object.fromEntries(LEVEL_FILTER_VALUES.map((l) => [l, 0])) as Record<LevelOrUnknown, number>;
	const byLevelAndTheme = Object.fromEntries(LEVEL_FILTER_VALUES.map((l) => [l, {}])) as Record<LevelOrUnknown, Record<string, number>>;
	return {
		active: 0,
		temporarilyClosed: 0,
		byLevel,
		byTheme: {},
		byLevelAndTheme,
		free: 0,
		freeUnderCondition: 0,
		otherLanguages: 0,
		byLanguage: {},
		specificSupport: 0,
		bySpecificSupport: {},
		verifiedRecently: 0,
		levelToSpecify: 0,
		remote: 0
	};
}

function emptyHours(): HoursIndicators {
	return { offers: 0, withHours: 0, withoutHours: 0, offerMinutes: 0, openMinutes: 0, evening: 0, saturday: 0 };
}

const bump = (counts: Record<string, number>, key: string) => {
	counts[key] = (counts[key] ?? 0) + 1;
};

interface AreaAccumulator {
	counts: OfferCounts;
	hours: Record<HoursKey, HoursIndicators>;
	hoursValues: Record<HoursKey, Set<string>>;
}

function accumulate(acc: AreaAccumulator, offer: CoverageOffer, now: Date, memo: Map<string, HoursFacts>): void {
	const c = acc.counts;
	const level: LevelOrUnknown = offer.level ?? 'unknown';
	c.active++;
	c.byLevel[level]++;
	for (const theme of new Set([...offer.themes, ...offer.tags])) {
		bump(c.byTheme, theme);
		bump(c.byLevelAndTheme[level], theme);
	}
	if (offer.fees.includes(FREE)) c.free++;
	if (offer.fees.includes(FREE_UNDER_CONDITION)) c.freeUnderCondition++;
	const others = [...new Set(offer.languages.filter((l) => !FRENCH.has(l.trim().toLowerCase())))];
	if (others.length) c.otherLanguages++;
	for (const language of others) bump(c.byLanguage, language);
	if (offer.specificSupport.length) c.specificSupport++;
	for (const support of new Set(offer.specificSupport)) bump(c.bySpecificSupport, support);
	if (offer.verifiedAt && monthsBetween(offer.verifiedAt, now) < VERIFIED_WITHIN_MONTHS) c.verifiedRecently++;
	if (level === 'unknown') c.levelToSpecify++;
	if (offer.remote) c.remote++;

	const facts = hoursFacts(offer.hours, now, memo);
	for (const key of [level, 'all'] as const) {
		const h = acc.hours[key];
		h.offers++;
		if (facts.minutes === null) {
			h.withoutHours++;
			continue;
		}
		h.withHours++;
		h.offerMinutes += facts.minutes;
		if (facts.evening) h.evening++;
		if (facts.saturday) h.saturday++;
		acc.hoursValues[key].add(offer.hours ?? '');
	}
}

// ---------------------------------------------------------------------------------------------------
// The whole computation

/**
 * Every indicator for every area. `now` fixes the typical week (hours), the temporary closures and
 * the « vérifié il y a moins de 6 mois » count. Pure: nothing is saved, and the same input gives the
 * same output.
 */
export function computeIndicators(input: IndicatorsInput, now: Date, options: IndicatorsOptions = {}): IndicatorsResult {
	const { geography, places } = input;
	const prepared = prepareGeography(geography, options.spacingMetres ?? DEFAULT_SPACING_METRES);
	const defs = areaDefinitions(geography, prepared);

	// Which areas each place counts in.
	const areaIndex = new Map(defs.map((def, index) => [`${def.kind}:${def.code}`, index]));
	const irisIndex = new Map(geography.iris.map((iris, i) => [iris.code, i]));
	const areasOfPlace = (place: CoveragePlace): number[] => {
		const found: (number | undefined)[] = [];
		if (place.inCommune) found.push(areaIndex.get(`commune:${geography.commune.code}`));
		if (place.qpv) found.push(areaIndex.get(`qpv:${place.qpv.code}`));
		const i = place.iris ? irisIndex.get(place.iris.code) : undefined;
		if (i !== undefined) {
			const iris = prepared.iris[i]!;
			found.push(areaIndex.get(iris.inQpv ? 'iris_in_qpv:iris_in_qpv' : 'iris_outside_qpv:iris_outside_qpv'));
			found.push(areaIndex.get(`grand_quartier:${iris.input.grandQuartierCode}`));
			found.push(areaIndex.get(`iris:${iris.input.code}`));
		}
		return [...new Set(found.filter((a): a is number => a !== undefined))];
	};

	const accumulators: AreaAccumulator[] = defs.map(() => ({
		counts: emptyCounts(),
		hours: Object.fromEntries(HOURS_KEYS.map((k) => [k, emptyHours()])) as Record<HoursKey, HoursIndicators>,
		hoursValues: Object.fromEntries(HOURS_KEYS.map((k) => [k, new Set<string>()])) as Record<HoursKey, Set<string>>
	}));
	const memo = new Map<string, HoursFacts>();
	const offerPoints = Object.fromEntries(LEVELS.map((l) => [l, new Map<string, LonLatPair>()])) as Record<Level, Map<string, LonLatPair>>;
	const [bx0, by0, bx1, by1] = prepared.reachBbox;

	for (const place of places) {
		const areas = areasOfPlace(place);
		const canCover =
			Number.isFinite(place.lon) && Number.isFinite(place.lat) && place.lon >= bx0 && place.lon <= bx1 && place.lat >= by0 && place.lat <= by1;
		for (const offer of place.offers) {
			if (offer.status === 'closed') continue;
			if (isTemporarilyClosedAt(offer, now)) {
				for (const a of areas) accumulators[a]!.counts.temporarilyClosed++;
				continue;
			}
			for (const a of areas) accumulate(accumulators[a]!, offer, now, memo);
			// Several offers of one level at one point cover the same ground: index the point once.
			if (offer.level && canCover) offerPoints[offer.level].set(`${place.lon},${place.lat}`, [place.lon, place.lat]);
		}
	}

	// Minutes from every grid point to the nearest offer of each level, up to 15.
	const maxMinutes = Math.max(...COVERAGE_MINUTES);
	const minutes = Object.fromEntries(
		LEVELS.map((level) => [level, minutesFromSamples(prepared.points, indexOfferPoints([...offerPoints[level].values()]), maxMinutes)])
	) as Record<Level, Float64Array>;

	const areas = defs.map((def, index): AreaIndicators => {
		const acc = accumulators[index]!;
		for (const key of HOURS_KEYS) acc.hours[key].openMinutes = unionMinutes(acc.hoursValues[key], memo);
		const context = areaContext(prepared, def);
		const coverage = Object.fromEntries(
			LEVELS.map((level) => {
				const weighted = sharesWithin(minutes[level], prepared.weightCaf, def.members);
				const byArea = sharesWithin(minutes[level], prepared.weightArea, def.members);
				return [
					level,
					{
						within10: { weighted: weighted.within10, area: byArea.within10 },
						within15: { weighted: weighted.within15, area: byArea.within15 }
					}
				];
			})
		) as Record<Level, LevelCoverage>;
		return {
			key: `${def.kind}:${def.code}`,
			kind: def.kind,
			code: def.code,
			name: def.name,
			irisCodes: def.irisIndices.map((i) => geography.iris[i]!.code),
			samplePoints: def.members.length,
			samplingFallback: def.samplingFallback,
			weighting: weighting(prepared, def, context),
			context,
			metrics: { offers: acc.counts, coverage, hours: acc.hours }
		};
	});

	return {
		computedAt: now.toISOString(),
		spacingMetres: prepared.spacingMetres,
		samplePoints: prepared.iris.reduce((sum, iris) => sum + iris.members.length, 0),
		walkingModel: WALK_METHOD_LABEL,
		coverageMinutes: COVERAGE_MINUTES,
		cafDensityPerKm2: prepared.cafDensityPerM2 === null ? null : prepared.cafDensityPerM2 * 1e6,
		areas
	};
}

/** The area's record, or `undefined`; keys are `${kind}:${code}` (e.g. `iris:595120101`). */
export function areaByKey(result: IndicatorsResult, key: string): AreaIndicators | undefined {
	return result.areas.find((area) => area.key === key);
}
