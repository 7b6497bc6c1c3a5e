import { createHash } from 'node:crypto';
import { compareWithLocal } from '$lib/domain/import-review/compare';
import { duplicateCandidates } from '$lib/domain/import-review/duplicates';
import { audit } from '../audit';
import type { SignedInUser } from '../auth/users';
import type { DB } from '../db/connect';
import type { ReviewItemKind } from '../db/schema';
import * as importReviews from '../db/queries/import-reviews';
import type { NewReviewItem } from '../db/queries/import-reviews';
import * as places from '../db/queries/places';
import { inTransaction } from '../db/transaction';
import { mapSchemaFile, type RejectedRow, type SetAsideRow, type WarnedRow } from '../import/map-file';
import { directoryTerritory } from '../import/territory';
import { localListing, locallyCorrectedFields } from './local-state';

/** What the review page shows beside the lines to decide: what the file could not give. */
export interface ReviewFileReport {
	rejected: RejectedRow[];
	warned: WarnedRow[];
	setAside: SetAsideRow[];
	includeOutside: boolean;
	counts: { rejected: number; warned: number; setAside: number };
}

/** A report kept whole up to this many rows of each kind; the counts stay exact. */
const REPORT_ROWS = 500;

export type CreateReviewResult =
	| { ok: true; reviewId: number; counts: Record<ReviewItemKind, number> }
	| { ok: false; error: string; rejected: RejectedRow[] };

/**
 * Reads a newer extract and lists, without writing anything to the directory, what it would
 * change: new places, changed fields (ours against upstream), places gone upstream, and new
 * records that look like places we already hold under another id.
 */
export async function createReview(
	db: DB,
	user: SignedInUser | null,
	fileName: string,
	content: string,
	now = new Date(),
	{ includeOutside = false }: { includeOutside?: boolean } = {}
): Promise<CreateReviewResult> {
	const mapped = mapSchemaFile(fileName, content, { territory: includeOutside ? null : directoryTerritory() });
	if (!mapped.ok) return { ok: false, error: mapped.error, rejected: mapped.rejected };

	const held = await places.open(db);
	const links = await places.upstreamLinks(db);
	const byUpstream = new Map<string, number>();
	for (const p of held) if (p.source_id) byUpstream.set(`${p.source}\u0000${p.source_id}`, p.id);
	for (const l of links) byUpstream.set(`${l.source}\u0000${l.source_id}`, l.place_id);

	const items: Omit<NewReviewItem, 'decision'>[] = [];
	const matched = new Set<number>();
	for (const incoming of mapped.places) {
		const placeId = byUpstream.get(`${incoming.source}\u0000${incoming.sourceId}`);
		const base = { source: incoming.source, source_id: incoming.sourceId, name: incoming.name, incoming, candidates: [] };
		if (placeId !== undefined) {
			matched.add(placeId);
			const local = await localListing(db, placeId, incoming.source);
			if (!local) continue;
			const changes = compareWithLocal(incoming, local, await locallyCorrectedFields(db, placeId));
			items.push({ ...base, kind: changes.length > 0 ? 'changed' : 'unchanged', place_id: placeId, changes });
			continue;
		}
		const candidates = duplicateCandidates(incoming, held);
		items.push({
			...base,
			kind: candidates.length > 0 ? 'duplicate' : 'new',
			place_id: null,
			candidates,
			changes: []
		});
	}
	// Gone: what we hold from the extract's sources that the extract no longer lists.
	const sources = new Set(mapped.places.map((p) => p.source));
	// A row refused or set aside still names its place: it is not gone.
	const heldBack = new Set(mapped.heldBack);
	for (const p of held) {
		if (!p.source_id || !sources.has(p.source) || matched.has(p.id) || heldBack.has(p.source_id)) continue;
		items.push({ kind: 'gone', source: p.source, source_id: p.source_id, name: p.name, incoming: null, place_id: p.id, candidates: [], changes: [] });
	}

	const reviewId = await inTransaction(db, async (trx) => {
		const id = await importReviews.create(
			trx,
			{
				fileName: fileName.slice(0, 200),
				sha256: createHash('sha256').update(content).digest('hex'),
				format: mapped.format,
				createdBy: user?.id ?? null,
				createdAt: now.toISOString(),
				rowsTotal: mapped.rows,
				report: JSON.stringify({
					rejected: mapped.rejected.slice(0, REPORT_ROWS),
					warned: mapped.warned.slice(0, REPORT_ROWS),
					setAside: mapped.setAside.slice(0, REPORT_ROWS),
					includeOutside,
					counts: { rejected: mapped.rejected.length, warned: mapped.warned.length, setAside: mapped.setAside.length }
				})
			},
			// Nothing to decide for an unchanged record.
			items.map((item) => ({ ...item, decision: item.kind === 'unchanged' ? ('kept_local' as const) : ('pending' as const) }))
		);
		await audit(
			trx,
			{
				userId: user?.id ?? null,
				action: 'import.review_created',
				entity: 'import',
				entityId: id,
				detail: { file: fileName, rows: mapped.rows, rejected: mapped.rejected.length, setAside: mapped.setAside.length, includeOutside }
			},
			now
		);
		return id;
	});
	const counts: Record<ReviewItemKind, number> = { new: 0, changed: 0, unchanged: 0, gone: 0, duplicate: 0 };
	for (const item of items) counts[item.kind]++;
	return { ok: true, reviewId, counts };
}
