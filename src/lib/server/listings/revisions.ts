import type { FieldChange } from '$lib/domain/listing-diff';
import { diffSnapshots } from '$lib/domain/listing-diff';
import { LEVEL_INFO } from '$lib/domain/levels';
import { ENTITY_LABELS, type ListingEntity, type SnapshotOf } from '$lib/domain/listing';
import { audit } from '../audit';
import { coordinatorEmails, type SignedInUser } from '../auth/users';
import { invalidateCatalogue } from '../catalogue';
import type { DB } from '../db/connect';
import * as users from '../db/queries/users';
import type { Revision, VerifiedHow } from '../db/schema';
import { decisionMail, proposalMail } from '../mail/messages';
import { sendMailSafely } from '../mail/transport';
import { readRecord } from './snapshots';
import { assertActorNameFree, DuplicateActorName, writeSnapshot, type ImportOrigin } from './write';

export interface ChangeRequest<E extends ListingEntity> {
	entity: E;
	/** null for a new record. */
	entityId: number | null;
	actorId: number;
	/** The version the form was loaded at; null for a new record. */
	baseVersion: number | null;
	after: SnapshotOf[E];
	/** For the import review: the facts come from an upstream extract. */
	origin?: ImportOrigin;
	/** Said in the history, e.g. « import de l’extrait du … ». */
	reason?: string;
}

export type SubmitResult =
	| { kind: 'published'; revisionId: number; entityId: number }
	| { kind: 'proposed'; revisionId: number }
	| { kind: 'unchanged' }
	| { kind: 'conflict'; changes: FieldChange[] }
	| { kind: 'duplicate_name' }
	| { kind: 'missing' };

export interface Decider {
	user: SignedInUser;
	/** Origin for the links in the e-mails. */
	origin: string;
	now?: Date;
	verifiedHow?: VerifiedHow;
}

/** Coordinators and trusted actors publish; everyone else proposes. */
export async function publishesDirectly(db: DB, user: SignedInUser, actorId: number): Promise<boolean> {
	if (user.role === 'coordinator') return true;
	const actor = await db.selectFrom('actors').select('trusted').where('id', '=', actorId).executeTakeFirst();
	return actor?.trusted === 1;
}

/** What the record looked like at a past version: the `before` of the revision that left it. */
async function snapshotAtVersion<E extends ListingEntity>(db: DB, entity: E, id: number, version: number): Promise<SnapshotOf[E] | null> {
	const row = await db
		.selectFrom('revisions')
		.select('before')
		.where('entity', '=', entity)
		.where('entity_id', '=', id)
		.where('status', '=', 'published')
		.where('base_version', '=', version)
		.executeTakeFirst();
	return row?.before ? (JSON.parse(row.before) as SnapshotOf[E]) : null;
}

async function conflictChanges<E extends ListingEntity>(db: DB, entity: E, id: number, baseVersion: number, current: SnapshotOf[E]) {
	const base = await snapshotAtVersion(db, entity, id, baseVersion);
	return base ? diffSnapshots(entity, base, current) : [];
}

export function describeChange(entity: ListingEntity, name: string): string {
	return `${ENTITY_LABELS[entity]} « ${name} »`;
}

/** How a change is named in e-mails and lists: an offer by its level and its place. */
export async function changeSummary(db: DB, entity: ListingEntity, snapshot: SnapshotOf[ListingEntity]): Promise<string> {
	if (entity !== 'offer') return describeChange(entity, (snapshot as SnapshotOf['actor']).name);
	const offer = snapshot as SnapshotOf['offer'];
	const place = offer.place_id
		? await db.selectFrom('places').select('name').where('id', '=', offer.place_id).executeTakeFirst()
		: undefined;
	return `offre « ${LEVEL_INFO[offer.level ?? 'unknown'].label} »${place ? ` à « ${place.name} »` : ''}`;
}

/**
 * The change itself, inside the caller's transaction: the import review publishes a place and
 * its offers together, all or nothing. Mails and the catalogue refresh are the caller's, after commit.
 */
export async function submitWithin<E extends ListingEntity>(
	trx: DB,
	request: ChangeRequest<E>,
	decider: Decider,
	direct: boolean
): Promise<SubmitResult> {
	const now = decider.now ?? new Date();
	const { user } = decider;
	let before: SnapshotOf[E] | null = null;
	let version: number | null = null;
	if (request.entityId !== null) {
		const current = await readRecord(trx, request.entity, request.entityId);
		if (!current || current.actorId !== request.actorId) return { kind: 'missing' } as const;
		// Someone else saved since this form was loaded: refuse, and say what they changed.
		if (current.version !== request.baseVersion) {
			const changes = await conflictChanges(trx, request.entity, request.entityId, request.baseVersion ?? 0, current.snapshot);
			return { kind: 'conflict', changes } as const;
		}
		if (diffSnapshots(request.entity, current.snapshot, request.after).length === 0) return { kind: 'unchanged' } as const;
		before = current.snapshot;
		version = current.version;
	}
	const stamp = now.toISOString();
	// A name that is already taken could never be approved: say so now, not at approval.
	if (!direct && request.entity === 'actor') {
		await assertActorNameFree(trx, request.entityId, (request.after as SnapshotOf['actor']).name);
	}
	if (!direct && request.entityId !== null) {
		// A new proposal replaces the same person's earlier one for the same record.
		await trx
			.updateTable('revisions')
			.set({ status: 'superseded' })
			.where('entity', '=', request.entity)
			.where('entity_id', '=', request.entityId)
			.where('author_id', '=', user.id)
			.where('status', '=', 'proposed')
			.execute();
	}
	const entityId = direct
		? await writeSnapshot(trx, request.entity, request.entityId, request.after, {
				actorId: request.actorId,
				now,
				verifiedHow: decider.verifiedHow ?? (user.role === 'coordinator' ? 'coordinator' : 'structure'),
				origin: request.origin
			})
		: request.entityId;
	const row = await trx
		.insertInto('revisions')
		.values({
			entity: request.entity,
			entity_id: entityId,
			actor_id: request.actorId,
			operation: request.entityId === null ? 'create' : 'update',
			status: direct ? 'published' : 'proposed',
			base_version: version,
			before: before ? JSON.stringify(before) : null,
			after: JSON.stringify(request.after),
			author_id: user.id,
			created_at: stamp,
			decided_by: direct ? user.id : null,
			decided_at: direct ? stamp : null,
			reason: request.reason ?? null
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	await audit(
		trx,
		{
			userId: user.id,
			action: direct ? 'revision.published' : 'revision.proposed',
			entity: request.entity,
			entityId,
			detail: { revision: row.id, actor: request.actorId, fields: diffSnapshots(request.entity, before, request.after).map((c) => c.field) }
		},
		now
	);
	return direct
		? ({ kind: 'published', revisionId: row.id, entityId: entityId! } as const)
		: ({ kind: 'proposed', revisionId: row.id } as const);
}

export async function submitChange<E extends ListingEntity>(
	db: DB,
	request: ChangeRequest<E>,
	decider: Decider
): Promise<SubmitResult> {
	const now = decider.now ?? new Date();
	const { user } = decider;
	const direct = await publishesDirectly(db, user, request.actorId);
	let result: SubmitResult;
	try {
		result = await db.transaction().execute((trx) => submitWithin(trx, request, decider, direct));
	} catch (error) {
		if (error instanceof DuplicateActorName) return { kind: 'duplicate_name' };
		throw error;
	}
	if (result.kind === 'published') invalidateCatalogue();
	if (result.kind === 'proposed') {
		const summary = await changeSummary(db, request.entity, request.after);
		for (const to of await coordinatorEmails(db)) {
			await sendMailSafely(db, proposalMail(to, summary, `${decider.origin}/admin/revisions/${result.revisionId}`));
		}
	}
	return result;
}

export type DecisionResult =
	| { kind: 'done' }
	| { kind: 'not_pending' }
	| { kind: 'conflict'; changes: FieldChange[] }
	| { kind: 'duplicate_name' };

async function pendingRevision(db: DB, id: number): Promise<Revision | undefined> {
	return db.selectFrom('revisions').selectAll().where('id', '=', id).where('status', '=', 'proposed').executeTakeFirst();
}

async function tellAuthor(db: DB, revision: Revision, approved: boolean, reason: string | null, origin: string) {
	if (!revision.author_id) return;
	const email = await users.emailOf(db, revision.author_id);
	if (!email) return;
	const summary = await changeSummary(db, revision.entity, JSON.parse(revision.after) as SnapshotOf[ListingEntity]);
	await sendMailSafely(db, decisionMail(email, summary, approved, reason, `${origin}/espace`));
}

export async function approveRevision(db: DB, id: number, decider: Decider): Promise<DecisionResult> {
	const now = decider.now ?? new Date();
	let approved: Revision | undefined;
	let result: DecisionResult;
	try {
		result = await db.transaction().execute(async (trx) => {
			const revision = await pendingRevision(trx, id);
			if (!revision) return { kind: 'not_pending' } as const;
			const after = JSON.parse(revision.after) as SnapshotOf[ListingEntity];
			if (revision.entity_id !== null) {
				const current = await readRecord(trx, revision.entity, revision.entity_id);
				if (!current) return { kind: 'not_pending' } as const;
				if (current.version !== revision.base_version) {
					return {
						kind: 'conflict',
						changes: await conflictChanges(trx, revision.entity, revision.entity_id, revision.base_version ?? 0, current.snapshot)
					} as const;
				}
			}
			const entityId = await writeSnapshot(trx, revision.entity, revision.entity_id, after, {
				actorId: revision.actor_id,
				now,
				verifiedHow: 'structure'
			});
			await trx
				.updateTable('revisions')
				.set({ status: 'published', entity_id: entityId, decided_by: decider.user.id, decided_at: now.toISOString() })
				.where('id', '=', id)
				.execute();
			await audit(trx, { userId: decider.user.id, action: 'revision.approved', entity: revision.entity, entityId, detail: { revision: id } }, now);
			approved = revision;
			return { kind: 'done' } as const;
		});
	} catch (error) {
		if (error instanceof DuplicateActorName) return { kind: 'duplicate_name' };
		throw error;
	}
	if (approved) {
		invalidateCatalogue();
		await tellAuthor(db, approved, true, null, decider.origin);
	}
	return result;
}

export async function refuseRevision(db: DB, id: number, reason: string, decider: Decider): Promise<DecisionResult> {
	const now = decider.now ?? new Date();
	const revision = await db.transaction().execute(async (trx) => {
		const revision = await pendingRevision(trx, id);
		if (!revision) return null;
		await trx
			.updateTable('revisions')
			.set({ status: 'refused', reason, decided_by: decider.user.id, decided_at: now.toISOString() })
			.where('id', '=', id)
			.execute();
		await audit(trx, { userId: decider.user.id, action: 'revision.refused', entity: revision.entity, entityId: revision.entity_id, detail: { revision: id, reason } }, now);
		return revision;
	});
	if (!revision) return { kind: 'not_pending' };
	await tellAuthor(db, revision, false, reason, decider.origin);
	return { kind: 'done' };
}

export type RollbackResult = { kind: 'done'; revisionId: number } | { kind: 'impossible'; message: string } | { kind: 'duplicate_name' };

/** Puts a record back as it was before a published revision, as a new revision of its own. */
export async function rollbackRevision(db: DB, id: number, decider: Decider): Promise<RollbackResult> {
	const now = decider.now ?? new Date();
	try {
		const result = await db.transaction().execute(async (trx): Promise<RollbackResult> => {
			const revision = await trx.selectFrom('revisions').selectAll().where('id', '=', id).where('status', '=', 'published').executeTakeFirst();
			if (!revision || revision.entity_id === null) return { kind: 'impossible', message: 'Cette version n’existe pas ou n’a pas été publiée.' };
			if (!revision.before) {
				return {
					kind: 'impossible',
					message: 'Une création ne peut pas être annulée : pour retirer une offre, indiquez « fermée définitivement ».'
				};
			}
			const current = await readRecord(trx, revision.entity, revision.entity_id);
			if (!current) return { kind: 'impossible', message: 'Cette fiche n’existe plus.' };
			const target = JSON.parse(revision.before) as SnapshotOf[ListingEntity];
			if (diffSnapshots(revision.entity, current.snapshot, target).length === 0) {
				return { kind: 'impossible', message: 'La fiche est déjà dans cet état.' };
			}
			await writeSnapshot(trx, revision.entity, revision.entity_id, target, {
				actorId: revision.actor_id,
				now,
				verifiedHow: 'coordinator',
				verify: false
			});
			const row = await trx
				.insertInto('revisions')
				.values({
					entity: revision.entity,
					entity_id: revision.entity_id,
					actor_id: revision.actor_id,
					operation: 'rollback',
					status: 'published',
					base_version: current.version,
					before: JSON.stringify(current.snapshot),
					after: JSON.stringify(target),
					author_id: decider.user.id,
					created_at: now.toISOString(),
					decided_by: decider.user.id,
					decided_at: now.toISOString(),
					reason: `Retour à l’état d’avant la version n° ${id}`
				})
				.returning('id')
				.executeTakeFirstOrThrow();
			await audit(trx, { userId: decider.user.id, action: 'revision.rolled_back', entity: revision.entity, entityId: revision.entity_id, detail: { revision: id, new_revision: row.id } }, now);
			return { kind: 'done', revisionId: row.id };
		});
		if (result.kind === 'done') invalidateCatalogue();
		return result;
	} catch (error) {
		if (error instanceof DuplicateActorName) return { kind: 'duplicate_name' };
		throw error;
	}
}
