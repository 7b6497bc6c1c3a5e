import { error, fail } from '@sveltejs/kit';
import { diffSnapshots, type FieldChange } from '$lib/domain/listing-diff';
import type { ListingEntity, SnapshotOf } from '$lib/domain/listing';
import { requireCoordinator } from '$lib/server/auth/guards';
import { database } from '$lib/server/db';
import * as places from '$lib/server/db/queries/places';
import * as revisions from '$lib/server/db/queries/revisions';
import { approveRevision, changeSummary, refuseRevision, type DecisionResult } from '$lib/server/listings/revisions';
import { readRecord } from '$lib/server/listings/snapshots';
import { errorsByField, parseId, readForm, reasonSchema, textField, UNREADABLE_FORM } from '$lib/server/admin/input';
import type { Actions, PageServerLoad } from './$types';

const NOT_FOUND = 'Cette modification n’existe pas.';

function revisionId(params: { id: string }): number {
	const id = parseId(params.id);
	if (id === null) error(404, NOT_FOUND);
	return id;
}

/** Where the record is seen by the public: a place's page, or the page of an offer's place. */
function publicHref(entity: ListingEntity, entityId: number | null, after: SnapshotOf[ListingEntity]): string | null {
	if (entity === 'place' && entityId !== null) return `/lieux/${entityId}`;
	if (entity === 'offer') {
		const placeId = (after as SnapshotOf['offer']).place_id;
		return placeId ? `/lieux/${placeId}` : null;
	}
	return null;
}

/** « n° 12 » says nothing to a coordinator: an offer's place reads by its name. */
async function namePlaces(db: ReturnType<typeof database>['db'], actorId: number, changes: FieldChange[]): Promise<FieldChange[]> {
	if (!changes.some((change) => change.field === 'place_id')) return changes;
	const names = new Map((await places.ofActors(db, [actorId])).map((place) => [`n° ${place.id}`, place.name]));
	return changes.map((change) =>
		change.field === 'place_id' ? { ...change, before: names.get(change.before) ?? change.before, after: names.get(change.after) ?? change.after } : change
	);
}

export const load: PageServerLoad = async ({ locals, url, params }) => {
	requireCoordinator(locals, url);
	const id = revisionId(params);
	const { db } = database();
	const revision = await revisions.detail(db, id);
	if (!revision) error(404, NOT_FOUND);
	const { entity, before, after } = revision;

	// Decided in the load too, so the approve button is not offered when it can only fail.
	let conflict: FieldChange[] | null = null;
	let missing = false;
	if (revision.status === 'proposed' && revision.entity_id !== null) {
		const current = await readRecord(db, entity, revision.entity_id);
		if (!current) missing = true;
		else if (current.version !== revision.base_version) conflict = before ? diffSnapshots(entity, before, current.snapshot) : [];
	}

	return {
		revision: {
			id: revision.id,
			entity,
			entityId: revision.entity_id,
			operation: revision.operation,
			status: revision.status,
			actorId: revision.actor_id,
			actorName: revision.actorName,
			authorEmail: revision.authorEmail,
			createdAt: revision.created_at,
			deciderEmail: revision.deciderEmail,
			decidedAt: revision.decided_at,
			reason: revision.reason,
			origin: revision.origin
		},
		what: await changeSummary(db, entity, after),
		changes: await namePlaces(db, revision.actor_id, diffSnapshots(entity, before, after)),
		conflict,
		missing,
		publicHref: publicHref(entity, revision.entity_id, after)
	};
};

function decisionProblem(result: Exclude<DecisionResult, { kind: 'done' }>) {
	const problems = {
		not_pending: 'Cette modification a déjà été traitée, ou la fiche n’existe plus : rien n’a changé.',
		conflict: 'La fiche a changé depuis cette proposition : elle ne peut plus être acceptée telle quelle, seulement refusée.',
		duplicate_name: 'Une autre structure porte déjà ce nom : la modification ne peut pas être acceptée.'
	};
	return fail(409, { problem: problems[result.kind], conflict: result.kind === 'conflict' ? result.changes : null });
}

export const actions: Actions = {
	approve: async ({ locals, url, params, request }) => {
		const user = requireCoordinator(locals, url);
		const id = revisionId(params);
		// The button sends no field, but a body that is not a form is not a decision.
		if (!(await readForm(request))) return fail(400, { problem: UNREADABLE_FORM, conflict: null });
		const result = await approveRevision(database().db, id, { user, origin: url.origin });
		if (result.kind !== 'done') return decisionProblem(result);
		return { decided: 'approved' as const };
	},
	refuse: async ({ locals, url, params, request }) => {
		const user = requireCoordinator(locals, url);
		const id = revisionId(params);
		const form = await readForm(request);
		if (!form) return fail(400, { values: { reason: '' }, errors: { reason: UNREADABLE_FORM } });
		const values = { reason: textField(form, 'reason') };
		const parsed = reasonSchema.safeParse(values.reason);
		if (!parsed.success) return fail(400, { values, errors: errorsByField(parsed.error, 'reason') });
		const result = await refuseRevision(database().db, id, parsed.data, { user, origin: url.origin });
		if (result.kind !== 'done') return decisionProblem(result);
		return { decided: 'refused' as const };
	}
};
