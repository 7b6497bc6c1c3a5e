import { error, fail } from '@sveltejs/kit';
import { compareWithLocal, upstreamOffers, type FieldComparison } from '$lib/domain/import-review/compare';
import { LEVEL_INFO } from '$lib/domain/levels';
import type { ImportedPlace } from '$lib/domain/national-schema';
import { parseId, readForm, textField, UNREADABLE_FORM } from '$lib/server/admin/input';
import { requireCoordinator } from '$lib/server/auth/guards';
import { database } from '$lib/server/db';
import * as importReviews from '$lib/server/db/queries/import-reviews';
import * as places from '$lib/server/db/queries/places';
import type { ReviewItemKind } from '$lib/server/db/schema';
import { ALLOWED, decideAll, decideItem, type ReviewAction } from '$lib/server/import-review/decide';
import { localListing, locallyCorrectedFields } from '$lib/server/import-review/local-state';
import type { ReviewFileReport } from '$lib/server/import-review/create';
import type { Actions, PageServerLoad } from './$types';

const KINDS: readonly ReviewItemKind[] = ['new', 'changed', 'gone', 'duplicate', 'unchanged'];

function levelsOf(incoming: ImportedPlace): string {
	return upstreamOffers(incoming, null)
		.map((o) => `${LEVEL_INFO[o.snapshot.level ?? 'unknown'].label}${o.levelInferred ? ' (déduit)' : ''}`)
		.join(', ');
}

async function reviewOf(raw: string) {
	const id = parseId(raw);
	const review = id === null ? null : await importReviews.byId(database().db, id);
	if (!review) error(404, 'Cette revue d’import n’existe pas.');
	return review;
}

export const load: PageServerLoad = async ({ params, locals, url }) => {
	requireCoordinator(locals, url);
	const review = await reviewOf(params.id);
	const { db } = database();
	const rows = await importReviews.items(db, review.id);
	const items = await Promise.all(
		rows.map(async (row) => {
			const { incoming, candidates } = row;
			// For a probable duplicate, what merging into each candidate would take in.
			const merges =
				row.kind === 'duplicate' && row.decision === 'pending' && incoming
					? await Promise.all(
							candidates.map(async (c) => {
								const local = await localListing(db, c.id, null);
								const place = await places.summary(db, c.id);
								const changes: FieldComparison[] = local ? compareWithLocal(incoming, local, await locallyCorrectedFields(db, c.id)) : [];
								return { ...c, address: place?.address ?? '', changes, emptyHere: changes.filter((ch) => ch.local === '(vide)').map((ch) => ch.field) };
							})
						)
					: [];
			return {
				id: row.id,
				kind: row.kind,
				name: row.name,
				sourceId: row.source_id,
				source: row.source,
				placeId: row.place_id,
				decision: row.decision,
				decidedAt: row.decided_at,
				address: incoming ? `${incoming.address}, ${incoming.postalCode} ${incoming.commune}` : null,
				levels: incoming ? levelsOf(incoming) : null,
				unknownValues: incoming?.unknownValues ?? [],
				changes: row.changes,
				merges
			};
		})
	);
	return {
		review,
		// Reviews made before 2026-12-01_08 have no report.
		fileReport: review.report ? (JSON.parse(review.report) as ReviewFileReport) : null,
		sections: KINDS.map((kind) => ({
			kind,
			items: items.filter((i) => i.kind === kind),
			pending: items.filter((i) => i.kind === kind && i.decision === 'pending').length
		}))
	};
};

const SINGLE_ACTIONS = new Set(['add', 'merge', 'apply', 'keep_local', 'ignore', 'close']);
const BULK: Record<string, readonly string[]> = ALLOWED as unknown as Record<string, readonly string[]>;

export const actions: Actions = {
	decide: async ({ params, locals, url, request }) => {
		const coordinator = requireCoordinator(locals, url);
		await reviewOf(params.id);
		const form = await readForm(request);
		if (!form) return fail(400, { item: null, problem: UNREADABLE_FORM });
		const itemId = parseId(textField(form, 'item', 20));
		const action = textField(form, 'action', 20);
		if (itemId === null || !SINGLE_ACTIONS.has(action)) return fail(400, { item: itemId, problem: 'Décision inconnue : rien n’a changé.' });
		const fields = form.getAll('fields').filter((f): f is string => typeof f === 'string').slice(0, 100);
		let choice: ReviewAction;
		if (action === 'merge') {
			const placeId = parseId(textField(form, 'place', 20));
			if (placeId === null) return fail(400, { item: itemId, problem: 'Choisissez le lieu avec lequel fusionner.' });
			choice = { action, placeId, fields };
		} else if (action === 'apply') {
			choice = { action, fields };
		} else {
			choice = { action } as ReviewAction;
		}
		const result = await decideItem(database().db, coordinator, itemId, choice);
		if (!result.ok) return fail(409, { item: itemId, problem: result.message });
		return { item: itemId, done: true };
	},
	bulk: async ({ params, locals, url, request }) => {
		const coordinator = requireCoordinator(locals, url);
		const review = await reviewOf(params.id);
		const form = await readForm(request);
		if (!form) return fail(400, { bulkProblem: UNREADABLE_FORM });
		const kind = textField(form, 'kind', 20) as ReviewItemKind;
		const action = textField(form, 'action', 20);
		const allowedInBulk = ['add', 'apply', 'keep_local', 'ignore', 'close'];
		if (!KINDS.includes(kind) || !allowedInBulk.includes(action) || !BULK[kind]?.includes(action)) {
			return fail(400, { bulkProblem: 'Décision groupée inconnue : rien n’a changé.' });
		}
		const result = await decideAll(database().db, coordinator, review.id, kind, action as 'add' | 'apply' | 'keep_local' | 'ignore' | 'close');
		return { bulkDone: result.done, bulkRefused: result.refused };
	}
};
