import { LEVELS, LEVEL_INFO, type Level } from '../levels';
import type { AreaIndicators, IndicatorValue, IndicatorsResult } from './indicators';

/**
 * The gap list of /pilotage: which IRIS and QPV lack which level, the most fragile first.
 *
 * A level is missing in an area when most of it is farther than 15 minutes' walk from any offer of
 * that level: U > ½, where U = 1 − s₁₅ and s₁₅ is the area's CAF-weighted share within 15 min
 * (indicators.ts). Each missing (area, level) pair is scored
 *
 *     score = U × F × P
 *     F = IFN ÷ 100            fragility: the IFN global score is indexed on the region (100 = its level)
 *     P = p ÷ p_ref            poverty: the area's Filosofi 2021 poverty rate over the commune's
 *                              (p_ref: CAF-weighted mean of the IRIS rates that are known)
 *
 * so 1 stands for "as fragile / as poor as the reference", and a factor above 1 pushes the pair up.
 * A QPV's IFN and poverty rate are the CAF-weighted means of the IRIS parts inside it.
 * A missing value (statistical secrecy) is never read as 0, which would wipe the score out: its
 * factor is left out of the product (`factor: null`) and the pair says so in `missingIndicators`,
 * so the page can show "score sans le taux de pauvreté (secret statistique)".
 * Every part of the score is returned, for the page to explain the ranking.
 */

export const GAP_MINUTES = 15;
/** Missing when more than half the area is uncovered ("no offer within 15 min for most of the area"). */
export const DEFAULT_UNCOVERED_ABOVE = 0.5;
export const FRAGILITY_REFERENCE = 100;

export type GapAreaKind = 'iris' | 'qpv';
export type GapIndicator = 'fragility' | 'poverty';

export interface GapFactor {
	/** The area's value (IFN score, or poverty rate in per cent); `null` when unknown. */
	value: number | null;
	/** What the value is divided by (100 for IFN, the commune's rate for poverty). */
	reference: number | null;
	/** value ÷ reference; `null` when left out of the score. */
	factor: number | null;
	/** IRIS of the area whose value is missing (for a QPV, some may be missing and others not). */
	irisWithoutValue: string[];
}

export interface GapEntry {
	rank: number;
	areaKey: string;
	kind: GapAreaKind;
	code: string;
	name: string;
	level: Level;
	/** s₁₅: CAF-weighted share within 15 min of an offer of this level. */
	coveredShare: number;
	/** U = 1 − s₁₅. */
	uncoveredShare: number;
	fragility: GapFactor;
	poverty: GapFactor;
	/** U × F × P, over the factors that are known. */
	score: number;
	missingIndicators: GapIndicator[];
	/** The score spelt out in French. */
	explanation: string;
}

export interface GapReport {
	minutes: number;
	uncoveredAbove: number;
	/** p_ref, or `null` when no IRIS has a poverty rate. */
	povertyReferencePct: number | null;
	fragilityReference: number;
	formula: string;
	entries: GapEntry[];
}

export interface GapOptions {
	uncoveredAbove?: number;
	/** Which areas to rank; default both IRIS and QPV. */
	kinds?: readonly GapAreaKind[];
}

export const GAP_FORMULA =
	"score = part non couverte à 15 min (pondérée CAF) × (indice de fragilité numérique ÷ 100) × (taux de pauvreté ÷ taux moyen de la commune) ; un indicateur manquant (secret statistique) est retiré du calcul, et signalé.";

const decimal = (value: number, digits = 2) => value.toFixed(digits).replace('.', ',');
const percent = (share: number) => `${Math.round(share * 100)} %`;

function factor(value: IndicatorValue, reference: number | null): GapFactor {
	const known = value.value !== null && reference !== null && reference > 0;
	return {
		value: value.value,
		reference,
		factor: known ? value.value! / reference! : null,
		irisWithoutValue: value.irisWithoutValue
	};
}

function explain(entry: Omit<GapEntry, 'rank' | 'explanation'>): string {
	const info = LEVEL_INFO[entry.level];
	const parts = [`${percent(entry.uncoveredShare)} de la zone à plus de ${GAP_MINUTES} min d'une offre de niveau ${info.rank} (« ${info.label} »)`];
	const f = entry.fragility;
	parts.push(
		f.factor !== null
			? `fragilité numérique ${decimal(f.value!, 1)} ÷ 100 = × ${decimal(f.factor)}`
			: 'fragilité numérique inconnue (retirée du calcul)'
	);
	const p = entry.poverty;
	parts.push(
		p.factor !== null
			? `pauvreté ${decimal(p.value!, 1)} % ÷ ${decimal(p.reference!, 1)} % = × ${decimal(p.factor)}`
			: 'taux de pauvreté inconnu (retiré du calcul)'
	);
	return `${parts.join(' ; ')} → score ${decimal(entry.score)}`;
}

/** Ranks every (IRIS or QPV, level) pair where the level is missing; the highest score first. */
export function rankGaps(result: IndicatorsResult, options: GapOptions = {}): GapReport {
	const uncoveredAbove = options.uncoveredAbove ?? DEFAULT_UNCOVERED_ABOVE;
	const kinds = new Set<GapAreaKind>(options.kinds ?? ['iris', 'qpv']);
	const commune = result.areas.find((area) => area.kind === 'commune');
	const povertyReferencePct = commune?.context.povertyRatePct.value ?? null;

	const isRanked = (area: AreaIndicators): area is AreaIndicators & { kind: GapAreaKind } =>
		(area.kind === 'iris' || area.kind === 'qpv') && kinds.has(area.kind);

	const found: Omit<GapEntry, 'rank'>[] = [];
	for (const area of result.areas.filter(isRanked)) {
		const fragility = factor(area.context.fragilityIndex, FRAGILITY_REFERENCE);
		const poverty = factor(area.context.povertyRatePct, povertyReferencePct);
		const missingIndicators: GapIndicator[] = [];
		if (fragility.factor === null) missingIndicators.push('fragility');
		if (poverty.factor === null) missingIndicators.push('poverty');
		for (const level of LEVELS) {
			const coveredShare = area.metrics.coverage[level].within15.weighted;
			if (coveredShare === null) continue;
			const uncoveredShare = 1 - coveredShare;
			if (!(uncoveredShare > uncoveredAbove)) continue;
			const score = uncoveredShare * (fragility.factor ?? 1) * (poverty.factor ?? 1);
			const entry = {
				areaKey: area.key,
				kind: area.kind,
				code: area.code,
				name: area.name,
				level,
				coveredShare,
				uncoveredShare,
				fragility,
				poverty,
				score,
				missingIndicators: [...missingIndicators]
			};
			found.push({ ...entry, explanation: explain(entry) });
		}
	}

	found.sort(
		(a, b) =>
			b.score - a.score ||
			b.uncoveredShare - a.uncoveredShare ||
			LEVEL_INFO[a.level].rank - LEVEL_INFO[b.level].rank ||
			a.kind.localeCompare(b.kind) ||
			a.code.localeCompare(b.code)
	);
	return {
		minutes: GAP_MINUTES,
		uncoveredAbove,
		povertyReferencePct,
		fragilityReference: FRAGILITY_REFERENCE,
		formula: GAP_FORMULA,
		entries: found.map((entry, index) => ({ rank: index + 1, ...entry }))
	};
}
