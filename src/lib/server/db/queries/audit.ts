import type { DB } from '../connect';

/** The audit log: one line per change, sign-in and decision. */

export interface NewAuditLine {
	at: string;
	userId: number | null;
	action: string;
	entity: string | null;
	entityId: number | null;
	detail: Record<string, unknown>;
}

export async function add(db: DB, line: NewAuditLine): Promise<void> {
	await db
		.insertInto('audit_log')
		.values({
			at: line.at,
			user_id: line.userId,
			action: line.action,
			entity: line.entity,
			entity_id: line.entityId,
			detail: JSON.stringify(line.detail)
		})
		.execute();
}

export interface AuditLine {
	id: number;
	at: string;
	action: string;
	entity: string | null;
	entityId: number | null;
	/** Usually an object; an old or hand-written line's text that is not JSON is kept as that text. */
	detail: unknown;
	/** The person who acted, when there was one. */
	email: string | null;
}

/**
 * `family` is a whole first segment of the action: "sign_in" takes sign_in and
 * sign_in.invitation, not sign_out. Compared with substr rather than LIKE, where `_` is a wildcard.
 */
function filtered(db: DB, family: string | null) {
	const query = db.selectFrom('audit_log');
	if (!family) return query;
	return query.where((eb) =>
		eb.or([
			eb('audit_log.action', '=', family),
			eb(eb.fn<string>('substr', ['audit_log.action', eb.val(1), eb.val(family.length + 1)]), '=', `${family}.`)
		])
	);
}

export async function count(db: DB, family: string | null): Promise<number> {
	const row = await filtered(db, family)
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.executeTakeFirst();
	return Number(row?.n ?? 0);
}

/** Newest first. */
export async function page(db: DB, query: { family: string | null; limit: number; offset: number }): Promise<AuditLine[]> {
	const rows = await filtered(db, query.family)
		.leftJoin('users', 'users.id', 'audit_log.user_id')
		.select(['audit_log.id', 'audit_log.at', 'audit_log.action', 'audit_log.entity', 'audit_log.entity_id', 'audit_log.detail', 'users.email'])
		.orderBy('audit_log.at', 'desc')
		.orderBy('audit_log.id', 'desc')
		.limit(query.limit)
		.offset(query.offset)
		.execute();
	return rows.map((r) => ({
		id: r.id,
		at: r.at,
		action: r.action,
		entity: r.entity,
		entityId: r.entity_id,
		detail: parseDetail(r.detail),
		email: r.email
	}));
}

function parseDetail(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return text === '' ? null : text;
	}
}
