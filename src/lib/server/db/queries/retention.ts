import type { DB } from '../connect';

/**
 * The erasures of `npm run purge`, one per rule of the register (src/lib/domain/retention.ts).
 * Each takes the rule's cut-off instant and says how many rows it erased or emptied. Rows that
 * other tables point to (accounts, claims, reports) are emptied of what concerns a person, not
 * deleted, so the history of the directory keeps its shape.
 */

const count = (result: { numDeletedRows?: bigint; numUpdatedRows?: bigint } | undefined): number =>
	Number(result?.numDeletedRows ?? result?.numUpdatedRows ?? 0);

/** The address an erased account gets: unique as the column wants, reserved so it reaches no one. */
export const erasedEmail = (userId: number): string => `compte-${userId}@efface.invalid`;

export async function expiredSessions(db: DB, before: string): Promise<number> {
	return count(await db.deleteFrom('sessions').where('expires_at', '<', before).executeTakeFirst());
}

export async function expiredTokens(db: DB, before: string): Promise<number> {
	return count(await db.deleteFrom('tokens').where('expires_at', '<', before).executeTakeFirst());
}

export async function oldRateEvents(db: DB, before: string): Promise<number> {
	return count(await db.deleteFrom('rate_events').where('at', '<', before).executeTakeFirst());
}

export async function decidedClaims(db: DB, before: string): Promise<number> {
	return count(
		await db
			.updateTable('claims')
			.set({ name: '', email: '', message: null })
			.where('status', '!=', 'pending')
			.where('decided_at', '<', before)
			.where('email', '!=', '')
			.executeTakeFirst()
	);
}

export async function handledErrorReports(db: DB, before: string): Promise<number> {
	return count(
		await db
			.updateTable('error_reports')
			.set({ message: null })
			.where('status', '!=', 'open')
			.where('resolved_at', '<', before)
			.where('message', 'is not', null)
			.executeTakeFirst()
	);
}

export async function oldMails(db: DB, before: string): Promise<number> {
	return count(await db.deleteFrom('outbox').where('created_at', '<', before).executeTakeFirst());
}

export async function oldCampaignRecipients(db: DB, before: string): Promise<number> {
	return count(
		await db
			.updateTable('campaign_recipients')
			.set({ emails: '[]' })
			.where('sent_at', '<', before)
			.where('emails', '!=', '[]')
			.executeTakeFirst()
	);
}

/** Accounts disabled before the cut-off: the address erased, the structures detached, the sessions ended. */
export async function disabledAccounts(db: DB, before: string): Promise<number> {
	const rows = await db
		.selectFrom('users')
		.select('id')
		.where('disabled_at', '<', before)
		.where('email', 'not like', '%@efface.invalid')
		.execute();
	for (const { id } of rows) {
		await db.updateTable('users').set({ email: erasedEmail(id), last_sign_in_at: null }).where('id', '=', id).execute();
		await db.deleteFrom('memberships').where('user_id', '=', id).execute();
		await db.deleteFrom('sessions').where('user_id', '=', id).execute();
		await db.deleteFrom('tokens').where('user_id', '=', id).execute();
	}
	return rows.length;
}

export async function oldAuditLines(db: DB, before: string): Promise<number> {
	return count(await db.deleteFrom('audit_log').where('at', '<', before).executeTakeFirst());
}

const PRO_CONTACT_FIELDS = ['pro_contact_name', 'pro_contact_phone'] as const;

/** A snapshot without its contact for professionals, or null when it had none to erase. */
function withoutProContact(json: string | null): string | null {
	if (json === null) return null;
	const snapshot = JSON.parse(json) as Record<string, unknown>;
	if (!PRO_CONTACT_FIELDS.some((field) => snapshot[field] !== null && snapshot[field] !== undefined)) return null;
	for (const field of PRO_CONTACT_FIELDS) delete snapshot[field];
	return JSON.stringify(snapshot);
}

/**
 * The contacts for professionals kept in the history of structures' changes (decided, or superseded
 * without a decision, before the cut-off): taken out of the snapshots, the rest of the history kept.
 * The structure's current contact, on its row, stays until the structure removes it. A pending
 * proposal keeps it until the coordination decides.
 */
export async function oldProfessionalContacts(db: DB, before: string): Promise<number> {
	const rows = await db
		.selectFrom('revisions')
		.select(['id', 'before', 'after'])
		.where('entity', '=', 'actor')
		.where('status', '!=', 'proposed')
		.where((eb) => eb.or([eb('decided_at', '<', before), eb.and([eb('decided_at', 'is', null), eb('created_at', '<', before)])]))
		// `_` matches any character here: a wider net, narrowed by withoutProContact.
		.where((eb) => eb.or([eb('before', 'like', '%"pro_contact_%'), eb('after', 'like', '%"pro_contact_%')]))
		.execute();
	let erased = 0;
	for (const row of rows) {
		const cleanBefore = withoutProContact(row.before);
		const cleanAfter = withoutProContact(row.after);
		if (cleanBefore === null && cleanAfter === null) continue;
		await db
			.updateTable('revisions')
			.set({ ...(cleanBefore !== null ? { before: cleanBefore } : {}), ...(cleanAfter !== null ? { after: cleanAfter } : {}) })
			.where('id', '=', row.id)
			.execute();
		erased++;
	}
	return erased;
}
