import type { DB } from '../connect';
import type { ErrorReason } from '../schema';

/** What the public reports as wrong on a place's page, and how the coordination closed it. */

export async function create(db: DB, report: { placeId: number; reason: ErrorReason; message: string | null; createdAt: string }): Promise<number> {
	const row = await db
		.insertInto('error_reports')
		.values({ place_id: report.placeId, reason: report.reason, message: report.message, created_at: report.createdAt, status: 'open' })
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

/** Closes a report still open; false when it was closed already, or never existed. */
export async function close(
	db: DB,
	id: number,
	closing: { status: 'resolved' | 'dismissed'; resolution: string | null; by: number; at: string }
): Promise<boolean> {
	const result = await db
		.updateTable('error_reports')
		.set({ status: closing.status, resolution: closing.resolution, resolved_by: closing.by, resolved_at: closing.at })
		.where('id', '=', id)
		.where('status', '=', 'open')
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

export async function countOpen(db: DB): Promise<number> {
	const row = await db
		.selectFrom('error_reports')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('status', '=', 'open')
		.executeTakeFirst();
	return Number(row?.n ?? 0);
}

/** Shaped for the coordination's page: the place's name, who closed it. */
function listed(db: DB) {
	return db
		.selectFrom('error_reports')
		.innerJoin('places', 'places.id', 'error_reports.place_id')
		.leftJoin('users as resolver', 'resolver.id', 'error_reports.resolved_by')
		.select([
			'error_reports.id',
			'error_reports.reason',
			'error_reports.message',
			'error_reports.created_at',
			'error_reports.status',
			'error_reports.resolved_at',
			'error_reports.resolution',
			'places.id as placeId',
			'places.name as placeName',
			'resolver.email as resolverEmail'
		]);
}

export interface ListedReport {
	id: number;
	reason: ErrorReason;
	message: string | null;
	created_at: string;
	status: 'open' | 'resolved' | 'dismissed';
	resolved_at: string | null;
	resolution: string | null;
	placeId: number;
	placeName: string;
	resolverEmail: string | null;
}

/** Oldest first. */
export async function listOpen(db: DB): Promise<ListedReport[]> {
	return listed(db).where('error_reports.status', '=', 'open').orderBy('error_reports.id', 'asc').execute();
}

/** The latest closed. */
export async function listClosed(db: DB, limit: number): Promise<ListedReport[]> {
	return listed(db)
		.where('error_reports.status', '!=', 'open')
		.orderBy('error_reports.resolved_at', 'desc')
		.orderBy('error_reports.id', 'desc')
		.limit(limit)
		.execute();
}
