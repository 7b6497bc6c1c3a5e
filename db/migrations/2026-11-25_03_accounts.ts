import { sql, type Kysely } from 'kysely';
import { idColumn, idType } from './dialect';

// Frozen. Accounts, moderation and freshness: who may change a listing, what changed, and when
// it was last confirmed.

export async function up(db: Kysely<any>): Promise<void> {
	// A version per record, so a form saved over someone else's change is refused, not merged.
	for (const table of ['actors', 'places', 'offers']) {
		await db.schema.alterTable(table).addColumn('version', 'integer', (c) => c.notNull().defaultTo(1)).execute();
	}
	// Trusted actors publish their changes without moderation.
	await db.schema.alterTable('actors').addColumn('trusted', 'integer', (c) => c.notNull().defaultTo(0)).execute();

	await db.schema
		.createTable('users')
		.addColumn('id', idType(db), idColumn(db))
		.addColumn('email', 'text', (c) => c.notNull().unique())
		.addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('member', 'coordinator')`))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('last_sign_in_at', 'text')
		.addColumn('disabled_at', 'text')
		.execute();

	await db.schema
		.createTable('memberships')
		.addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
		.addColumn('actor_id', 'integer', (c) => c.notNull().references('actors.id'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('memberships_pk', ['user_id', 'actor_id'])
		.execute();

	// Only a SHA-256 of each token is stored: a copy of the database signs nobody in.
	await db.schema
		.createTable('tokens')
		.addColumn('id', idType(db), idColumn(db))
		.addColumn('hash', 'text', (c) => c.notNull().unique())
		.addColumn('purpose', 'text', (c) => c.notNull().check(sql`purpose in ('sign_in', 'invitation', 'confirm')`))
		.addColumn('user_id', 'integer', (c) => c.references('users.id'))
		.addColumn('actor_id', 'integer', (c) => c.references('actors.id'))
		.addColumn('campaign_id', 'integer')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('expires_at', 'text', (c) => c.notNull())
		.addColumn('used_at', 'text')
		.execute();

	await db.schema
		.createTable('sessions')
		.addColumn('hash', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('expires_at', 'text', (c) => c.notNull())
		.execute();

	// Requests for sign-in links, per hashed e-mail and per hashed IP; pruned as they age.
	await db.schema
		.createTable('rate_events')
		.addColumn('key', 'text', (c) => c.notNull())
		.addColumn('at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('rate_events_key').on('rate_events').columns(['key', 'at']).execute();

	await db.schema
		.createTable('claims')
		.addColumn('id', idType(db), idColumn(db))
		.addColumn('actor_id', 'integer', (c) => c.notNull().references('actors.id'))
		.addColumn('email', 'text', (c) => c.notNull())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('message', 'text')
		.addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending', 'approved', 'refused')`))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('decided_by', 'integer', (c) => c.references('users.id'))
		.addColumn('decided_at', 'text')
		.addColumn('reason', 'text')
		.execute();

	// Every change to a listing, proposed or published, with both snapshots: the diff, the
	// history and the rollback all read from here.
	await db.schema
		.createTable('revisions')
		.addColumn('id', idType(db), idColumn(db))
		.addColumn('entity', 'text', (c) => c.notNull().check(sql`entity in ('actor', 'place', 'offer')`))
		.addColumn('entity_id', 'integer')
		.addColumn('actor_id', 'integer', (c) => c.notNull().references('actors.id'))
		.addColumn('operation', 'text', (c) => c.notNull().check(sql`operation in ('create', 'update', 'rollback')`))
		.addColumn('status', 'text', (c) =>
			c.notNull().check(sql`status in ('proposed', 'published', 'refused', 'superseded')`)
		)
		.addColumn('base_version', 'integer')
		.addColumn('before', 'text')
		.addColumn('after', 'text', (c) => c.notNull())
		.addColumn('author_id', 'integer', (c) => c.references('users.id'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('decided_by', 'integer', (c) => c.references('users.id'))
		.addColumn('decided_at', 'text')
		.addColumn('reason', 'text')
		.execute();
	await db.schema.createIndex('revisions_entity').on('revisions').columns(['entity', 'entity_id']).execute();
	await db.schema.createIndex('revisions_status').on('revisions').column('status').execute();

	await db.schema
		.createTable('campaigns')
		.addColumn('id', idType(db), idColumn(db))
		.addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('months', 'integer', (c) => c.notNull())
		.execute();
	await db.schema
		.createTable('campaign_recipients')
		.addColumn('campaign_id', 'integer', (c) => c.notNull().references('campaigns.id'))
		.addColumn('actor_id', 'integer', (c) => c.notNull().references('actors.id'))
		.addColumn('emails', 'text', (c) => c.notNull())
		.addColumn('sent_at', 'text')
		.addColumn('confirmed_at', 'text')
		.addColumn('edited_at', 'text')
		.addPrimaryKeyConstraint('campaign_recipients_pk', ['campaign_id', 'actor_id'])
		.execute();

	await db.schema
		.createTable('error_reports')
		.addColumn('id', idType(db), idColumn(db))
		.addColumn('place_id', 'integer', (c) => c.notNull().references('places.id'))
		.addColumn('reason', 'text', (c) =>
			c.notNull().check(sql`reason in ('hours', 'address', 'contact', 'closed', 'other')`)
		)
		.addColumn('message', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'resolved', 'dismissed')`))
		.addColumn('resolved_by', 'integer', (c) => c.references('users.id'))
		.addColumn('resolved_at', 'text')
		.addColumn('resolution', 'text')
		.execute();

	await db.schema
		.createTable('audit_log')
		.addColumn('id', idType(db), idColumn(db))
		.addColumn('at', 'text', (c) => c.notNull())
		.addColumn('user_id', 'integer', (c) => c.references('users.id'))
		.addColumn('action', 'text', (c) => c.notNull())
		.addColumn('entity', 'text')
		.addColumn('entity_id', 'integer')
		.addColumn('detail', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();

	// The local mail transport writes here when no SMTP server is configured.
	await db.schema
		.createTable('outbox')
		.addColumn('id', idType(db), idColumn(db))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('to_address', 'text', (c) => c.notNull())
		.addColumn('subject', 'text', (c) => c.notNull())
		.addColumn('text', 'text', (c) => c.notNull())
		.addColumn('raw', 'text', (c) => c.notNull())
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of [
		'outbox',
		'audit_log',
		'error_reports',
		'campaign_recipients',
		'campaigns',
		'revisions',
		'claims',
		'rate_events',
		'sessions',
		'tokens',
		'memberships',
		'users'
	]) {
		await db.schema.dropTable(table).execute();
	}
	await db.schema.alterTable('actors').dropColumn('trusted').execute();
	for (const table of ['actors', 'places', 'offers']) {
		await db.schema.alterTable(table).dropColumn('version').execute();
	}
}
