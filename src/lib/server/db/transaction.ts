import { PostgresAdapter, sql } from 'kysely';
import type { DB } from './connect';

/**
 * Runs `work` in one transaction, so that a change and its audit line commit together. Called
 * inside a transaction already, it joins that one: Kysely has no nested transactions, and a
 * service made of other services' steps should not have to know which of them opened one.
 */
export function inTransaction<T>(db: DB, work: (trx: DB) => Promise<T>): Promise<T> {
	return db.isTransaction ? work(db) : db.transaction().execute(work);
}

export function isPostgres(db: DB): boolean {
	return db.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * Makes the check-then-insert transactions on one key wait for each other, across app instances:
 * on PostgreSQL a transaction-scoped advisory lock, released at commit. On SQLite there is one
 * process, and Kysely's single connection already runs its transactions one after the other.
 */
export async function lockKey(trx: DB, key: string): Promise<void> {
	if (!trx.isTransaction) throw new Error('lockKey: call it inside inTransaction, or the lock is released at once');
	if (isPostgres(trx)) await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(trx);
}
