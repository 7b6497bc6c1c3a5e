import { audit } from '../audit';
import type { DB } from '../db/connect';
import * as referrals from '../db/queries/referrals';
import * as referralTokens from '../db/queries/referral-tokens';
import { inTransaction } from '../db/transaction';
import { sendMail, type Mail } from '../mail/transport';
import { addWorkingDays } from '$lib/domain/referrals/working-days';
import { ERASURE_DAYS, REMINDER_WORKING_DAYS } from '$lib/domain/referrals/status';
import { issueLink } from './links';
import { outcomeMail, reminderMail } from './mails';

export interface FollowReport {
	reminded: number;
	expired: number;
	erased: number;
}

/** Mail on the command's clock; a failed send is reported, never undoes the step. */
async function mailAt(db: DB, mail: Mail, now: Date): Promise<void> {
	try {
		await sendMail(db, mail, now);
	} catch (error) {
		console.error('Envoi de courriel impossible', error);
	}
}

/**
 * `npm run orientations:suivi`, as of `now`: one reminder to structures that have not answered
 * after five working days, expiry after 30 days (the sender is told), erasure of the resident's
 * fields 90 days after closing. Each step is conditional on the row's state, so running it twice,
 * or on two instances at once, does nothing more.
 */
export async function runFollowUp(db: DB, origin: string, now = new Date()): Promise<FollowReport> {
	const report: FollowReport = { reminded: 0, expired: 0, erased: 0 };
	const at = now.toISOString();

	for (const id of await referrals.expiring(db, at)) {
		const r = await referrals.byId(db, id);
		if (!r) continue;
		const moved = await inTransaction(db, async (trx) => {
			if (!(await referrals.move(trx, id, ['awaiting_sender', 'sent', 'seen'], 'expired', { closed_at: at }))) return false;
			await referralTokens.useTokens(trx, id, 'answer', at);
			await referralTokens.useTokens(trx, id, 'confirm', at);
			await audit(trx, { userId: null, action: 'referral.expire', entity: 'referral', entityId: id }, now);
			return true;
		});
		if (!moved) continue;
		report.expired++;
		// An unconfirmed referral never left: nothing to tell.
		if (r.sentAt) {
			await mailAt(db, outcomeMail(r.senderEmail, { placeName: r.placeName, residentName: r.residentName ?? '', status: 'expired', detail: 'la structure n’a pas répondu en 30 jours', reason: null, suggestion: null }, `${origin}/espace/orientations`), now);
		}
	}

	for (const { id, sentAt } of await referrals.unreminded(db)) {
		if (addWorkingDays(new Date(sentAt), REMINDER_WORKING_DAYS).getTime() > now.getTime()) continue;
		const mail = await inTransaction(db, async (trx) => {
			if (!(await referrals.markReminded(trx, id, at))) return null;
			const r = (await referrals.byId(trx, id))!;
			const raw = await issueLink(trx, id, 'answer', r.expiresAt!, now);
			await audit(trx, { userId: null, action: 'referral.remind', entity: 'referral', entityId: id }, now);
			return reminderMail(r.recipientEmail, r.placeName, `${origin}/adresser/reponse/${raw}`);
		});
		if (!mail) continue;
		report.reminded++;
		await mailAt(db, mail, now);
	}

	report.erased = await eraseClosedReferrals(db, now);
	return report;
}

/** The erasure alone (also run by `npm run purge`, from the register). */
export async function eraseClosedReferrals(db: DB, now: Date): Promise<number> {
	const before = new Date(now.getTime() - ERASURE_DAYS * 86_400_000).toISOString();
	return inTransaction(db, async (trx) => {
		const erased = await referrals.eraseClosedBefore(trx, before, now.toISOString());
		if (erased > 0) await audit(trx, { userId: null, action: 'referral.erase', detail: { count: erased } }, now);
		return erased;
	});
}
