/**
 * The link from the results to the sheet: the places ticked, the sheet's language and the needs,
 * nothing of the resident. Shared by the results' « Préparer la fiche » and the sheet's own links.
 */

export const MAX_SHEET_PLACES = 4;

export function sheetSearch(ids: readonly number[], lang: string, needs: readonly string[]): string {
	// Commas stay readable in a link read aloud or copied by hand; codes are plain slugs.
	return `?lieux=${ids.join(',')}&langue=${lang}${needs.map((n) => `&besoin=${n}`).join('')}`;
}

/**
 * What the worker is told next to « Préparer la fiche » when the places ticked cannot make a sheet,
 * in the words of the page (« Mettre sur la fiche »), not of the link; null when they can.
 */
export function sheetChoiceError(count: number): string | null {
	if (count === 0) return 'Aucun lieu n’est coché. Cochez « Mettre sur la fiche » sur un à quatre lieux, puis préparez la fiche.';
	if (count > MAX_SHEET_PLACES) {
		const extra = count - MAX_SHEET_PLACES;
		return `Une fiche contient au plus ${MAX_SHEET_PLACES} lieux : ${count} sont cochés. Décochez-en ${extra}.`;
	}
	return null;
}

/** « 2 lieux cochés sur 4 au plus », announced as the worker ticks. */
export function chosenCountText(count: number): string {
	const places = count === 0 ? 'Aucun lieu coché' : count === 1 ? '1 lieu coché' : `${count} lieux cochés`;
	return `${places} sur ${MAX_SHEET_PLACES} au plus`;
}
