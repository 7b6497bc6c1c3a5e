import type { WhatIfView } from './what-if-view';

/**
 * « Et si… » as the page first shows it: in each area only the figures that change (an unchanged
 * one travels as `null`: its place keeps the rows aligned with the figure list), and in the gap
 * list only the gaps the offer closes, shrinks or opens. The rest is one link away (?comparer=1).
 */
export interface FoldedView extends Omit<WhatIfView, 'primary' | 'others'> {
	primary: FoldedArea[];
	others: FoldedArea[];
	/** Gaps left out of the table because the offer leaves them as they were. */
	unchangedGaps: number;
}

export type FoldedArea = Omit<WhatIfView['primary'][number], 'rows'> & { rows: ([string, string, string] | null)[] };

const fold = (area: WhatIfView['primary'][number]): FoldedArea => ({ ...area, rows: area.rows.map((row) => (row[2] === '=' ? null : row)) });

export function foldedView(view: WhatIfView): FoldedView {
	const changedRows = view.gaps.rows.filter((r) => r.emphasis);
	return {
		...view,
		primary: view.primary.map(fold),
		others: view.others.map(fold),
		gaps: { ...view.gaps, rows: changedRows },
		unchangedGaps: view.gaps.rows.length - changedRows.length
	};
}

/** The unfolded view in the same shape, so the page reads one type. */
export function unfoldedView(view: WhatIfView): FoldedView {
	return { ...view, unchangedGaps: 0 };
}
