import type { DB } from './db/connect';

export interface AuditEntry {
	userId: number | null;
	action: string;
	entity?: string | null;
	entityId?: number | null;
	detail?: Record<string, unknown>;
}

/** One line per change, sign-in and decision, written in the same transaction as the change. */
export async function audit(db: DB, entry: AuditEntry, now = new Date()): Promise<void> {
	await db
		.insertInto('audit_log')
		.values({
			at: now.toISOString(),
			user_id: entry.userId,
			action: entry.action,
			entity: entry.entity ?? null,
			entity_id: entry.entityId ?? null,
			detail: JSON.stringify(entry.detail ?? {})
		})
		.execute();
}
