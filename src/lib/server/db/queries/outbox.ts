import type { DB } from '../connect';

/** Mails kept locally when no SMTP server is configured: development and the tests read them. */

export interface NewMessage {
	createdAt: string;
	to: string;
	subject: string;
	text: string;
	/** The whole MIME message, as SMTP would have carried it. */
	raw: string;
}

export interface Message {
	id: number;
	created_at: string;
	to_address: string;
	subject: string;
	text: string;
}

export async function add(db: DB, message: NewMessage): Promise<void> {
	await db
		.insertInto('outbox')
		.values({ created_at: message.createdAt, to_address: message.to, subject: message.subject, text: message.text, raw: message.raw })
		.execute();
}

/** Newest first. */
export async function latest(db: DB, limit: number): Promise<Message[]> {
	return db.selectFrom('outbox').select(['id', 'created_at', 'to_address', 'subject', 'text']).orderBy('id', 'desc').limit(limit).execute();
}
