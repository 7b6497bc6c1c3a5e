import { audit } from '../audit';
import { refreshQualityFlags } from '../db/queries/quality';
import { issueToken } from '../auth/tokens';
import type { SignedInUser } from '../auth/users';
import { invalidateCatalogue } from '../catalogue';
import type { DB } from '../db/connect';
import * as actors from '../db/queries/actors';
import * as campaigns from '../db/queries/campaigns';
import * as offers from '../db/queries/offers';
import * as users from '../db/queries/users';
import { inTransaction } from '../db/transaction';
import { campaignMail } from '../mail/messages';
import { sendMailSafely } from '../mail/transport';

function monthsAgo(now: Date, months: number): string {
	const d = new Date(now);
	d.setUTCMonth(d.getUTCMonth() - months);
	return d.toISOString();
}

export async function staleActors(db: DB, months: number, now = new Date()) {
	const limit = monthsAgo(now, months);
	// The most recent verification of any of an actor's offers, or its places' source date.
	const rows = await actors.lastVerified(db);
	return rows.filter((r) => {
		const last = [r.verified_at, r.source_on].filter((v): v is string => !!v).sort().at(-1);
		return !last || last < limit;
	});
}

/** Who gets the link: the people who manage the actor, else the actor's public address. */
async function recipientsOf(db: DB, actorId: number, publicEmail: string | null): Promise<string[]> {
	const emails = await users.activeMemberEmails(db, actorId);
	return emails.length > 0 ? emails : publicEmail ? [publicEmail] : [];
}

export async function launchCampaign(db: DB, coordinator: SignedInUser, months: number, origin: string, now = new Date()) {
	const actors = await staleActors(db, months, now);
	const campaignId = await inTransaction(db, async (trx) => {
		const id = await campaigns.create(trx, { createdBy: coordinator.id, createdAt: now.toISOString(), months });
		await audit(trx, { userId: coordinator.id, action: 'campaign.launched', entity: 'campaign', entityId: id, detail: { months, actors: actors.length } }, now);
		return id;
	});
	let sent = 0;
	for (const actor of actors) {
		const emails = await recipientsOf(db, actor.id, actor.email);
		const token = emails.length > 0 ? await issueToken(db, 'confirm', { actorId: actor.id, campaignId }, now) : null;
		let delivered = false;
		for (const to of emails) {
			delivered =
				(await sendMailSafely(db, campaignMail(to, actor.name, `${origin}/confirmer/${token}`, `${origin}/espace/structures/${actor.id}`))) ||
				delivered;
		}
		if (delivered) sent++;
		await campaigns.addRecipient(db, { campaignId, actorId: actor.id, emails, sentAt: delivered ? now.toISOString() : null });
	}
	return { campaignId, actors: actors.length, sent };
}

/**
 * "Mes informations sont toujours à jour": every offer of the actor counts as verified today by
 * the structure itself.
 */
export async function confirmActor(db: DB, actorId: number, campaignId: number | null, now = new Date(), userId: number | null = null): Promise<void> {
	const stamp = now.toISOString();
	await inTransaction(db, async (trx) => {
		await offers.confirmAll(trx, actorId, stamp);
		// Whichever way it comes (the mailed link or the button in /espace), it answers every open campaign.
		await campaigns.markConfirmed(trx, actorId, stamp);
		await refreshQualityFlags(trx, now);
		await audit(trx, { userId, action: 'actor.confirmed', entity: 'actor', entityId: actorId, detail: { campaign: campaignId } }, now);
	});
	invalidateCatalogue();
}

export async function campaignProgress(db: DB, campaignId: number) {
	return campaigns.progress(db, campaignId);
}
