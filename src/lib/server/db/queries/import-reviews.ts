import type { FieldComparison } from '$lib/domain/import-review/compare';
import type { ImportedPlace } from '$lib/domain/national-schema';
import type { Selectable } from 'kysely';
import type { DB } from '../connect';
import type { ImportReviewItemTable, ReviewDecision, ReviewItemKind } from '../schema';
import { chunks } from './chunks';

/** A place we hold that an incoming record may duplicate, with why. */
export interface Candidate {
	id: number;
	name: string;
	score: number;
	reasons: string[];
}

/** One line of a review with its JSON columns decoded: they are encoded and read only here. */
export interface ReviewItem {
	id: number;
	review_id: number;
	kind: ReviewItemKind;
	source: string;
	source_id: string;
	name: string;
	/** The upstream row as mapped; null for a place gone upstream. */
	incoming: ImportedPlace | null;
	place_id: number | null;
	candidates: Candidate[];
	changes: FieldComparison[];
	decision: ReviewDecision;
	decided_by: number | null;
	decided_at: string | null;
}

export type NewReviewItem = Pick<ReviewItem, 'kind' | 'source' | 'source_id' | 'name' | 'incoming' | 'place_id' | 'candidates' | 'changes' | 'decision'>;

export interface NewReview {
	fileName: string;
	sha256: string;
	format: string;
	createdBy: number | null;
	createdAt: string;
	rowsTotal: number;
	/** JSON of the file's report: refused rows, warnings, places set aside. */
	report?: string | null;
}

function decode(row: Selectable<ImportReviewItemTable>): ReviewItem {
	return {
		...row,
		incoming: row.incoming === null ? null : (JSON.parse(row.incoming) as ImportedPlace),
		candidates: JSON.parse(row.candidates) as Candidate[],
		changes: JSON.parse(row.changes) as FieldComparison[]
	};
}

/** The review and all its lines, in the caller's transaction. */
export async function create(db: DB, review: NewReview, items: readonly NewReviewItem[]): Promise<number> {
	const { id } = await db
		.insertInto('import_reviews')
		.values({
			file_name: review.fileName,
			sha256: review.sha256,
			format: review.format,
			created_by: review.createdBy,
			created_at: review.createdAt,
			rows_total: review.rowsTotal,
			report: review.report ?? null
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	const rows = items.map((item) => ({
		...item,
		review_id: id,
		incoming: item.incoming === null ? null : JSON.stringify(item.incoming),
		candidates: JSON.stringify(item.candidates),
		changes: JSON.stringify(item.changes)
	}));
	for (const part of chunks(rows)) await db.insertInto('import_review_items').values(part).execute();
	return id;
}

export async function byId(db: DB, id: number) {
	return (await db.selectFrom('import_reviews').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

/** The latest reviews, newest first, each with its lines counted by kind and by what is left to decide. */
export async function recent(db: DB, limit = 50) {
	const reviews = await db
		.selectFrom('import_reviews')
		.leftJoin('users', 'users.id', 'import_reviews.created_by')
		.select(['import_reviews.id', 'import_reviews.file_name', 'import_reviews.created_at', 'import_reviews.rows_total', 'users.email'])
		.orderBy('import_reviews.id', 'desc')
		.limit(limit)
		.execute();
	const ids = reviews.map((r) => r.id);
	const counts =
		ids.length === 0
			? []
			: await db
					.selectFrom('import_review_items')
					.select(['review_id', 'kind', 'decision'])
					.select((eb) => eb.fn.countAll<number>().as('n'))
					.where('review_id', 'in', ids)
					.groupBy(['review_id', 'kind', 'decision'])
					.execute();
	return reviews.map((r) => {
		const mine = counts.filter((c) => c.review_id === r.id);
		const sum = (pred: (c: (typeof mine)[number]) => boolean) => mine.filter(pred).reduce((t, c) => t + Number(c.n), 0);
		return {
			...r,
			fresh: sum((c) => c.kind === 'new'),
			changed: sum((c) => c.kind === 'changed'),
			gone: sum((c) => c.kind === 'gone'),
			duplicates: sum((c) => c.kind === 'duplicate'),
			pending: sum((c) => c.decision === 'pending')
		};
	});
}

export async function items(db: DB, reviewId: number): Promise<ReviewItem[]> {
	const rows = await db.selectFrom('import_review_items').selectAll().where('review_id', '=', reviewId).orderBy('id').execute();
	return rows.map(decode);
}

export async function item(db: DB, itemId: number): Promise<ReviewItem | null> {
	const row = await db.selectFrom('import_review_items').selectAll().where('id', '=', itemId).executeTakeFirst();
	return row ? decode(row) : null;
}

/** The lines of one kind still waiting for a decision, in file order. */
export async function pendingItems(db: DB, reviewId: number, kind: ReviewItemKind): Promise<ReviewItem[]> {
	const rows = await db
		.selectFrom('import_review_items')
		.selectAll()
		.where('review_id', '=', reviewId)
		.where('kind', '=', kind)
		.where('decision', '=', 'pending')
		.orderBy('id')
		.execute();
	return rows.map(decode);
}

export async function decide(db: DB, itemId: number, decision: { outcome: ReviewDecision; by: number; at: string; placeId: number | null }): Promise<void> {
	await db
		.updateTable('import_review_items')
		.set({ decision: decision.outcome, decided_by: decision.by, decided_at: decision.at, place_id: decision.placeId })
		.where('id', '=', itemId)
		.execute();
}

/** A line still pending gets the comparison as it is now, to be decided again. */
export async function refreshChanges(db: DB, itemId: number, changes: readonly FieldComparison[]): Promise<void> {
	await db
		.updateTable('import_review_items')
		.set({ changes: JSON.stringify(changes) })
		.where('id', '=', itemId)
		.where('decision', '=', 'pending')
		.execute();
}
