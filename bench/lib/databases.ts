/**
 * The bench's own databases, never the app's: a SQLite file in the bench's temporary folder, or
 * a fresh PostgreSQL database created on the server named by BENCH_DATABASE_URL and dropped at
 * the end (and on Ctrl-C or past the time limit).
 */
import { join } from 'node:path';
import pg from 'pg';
import type { Engine } from '../../src/lib/server/db/connect';

export interface BenchDatabase {
	engine: Engine;
	/** What `openDatabase` and the app are given: a file path or a postgres:// URL. */
	target: string;
	/** For the reader: the file, or the database name. */
	label: string;
}

/**
 * Environment for the app and the scripts. A SQLite run blanks DATABASE_URL: one left in the
 * shell would otherwise win, and send the run (and its synthetic import) to that PostgreSQL.
 */
export function databaseEnv(target: string): Record<string, string> {
	return /^postgres(ql)?:\/\//i.test(target) ? { DATABASE_URL: target } : { DATABASE_PATH: target, DATABASE_CREATE: '1', DATABASE_URL: '' };
}

const created = new Set<string>();

function serverUrl(): string {
	const url = process.env.BENCH_DATABASE_URL;
	if (!url) {
		throw new Error(
			'--engine postgres demande BENCH_DATABASE_URL, un serveur où le banc peut créer puis supprimer ses bases ' +
				'(par exemple postgres://postgres@127.0.0.1:55433/postgres).'
		);
	}
	return url;
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
	const client = new pg.Client({ connectionString: serverUrl(), connectionTimeoutMillis: 10_000 });
	await client.connect();
	try {
		return await work(client);
	} finally {
		await client.end();
	}
}

/** Refuses early, before any build or import, when the PostgreSQL server cannot be reached. */
export async function checkPostgres(): Promise<string> {
	return admin(async (c) => (await c.query<{ v: string }>("select current_setting('server_version') as v")).rows[0]!.v);
}

let counter = 0;

export async function createBenchDatabase(engine: Engine, workDir: string, purpose: string): Promise<BenchDatabase> {
	const name = `bench_${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}_${process.pid}_${++counter}`;
	if (engine === 'sqlite') {
		const path = join(workDir, `${purpose}-${name}.sqlite`);
		return { engine, target: path, label: path };
	}
	await admin((c) => c.query(`create database ${name}`));
	created.add(name);
	const url = new URL(serverUrl());
	url.pathname = `/${name}`;
	return { engine, target: url.toString(), label: `${name} sur ${url.host}` };
}

/** Drops one database (SQLite files go with the temporary folder). */
export async function dropBenchDatabase(db: BenchDatabase): Promise<void> {
	if (db.engine !== 'postgres') return;
	const name = new URL(db.target).pathname.slice(1);
	// WITH (FORCE): a server killed on a time-out may leave connections behind.
	await admin((c) => c.query(`drop database if exists ${name} with (force)`));
	created.delete(name);
}

/** Drops every PostgreSQL database this run created and still holds, within `timeoutMs`. */
export async function dropAllBenchDatabases(timeoutMs = 10_000): Promise<string[]> {
	const names = [...created];
	if (names.length === 0) return [];
	const work = admin(async (c) => {
		for (const name of names) {
			await c.query(`drop database if exists ${name} with (force)`);
			created.delete(name);
		}
	});
	await Promise.race([work, new Promise((_, reject) => setTimeout(() => reject(new Error('délai dépassé')), timeoutMs).unref())]);
	return names;
}
