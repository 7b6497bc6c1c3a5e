import type { SignedInUser } from '../auth/users';
import { audit } from '../audit';
import type { DB } from '../db/connect';
import * as errorReports from '../db/queries/error-reports';
import { inTransaction } from '../db/transaction';
import type { ErrorReason } from '../db/schema';

export const ERROR_REASONS: { value: ErrorReason; label: string }[] = [
	{ value: 'hours', label: 'Les horaires' },
	{ value: 'address', label: 'L’adresse ou la position sur la carte' },
	{ value: 'contact', label: 'Le téléphone, l’e-mail ou le site' },
	{ value: 'closed', label: 'Le lieu a fermé définitivement' },
	{ value: 'other', label: 'Autre chose' }
];

export async function fileErrorReport(db: DB, placeId: number, reason: ErrorReason, message: string | null, now = new Date()) {
	await inTransaction(db, async (trx) => {
		const id = await errorReports.create(trx, { placeId, reason, message, createdAt: now.toISOString() });
		await audit(trx, { userId: null, action: 'report.filed', entity: 'place', entityId: placeId, detail: { report: id, reason } }, now);
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
	return inTransaction(db, async (trx) => {
		const closed = await errorReports.close(trx, id, { status, resolution, by: coordinator.id, at: now.toISOString() });
		if (!closed) return false;
		await audit(trx, { userId: coordinator.id, action: `report.${status}`, entity: 'report', entityId: id, detail: { resolution } }, now);
		return true;
	});
}
