/**
 * Accounts for the end-to-end tests, written straight into the test server's database
 * (reports/e2e.sqlite, see playwright.config.ts): a user, their actors, a session cookie; and the
 * local outbox, read the way a person reads their mail.
 */
import Database from 'better-sqlite3';
import { createHash, randomBytes } from 'node:crypto';
import type { BrowserContext, TestInfo } from '@playwright/test';

export const BASE_URL = `http://127.0.0.1:${process.env.E2E_PORT ?? 4173}`;

let handle: Database.Database | null = null;

export function e2eDatabase(): Database.Database {
	handle ??= new Database('reports/e2e.sqlite', { fileMustExist: true });
	handle.pragma('busy_timeout = 5000');
	return handle;
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** An address unique to this test and project, so the js and nojs runs never share an account. */
export function uniqueEmail(prefix: string, info: TestInfo): string {
	return `${prefix}.${info.project.name}.${randomBytes(3).toString('hex')}@exemple.fr`;
}

export function createUser(email: string, role: 'member' | 'coordinator', actorIds: number[] = []): number {
	const db = e2eDatabase();
	const now = new Date().toISOString();
	db.prepare('insert or ignore into users (email, role, created_at) values (?, ?, ?)').run(email, role, now);
	const { id } = db.prepare('select id from users where email = ?').get(email) as { id: number };
	for (const actorId of actorIds) {
		db.prepare('insert or ignore into memberships (user_id, actor_id, created_at) values (?, ?, ?)').run(id, actorId, now);
	}
	return id;
}

/** A session as the sign-in link would have opened it, as a cookie for the browser context. */
export function sessionCookie(userId: number): { name: string; value: string; url: string } {
	const raw = randomBytes(32).toString('base64url');
	const now = new Date();
	e2eDatabase()
		.prepare('insert into sessions (hash, user_id, created_at, expires_at) values (?, ?, ?, ?)')
		.run(sha256(raw), userId, now.toISOString(), new Date(now.getTime() + 3_600_000).toISOString());
	return { name: 'session', value: raw, url: BASE_URL };
}

export async function signInAs(context: BrowserContext, email: string, role: 'member' | 'coordinator', actorIds: number[] = []) {
	const userId = createUser(email, role, actorIds);
	await context.addCookies([sessionCookie(userId)]);
	return userId;
}

export interface OutboxMail {
	id: number;
	to_address: string;
	subject: string;
	text: string;
}

export function mailsTo(email: string): OutboxMail[] {
	return e2eDatabase().prepare('select id, to_address, subject, text from outbox where to_address = ? order by id').all(email) as OutboxMail[];
}

/** The last link to `path` in the last mail sent to this address. */
export function lastLinkTo(email: string, path: string): string {
	const mail = mailsTo(email).at(-1);
	if (!mail) throw new Error(`aucun courriel pour ${email}`);
	const links = mail.text.match(/https?:\/\/\S+/g) ?? [];
	const link = links.find((l) => new URL(l).pathname.startsWith(path));
	if (!link) throw new Error(`aucun lien vers ${path} dans « ${mail.subject} »`);
	return link;
}

export function actorIdByName(name: string): number {
	const row = e2eDatabase().prepare('select id from actors where name = ?').get(name) as { id: number } | undefined;
	if (!row) throw new Error(`structure inconnue : ${name}`);
	return row.id;
}

export function firstPlaceOf(actorId: number): { id: number; name: string; version: number } {
	return e2eDatabase().prepare('select id, name, version from places where actor_id = ? order by id limit 1').get(actorId) as {
		id: number;
		name: string;
		version: number;
	};
}
