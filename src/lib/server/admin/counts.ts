import type { DB } from '$lib/server/db/connect';
import * as revisionQueries from '$lib/server/db/queries/revisions';

/** What waits on the coordination: shown in the sub-navigation of every /admin page. */
export async function pendingCounts(db: DB) {
	const count = async (query: Promise<{ n: number } | undefined>) => Number((await query)?.n ?? 0);
	const [revisions, claims, reports] = await Promise.all([
		revisionQueries.countProposed(db),
		count(db.selectFrom('claims').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'pending').executeTakeFirst()),
		count(db.selectFrom('error_reports').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'open').executeTakeFirst())
	]);
	return { revisions, claims, reports };
}
