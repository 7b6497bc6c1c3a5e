import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../schema';

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

/** Reloading or sharing the same results within this window is the same orientation. */
const SAME_ORIENTATION_MINUTES = 30;

/** Records a completed orientation, without personal data; returns false when it was a reload. */
export async function recordOrientation(db: Kysely<Database>, record: OrientationRecord, now = new Date()): Promise<boolean> {
	const hash = createHash('sha256').update(JSON.stringify(record)).digest('hex');
	const since = new Date(now.getTime() - SAME_ORIENTATION_MINUTES * 60_000).toISOString();
	const recent = await db
		.selectFrom('orientations')
		.select('id')
		.where('answers_hash', '=', hash)
		.where('created_at', '>=', since)
		.executeTakeFirst();
	if (recent) return false;
	await db
		.insertInto('orientations')
		.values({
			created_at: now.toISOString(),
			needs: JSON.stringify(record.needs),
			autonomy: record.autonomy,
			levels: JSON.stringify(record.levels),
			iris_code: record.irisCode,
			area_code: record.areaCode,
			constraints: JSON.stringify(record.constraints),
			results: record.results,
			within_15_min: record.within15,
			answers_hash: hash
		})
		.execute();
	return true;
}
