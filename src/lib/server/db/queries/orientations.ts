import { createHash } from 'node:crypto';
import type { DB } from '../connect';
import { inTransaction, lockKey } from '../transaction';

/** Completed orientations, without personal data: what planners read as unmet demand per IRIS. */

export interface OrientationRecord {
	needs: string[];
	autonomy: string | null;
	levels: string[];
	irisCode: string | null;
	areaCode: string | null;
	constraints: Record<string, unknown>;
	results: number;
	within15: number;
}

/** Pressing the button again, or from another tab, within this window is the same orientation. */
const SAME_ORIENTATION_MINUTES = 30;

/**
 * Records a completed orientation; false when the same one was recorded within the window. The
 * check and the insert run in one transaction under a lock on the answers' hash, so two app
 * instances receiving the same orientation at once still record it once.
 */
export async function record(db: DB, orientation: OrientationRecord, now = new Date()): Promise<boolean> {
	const hash = createHash('sha256').update(JSON.stringify(orientation)).digest('hex');
	const since = new Date(now.getTime() - SAME_ORIENTATION_MINUTES * 60_000).toISOString();
	return inTransaction(db, async (trx) => {
		await lockKey(trx, hash);
		const recent = await trx
			.selectFrom('orientations')
			.select('id')
			.where('answers_hash', '=', hash)
			.where('created_at', '>=', since)
			.executeTakeFirst();
		if (recent) return false;
		await trx
			.insertInto('orientations')
			.values({
				created_at: now.toISOString(),
				needs: JSON.stringify(orientation.needs),
				autonomy: orientation.autonomy,
				levels: JSON.stringify(orientation.levels),
				iris_code: orientation.irisCode,
				area_code: orientation.areaCode,
				constraints: JSON.stringify(orientation.constraints),
				results: orientation.results,
				within_15_min: orientation.within15,
				answers_hash: hash
			})
			.execute();
		return true;
	});
}

export interface IrisDemand {
	total: number;
	/** Orientations that found fewer than three places within 15 minutes. */
	unmet: number;
}

/** Per IRIS of departure (orientations without a starting point are not counted). */
export async function demandByIris(db: DB): Promise<Map<string, IrisDemand>> {
	const rows = await db
		.selectFrom('orientations')
		.select(['iris_code'])
		.select((eb) => [
			eb.fn.countAll<number>().as('total'),
			eb.fn.sum<number>(eb.case().when('within_15_min', '<', 3).then(1).else(0).end()).as('unmet')
		])
		.where('iris_code', 'is not', null)
		.groupBy('iris_code')
		.execute();
	return new Map(rows.map((r) => [r.iris_code!, { total: Number(r.total), unmet: Number(r.unmet) }]));
}
