import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { computeBbox } from '../geography';
import { parseHours } from '../hours';
import { LEVELS, type Level } from '../levels';
import { rankGaps, type GapReport } from './gaps';
import {
	computeIndicators,
	type AreaIndicators,
	type AreaMetrics,
	type CoverageAreaKind,
	type CoverageOffer,
	type CoveragePlace,
	type IndicatorsInput,
	type IndicatorsOptions,
	type IndicatorsResult
} from './indicators';

/**
 * « Et si… » on /pilotage: a planner drops a hypothetical offer (a level, a point, hours) and sees
 * every indicator before and after. Nothing is saved: the offer lives only in the returned input.
 * The geography object is shared with the original input, so the costly grid sampling is reused.
 */

export interface HypotheticalOffer {
	level: Level;
	lon: number;
	lat: number;
	/** OSM opening_hours, or `null` when not decided yet. */
	hours: string | null;
	themes?: string[];
}

/**
 * A new input with one more place holding the hypothetical offer, placed in its IRIS and QPV by
 * point-in-polygon, as the importer places real ones. Its ids are negative, so they can never
 * collide with stored ones; it is « vérifiée » never (it does not exist), active, with no fee,
 * language or specific support claimed.
 * Throws a RangeError on a bad level, point or hours value: the form validates them first.
 */
export function withHypotheticalOffer(input: IndicatorsInput, offer: HypotheticalOffer): IndicatorsInput {
	if (!(LEVELS as readonly string[]).includes(offer.level)) {
		throw new RangeError(`Niveau inconnu : ${String(offer.level)}`);
	}
	if (!Number.isFinite(offer.lon) || !Number.isFinite(offer.lat) || Math.abs(offer.lon) > 180 || Math.abs(offer.lat) > 90) {
		throw new RangeError(`Point invalide : ${offer.lon}, ${offer.lat}`);
	}
	if (offer.hours !== null) {
		const parsed = parseHours(offer.hours);
		if (!parsed.ok) throw new RangeError(parsed.error);
	}

	const point: [number, number] = [offer.lon, offer.lat];
	const contains = (geometry: Parameters<typeof computeBbox>[0]) => {
		const [x0, y0, x1, y1] = computeBbox(geometry);
		return offer.lon >= x0 && offer.lon <= x1 && offer.lat >= y0 && offer.lat <= y1 && booleanPointInPolygon(point, geometry);
	};
	const iris = input.geography.iris.find((area) => contains(area.geometry));
	const qpv = input.geography.qpv.find((area) => contains(area.geometry));

	const ids = input.places.flatMap((place) => [place.id, ...place.offers.map((o) => o.id)]);
	const id = Math.min(0, ...ids) - 1;
	const hypothetical: CoverageOffer = {
		id,
		level: offer.level,
		themes: offer.themes ?? [],
		tags: [],
		specificSupport: [],
		fees: [],
		languages: [],
		hours: offer.hours,
		remote: false,
		status: 'active',
		closedFrom: null,
		closedUntil: null,
		verifiedAt: null
	};
	const place: CoveragePlace = {
		id,
		lon: offer.lon,
		lat: offer.lat,
		inCommune: iris !== undefined,
		iris: iris ? { code: iris.code } : null,
		qpv: qpv ? { code: qpv.code } : null,
		offers: [hypothetical]
	};
	return { geography: input.geography, places: [...input.places, place] };
}

// ---------------------------------------------------------------------------------------------------
// Before / after

export interface Delta {
	before: number | null;
	after: number | null;
	/** after − before; `null` when either side is `null` (an area without weight, say). */
	delta: number | null;
}

/** The shape of the metrics with every number replaced by its Delta. */
export type Deltas<T> = T extends number | null ? Delta : T extends object ? { [K in keyof T]: Deltas<T[K]> } : never;

export interface AreaComparison {
	key: string;
	kind: CoverageAreaKind;
	code: string;
	name: string;
	/** Some figure of the area moved. */
	changed: boolean;
	deltas: Deltas<AreaMetrics>;
}

/**
 * Number by number, after − before. Counts keyed by theme or language exist only where non-zero,
 * so a key present on one side only is 0 on the other.
 */
function diff(before: unknown, after: unknown, changed: { value: boolean }): unknown {
	const isLeaf = (value: unknown) => value === null || typeof value === 'number';
	if (isLeaf(before) || isLeaf(after)) {
		const b = (before ?? (after === null ? null : 0)) as number | null;
		const a = (after ?? (before === null ? null : 0)) as number | null;
		const delta = a === null || b === null ? null : a - b;
		if (delta !== 0 && !(a === null && b === null)) changed.value = true;
		return { before: b, after: a, delta };
	}
	const b = (before ?? {}) as Record<string, unknown>;
	const a = (after ?? {}) as Record<string, unknown>;
	const result: Record<string, unknown> = {};
	for (const key of new Set([...Object.keys(b), ...Object.keys(a)])) result[key] = diff(b[key], a[key], changed);
	return result;
}

/** Per-area deltas of every metric, for the areas present in both results (same geography). */
export function compareIndicators(before: IndicatorsResult, after: IndicatorsResult): AreaComparison[] {
	const afterByKey = new Map(after.areas.map((area) => [area.key, area]));
	return before.areas.flatMap((area: AreaIndicators) => {
		const other = afterByKey.get(area.key);
		if (!other) return [];
		const changed = { value: false };
		const deltas = diff(area.metrics, other.metrics, changed) as Deltas<AreaMetrics>;
		return [{ key: area.key, kind: area.kind, code: area.code, name: area.name, changed: changed.value, deltas }];
	});
}

export interface WhatIfResult {
	before: IndicatorsResult;
	after: IndicatorsResult;
	comparison: AreaComparison[];
	gapsBefore: GapReport;
	gapsAfter: GapReport;
}

/** Everything the « Et si… » panel shows, in one call. */
export function whatIf(input: IndicatorsInput, offer: HypotheticalOffer, now: Date, options: IndicatorsOptions = {}): WhatIfResult {
	const before = computeIndicators(input, now, options);
	const after = computeIndicators(withHypotheticalOffer(input, offer), now, options);
	return {
		before,
		after,
		comparison: compareIndicators(before, after),
		gapsBefore: rankGaps(before),
		gapsAfter: rankGaps(after)
	};
}
