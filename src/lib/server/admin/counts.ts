import type { DB } from '$lib/server/db/connect';
import * as claims from '$lib/server/db/queries/claims';
import * as errorReports from '$lib/server/db/queries/error-reports';

/** What waits on the coordination: shown in the sub-navigation of every /admin page. */
export async function pendingCounts(db: DB) {
	const count = async (query: Promise<{ n: number } | undefined>) => Number((await query)?.n ?? 0);
	const [revisions, pendingClaims, openReports] = await Promise.all([
		count(db.selectFrom('revisions').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'proposed').executeTakeFirst()),
		claims.countPending(db),
		errorReports.countOpen(db)
	]);
	return { revisions, claims: pendingClaims, reports: openReports };
}
