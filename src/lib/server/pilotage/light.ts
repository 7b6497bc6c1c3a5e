import type { TableModel } from '$lib/components/pilotage/types';

/**
 * A table as the page needs it: its cells without their raw `value` (kept for the server's own
 * tests and the CSV, never read by the components). SvelteKit sends a page's data twice, as HTML
 * and as the JSON that hydrates it, so every byte of a cell counts twice (issue 15: under 100 KB).
 */
export function light(table: TableModel): TableModel {
	return {
		...table,
		rows: table.rows.map((row) => ({
			...row,
			cells: row.cells.map(({ text, href, hiddenSuffix }) => ({ text, ...(href ? { href } : {}), ...(hiddenSuffix ? { hiddenSuffix } : {}) }))
		}))
	};
}

/** The same for a record of tables (the zone's five). */
export function lightAll<T extends { [K in keyof T]: TableModel }>(tables: T): T {
	return Object.fromEntries((Object.entries(tables) as [string, TableModel][]).map(([key, table]) => [key, light(table)])) as T;
}

/** Links that open or fold the tables of every zone, keeping the rest of the address. */
export function comparerHref(url: URL, open: boolean, hash: string): string {
	const params = new URLSearchParams(url.searchParams);
	if (open) params.set('comparer', '1');
	else params.delete('comparer');
	const query = params.toString();
	return `${url.pathname}${query ? `?${query}` : ''}#${hash}`;
}
