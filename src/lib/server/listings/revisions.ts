import type { FieldChange } from '$lib/domain/listing-diff';
import { diffSnapshots } from '$lib/domain/listing-diff';
import { LEVEL_INFO } from '$lib/domain/levels';
import { ENTITY_LABELS, type ListingEntity, type SnapshotOf } from '$lib/domain/listing';
import { audit } from '../audit';
import { coordinatorEmails, type SignedInUser } from '../auth/users';
import { invalidateCatalogue } from '../catalogue';
import type { DB } from '../db/connect';
import * as users from '../db/queries/users';
import type { VerifiedHow } from '../db/schema';
import * as actors from '../db/queries/actors';
import * as places from '../db/queries/places';
import * as revisions from '../db/queries/revisions';
import { inTransaction } from '../db/transaction';
import type { StoredRevision } from '../db/queries/revisions';
import { decisionMail, proposalMail } from '../mail/messages';
import { sendMailSafely } from '../mail/transport';
import { readRecord } from './snapshots';
import { assertActorNameFree, DuplicateActorName, StaleRecord, writeRecord, type RevisionOrigin, type Upstream } from './write';

export interface ChangeRequest<E extends ListingEntity> {
	entity: E;
	/** null for a new record. */
	entityId: number | null;
	actorId: number;
	/** The version the form was loaded at; null for a new record. */
	baseVersion: number | null;
	after: SnapshotOf[E];
	/** For the import review: the facts come from an upstream extract. */
	upstream?: Upstream;
	/** Where the change comes from; by default an extract's facts are an import, else who submits it. */
	revisionOrigin?: RevisionOrigin;
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
	return (await actors.byId(db, actorId))?.trusted === true;
}

function originOf(request: ChangeRequest<ListingEntity>, user: SignedInUser): RevisionOrigin {
	return request.revisionOrigin ?? (request.upstream ? 'import' : user.role === 'coordinator' ? 'coordination' : 'structure');
}

async function conflictChanges<E extends ListingEntity>(db: DB, entity: E, id: number, baseVersion: number, current: SnapshotOf[E]) {
	const base = await revisions.snapshotAtVersion(db, entity, id, baseVersion);
	return base ? diffSnapshots(entity, base, current) : [];
}

/**
 * Two saves of one record at the same moment (two instances, two tabs) both passed the version
 * check; the second one's update found the version moved and rolled back. It gets the same
 * conflict answer as a save made after the other one, read from what was committed.
 */
async function lostRace(db: DB, stale: StaleRecord, baseVersion: number | null) {
	const current = await readRecord(db, stale.entity, stale.id);
	const changes = current ? await conflictChanges(db, stale.entity, stale.id, baseVersion ?? 0, current.snapshot) : [];
	return { kind: 'conflict', changes } as const;
}

export function describeChange(entity: ListingEntity, name: string): string {
	return `${ENTITY_LABELS[entity]} « ${name} »`;
}

/** How a change is named in e-mails and lists: an offer by its level and its place. */
export async function changeSummary(db: DB, entity: ListingEntity, snapshot: SnapshotOf[ListingEntity]): Promise<string> {
	if (entity !== 'offer') return describeChange(entity, (snapshot as SnapshotOf['actor']).name);
	const offer = snapshot as SnapshotOf['offer'];
	const place = offer.place_id ? await places.summary(db, offer.place_id) : null;
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
	const origin = originOf(request, user);
	let entityId = request.entityId;
	let revisionId: number;
	if (direct) {
		const written = await writeRecord(
			trx,
			{
				entity: request.entity,
				id: request.entityId,
				actorId: request.actorId,
				before: before && version !== null ? { version, snapshot: before } : null,
				after: request.after,
				upstream: request.upstream
			},
			{
				now,
				origin,
				userId: user.id,
				verifiedHow: decider.verifiedHow ?? (user.role === 'coordinator' ? 'coordinator' : 'structure'),
				reason: request.reason ?? null
			}
		);
		entityId = written.id;
		revisionId = written.revisionId!;
	} else {
		// A name that is already taken could never be approved: say so now, not at approval.
		if (request.entity === 'actor') await assertActorNameFree(trx, request.entityId, (request.after as SnapshotOf['actor']).name);
		// A new proposal replaces the same person's earlier one for the same record.
		if (request.entityId !== null) await revisions.supersedeProposals(trx, request.entity, request.entityId, user.id);
		revisionId = await revisions.insert(trx, {
			entity: request.entity,
			entity_id: request.entityId,
			actor_id: request.actorId,
			operation: request.entityId === null ? 'create' : 'update',
			status: 'proposed',
			base_version: version,
			before,
			after: request.after,
			author_id: user.id,
			created_at: stamp,
			decided_by: null,
			decided_at: null,
			reason: request.reason ?? null,
			origin
		});
	}
	await audit(
		trx,
		{
			userId: user.id,
			action: direct ? 'revision.published' : 'revision.proposed',
			entity: request.entity,
			entityId,
			detail: { revision: revisionId, actor: request.actorId, fields: diffSnapshots(request.entity, before, request.after).map((c) => c.field) }
		},
		now
	);
	return direct ? ({ kind: 'published', revisionId, entityId: entityId! } as const) : ({ kind: 'proposed', revisionId } as const);
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
		result = await inTransaction(db, (trx) => submitWithin(trx, request, decider, direct));
	} catch (error) {
		if (error instanceof DuplicateActorName) return { kind: 'duplicate_name' };
		if (error instanceof StaleRecord) return lostRace(db, error, request.baseVersion);
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

async function tellAuthor(db: DB, revision: StoredRevision, approved: boolean, reason: string | null, origin: string) {
	if (!revision.author_id) return;
	const email = await users.emailOf(db, revision.author_id);
	if (!email) return;
	const summary = await changeSummary(db, revision.entity, revision.after);
	await sendMailSafely(db, decisionMail(email, summary, approved, reason, `${origin}/espace`));
}

export async function approveRevision(db: DB, id: number, decider: Decider): Promise<DecisionResult> {
	const now = decider.now ?? new Date();
	let approved: StoredRevision | null = null;
	let result: DecisionResult;
	try {
		result = await inTransaction(db, async (trx) => {
			const revision = await revisions.byId(trx, id, 'proposed');
			if (!revision) return { kind: 'not_pending' } as const;
			let before: { version: number; snapshot: SnapshotOf[ListingEntity] } | null = null;
			if (revision.entity_id !== null) {
				const current = await readRecord(trx, revision.entity, revision.entity_id);
				if (!current) return { kind: 'not_pending' } as const;
				if (current.version !== revision.base_version) {
					return {
						kind: 'conflict',
						changes: await conflictChanges(trx, revision.entity, revision.entity_id, revision.base_version ?? 0, current.snapshot)
					} as const;
				}
				before = { version: current.version, snapshot: current.snapshot };
			}
			// The proposal itself becomes the published revision: its origin and author stay the structure's.
			const written = await writeRecord(
				trx,
				{ entity: revision.entity, id: revision.entity_id, actorId: revision.actor_id, before, after: revision.after, proposalId: id },
				{ now, origin: revision.origin, userId: decider.user.id, verifiedHow: 'structure' }
			);
			await audit(trx, { userId: decider.user.id, action: 'revision.approved', entity: revision.entity, entityId: written.id, detail: { revision: id } }, now);
			approved = revision;
			return { kind: 'done' } as const;
		});
	} catch (error) {
		if (error instanceof DuplicateActorName) return { kind: 'duplicate_name' };
		if (error instanceof StaleRecord) return lostRace(db, error, (await revisions.byId(db, id, 'proposed'))?.base_version ?? null);
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
	const revision = await inTransaction(db, async (trx) => {
		const revision = await revisions.byId(trx, id, 'proposed');
		if (!revision) return null;
		await revisions.markRefused(trx, id, reason, decider.user.id, now.toISOString());
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
		const result = await inTransaction(db, async (trx): Promise<RollbackResult> => {
			const revision = await revisions.byId(trx, id, 'published');
			if (!revision || revision.entity_id === null) return { kind: 'impossible', message: 'Cette version n’existe pas ou n’a pas été publiée.' };
			if (!revision.before) {
				return {
					kind: 'impossible',
					message: 'Une création ne peut pas être annulée : pour retirer une offre, indiquez « fermée définitivement ».'
				};
			}
			const current = await readRecord(trx, revision.entity, revision.entity_id);
			if (!current) return { kind: 'impossible', message: 'Cette fiche n’existe plus.' };
			const target = revision.before;
			if (diffSnapshots(revision.entity, current.snapshot, target).length === 0) {
				return { kind: 'impossible', message: 'La fiche est déjà dans cet état.' };
			}
			const written = await writeRecord(
				trx,
				{
					entity: revision.entity,
					id: revision.entity_id,
					actorId: revision.actor_id,
					before: { version: current.version, snapshot: current.snapshot },
					after: target
				},
				{
					now,
					origin: 'coordination',
					userId: decider.user.id,
					verifiedHow: 'coordinator',
					verify: false,
					operation: 'rollback',
					reason: `Retour à l’état d’avant la version n° ${id}`
				}
			);
			const revisionId = written.revisionId!;
			await audit(trx, { userId: decider.user.id, action: 'revision.rolled_back', entity: revision.entity, entityId: revision.entity_id, detail: { revision: id, new_revision: revisionId } }, now);
			return { kind: 'done', revisionId };
		});
		if (result.kind === 'done') invalidateCatalogue();
		return result;
	} catch (error) {
		if (error instanceof DuplicateActorName) return { kind: 'duplicate_name' };
		if (error instanceof StaleRecord) {
			return { kind: 'impossible', message: 'La fiche vient d’être modifiée par quelqu’un d’autre : rechargez la page et recommencez.' };
		}
		throw error;
	}
}
