import type { DB } from '../connect';
import type { RefusalReason, ReferralStatus, ReferralTable } from '../schema';

/**
 * Referrals (adressages) and their one-time links. Status moves are conditional updates on the
 * statuses the move may start from, so two answers at once (the link and /espace, two instances)
 * record one. The row mapping decodes the JSON columns here, once.
 */

export interface NewReferral {
	createdAt: string;
	status: 'awaiting_sender' | 'sent';
	offerId: number;
	placeId: number;
	actorId: number;
	recipientEmail: string;
	senderUserId: number | null;
	senderEmail: string;
	needs: string[];
	level: string | null;
	autonomy: string | null;
	constraints: Record<string, unknown>;
	irisCode: string | null;
	areaCode: string | null;
	residentName: string;
	residentPhone: string | null;
	residentEmail: string | null;
	residentWillCome: boolean;
	residentLanguage: string | null;
	note: string | null;
	consentAt: string;
	idempotencyKey: string;
	previousId: number | null;
	sentAt: string | null;
	expiresAt: string;
}

export interface Referral {
	id: number;
	createdAt: string;
	status: ReferralStatus;
	offerId: number;
	placeId: number;
	placeName: string;
	placeAddress: string;
	actorId: number;
	actorName: string;
	recipientEmail: string;
	senderUserId: number | null;
	senderEmail: string;
	needs: string[];
	level: string | null;
	autonomy: string | null;
	constraints: Record<string, unknown>;
	irisCode: string | null;
	areaCode: string | null;
	residentName: string | null;
	residentPhone: string | null;
	residentEmail: string | null;
	residentWillCome: boolean;
	residentLanguage: string | null;
	note: string | null;
	previousId: number | null;
	sentAt: string | null;
	seenAt: string | null;
	answeredAt: string | null;
	nextStep: 'callback' | 'appointment' | null;
	appointment: string | null;
	answerNote: string | null;
	refusalReason: RefusalReason | null;
	suggestedPlaceId: number | null;
	suggestedPlaceName: string | null;
	remindedAt: string | null;
	expiresAt: string | null;
	closedAt: string | null;
	erasedAt: string | null;
}

function withNames(db: DB) {
	return db
		.selectFrom('referrals as r')
		.innerJoin('places as p', 'p.id', 'r.place_id')
		.innerJoin('actors as a', 'a.id', 'r.actor_id')
		.leftJoin('places as s', 's.id', 'r.suggested_place_id')
		.selectAll('r')
		.select(['p.name as place_name', 'p.address as place_address', 'a.name as actor_name', 's.name as suggested_name']);
}

type Row = ReferralTable & { id: number; place_name: string; place_address: string; actor_name: string; suggested_name: string | null };

function mapRow(row: Row): Referral {
	return {
		id: row.id,
		createdAt: row.created_at,
		status: row.status,
		offerId: row.offer_id,
		placeId: row.place_id,
		placeName: row.place_name,
		placeAddress: row.place_address,
		actorId: row.actor_id,
		actorName: row.actor_name,
		recipientEmail: row.recipient_email,
		senderUserId: row.sender_user_id,
		senderEmail: row.sender_email,
		needs: JSON.parse(row.needs) as string[],
		level: row.level,
		autonomy: row.autonomy,
		constraints: JSON.parse(row.constraints) as Record<string, unknown>,
		irisCode: row.iris_code,
		areaCode: row.area_code,
		residentName: row.resident_name,
		residentPhone: row.resident_phone,
		residentEmail: row.resident_email,
		residentWillCome: row.resident_will_come === 1,
		residentLanguage: row.resident_language,
		note: row.note,
		previousId: row.previous_id,
		sentAt: row.sent_at,
		seenAt: row.seen_at,
		answeredAt: row.answered_at,
		nextStep: row.next_step,
		appointment: row.appointment,
		answerNote: row.answer_note,
		refusalReason: row.refusal_reason,
		suggestedPlaceId: row.suggested_place_id,
		suggestedPlaceName: row.suggested_name,
		remindedAt: row.reminded_at,
		expiresAt: row.expires_at,
		closedAt: row.closed_at,
		erasedAt: row.erased_at
	};
}

/** Inserts the referral unless its idempotency key is taken; either way the id of the key's referral. */
export async function create(db: DB, r: NewReferral): Promise<{ id: number; created: boolean }> {
	const inserted = await db
		.insertInto('referrals')
		.values({
			created_at: r.createdAt,
			status: r.status,
			offer_id: r.offerId,
			place_id: r.placeId,
			actor_id: r.actorId,
			recipient_email: r.recipientEmail,
			sender_user_id: r.senderUserId,
			sender_email: r.senderEmail,
			needs: JSON.stringify(r.needs),
			level: r.level,
			autonomy: r.autonomy,
			constraints: JSON.stringify(r.constraints),
			iris_code: r.irisCode,
			area_code: r.areaCode,
			resident_name: r.residentName,
			resident_phone: r.residentPhone,
			resident_email: r.residentEmail,
			resident_will_come: r.residentWillCome ? 1 : 0,
			resident_language: r.residentLanguage,
			note: r.note,
			consent_at: r.consentAt,
			idempotency_key: r.idempotencyKey,
			previous_id: r.previousId,
			sent_at: r.sentAt,
			expires_at: r.expiresAt
		})
		.onConflict((oc) => oc.column('idempotency_key').doNothing())
		.returning('id')
		.executeTakeFirst();
	if (inserted) return { id: inserted.id, created: true };
	const existing = await db.selectFrom('referrals').select('id').where('idempotency_key', '=', r.idempotencyKey).executeTakeFirstOrThrow();
	return { id: existing.id, created: false };
}

export async function byId(db: DB, id: number): Promise<Referral | null> {
	const row = await withNames(db).where('r.id', '=', id).executeTakeFirst();
	return row ? mapRow(row as Row) : null;
}

/** The sender's referrals, by account or by the address they gave before having one; newest first. */
export async function ofSender(db: DB, userId: number, email: string, limit = 100): Promise<Referral[]> {
	const rows = await withNames(db)
		.where((eb) => eb.or([eb('r.sender_user_id', '=', userId), eb('r.sender_email', '=', email)]))
		.where('r.status', '!=', 'awaiting_sender')
		.orderBy('r.id', 'desc')
		.limit(limit)
		.execute();
	return rows.map((row) => mapRow(row as Row));
}

/** The referrals these structures received; newest first. */
export async function ofActors(db: DB, actorIds: readonly number[], limit = 100): Promise<Referral[]> {
	if (actorIds.length === 0) return [];
	const rows = await withNames(db)
		.where('r.actor_id', 'in', actorIds)
		.where('r.status', '!=', 'awaiting_sender')
		.orderBy('r.id', 'desc')
		.limit(limit)
		.execute();
	return rows.map((row) => mapRow(row as Row));
}

export type Change = Partial<{
	sent_at: string;
	seen_at: string;
	answered_at: string;
	answered_by: number | null;
	next_step: 'callback' | 'appointment' | null;
	appointment: string | null;
	answer_note: string | null;
	refusal_reason: RefusalReason | null;
	suggested_place_id: number | null;
	expires_at: string;
	closed_at: string;
}>;

/** Moves a referral from one of `from` to `to`; true for the one caller that did. */
export async function move(db: DB, id: number, from: readonly ReferralStatus[], to: ReferralStatus, change: Change = {}): Promise<boolean> {
	const result = await db.updateTable('referrals').set({ status: to, ...change }).where('id', '=', id).where('status', 'in', from).executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/** Open referrals not yet reminded: the command checks their working days. */
export async function unreminded(db: DB): Promise<{ id: number; sentAt: string }[]> {
	const rows = await db
		.selectFrom('referrals')
		.select(['id', 'sent_at'])
		.where('status', 'in', ['sent', 'seen'])
		.where('reminded_at', 'is', null)
		.where('sent_at', 'is not', null)
		.orderBy('id')
		.execute();
	return rows.map((r) => ({ id: r.id, sentAt: r.sent_at! }));
}

/** Marks the reminder; false when it was already marked (two commands at once send one reminder). */
export async function markReminded(db: DB, id: number, at: string): Promise<boolean> {
	const result = await db.updateTable('referrals').set({ reminded_at: at }).where('id', '=', id).where('reminded_at', 'is', null).where('status', 'in', ['sent', 'seen']).executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/** Open referrals whose expiry has passed (unconfirmed ones included). */
export async function expiring(db: DB, now: string): Promise<number[]> {
	const rows = await db
		.selectFrom('referrals')
		.select('id')
		.where('status', 'in', ['awaiting_sender', 'sent', 'seen'])
		.where('expires_at', '<=', now)
		.orderBy('id')
		.execute();
	return rows.map((r) => r.id);
}

/**
 * Erases the resident's fields, the note and the sender's address of referrals closed before
 * `before`; the row stays for the counts. The number of referrals erased.
 */
export async function eraseClosedBefore(db: DB, before: string, at: string = new Date().toISOString()): Promise<number> {
	const result = await db
		.updateTable('referrals')
		.set({ resident_name: null, resident_phone: null, resident_email: null, note: null, answer_note: null, appointment: null, sender_email: '', erased_at: at })
		.where('closed_at', '<', before)
		.where('erased_at', 'is', null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows);
}

/** What the planners' figures read: no field about a person. */
export async function facts(db: DB) {
	const rows = await db
		.selectFrom('referrals')
		.select(['status', 'level', 'needs', 'actor_id', 'iris_code', 'area_code', 'sent_at', 'answered_at', 'refusal_reason'])
		.where('sent_at', 'is not', null)
		.execute();
	return rows.map((r) => ({
		status: r.status,
		level: r.level,
		needs: JSON.parse(r.needs) as string[],
		actorId: r.actor_id,
		areaCode: r.iris_code ?? r.area_code,
		sentAt: r.sent_at,
		answeredAt: r.answered_at,
		refusalReason: r.refusal_reason
	}));
}
