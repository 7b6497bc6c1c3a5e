import { sql, type Kysely } from 'kysely';
import { idColumn, idType } from './dialect';

// Frozen. Referrals (adressages): an orientation sent to a structure, which accepts or refuses it.
// The resident's fields are nullable because the follow-up command erases them 90 days after the
// referral closes; the rest (level, needs, IRIS, dates, outcome) stays for the planners' counts.

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('referrals')
		.addColumn('id', idType(db), idColumn(db))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('status', 'text', (c) =>
			c.notNull().check(sql`status in ('awaiting_sender', 'sent', 'seen', 'accepted', 'refused', 'expired')`)
		)
		.addColumn('offer_id', 'integer', (c) => c.notNull().references('offers.id'))
		.addColumn('place_id', 'integer', (c) => c.notNull().references('places.id'))
		.addColumn('actor_id', 'integer', (c) => c.notNull().references('actors.id'))
		.addColumn('recipient_email', 'text', (c) => c.notNull())
		.addColumn('sender_user_id', 'integer', (c) => c.references('users.id'))
		.addColumn('sender_email', 'text', (c) => c.notNull())
		.addColumn('needs', 'text', (c) => c.notNull())
		.addColumn('level', 'text')
		.addColumn('autonomy', 'text')
		.addColumn('constraints', 'text', (c) => c.notNull())
		.addColumn('iris_code', 'text')
		.addColumn('area_code', 'text')
		.addColumn('resident_name', 'text')
		.addColumn('resident_phone', 'text')
		.addColumn('resident_email', 'text')
		.addColumn('resident_will_come', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('resident_language', 'text')
		.addColumn('note', 'text')
		.addColumn('consent_at', 'text', (c) => c.notNull())
		// The hidden field of the form: a double click posts the same key twice, and only one row is made.
		.addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
		.addColumn('previous_id', 'integer', (c) => c.references('referrals.id'))
		.addColumn('sent_at', 'text')
		.addColumn('seen_at', 'text')
		.addColumn('answered_at', 'text')
		.addColumn('answered_by', 'integer', (c) => c.references('users.id'))
		.addColumn('next_step', 'text', (c) => c.check(sql`next_step is null or next_step in ('callback', 'appointment')`))
		.addColumn('appointment', 'text')
		.addColumn('answer_note', 'text')
		.addColumn('refusal_reason', 'text', (c) =>
			c.check(sql`refusal_reason is null or refusal_reason in ('full', 'out_of_scope', 'public_not_served', 'unreachable', 'other')`)
		)
		.addColumn('suggested_place_id', 'integer', (c) => c.references('places.id'))
		.addColumn('reminded_at', 'text')
		.addColumn('expires_at', 'text')
		.addColumn('closed_at', 'text')
		.addColumn('erased_at', 'text')
		.execute();
	await db.schema.createIndex('referrals_status').on('referrals').column('status').execute();
	await db.schema.createIndex('referrals_actor').on('referrals').column('actor_id').execute();
	await db.schema.createIndex('referrals_sender').on('referrals').column('sender_user_id').execute();

	// Only a SHA-256 of each link is stored, as for the sign-in tokens.
	await db.schema
		.createTable('referral_tokens')
		.addColumn('id', idType(db), idColumn(db))
		.addColumn('hash', 'text', (c) => c.notNull().unique())
		.addColumn('referral_id', 'integer', (c) => c.notNull().references('referrals.id'))
		.addColumn('purpose', 'text', (c) => c.notNull().check(sql`purpose in ('answer', 'confirm')`))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('expires_at', 'text', (c) => c.notNull())
		.addColumn('used_at', 'text')
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('referral_tokens').execute();
	await db.schema.dropTable('referrals').execute();
}
