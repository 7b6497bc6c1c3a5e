import type { Level } from '$lib/domain/levels';
import { SNAPSHOT_FIELDS, type OfferSnapshot } from '$lib/domain/listing';
import type { DB } from '../connect';
import type { Offer, OfferTable, VerifiedHow } from '../schema';
import { chunks } from './chunks';

/**
 * An offer as the directory holds it: its snapshot (what a form edits and a revision stores) plus
 * what only the directory knows. Lists are arrays and flags booleans here; the JSON text and the
 * 0/1 integers of the table never leave this module.
 */
export interface StoredOffer extends OfferSnapshot {
	id: number;
	actor_id: number;
	level_inferred: boolean;
	source: string;
	source_id: string | null;
	created_at: string;
	updated_at: string;
	verified_at: string | null;
	verified_how: VerifiedHow | null;
	version: number;
}

/** What a write sets besides the snapshot. */
export interface OfferFacts {
	level_inferred: boolean;
	/** Left as they are when undefined (a rollback is not a verification). */
	verified_at?: string | null;
	verified_how?: VerifiedHow | null;
}

export interface NewOffer extends OfferSnapshot, OfferFacts {
	actor_id: number;
	source: string;
	source_id: string | null;
	created_at: string;
}

const list = (json: string): string[] => JSON.parse(json) as string[];

function decode(row: Offer): StoredOffer {
	return {
		id: row.id,
		actor_id: row.actor_id,
		place_id: row.place_id,
		level: row.level as Level | null,
		themes: list(row.themes),
		tags: list(row.tags),
		publics: list(row.publics),
		specific_support: list(row.specific_support),
		fees: list(row.fees),
		access_modes: list(row.access_modes),
		programmes: list(row.programmes),
		other_labels: list(row.other_labels),
		languages: list(row.languages),
		hours: row.hours,
		booking_url: row.booking_url,
		remote: row.remote === 1,
		description: row.description,
		status: row.status,
		closed_from: row.closed_from,
		closed_until: row.closed_until,
		closure_message: row.closure_message,
		level_inferred: row.level_inferred === 1,
		source: row.source,
		source_id: row.source_id,
		created_at: row.created_at,
		updated_at: row.updated_at,
		verified_at: row.verified_at,
		verified_how: row.verified_how,
		version: row.version
	};
}

/** The editable part of a stored offer: what revisions compare and keep. */
export function snapshotOf(offer: StoredOffer): OfferSnapshot {
	const snapshot = {} as Record<string, unknown>;
	for (const field of SNAPSHOT_FIELDS.offer) snapshot[field] = offer[field];
	return snapshot as unknown as OfferSnapshot;
}

function encode(s: OfferSnapshot, facts: OfferFacts) {
	return {
		place_id: s.place_id,
		level: s.level,
		themes: JSON.stringify(s.themes),
		tags: JSON.stringify(s.tags),
		publics: JSON.stringify(s.publics),
		specific_support: JSON.stringify(s.specific_support),
		fees: JSON.stringify(s.fees),
		access_modes: JSON.stringify(s.access_modes),
		programmes: JSON.stringify(s.programmes),
		other_labels: JSON.stringify(s.other_labels),
		languages: JSON.stringify(s.languages),
		hours: s.hours,
		booking_url: s.booking_url,
		remote: s.remote ? 1 : 0,
		description: s.description,
		status: s.status,
		closed_from: s.closed_from,
		closed_until: s.closed_until,
		closure_message: s.closure_message,
		level_inferred: facts.level_inferred ? 1 : 0,
		...(facts.verified_at !== undefined ? { verified_at: facts.verified_at } : {}),
		...(facts.verified_how !== undefined ? { verified_how: facts.verified_how } : {})
	} satisfies Partial<Record<keyof OfferTable, unknown>>;
}

export async function byId(db: DB, id: number): Promise<StoredOffer | null> {
	const row = await db.selectFrom('offers').selectAll().where('id', '=', id).executeTakeFirst();
	return row ? decode(row) : null;
}

export interface PlaceFilter {
	/** Only the offers that came from this source. */
	source?: string;
	/** Leave out the offers closed for good. */
	open?: boolean;
}

/** A place's offers, oldest first. */
export async function byPlace(db: DB, placeId: number, filter: PlaceFilter = {}): Promise<StoredOffer[]> {
	return (await byPlaces(db, [placeId], filter)).get(placeId) ?? [];
}

/** The offers of many places at once (the importer's look-up), by place. */
export async function byPlaces(db: DB, placeIds: readonly number[], filter: PlaceFilter = {}): Promise<Map<number, StoredOffer[]>> {
	const byPlace = new Map<number, StoredOffer[]>();
	for (const ids of chunks(placeIds)) {
		const rows = await db
			.selectFrom('offers')
			.selectAll()
			.where('place_id', 'in', ids)
			.$if(filter.source !== undefined, (q) => q.where('source', '=', filter.source!))
			.$if(filter.open === true, (q) => q.where('status', '!=', 'closed'))
			.orderBy('id')
			.execute();
		for (const row of rows) {
			const own = byPlace.get(row.place_id!) ?? [];
			own.push(decode(row));
			byPlace.set(row.place_id!, own);
		}
	}
	return byPlace;
}

/** Every offer that has a place (the remote-only ones are not on the map nor in the export), by id. */
export async function located(db: DB): Promise<StoredOffer[]> {
	const rows = await db.selectFrom('offers').selectAll().where('place_id', 'is not', null).orderBy('id').execute();
	return rows.map(decode);
}

/** The few columns the structure's pages list, for one or more actors. */
export async function listedFor(db: DB, actorIds: readonly number[]) {
	if (actorIds.length === 0) return [];
	const rows = await db
		.selectFrom('offers')
		.select(['id', 'actor_id', 'place_id', 'level', 'status', 'remote', 'verified_at', 'verified_how'])
		.where('actor_id', 'in', actorIds)
		.orderBy('id')
		.execute();
	return rows.map((r) => ({ ...r, level: r.level as Level | null, remote: r.remote === 1 }));
}

export async function idsOfPlace(db: DB, placeId: number): Promise<number[]> {
	return (await db.selectFrom('offers').select('id').where('place_id', '=', placeId).execute()).map((o) => o.id);
}

/**
 * Inserts offers and returns their ids in the same order. Offers with an upstream id go in
 * multi-row statements and are matched back by it (RETURNING's order is not promised by either
 * engine); local ones, created one at a time from a form, go one by one.
 */
export async function insert(db: DB, offers: readonly NewOffer[]): Promise<number[]> {
	const values = offers.map((o) => ({
		...encode(o, o),
		actor_id: o.actor_id,
		source: o.source,
		source_id: o.source_id,
		created_at: o.created_at,
		updated_at: o.created_at
	}));
	const ids = new Map<string, number>();
	const keyed = values.filter((v) => v.source_id !== null);
	for (const part of chunks(keyed)) {
		const rows = await db.insertInto('offers').values(part).returning(['id', 'source', 'source_id']).execute();
		for (const r of rows) ids.set(`${r.source}\u0000${r.source_id}`, r.id);
	}
	const out: number[] = [];
	for (const v of values) {
		if (v.source_id !== null) out.push(ids.get(`${v.source}\u0000${v.source_id}`)!);
		else out.push((await db.insertInto('offers').values(v).returning('id').executeTakeFirstOrThrow()).id);
	}
	return out;
}

/**
 * Rewrites an offer from its snapshot and bumps its version, only if it is still at the version
 * the caller read (when given): false when someone else's write came first.
 */
export async function update(db: DB, id: number, snapshot: OfferSnapshot, facts: OfferFacts, stamp: string, expectedVersion?: number): Promise<boolean> {
	let query = db
		.updateTable('offers')
		.set((eb) => ({ ...encode(snapshot, facts), updated_at: stamp, version: eb('version', '+', 1) }))
		.where('id', '=', id);
	if (expectedVersion !== undefined) query = query.where('version', '=', expectedVersion);
	const result = await query.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

export async function remove(db: DB, ids: readonly number[]): Promise<void> {
	for (const part of chunks(ids)) await db.deleteFrom('offers').where('id', 'in', part).execute();
}

/**
 * « Toujours à jour »: every offer of the actor counts as verified now by the structure. Not a
 * change of the listing (no version, no revision): a confirmation of it.
 */
export async function confirmAll(db: DB, actorId: number, stamp: string): Promise<void> {
	await db.updateTable('offers').set({ verified_at: stamp, verified_how: 'structure' }).where('actor_id', '=', actorId).execute();
}
