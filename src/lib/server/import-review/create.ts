import { createHash } from 'node:crypto';
import { compareWithLocal } from '$lib/domain/import-review/compare';
import { duplicateCandidates } from '$lib/domain/import-review/duplicates';
import { audit } from '../audit';
import type { SignedInUser } from '../auth/users';
import type { DB } from '../db/connect';
import type { ReviewItemKind } from '../db/schema';
import { mapSchemaFile, type RejectedRow } from '../import/map-file';
import { localListing, locallyCorrectedFields } from './local-state';

export type CreateReviewResult =
	| { ok: true; reviewId: number; counts: Record<ReviewItemKind, number> }
	| { ok: false; error: string; rejected: RejectedRow[] };

/**
 * Reads a newer extract and lists, without writing anything to the directory, what it would
 * change: new places, changed fields (ours against upstream), places gone upstream, and new
 * records that look like places we already hold under another id.
 */
export async function createReview(db: DB, user: SignedInUser | null, fileName: string, content: string, now = new Date()): Promise<CreateReviewResult> {
	const mapped = mapSchemaFile(fileName, content);
	if (!mapped.ok) return { ok: false, error: mapped.error, rejected: mapped.rejected };

	const places = await db
		.selectFrom('places')
		.select(['id', 'name', 'address', 'lat', 'lon', 'source', 'source_id'])
		.where((eb) =>
			eb.exists(eb.selectFrom('offers').select('offers.id').whereRef('offers.place_id', '=', 'places.id').where('offers.status', '!=', 'closed'))
		)
		.execute();
	const links = await db.selectFrom('place_sources').selectAll().execute();
	const byUpstream = new Map<string, number>();
	for (const p of places) if (p.source_id) byUpstream.set(`${p.source}\u0000${p.source_id}`, p.id);
	for (const l of links) byUpstream.set(`${l.source}\u0000${l.source_id}`, l.place_id);

	const items: {
		kind: ReviewItemKind;
		source: string;
		source_id: string;
		name: string;
		incoming: string | null;
		place_id: number | null;
		candidates: string;
		changes: string;
	}[] = [];
	const matched = new Set<number>();
	for (const incoming of mapped.places) {
		const placeId = byUpstream.get(`${incoming.source}\u0000${incoming.sourceId}`);
		const base = { source: incoming.source, source_id: incoming.sourceId, name: incoming.name, incoming: JSON.stringify(incoming), candidates: '[]' };
		if (placeId !== undefined) {
			matched.add(placeId);
			const local = await localListing(db, placeId, incoming.source);
			if (!local) continue;
			const changes = compareWithLocal(incoming, local, await locallyCorrectedFields(db, placeId));
			items.push({ ...base, kind: changes.length > 0 ? 'changed' : 'unchanged', place_id: placeId, changes: JSON.stringify(changes) });
			continue;
		}
		const candidates = duplicateCandidates(incoming, places);
		items.push({
			...base,
			kind: candidates.length > 0 ? 'duplicate' : 'new',
			place_id: null,
			candidates: JSON.stringify(candidates),
			changes: '[]'
		});
	}
	// Gone: what we hold from the extract's sources that the extract no longer lists.
	const sources = new Set(mapped.places.map((p) => p.source));
	for (const p of places) {
		if (!p.source_id || !sources.has(p.source) || matched.has(p.id)) continue;
		items.push({ kind: 'gone', source: p.source, source_id: p.source_id, name: p.name, incoming: null, place_id: p.id, candidates: '[]', changes: '[]' });
	}

	const reviewId = await db.transaction().execute(async (trx) => {
		const review = await trx
			.insertInto('import_reviews')
			.values({
				file_name: fileName.slice(0, 200),
				sha256: createHash('sha256').update(content).digest('hex'),
				format: mapped.format,
				created_by: user?.id ?? null,
				created_at: now.toISOString(),
				rows_total: mapped.rows
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		for (let i = 0; i < items.length; i += 200) {
			await trx
				.insertInto('import_review_items')
				.values(
					items.slice(i, i + 200).map((item) => ({
						...item,
						review_id: review.id,
						// Nothing to decide for an unchanged record.
						decision: item.kind === 'unchanged' ? ('kept_local' as const) : ('pending' as const)
					}))
				)
				.execute();
		}
		await audit(trx, { userId: user?.id ?? null, action: 'import.review_created', entity: 'import', entityId: review.id, detail: { file: fileName, rows: mapped.rows } }, now);
		return review.id;
	});
	const counts: Record<ReviewItemKind, number> = { new: 0, changed: 0, unchanged: 0, gone: 0, duplicate: 0 };
	for (const item of items) counts[item.kind]++;
	return { ok: true, reviewId, counts };
}
