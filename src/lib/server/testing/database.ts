import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { CompiledQuery } from 'kysely';
import pg from 'pg';
import { addMembership, ensureUser, signedInUser, type SignedInUser } from '../auth/users';
import { migrate, openDatabase, type Connection } from '../db/connect';
import type { Role } from '../db/schema';
import { seedGeography } from '../seed/geography';
import { prepareDatabase } from '../seed/index';

/**
 * Test helpers only: nothing in the application imports this file.
 *
 * Tests run on SQLite by default and on PostgreSQL when `TEST_DATABASE_URL` names a server
 * (`.ci/run` starts a throw-away one): each database is then a new, empty one on that server.
 */
export async function freshDatabase(): Promise<Connection> {
	const server = process.env.TEST_DATABASE_URL;
	if (!server) return openDatabase(':memory:');
	return openDatabase(await createPostgresDatabase(server));
}

/** A new database on the test server, empty or copied from `template`; returns its URL. */
async function createPostgresDatabase(server: string, template?: string): Promise<string> {
	const name = `test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
	const admin = new pg.Client({ connectionString: server });
	await admin.connect();
	try {
		await admin.query(`create database ${name}${template ? ` template ${template}` : ''}`);
	} finally {
		await admin.end();
	}
	const url = new URL(server);
	url.pathname = `/${name}`;
	return url.toString();
}

/** How each kind of test database is prepared. */
const PREPARE = {
	migrated: (conn: Connection) => migrate(conn.db),
	geography: async (conn: Connection) => {
		await migrate(conn.db);
		await seedGeography(conn.db, join(process.cwd(), 'db/seed'));
	},
	seeded: (conn: Connection) => prepareDatabase(conn.db, join(process.cwd(), 'db/seed'))
};
type Kind = keyof typeof PREPARE;

/**
 * On PostgreSQL, migrating and seeding a database costs about half a second, and many files do it
 * before each of their tests: it is done once per worker and kind into a template, which each
 * test's new database copies (`create database … template`). SQLite in memory takes a few ms.
 */
const templates = new Map<Kind, Promise<string>>();

function postgresTemplate(server: string, kind: Kind): Promise<string> {
	let template = templates.get(kind);
	if (!template) {
		template = (async () => {
			const url = await createPostgresDatabase(server);
			const conn = openDatabase(url);
			try {
				await PREPARE[kind](conn);
			} finally {
				// A template must have no open connection when it is copied.
				await conn.db.destroy();
			}
			return new URL(url).pathname.slice(1);
		})();
		templates.set(kind, template);
	}
	return template;
}

async function preparedDatabase(kind: Kind): Promise<Connection> {
	const server = process.env.TEST_DATABASE_URL;
	if (server) return openDatabase(await createPostgresDatabase(server, await postgresTemplate(server, kind)));
	const conn = await freshDatabase();
	await PREPARE[kind](conn);
	return conn;
}

/** A fresh database with the schema and nothing in it. */
export const migratedDatabase = (): Promise<Connection> => preparedDatabase('migrated');

/** A fresh database with the schema and the real geography (communes, IRIS, QPV), no place: what an import starts from. */
export const geographyDatabase = (): Promise<Connection> => preparedDatabase('geography');

/**
 * A fresh database, migrated, with the real geography and the 39 seeded places — the same path
 * as a first start of the server.
 */
export const seededDatabase = (): Promise<Connection> => preparedDatabase('seeded');

/** Writes `?` placeholders as the engine wants them (`$1, $2…` on PostgreSQL). */
function compile(conn: Connection, query: string, params: unknown[]): CompiledQuery {
	let n = 0;
	const text = conn.engine === 'postgres' ? query.replace(/\?/g, () => `$${++n}`) : query;
	return CompiledQuery.raw(text, params);
}

/** Raw SQL for a test's own checks and set-ups, with `?` placeholders, on either engine. */
export async function allRows<T = Record<string, unknown>>(conn: Connection, query: string, ...params: unknown[]): Promise<T[]> {
	const result = await conn.db.executeQuery<T>(compile(conn, query, params));
	return result.rows as T[];
}

export async function oneRow<T = Record<string, unknown>>(conn: Connection, query: string, ...params: unknown[]): Promise<T> {
	const rows = await allRows<T>(conn, query, ...params);
	if (rows.length === 0) throw new Error(`no row for ${query} ${JSON.stringify(params)}`);
	return rows[0]!;
}

/** An update, insert or delete; returns the number of rows it touched. */
export async function run(conn: Connection, query: string, ...params: unknown[]): Promise<number> {
	const result = await conn.db.executeQuery(compile(conn, query, params));
	return Number(result.numAffectedRows ?? 0);
}

/** An account as the hook would hand it to a route, with its memberships. */
export async function createUser(conn: Connection, email: string, role: Role, actorIds: number[] = []): Promise<SignedInUser> {
	const id = await ensureUser(conn.db, email, role);
	for (const actorId of actorIds) await addMembership(conn.db, id, actorId);
	const user = await signedInUser(conn.db, id);
	if (!user) throw new Error(`no user ${email}`);
	return user;
}

export interface OutboxMail {
	to_address: string;
	subject: string;
	text: string;
}

/** The mails "sent" so far (no SMTP_URL: the local transport writes them to `outbox`). */
export async function outbox(conn: Connection): Promise<OutboxMail[]> {
	return allRows<OutboxMail>(conn, 'select to_address, subject, text from outbox order by id');
}

export interface AuditLine {
	user_id: number | null;
	action: string;
	entity: string | null;
	entity_id: number | null;
	detail: Record<string, unknown>;
}

export async function auditLines(conn: Connection): Promise<AuditLine[]> {
	return (
		await allRows<Omit<AuditLine, 'detail'> & { detail: string }>(conn, 'select user_id, action, entity, entity_id, detail from audit_log order by id')
	).map((r) => ({ ...r, detail: JSON.parse(r.detail) as Record<string, unknown> }));
}

/** The id of the one actor with this exact name in the seed. */
export async function actorIdByName(conn: Connection, name: string): Promise<number> {
	return (await oneRow<{ id: number }>(conn, 'select id from actors where name = ?', name)).id;
}

/** The id of the one place with this exact name in the seed. */
export async function placeIdByName(conn: Connection, name: string): Promise<number> {
	const rows = await allRows<{ id: number }>(conn, 'select id from places where name = ?', name);
	if (rows.length !== 1) throw new Error(`${rows.length} places named ${name}`);
	return rows[0]!.id;
}
