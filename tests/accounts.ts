/**
 * Accounts for the end-to-end tests, written straight into the test server's database (see
 * playwright.config.ts): a user, their actors, a session cookie; and the local outbox, read the
 * way a person reads their mail.
 *
 * The database is the PostgreSQL one named by E2E_DATABASE_URL when it is set, else the SQLite file
 * reports/e2e.sqlite (or E2E_SQLITE_PATH). Raw SQL only, with `?` placeholders, in the SQL both engines speak.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { CompiledQuery } from 'kysely';
import type { BrowserContext, TestInfo } from '@playwright/test';
import { openDatabase, type Connection } from '../src/lib/server/db/connect';
import { E2E_SQLITE_PATH } from './e2e-server';

export const BASE_URL = `http://127.0.0.1:${process.env.E2E_PORT ?? 4173}`;


let connection: Connection | null = null;

/** The test server's database, opened once per worker. */
export function e2eDatabase(): Connection {
	if (connection) return connection;
	const url = process.env.E2E_DATABASE_URL;
	// The server creates the file on its first start: a missing one means the wrong folder, not an empty directory.
	if (!url && !existsSync(E2E_SQLITE_PATH)) throw new Error(`${E2E_SQLITE_PATH} absent : le serveur de test n’a pas démarré ici`);
	connection = openDatabase(url ?? E2E_SQLITE_PATH);
	return connection;
}

/** `?` placeholders as the engine wants them (`$1, $2…` on PostgreSQL). */
function compile(conn: Connection, query: string, params: unknown[]): CompiledQuery {
	let n = 0;
	const text = conn.engine === 'postgres' ? query.replace(/\?/g, () => `$${++n}`) : query;
	return CompiledQuery.raw(text, params);
}

/** Every row of a select (or of an `insert … returning`). */
export async function dbRows<T = Record<string, unknown>>(query: string, ...params: unknown[]): Promise<T[]> {
	const conn = e2eDatabase();
	return (await conn.db.executeQuery<T>(compile(conn, query, params))).rows as T[];
}

/** The first row, or undefined: what better-sqlite3's `.get` gave. */
export async function dbRow<T = Record<string, unknown>>(query: string, ...params: unknown[]): Promise<T | undefined> {
	return (await dbRows<T>(query, ...params))[0];
}

/** An update, insert or delete; the number of rows it touched. */
export async function dbWrite(query: string, ...params: unknown[]): Promise<number> {
	const conn = e2eDatabase();
	return Number((await conn.db.executeQuery(compile(conn, query, params))).numAffectedRows ?? 0);
}

/** An insert ending in `returning id` (SQLite has it since 3.35, like PostgreSQL): the new id. */
export async function dbInsertId(query: string, ...params: unknown[]): Promise<number> {
	const inserted = await dbRow<{ id: number }>(query, ...params);
	if (!inserted) throw new Error(`rien d’inséré : ${query}`);
	return Number(inserted.id);
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** An address unique to this test and project, so the js and nojs runs never share an account. */
export function uniqueEmail(prefix: string, info: TestInfo): string {
	return `${prefix}.${info.project.name}.${randomBytes(3).toString('hex')}@exemple.fr`;
}

export async function createUser(email: string, role: 'member' | 'coordinator', actorIds: number[] = []): Promise<number> {
	const now = new Date().toISOString();
	await dbWrite('insert into users (email, role, created_at) values (?, ?, ?) on conflict do nothing', email, role, now);
	const { id } = (await dbRow<{ id: number }>('select id from users where email = ?', email))!;
	for (const actorId of actorIds) {
		await dbWrite('insert into memberships (user_id, actor_id, created_at) values (?, ?, ?) on conflict do nothing', id, actorId, now);
	}
	return id;
}

/** A session as the sign-in link would have opened it, as a cookie for the browser context of `url`. */
export async function sessionCookie(userId: number, url = BASE_URL): Promise<{ name: string; value: string; url: string }> {
	const raw = randomBytes(32).toString('base64url');
	const now = new Date();
	await dbWrite(
		'insert into sessions (hash, user_id, created_at, expires_at) values (?, ?, ?, ?)',
		sha256(raw),
		userId,
		now.toISOString(),
		new Date(now.getTime() + 3_600_000).toISOString()
	);
	return { name: 'session', value: raw, url };
}

export async function signInAs(context: BrowserContext, email: string, role: 'member' | 'coordinator', actorIds: number[] = []) {
	const userId = await createUser(email, role, actorIds);
	await context.addCookies([await sessionCookie(userId)]);
	return userId;
}

export interface OutboxMail {
	id: number;
	to_address: string;
	subject: string;
	text: string;
}

export async function mailsTo(email: string): Promise<OutboxMail[]> {
	return dbRows<OutboxMail>('select id, to_address, subject, text from outbox where to_address = ? order by id', email);
}

/** The last link to `path` in the last mail sent to this address. */
export async function lastLinkTo(email: string, path: string): Promise<string> {
	// A test may read right after its click, before the server has answered: give it a moment.
	// CI runs two suites side by side on two cores, so allow for a slow answer.
	let mail = (await mailsTo(email)).at(-1);
	for (let tries = 0; !mail && tries < 150; tries++) {
		await new Promise((resolve) => setTimeout(resolve, 100));
		mail = (await mailsTo(email)).at(-1);
	}
	if (!mail) {
		// Say what the server did instead, so a red run explains itself.
		const lines = await dbRows<{ action: string; at: string }>(
			'select action, at from audit_log where entity = ? and entity_id in (select id from users where email = ?) order by id',
			'user',
			email
		);
		const user = await dbRow<{ id: number; disabled_at: string | null }>('select id, disabled_at from users where email = ?', email);
		throw new Error(`aucun courriel pour ${email} après 15 s ; compte : ${JSON.stringify(user ?? null)} ; journal : ${JSON.stringify(lines)}`);
	}
	const links = mail.text.match(/https?:\/\/\S+/g) ?? [];
	const link = links.find((l) => new URL(l).pathname.startsWith(path));
	if (!link) throw new Error(`aucun lien vers ${path} dans « ${mail.subject} »`);
	return link;
}

export async function actorIdByName(name: string): Promise<number> {
	const found = await dbRow<{ id: number }>('select id from actors where name = ?', name);
	if (!found) throw new Error(`structure inconnue : ${name}`);
	return found.id;
}

export async function firstPlaceOf(actorId: number): Promise<{ id: number; name: string; version: number }> {
	return (await dbRow<{ id: number; name: string; version: number }>('select id, name, version from places where actor_id = ? order by id limit 1', actorId))!;
}

/** A single-use link's token as the server would have mailed it, valid 15 minutes. */
export async function issueToken(purpose: 'sign_in' | 'confirm', target: { userId?: number; actorId?: number }): Promise<string> {
	const raw = randomBytes(32).toString('base64url');
	const now = new Date();
	await dbWrite(
		'insert into tokens (hash, purpose, user_id, actor_id, created_at, expires_at) values (?, ?, ?, ?, ?, ?)',
		sha256(raw),
		purpose,
		target.userId ?? null,
		target.actorId ?? null,
		now.toISOString(),
		new Date(now.getTime() + 15 * 60_000).toISOString()
	);
	return raw;
}
