import type { DB } from '../connect';

/**
 * The secret stored under `name`, drawn with `draw` the first time it is asked for. Instances
 * starting together may both draw one: the first insert wins and everyone reads that one.
 */
export async function getOrCreate(db: DB, name: string, draw: () => string, now: string): Promise<string> {
	await db
		.insertInto('server_secrets')
		.values({ name, value: draw(), created_at: now })
		.onConflict((oc) => oc.column('name').doNothing())
		.execute();
	const row = await db.selectFrom('server_secrets').select('value').where('name', '=', name).executeTakeFirstOrThrow();
	return row.value;
}
