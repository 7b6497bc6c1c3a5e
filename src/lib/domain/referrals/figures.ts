import { REFUSAL_REASONS, type RefusalReason } from './status';

/**
 * What planners learn from referrals, per level, need, receiving structure and the resident's
 * area: counts and a median, never a row. A refusal « complet » is shown as saturation: a place
 * that exists on the coverage map but cannot take anyone more.
 */

export interface ReferralFact {
	status: string;
	level: string | null;
	needs: string[];
	actorId: number;
	areaCode: string | null;
	sentAt: string | null;
	answeredAt: string | null;
	refusalReason: RefusalReason | null;
}

export interface FigureRow {
	key: string;
	sent: number;
	accepted: number;
	refused: Record<RefusalReason, number>;
	refusedTotal: number;
	/** Refusals « complet ». */
	saturation: number;
	expired: number;
	/** Median hours from sending to the answer, over answered referrals; null when none. */
	medianHoursToAnswer: number | null;
}

export type Dimension = 'level' | 'need' | 'actor' | 'area';

export function median(values: readonly number[]): number | null {
	if (values.length === 0) return null;
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function keysOf(fact: ReferralFact, dimension: Dimension): string[] {
	switch (dimension) {
		case 'level':
			return [fact.level ?? 'unknown'];
		case 'need':
			return fact.needs.length ? fact.needs : ['none'];
		case 'actor':
			return [String(fact.actorId)];
		case 'area':
			return [fact.areaCode ?? 'none'];
	}
}

const emptyRefusals = (): Record<RefusalReason, number> => Object.fromEntries(REFUSAL_REASONS.map((r) => [r, 0])) as Record<RefusalReason, number>;

/** Rows for one dimension, most sent first. Referrals never sent (unconfirmed) are not counted. */
export function referralFigures(facts: readonly ReferralFact[], dimension: Dimension): FigureRow[] {
	const groups = new Map<string, { row: FigureRow; hours: number[] }>();
	for (const fact of facts) {
		if (!fact.sentAt) continue;
		for (const key of keysOf(fact, dimension)) {
			let group = groups.get(key);
			if (!group) {
				group = { row: { key, sent: 0, accepted: 0, refused: emptyRefusals(), refusedTotal: 0, saturation: 0, expired: 0, medianHoursToAnswer: null }, hours: [] };
				groups.set(key, group);
			}
			const { row } = group;
			row.sent++;
			if (fact.status === 'accepted') row.accepted++;
			if (fact.status === 'expired') row.expired++;
			if (fact.status === 'refused') {
				row.refusedTotal++;
				if (fact.refusalReason) row.refused[fact.refusalReason]++;
				if (fact.refusalReason === 'full') row.saturation++;
			}
			if (fact.answeredAt) group.hours.push((Date.parse(fact.answeredAt) - Date.parse(fact.sentAt)) / 3_600_000);
		}
	}
	return [...groups.values()]
		.map(({ row, hours }) => ({ ...row, medianHoursToAnswer: median(hours) }))
		.sort((a, b) => b.sent - a.sent || a.key.localeCompare(b.key));
}

/** « 3 h », « 2,5 j »: a duration a planner reads at a glance. */
export function hoursInWords(hours: number | null): string {
	if (hours === null) return '—';
	if (hours < 48) return `${Math.round(hours).toLocaleString('fr-FR')} h`;
	return `${(Math.round((hours / 24) * 10) / 10).toLocaleString('fr-FR')} j`;
}
