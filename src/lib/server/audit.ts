import type { DB } from './db/connect';
import * as auditLog from './db/queries/audit';

export interface AuditEntry {
	userId: number | null;
	action: string;
	entity?: string | null;
	entityId?: number | null;
	detail?: Record<string, unknown>;
}

/** One line per change, sign-in and decision, written in the same transaction as the change. */
export async function audit(db: DB, entry: AuditEntry, now = new Date()): Promise<void> {
	await auditLog.add(db, {
		at: now.toISOString(),
		userId: entry.userId,
		action: entry.action,
		entity: entry.entity ?? null,
		entityId: entry.entityId ?? null,
		detail: entry.detail ?? {}
	});
}
