import { audit } from '../audit';
import type { DB } from '../db/connect';
import * as retention from '../db/queries/retention';
import * as referrals from '../db/queries/referrals';
import { registrationsAfterEdition } from '../network/retention';
import * as surveys from '../db/queries/network-surveys';
import { inTransaction } from '../db/transaction';
import { RETENTION, retentionCutoffs, type RetentionKey } from '$lib/domain/retention';

const ERASERS: Record<RetentionKey, (db: DB, before: string) => Promise<number>> = {
	accounts: retention.disabledAccounts,
	sessions: retention.expiredSessions,
	tokens: retention.expiredTokens,
	'rate-events': retention.oldRateEvents,
	claims: retention.decidedClaims,
	'error-reports': retention.handledErrorReports,
	outbox: retention.oldMails,
	'campaign-recipients': retention.oldCampaignRecipients,
	audit: retention.oldAuditLines,
	referrals: (db, before) => referrals.eraseClosedBefore(db, before),
	'professional-contacts': retention.oldProfessionalContacts,
	'network-registrations': (db, before) => registrationsAfterEdition(db, before),
	'network-survey': (db, before) => surveys.eraseClosedBefore(db, before)
};

export type PurgeReport = Record<RetentionKey, number>;

/**
 * Erases what the register says is kept no longer, as of `now`: one transaction, so a purge
 * that fails half-way erases nothing, and one audit line with the counts (written after the
 * audit's own erasure, so the purge is always on record).
 */
export async function purgePersonalData(db: DB, now = new Date()): Promise<PurgeReport> {
	const cutoffs = retentionCutoffs(now);
	return inTransaction(db, async (trx) => {
		const report = {} as PurgeReport;
		for (const rule of RETENTION) report[rule.key] = await ERASERS[rule.key](trx, cutoffs[rule.key]);
		await audit(trx, { userId: null, action: 'privacy.purge', detail: { ...report } }, now);
		return report;
	});
}
