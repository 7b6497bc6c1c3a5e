import type { SignedInUser } from '../auth/users';
import { audit } from '../audit';
import type { DB } from '../db/connect';
import type { ErrorReason } from '../db/schema';

export const ERROR_REASONS: { value: ErrorReason; label: string }[] = [
	{ value: 'hours', label: 'Les horaires' },
	{ value: 'address', label: 'L’adresse ou la position sur la carte' },
	{ value: 'contact', label: 'Le téléphone, l’e-mail ou le site' },
	{ value: 'closed', label: 'Le lieu a fermé définitivement' },
	{ value: 'other', label: 'Autre chose' }
];

export async function fileErrorReport(db: DB, placeId: number, reason: ErrorReason, message: string | null, now = new Date()) {
	await db.transaction().execute(async (trx) => {
		const row = await trx
			.insertInto('error_reports')
			.values({ place_id: placeId, reason, message, created_at: now.toISOString(), status: 'open' })
			.returning('id')
			.executeTakeFirstOrThrow();
		await audit(trx, { userId: null, action: 'report.filed', entity: 'place', entityId: placeId, detail: { report: row.id, reason } }, now);
	});
}

export async function closeErrorReport(
	db: DB,
	coordinator: SignedInUser,
	id: number,
	status: 'resolved' | 'dismissed',
	resolution: string | null,
	now = new Date()
): Promise<boolean> {
	return db.transaction().execute(async (trx) => {
		const result = await trx
			.updateTable('error_reports')
			.set({ status, resolution, resolved_by: coordinator.id, resolved_at: now.toISOString() })
			.where('id', '=', id)
			.where('status', '=', 'open')
			.executeTakeFirst();
		if (Number(result.numUpdatedRows) !== 1) return false;
		await audit(trx, { userId: coordinator.id, action: `report.${status}`, entity: 'report', entityId: id, detail: { resolution } }, now);
		return true;
	});
}
