import type { DB } from '../db/connect';
import * as editions from '../db/queries/network-editions';
import { SEED_EDITIONS } from '$lib/domain/network/editions';

/** The ten editions of the City's note; run at every start, it adds only those missing. */
export function seedEditions(db: DB, now = new Date()): Promise<number> {
	return editions.seed(db, SEED_EDITIONS, now.toISOString());
}
