import type { AreaShape } from '$lib/domain/geography';
import type { ListingEntity, SnapshotOf } from '$lib/domain/listing';
import { normalizeText } from '$lib/domain/vocabulary';
import type { DB } from '../db/connect';
import type { VerifiedHow } from '../db/schema';
import * as actors from '../db/queries/actors';
import * as areas from '../db/queries/areas';
import * as offers from '../db/queries/offers';
import * as places from '../db/queries/places';
import * as quality from '../db/queries/quality';
import * as revisions from '../db/queries/revisions';
import type { RevisionOrigin } from '../db/queries/revisions';

/**
 * The one write path for actors, places and offers. The importer, the import review, the forms,
 * moderation and rollback all write through here, so every change is written the same way: the
 * version bumped, the areas recomputed from the point, the quality flags recomputed, and a
 * revision that says where the change came from. Callers run it inside their transaction, after
 * their own checks (version, name, diff).
 */

export type { RevisionOrigin };

/** What only an upstream extract says, beside the snapshot. */
export interface Upstream {
	source: string;
	/** The record's id upstream; null when the change lands on a record we hold (its ids stay). */
	sourceId: string | null;
	/** The extract's `date_maj`: an imported fact is as fresh as its source says, no fresher. */
	sourceUpdatedOn: string | null;
	/** Places: the INSEE code the extract gives. */
	codeInsee?: string | null;
	/** Offers: the level was inferred from the services, not declared. */
	levelInferred?: boolean;
	/** Offers restored from our own export: verified when and how they were, not at the source's date. */
	verified?: { at: string | null; how: VerifiedHow | null };
}

export interface RecordWrite<E extends ListingEntity = ListingEntity> {
	entity: E;
	/** null to create. */
	id: number | null;
	actorId: number;
	/** The record as the caller read it (null for a creation): the revision keeps it. */
	before: { version: number; snapshot: SnapshotOf[E] } | null;
	after: SnapshotOf[E];
	upstream?: Upstream;
	/** The proposal this write publishes: that revision is marked published instead of a new one. */
	proposalId?: number;
}

export interface WriteContext {
	now: Date;
	origin: RevisionOrigin;
	/** Who writes (or approves): the revision's author and decider. Null for the command-line import. */
	userId: number | null;
	/** How the person publishing knows the facts: the structure itself, or the City by phone. */
	verifiedHow: VerifiedHow;
	/** False for a rollback: putting old facts back is not checking them today. */
	verify?: boolean;
	/** Said in the history, e.g. « Import « fichier.csv » (revue n° 3) ». */
	reason?: string | null;
	operation?: 'rollback';
	/**
	 * False for a bulk import: its creations are accounted for by its `imports` line (file, hash,
	 * counts), not by one snapshot each — a national extract would write tens of thousands.
	 */
	recordCreations?: boolean;
}

export interface Written {
	id: number;
	/** The revision recorded or published; null in a batch of more than one, or when none is recorded. */
	revisionId: number | null;
}

export class DuplicateActorName extends Error {}

/**
 * The record is no longer at the version the caller read: another write (another instance, a
 * colleague) committed in between. Thrown so the caller's transaction rolls back whole.
 */
export class StaleRecord extends Error {
	constructor(
		readonly entity: ListingEntity,
		readonly id: number
	) {
		super(`${entity} ${id} changed since it was read`);
	}
}

export class ListingWriter {
	private shapes: AreaShape[] | null = null;
	private touched = false;

	constructor(
		private readonly db: DB,
		private readonly context: WriteContext
	) {}

	private get stamp(): string {
		return this.context.now.toISOString();
	}

	/** Writes records of one kind, inserts in multi-row statements; returns their ids in order. */
	async write<E extends ListingEntity>(entity: E, writes: readonly RecordWrite<E>[]): Promise<Written[]> {
		if (writes.length === 0) return [];
		const ids =
			entity === 'actor'
				? await this.writeActors(writes as readonly RecordWrite<'actor'>[])
				: entity === 'place'
					? await this.writePlaces(writes as readonly RecordWrite<'place'>[])
					: await this.writeOffers(writes as readonly RecordWrite<'offer'>[]);
		if (entity !== 'actor') this.touched = true;
		return this.recordRevisions(writes, ids);
	}

	/** Offers an extract no longer lists (an inferred level replaced by declared ones). */
	async removeOffers(ids: readonly number[]): Promise<void> {
		if (ids.length === 0) return;
		await offers.remove(this.db, ids);
		this.touched = true;
	}

	/** Recomputes the flags once for everything written; returns how many flags the directory has. */
	async finish({ always = false } = {}): Promise<number | null> {
		if (!this.touched && !always) return null;
		this.touched = false;
		return quality.refreshQualityFlags(this.db, this.context.now);
	}

	private async writeActors(writes: readonly RecordWrite<'actor'>[]): Promise<number[]> {
		// One look-up for the whole batch: another actor, or another write of it, must not have the name.
		const holders = await actors.idsByNames(this.db, writes.map((w) => w.after.name));
		const claimed = new Set<string>();
		for (const w of writes) {
			const key = normalizeText(w.after.name);
			const holder = holders.get(key);
			if ((holder !== undefined && holder !== w.id) || claimed.has(key)) throw new DuplicateActorName(w.after.name);
			claimed.add(key);
		}
		const created = writes.filter((w) => w.id === null);
		const newIds = await actors.insert(this.db, created.map((w) => w.after), this.stamp);
		for (const w of writes) {
			if (w.id !== null && !(await actors.update(this.db, w.id, w.after, this.stamp, w.before?.version))) throw new StaleRecord('actor', w.id);
		}
		return this.inOrder(writes, newIds);
	}

	private async writePlaces(writes: readonly RecordWrite<'place'>[]): Promise<number[]> {
		const created = writes.filter((w) => w.id === null);
		const newIds = await places.insert(
			this.db,
			created.map((w) => ({
				...w.after,
				actor_id: w.actorId,
				source: w.upstream?.source ?? 'local',
				source_id: w.upstream?.sourceId ?? null,
				source_updated_on: w.upstream?.sourceUpdatedOn ?? null,
				code_insee: w.upstream?.codeInsee,
				created_at: this.stamp
			}))
		);
		for (const w of writes) {
			if (w.id === null) continue;
			const facts = w.upstream ? { source_updated_on: w.upstream.sourceUpdatedOn, code_insee: w.upstream.codeInsee } : {};
			if (!(await places.update(this.db, w.id, w.after, facts, this.stamp, w.before?.version))) throw new StaleRecord('place', w.id);
		}
		const ids = this.inOrder(writes, newIds);
		// The areas always follow the point: recomputed here, never typed.
		const moved = new Map<number, string[]>();
		this.shapes ??= await areas.areaShapes(this.db);
		writes.forEach((w, i) => {
			const before = w.before?.snapshot;
			if (before && before.lat === w.after.lat && before.lon === w.after.lon) return;
			moved.set(ids[i]!, areas.areasOfPoint(this.shapes!, w.after.lon, w.after.lat));
		});
		if (moved.size > 0) await places.setAreas(this.db, moved);
		return ids;
	}

	private offerFacts(w: RecordWrite<'offer'>): offers.OfferFacts {
		// A level given by the structure itself is no longer a guess; an upstream one stays as it came.
		const level_inferred = w.upstream?.levelInferred ?? false;
		if (w.upstream?.verified) return { level_inferred, verified_at: w.upstream.verified.at, verified_how: w.upstream.verified.how };
		if (w.upstream) return { level_inferred, verified_at: w.upstream.sourceUpdatedOn, verified_how: 'import' };
		if (this.context.verify === false) return { level_inferred };
		return { level_inferred, verified_at: this.stamp, verified_how: this.context.verifiedHow };
	}

	private async writeOffers(writes: readonly RecordWrite<'offer'>[]): Promise<number[]> {
		const created = writes.filter((w) => w.id === null);
		const newIds = await offers.insert(
			this.db,
			created.map((w) => ({
				...w.after,
				...this.offerFacts(w),
				actor_id: w.actorId,
				source: w.upstream?.source ?? 'local',
				source_id: w.upstream?.sourceId ?? null,
				created_at: this.stamp
			}))
		);
		for (const w of writes) {
			if (w.id === null) continue;
			if (!(await offers.update(this.db, w.id, w.after, this.offerFacts(w), this.stamp, w.before?.version))) throw new StaleRecord('offer', w.id);
		}
		return this.inOrder(writes, newIds);
	}

	/** The ids of the writes in order: the given one for an update, the next new one for a creation. */
	private inOrder(writes: readonly RecordWrite[], newIds: readonly number[]): number[] {
		let next = 0;
		return writes.map((w) => w.id ?? newIds[next++]!);
	}

	private async recordRevisions(writes: readonly RecordWrite[], ids: readonly number[]): Promise<Written[]> {
		const { context, stamp } = this;
		const written: Written[] = ids.map((id) => ({ id, revisionId: null }));
		const rows: revisions.NewRevision[] = [];
		const recorded: number[] = [];
		for (const [i, w] of writes.entries()) {
			if (w.proposalId !== undefined) {
				await revisions.markPublished(this.db, w.proposalId, ids[i]!, context.userId!, stamp);
				written[i]!.revisionId = w.proposalId;
				continue;
			}
			if (w.id === null && context.recordCreations === false) continue;
			recorded.push(i);
			rows.push({
				entity: w.entity,
				entity_id: ids[i]!,
				actor_id: w.entity === 'actor' ? ids[i]! : w.actorId,
				operation: context.operation ?? (w.id === null ? 'create' : 'update'),
				status: 'published',
				base_version: w.before?.version ?? null,
				before: w.before?.snapshot ?? null,
				after: w.after,
				author_id: context.userId,
				created_at: stamp,
				decided_by: context.userId,
				decided_at: stamp,
				reason: context.reason ?? null,
				origin: context.origin
			});
		}
		if (rows.length === 1) written[recorded[0]!]!.revisionId = await revisions.insert(this.db, rows[0]!);
		else await revisions.insertMany(this.db, rows);
		return written;
	}
}

/** One record, written and its flags recomputed. */
export async function writeRecord<E extends ListingEntity>(db: DB, write: RecordWrite<E>, context: WriteContext): Promise<Written> {
	const writer = new ListingWriter(db, context);
	const [written] = await writer.write(write.entity, [write]);
	await writer.finish();
	return written!;
}

/** Throws DuplicateActorName when another actor already has this name (accents and case aside). */
export async function assertActorNameFree(db: DB, id: number | null, name: string): Promise<void> {
	if (await actors.nameTaken(db, name, id)) throw new DuplicateActorName(name);
}
