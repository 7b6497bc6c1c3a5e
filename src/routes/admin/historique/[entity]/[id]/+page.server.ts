import { error, fail } from '@sveltejs/kit';
import { diffSnapshots } from '$lib/domain/listing-diff';
import { type ListingEntity, type SnapshotOf } from '$lib/domain/listing';
import { requireCoordinator } from '$lib/server/auth/guards';
import { database } from '$lib/server/db';
import * as actors from '$lib/server/db/queries/actors';
import * as revisions from '$lib/server/db/queries/revisions';
import { changeSummary, rollbackRevision } from '$lib/server/listings/revisions';
import { readRecord } from '$lib/server/listings/snapshots';
import { isListingEntity } from '$lib/server/admin/audit-detail';
import { parseId, readForm, textField, UNREADABLE_FORM } from '$lib/server/admin/input';
import type { Actions, PageServerLoad } from './$types';

const NOT_FOUND = 'Cette fiche n’existe pas.';

function record(params: { entity: string; id: string }): { entity: ListingEntity; id: number } {
	const id = parseId(params.id);
	if (!isListingEntity(params.entity) || id === null) error(404, NOT_FOUND);
	return { entity: params.entity, id };
}

const EDIT_PATHS: Record<ListingEntity, string> = { actor: '/espace/structures', place: '/espace/lieux', offer: '/espace/offres' };

export const load: PageServerLoad = async ({ locals, url, params }) => {
	requireCoordinator(locals, url);
	const { entity, id } = record(params);
	const { db } = database();
	const [current, rows] = await Promise.all([
		readRecord(db, entity, id),
		revisions.history(db, entity, id)
	]);
	if (!current && rows.length === 0) error(404, NOT_FOUND);
	const latest = current?.snapshot ?? rows[0]!.after;
	const actorId = current?.actorId ?? rows[0]!.actor_id;
	const actor = await actors.summary(db, actorId);
	const placeId = entity === 'place' ? id : entity === 'offer' ? (latest as SnapshotOf['offer']).place_id : null;

	return {
		entity,
		id,
		exists: current !== null,
		title: await changeSummary(db, entity, latest),
		actor: actor ?? null,
		publicHref: current && placeId ? `/lieux/${placeId}` : null,
		editHref: current ? `${EDIT_PATHS[entity]}/${id}` : null,
		revisions: rows.map((r) => {
			const { before, after } = r;
			return {
				id: r.id,
				createdAt: r.created_at,
				operation: r.operation,
				status: r.status,
				authorEmail: r.authorEmail,
				deciderEmail: r.deciderEmail,
				decidedAt: r.decided_at,
				reason: r.reason,
				origin: r.origin,
				fields: diffSnapshots(entity, before, after).map((c) => c.label),
				canRollback: r.status === 'published' && before !== null
			};
		})
	};
};

export const actions: Actions = {
	rollback: async ({ locals, url, params, request }) => {
		const user = requireCoordinator(locals, url);
		const { entity, id } = record(params);
		const form = await readForm(request);
		if (!form) return fail(400, { revision: null, problem: UNREADABLE_FORM });
		const revisionId = parseId(textField(form, 'revision', 20));
		if (revisionId === null) return fail(400, { revision: null, problem: 'Version inconnue : rien n’a changé.' });
		const { db } = database();
		const target = await revisions.target(db, revisionId);
		if (!target || target.entity !== entity || target.entity_id !== id) {
			return fail(400, { revision: revisionId, problem: 'Cette version n’appartient pas à cette fiche : rien n’a changé.' });
		}
		const result = await rollbackRevision(db, revisionId, { user, origin: url.origin });
		switch (result.kind) {
			case 'done':
				return { rolledBack: { from: revisionId, revisionId: result.revisionId } };
			case 'impossible':
				return fail(409, { revision: revisionId, problem: result.message });
			case 'duplicate_name':
				return fail(409, { revision: revisionId, problem: 'Une autre structure porte déjà l’ancien nom : le retour arrière est impossible.' });
		}
	}
};
