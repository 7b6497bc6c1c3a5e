import { join } from 'node:path';
import { addMembership, ensureUser, signedInUser, type SignedInUser } from '../auth/users';
import { openDatabase, type Connection } from '../db/connect';
import type { Role } from '../db/schema';
import { prepareDatabase } from '../seed/index';

/**
 * Test helpers only: nothing in the application imports this file.
 * A fresh in-memory database, migrated, with the real geography and the 39 seeded places —
 * the same path as a first start of the server.
 */
export async function seededDatabase(): Promise<Connection> {
	const conn = openDatabase(':memory:');
	await prepareDatabase(conn.db, join(process.cwd(), 'db/seed'));
	return conn;
}

/** An account as the hook would hand it to a route, with its memberships. */
export async function createUser(conn: Connection, email: string, role: Role, actorIds: number[] = []): Promise<SignedInUser> {
	const id = await ensureUser(conn.db, email, role);
	for (const actorId of actorIds) await addMembership(conn.db, id, actorId);
	const user = await signedInUser(conn.db, id);
	if (!user) throw new Error(`no user ${email}`);
	return user;
}

export function allRows<T = Record<string, unknown>>(conn: Connection, sql: string, ...params: unknown[]): T[] {
	return conn.sqlite.prepare(sql).all(...params) as T[];
}

export function oneRow<T = Record<string, unknown>>(conn: Connection, sql: string, ...params: unknown[]): T {
	const row = conn.sqlite.prepare(sql).get(...params) as T | undefined;
	if (row === undefined) throw new Error(`no row for ${sql} ${JSON.stringify(params)}`);
	return row;
}

export interface OutboxMail {
	to_address: string;
	subject: string;
	text: string;
}

/** The mails "sent" so far (no SMTP_URL: the local transport writes them to `outbox`). */
export function outbox(conn: Connection): OutboxMail[] {
	return allRows<OutboxMail>(conn, 'select to_address, subject, text from outbox order by id');
}

export interface AuditLine {
	user_id: number | null;
	action: string;
	entity: string | null;
	entity_id: number | null;
	detail: Record<string, unknown>;
}

export function auditLines(conn: Connection): AuditLine[] {
	return allRows<Omit<AuditLine, 'detail'> & { detail: string }>(
		conn,
		'select user_id, action, entity, entity_id, detail from audit_log order by id'
	).map((r) => ({ ...r, detail: JSON.parse(r.detail) as Record<string, unknown> }));
}

/** The id of the one actor with this exact name in the seed. */
export function actorIdByName(conn: Connection, name: string): number {
	return oneRow<{ id: number }>(conn, 'select id from actors where name = ?', name).id;
}

/** The id of the one place with this exact name in the seed. */
export function placeIdByName(conn: Connection, name: string): number {
	const rows = allRows<{ id: number }>(conn, 'select id from places where name = ?', name);
	if (rows.length !== 1) throw new Error(`${rows.length} places named ${name}`);
	return rows[0]!.id;
}
