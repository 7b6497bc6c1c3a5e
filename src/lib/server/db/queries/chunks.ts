/**
 * Rows per multi-row statement: a few hundred stays under SQLite's 32,766 bound parameters and
 * PostgreSQL's 65,535 even for the widest table (offers, about thirty columns).
 */
export const CHUNK = 500;

/** `rows` cut into slices of `size`, for multi-row inserts and `in (…)` lists. */
export function chunks<T>(rows: readonly T[], size = CHUNK): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
	return out;
}
