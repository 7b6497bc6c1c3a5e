import type { ListingEntity, SnapshotOf } from '$lib/domain/listing';
import type { DB } from '../connect';
import type { Revision, RevisionOrigin, RevisionStatus } from '../schema';
import { chunks } from './chunks';

/** A revision with its snapshots decoded: the JSON text of `before` and `after` stays in this module. */
export interface StoredRevision<E extends ListingEntity = ListingEntity> extends Omit<Revision, 'entity' | 'before' | 'after'> {
	entity: E;
	before: SnapshotOf[E] | null;
	after: SnapshotOf[E];
}

export type NewRevision = Omit<StoredRevision, 'id'>;

function decode<R extends Pick<Revision, 'entity' | 'before' | 'after'>>(row: R) {
	return {
		...row,
		entity: row.entity as ListingEntity,
		before: row.before === null ? null : (JSON.parse(row.before) as SnapshotOf[ListingEntity]),
		after: JSON.parse(row.after) as SnapshotOf[ListingEntity]
	};
}

const encode = (r: NewRevision) => ({ ...r, before: r.before === null ? null : JSON.stringify(r.before), after: JSON.stringify(r.after) });

export async function insert(db: DB, revision: NewRevision): Promise<number> {
	return (await db.insertInto('revisions').values(encode(revision)).returning('id').executeTakeFirstOrThrow()).id;
}

/** Many at once, for a large import: in multi-row statements, without their ids. */
export async function insertMany(db: DB, revisions: readonly NewRevision[]): Promise<void> {
	for (const part of chunks(revisions.map(encode))) await db.insertInto('revisions').values(part).execute();
}

export async function byId(db: DB, id: number, status?: RevisionStatus): Promise<StoredRevision | null> {
	const row = await db
		.selectFrom('revisions')
		.selectAll()
		.where('id', '=', id)
		.$if(status !== undefined, (q) => q.where('status', '=', status!))
		.executeTakeFirst();
	return row ? decode(row) : null;
}

/** Which record a revision belongs to. */
export async function target(db: DB, id: number) {
	return (await db.selectFrom('revisions').select(['entity', 'entity_id']).where('id', '=', id).executeTakeFirst()) ?? null;
}

/** What the record looked like at a past version: the `before` of the published revision that left it. */
export async function snapshotAtVersion<E extends ListingEntity>(db: DB, entity: E, id: number, version: number): Promise<SnapshotOf[E] | null> {
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

/** This person's latest proposal for the record still waiting for the coordinator. */
export async function ownProposal<E extends ListingEntity>(db: DB, entity: E, entityId: number, authorId: number) {
	const row = await db
		.selectFrom('revisions')
		.select(['id', 'after', 'created_at'])
		.where('entity', '=', entity)
		.where('entity_id', '=', entityId)
		.where('author_id', '=', authorId)
		.where('status', '=', 'proposed')
		.orderBy('id', 'desc')
		.executeTakeFirst();
	return row ? { id: row.id, createdAt: row.created_at, snapshot: JSON.parse(row.after) as SnapshotOf[E] } : null;
}

/** A new proposal replaces the same person's earlier one for the same record. */
export async function supersedeProposals(db: DB, entity: ListingEntity, entityId: number, authorId: number): Promise<void> {
	await db
		.updateTable('revisions')
		.set({ status: 'superseded' })
		.where('entity', '=', entity)
		.where('entity_id', '=', entityId)
		.where('author_id', '=', authorId)
		.where('status', '=', 'proposed')
		.execute();
}

export async function markPublished(db: DB, id: number, entityId: number, decidedBy: number, at: string): Promise<void> {
	await db.updateTable('revisions').set({ status: 'published', entity_id: entityId, decided_by: decidedBy, decided_at: at }).where('id', '=', id).execute();
}

export async function markRefused(db: DB, id: number, reason: string, decidedBy: number, at: string): Promise<void> {
	await db.updateTable('revisions').set({ status: 'refused', reason, decided_by: decidedBy, decided_at: at }).where('id', '=', id).execute();
}

/** The published changes of a place and of these offers, oldest first. */
export async function publishedFor(db: DB, placeId: number, offerIds: readonly number[]) {
	const rows = await db
		.selectFrom('revisions')
		.select(['entity', 'before', 'after', 'origin'])
		.where('status', '=', 'published')
		.where((eb) =>
			eb.or([
				eb.and([eb('entity', '=', 'place'), eb('entity_id', '=', placeId)]),
				...(offerIds.length > 0 ? [eb.and([eb('entity', '=', 'offer'), eb('entity_id', 'in', offerIds)])] : [])
			])
		)
		.orderBy('id')
		.execute();
	return rows.map(decode);
}

/** A record's history, newest first, with who wrote and who decided each change. */
export async function history(db: DB, entity: ListingEntity, entityId: number) {
	const rows = await db
		.selectFrom('revisions')
		.leftJoin('users as author', 'author.id', 'revisions.author_id')
		.leftJoin('users as decider', 'decider.id', 'revisions.decided_by')
		.selectAll('revisions')
		.select(['author.email as authorEmail', 'decider.email as deciderEmail'])
		.where('revisions.entity', '=', entity)
		.where('revisions.entity_id', '=', entityId)
		.orderBy('revisions.created_at', 'desc')
		.orderBy('revisions.id', 'desc')
		.execute();
	return rows.map(decode);
}

/** One revision for the moderation screen, with its actor's name and the people involved. */
export async function detail(db: DB, id: number) {
	const row = await db
		.selectFrom('revisions')
		.innerJoin('actors', 'actors.id', 'revisions.actor_id')
		.leftJoin('users as author', 'author.id', 'revisions.author_id')
		.leftJoin('users as decider', 'decider.id', 'revisions.decided_by')
		.selectAll('revisions')
		.select(['actors.name as actorName', 'author.email as authorEmail', 'decider.email as deciderEmail'])
		.where('revisions.id', '=', id)
		.executeTakeFirst();
	return row ? decode(row) : null;
}

function listed(db: DB) {
	return db
		.selectFrom('revisions')
		.innerJoin('actors', 'actors.id', 'revisions.actor_id')
		.leftJoin('users as author', 'author.id', 'revisions.author_id')
		.leftJoin('users as decider', 'decider.id', 'revisions.decided_by')
		.select([
			'revisions.id',
			'revisions.entity',
			'revisions.operation',
			'revisions.status',
			'revisions.before',
			'revisions.after',
			'revisions.created_at',
			'revisions.decided_at',
			'actors.id as actorId',
			'actors.name as actorName',
			'author.email as authorEmail',
			'decider.email as deciderEmail'
		]);
}

/** The moderation queue, oldest first (the order the structures asked), and the latest decisions on others' changes. */
export async function queue(db: DB, decidedLimit = 20) {
	const [pending, decided] = await Promise.all([
		listed(db).where('revisions.status', '=', 'proposed').orderBy('revisions.id', 'asc').execute(),
		listed(db)
			.where('revisions.status', 'in', ['published', 'refused'])
			.where('revisions.author_id', 'is not', null)
			.whereRef('revisions.author_id', '!=', 'revisions.decided_by')
			.orderBy('revisions.decided_at', 'desc')
			.limit(decidedLimit)
			.execute()
	]);
	return { pending: pending.map(decode), decided: decided.map(decode) };
}

/** This person's latest changes, newest first. */
export async function byAuthor(db: DB, authorId: number, limit = 20) {
	const rows = await db
		.selectFrom('revisions')
		.select(['id', 'entity', 'entity_id', 'status', 'created_at', 'decided_at', 'reason', 'before', 'after'])
		.where('author_id', '=', authorId)
		.orderBy('id', 'desc')
		.limit(limit)
		.execute();
	return rows.map(decode);
}

export async function countProposed(db: DB): Promise<number> {
	const row = await db
		.selectFrom('revisions')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('status', '=', 'proposed')
		.executeTakeFirst();
	return Number(row?.n ?? 0);
}

export type { RevisionOrigin };
