import type { DB } from '$lib/server/db/connect';
import * as claims from '$lib/server/db/queries/claims';
import * as errorReports from '$lib/server/db/queries/error-reports';
import * as revisionQueries from '$lib/server/db/queries/revisions';

/** What waits on the coordination: shown in the sub-navigation of every /admin page. */
export async function pendingCounts(db: DB) {
	const [revisions, pendingClaims, openReports] = await Promise.all([
		revisionQueries.countProposed(db),
		claims.countPending(db),
		errorReports.countOpen(db)
	]);
	return { revisions, claims: pendingClaims, reports: openReports };
}
