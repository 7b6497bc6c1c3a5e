/**
 * Database ids are `integer` on both engines: PostgreSQL's is 32 bits, and a larger number in a
 * query is an error there (SQLite would simply find nothing). Anything beyond is "no such record".
 */
export const MAX_ID = 2_147_483_647;

const ID_PATTERN = /^[1-9][0-9]{0,9}$/;

/** A database id, or null for anything else ("12abc", "-1", "1e3", " 7", 99999999999, a file…). */
export function parseId(value: unknown): number | null {
	if (typeof value !== 'string' || !ID_PATTERN.test(value)) return null;
	const id = Number(value);
	return id <= MAX_ID ? id : null;
}

/** The same for a number already parsed (a JSON body, a zod-checked field). */
export const isId = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value > 0 && value <= MAX_ID;
