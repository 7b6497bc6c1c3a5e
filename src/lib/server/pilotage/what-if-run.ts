import { computeIndicators, type CoverageGeography, type IndicatorsResult } from '$lib/domain/coverage/indicators';
import { rankGaps, type GapReport } from '$lib/domain/coverage/gaps';
import { withHypotheticalOffer, type HypotheticalOffer } from '$lib/domain/coverage/what-if';
import { database } from '../db';
import type { Connection } from '../db/connect';
import { CostGate, type GateRefusal } from './cost-gate';
import { pilotageIndicators } from './data';

/**
 * « Et si… » on the server: the recompute is pure (the directory's version, the day and the
 * offer decide it), so its result is kept in a small LRU keyed on the indicators' key (the
 * catalogue's version and the day, data.ts) and the normalised offer. Every answer, cached or not,
 * goes through the gate (cost-gate.ts): rendering the page of results costs about as much as
 * computing them, so a flood of cached answers must be bounded as well.
 * The « before » side is the page's own cached computation: only « after » is computed.
 */

export interface Simulation {
	geography: CoverageGeography;
	before: IndicatorsResult;
	after: IndicatorsResult;
	gapsBefore: GapReport;
	gapsAfter: GapReport;
}

/** A few dozen simulations of ~60 areas each: well under 10 MB. */
const MAX_ENTRIES = 48;
/** IP_RATE_FACTOR widens per-client limits (a town hall behind one address, the e2e tests). */
const ipFactor = Math.max(1, Number(process.env.IP_RATE_FACTOR) || 1);

export const WHAT_IF_LIMITS = {
	/** A planner tries one place every few seconds; a script asks many times a second. */
	perClient: { limit: 20 * ipFactor, windowMs: 60_000 },
	maxWaiting: 2,
	/**
	 * Simulations and their pages take at most 1/7 of the thread: about one a second (a page costs
	 * ~150 ms), plenty for a city's planners, and `/` keeps its p50 (bench/et-si.ts).
	 */
	restFactor: 6
} as const;

const gate = new CostGate(WHAT_IF_LIMITS);
const entries = new Map<string, Simulation>();

/**
 * Rounded as the page writes them (5 decimals ≈ 1 m): « 50,6912 » and « 50.69120 » are one
 * simulation, and the offer computed is the one the key names.
 */
export function normalisedOffer(offer: HypotheticalOffer): HypotheticalOffer {
	const round = (n: number) => Math.round(n * 1e5) / 1e5;
	return { ...offer, lat: round(offer.lat), lon: round(offer.lon), hours: offer.hours?.replace(/\s+/g, ' ').trim() || null };
}

const offerKey = (o: HypotheticalOffer) => JSON.stringify([o.level, o.lat, o.lon, o.hours, o.themes ?? []]);

export type SimulationAnswer = { ok: true; simulation: Simulation; cached: boolean } | GateRefusal;

export async function simulate(
	offer: HypotheticalOffer,
	client: string,
	connection: Connection = database(),
	now = new Date()
): Promise<SimulationAnswer> {
	const indicators = await pilotageIndicators(connection, now);
	const normalised = normalisedOffer(offer);
	const key = `${indicators.key}|${offerKey(normalised)}`;
	const hit = entries.get(key);
	if (hit) {
		// Through the gate too: the page's render costs about as much as a new computation.
		const answer = await gate.run(client, () => hit);
		if (!answer.ok) return answer;
		entries.delete(key);
		entries.set(key, hit);
		return { ok: true, simulation: hit, cached: true };
	}
	const answer = await gate.run(client, (): Simulation => {
		// The same instant as the « before » side, so only the offer differs.
		const after = computeIndicators(withHypotheticalOffer(indicators.input, normalised), new Date(indicators.result.computedAt));
		return { geography: indicators.input.geography, before: indicators.result, after, gapsBefore: indicators.gaps, gapsAfter: rankGaps(after) };
	});
	if (!answer.ok) return answer;
	entries.set(key, answer.value);
	if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
	return { ok: true, simulation: answer.value, cached: false };
}
