import type { DB } from '../connect';

/**
 * The directory's version, bumped in the same transaction as any change to actors, places,
 * offers, their areas or flags, by whichever instance or command made it. Read it before the data
 * it keys: a change committed in between is then picked up at the next request.
 */
export async function current(db: DB): Promise<number> {
	const row = await db.selectFrom('directory_version').select('version').where('id', '=', 1).executeTakeFirst();
	return row?.version ?? 0;
}
