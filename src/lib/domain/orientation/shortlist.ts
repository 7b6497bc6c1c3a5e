/**
 * The results open on the few best places, the rest folded under « Voir les N autres »: a worker
 * with the resident in front of them reads three cards, not twenty-three. The ranking already puts
 * the surest, nearest, soonest open and best kept first, so the first ones are the best ones.
 */
export const SHORTLIST_SIZE = 3;

export function shortlist<T>(results: readonly T[], size = SHORTLIST_SIZE): { first: T[]; others: T[] } {
	// Folding away a single card saves nothing and hides it: show it.
	const cut = results.length <= size + 1 ? results.length : size;
	return { first: results.slice(0, cut), others: results.slice(cut) };
}

/** « Voir les 18 autres lieux conseillés » (the summary of the folded rest). */
export function othersLabel(count: number): string {
	return count === 1 ? 'Voir l’autre lieu conseillé' : `Voir les ${count} autres lieux conseillés`;
}
