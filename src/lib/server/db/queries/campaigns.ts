import type { DB } from '../connect';

/** Freshness campaigns: who was asked to confirm their listing, when, and what came back. */

export interface Campaign {
	id: number;
	created_at: string;
	months: number;
	/** The coordinator who launched it. */
	createdBy: string | null;
}

export async function create(db: DB, campaign: { createdBy: number; createdAt: string; months: number }): Promise<number> {
	const row = await db
		.insertInto('campaigns')
		.values({ created_by: campaign.createdBy, created_at: campaign.createdAt, months: campaign.months })
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

function withAuthor(db: DB) {
	return db
		.selectFrom('campaigns')
		.leftJoin('users', 'users.id', 'campaigns.created_by')
		.select(['campaigns.id', 'campaigns.created_at', 'campaigns.months', 'users.email as createdBy']);
}

export async function byId(db: DB, id: number): Promise<Campaign | undefined> {
	return withAuthor(db).where('campaigns.id', '=', id).executeTakeFirst();
}

/** Newest first. */
export async function latest(db: DB, limit: number): Promise<Campaign[]> {
	return withAuthor(db).orderBy('campaigns.id', 'desc').limit(limit).execute();
}

export async function addRecipient(db: DB, recipient: { campaignId: number; actorId: number; emails: string[]; sentAt: string | null }): Promise<void> {
	await db
		.insertInto('campaign_recipients')
		.values({ campaign_id: recipient.campaignId, actor_id: recipient.actorId, emails: JSON.stringify(recipient.emails), sent_at: recipient.sentAt })
		.execute();
}

/** A confirmation, whichever way it comes, answers every open campaign of the actor. */
export async function markConfirmed(db: DB, actorId: number, at: string): Promise<void> {
	await db
		.updateTable('campaign_recipients')
		.set({ confirmed_at: at })
		.where('actor_id', '=', actorId)
		.where('confirmed_at', 'is', null)
		.execute();
}

export interface RecipientProgress {
	/** The actor's id and name. */
	id: number;
	name: string;
	emails: string[];
	sent_at: string | null;
	confirmed_at: string | null;
	/** The actor's latest change proposed or published since the mail, if any. */
	edited_at: string | null;
}

export async function progress(db: DB, campaignId: number): Promise<RecipientProgress[]> {
	const rows = await db
		.selectFrom('campaign_recipients')
		.innerJoin('actors', 'actors.id', 'campaign_recipients.actor_id')
		.select(['actors.id', 'actors.name', 'campaign_recipients.emails', 'campaign_recipients.sent_at', 'campaign_recipients.confirmed_at'])
		.select((eb) =>
			eb
				.selectFrom('revisions')
				.select((r) => r.fn.max('revisions.created_at').as('last'))
				.whereRef('revisions.actor_id', '=', 'actors.id')
				.whereRef('revisions.created_at', '>=', eb.ref('campaign_recipients.sent_at'))
				.as('edited_at')
		)
		.where('campaign_recipients.campaign_id', '=', campaignId)
		.orderBy('actors.name')
		.execute();
	return rows.map((r) => ({ ...r, emails: JSON.parse(r.emails) as string[], edited_at: (r.edited_at as string | null) ?? null }));
}
