import type { DB } from '../connect';
import { inTransaction, lockKey } from '../transaction';

/** Attempts counted per hashed key (e-mail, IP), for the rate limits. */

/**
 * Counts one attempt under `key` when fewer than `limit` were made since `since`; says whether it
 * did. The count and the insert are one step under a lock on the key, so two instances answering
 * the same address at once cannot both let the last attempt through.
 */
export async function tryAdd(db: DB, attempt: { key: string; at: string; since: string; limit: number }): Promise<boolean> {
	return inTransaction(db, async (trx) => {
		await lockKey(trx, `rate:${attempt.key}`);
		const { count } = await trx
			.selectFrom('rate_events')
			.select((eb) => eb.fn.countAll<number>().as('count'))
			.where('key', '=', attempt.key)
			.where('at', '>=', attempt.since)
			.executeTakeFirstOrThrow();
		if (Number(count) >= attempt.limit) return false;
		await trx.insertInto('rate_events').values({ key: attempt.key, at: attempt.at }).execute();
		return true;
	});
}

export async function removeBefore(db: DB, before: string): Promise<void> {
	await db.deleteFrom('rate_events').where('at', '<', before).execute();
}
