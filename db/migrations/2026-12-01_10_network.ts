import { sql, type Kysely } from 'kysely';
import { idColumn, idType, isPostgres } from './dialect';

// Frozen. The network of local actors: the Petit-déjeuner's editions, who registers for them, and
// the resources shared with the network.

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('network_editions')
		.addColumn('id', idType(db), idColumn(db))
		.addColumn('number', 'integer', (c) => c.notNull().unique())
		.addColumn('held_on', 'text', (c) => c.notNull())
		// Local times in Roubaix, 'HH:MM'; unknown for the past editions the note lists.
		.addColumn('starts_at', 'text')
		.addColumn('ends_at', 'text')
		.addColumn('theme', 'text')
		.addColumn('title', 'text', (c) => c.notNull())
		// The host: a place of the directory, or a name typed when it is not in it.
		.addColumn('place_id', 'integer', (c) => c.references('places.id'))
		.addColumn('place_name', 'text')
		.addColumn('programme', 'text')
		.addColumn('summary', 'text')
		.addColumn('participants', 'integer')
		.addColumn('capacity', 'integer')
		.addColumn('registration_open', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();

	// The personal data (name, e-mail, needs, structure typed) are emptied a set time after the
	// edition (src/lib/domain/retention.ts); the status and the attendance stay, as counts.
	await db.schema
		.createTable('network_registrations')
		.addColumn('id', idType(db), idColumn(db))
		.addColumn('edition_id', 'integer', (c) => c.notNull().references('network_editions.id'))
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('email', 'text', (c) => c.notNull())
		// The address lower-cased: one registration per person and edition.
		.addColumn('email_key', 'text', (c) => c.notNull())
		.addColumn('actor_id', 'integer', (c) => c.references('actors.id'))
		.addColumn('structure_name', 'text')
		.addColumn('needs', 'text')
		.addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('confirmed', 'waiting', 'cancelled')`))
		// Only a SHA-256 of the cancel link's secret, as for the sign-in tokens.
		.addColumn('cancel_hash', 'text', (c) => c.notNull().unique())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('confirmed_at', 'text')
		.addColumn('cancelled_at', 'text')
		.addColumn('reminded_at', 'text')
		.addColumn('attended', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('erased_at', 'text')
		.execute();
	await db.schema.createIndex('network_registrations_edition').on('network_registrations').columns(['edition_id', 'status', 'id']).execute();
	await db.schema.createIndex('network_registrations_email').on('network_registrations').columns(['edition_id', 'email_key']).execute();

	// A file is stored in the database itself, so every instance behind the load balancer serves it
	// and a backup holds it; a resource is a file or a link, never both.
	await db.schema
		.createTable('network_resources')
		.addColumn('id', idType(db), idColumn(db))
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('description', 'text')
		.addColumn('themes', 'text', (c) => c.notNull())
		.addColumn('edition_id', 'integer', (c) => c.references('network_editions.id'))
		.addColumn('link_url', 'text')
		.addColumn('file_name', 'text')
		.addColumn('content_type', 'text')
		.addColumn('size', 'integer')
		.addColumn('content', isPostgres(db) ? 'bytea' : 'blob')
		.addColumn('sha256', 'text')
		.addColumn('created_by', 'integer', (c) => c.references('users.id'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addCheckConstraint('network_resources_file_or_link', sql`(link_url is null) <> (content is null)`)
		.execute();

	// The priorities survey: the themes proposed, who may answer (an account, or a past participant
	// by a single-use link), and the answers, one per account or link.
	await db.schema
		.createTable('network_surveys')
		.addColumn('id', idType(db), idColumn(db))
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('themes', 'text', (c) => c.notNull())
		.addColumn('max_choices', 'integer', (c) => c.notNull())
		.addColumn('opened_at', 'text', (c) => c.notNull())
		.addColumn('closed_at', 'text')
		.addColumn('created_by', 'integer', (c) => c.references('users.id'))
		.execute();
	await db.schema
		.createTable('network_survey_invitations')
		.addColumn('id', idType(db), idColumn(db))
		.addColumn('survey_id', 'integer', (c) => c.notNull().references('network_surveys.id'))
		.addColumn('email', 'text', (c) => c.notNull())
		.addColumn('token_hash', 'text', (c) => c.notNull().unique())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('used_at', 'text')
		.addUniqueConstraint('network_survey_invitations_once', ['survey_id', 'email'])
		.execute();
	await db.schema
		.createTable('network_survey_answers')
		.addColumn('id', idType(db), idColumn(db))
		.addColumn('survey_id', 'integer', (c) => c.notNull().references('network_surveys.id'))
		.addColumn('choices', 'text', (c) => c.notNull())
		.addColumn('user_id', 'integer', (c) => c.references('users.id'))
		.addColumn('invitation_id', 'integer', (c) => c.references('network_survey_invitations.id'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addUniqueConstraint('network_survey_answers_user', ['survey_id', 'user_id'])
		.addUniqueConstraint('network_survey_answers_invitation', ['survey_id', 'invitation_id'])
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('network_survey_answers').execute();
	await db.schema.dropTable('network_survey_invitations').execute();
	await db.schema.dropTable('network_surveys').execute();
	await db.schema.dropTable('network_resources').execute();
	await db.schema.dropTable('network_registrations').execute();
	await db.schema.dropTable('network_editions').execute();
}
