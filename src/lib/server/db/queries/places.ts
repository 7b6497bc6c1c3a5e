import { SNAPSHOT_FIELDS, type PlaceSnapshot } from '$lib/domain/listing';
import type { DB } from '../connect';
import type { Place } from '../schema';
import { chunks } from './chunks';
import { COMMUNE_CODE } from './quality';

/** A place as the directory holds it (no list column: the row is its own shape). */
export type StoredPlace = Place;

/** What only an upstream extract says about a place, beside its snapshot. */
export interface PlaceFacts {
	/** Left as it is when undefined. */
	source_updated_on?: string | null;
	code_insee?: string | null;
}

export interface NewPlace extends PlaceSnapshot, PlaceFacts {
	actor_id: number;
	source: string;
	source_id: string | null;
	created_at: string;
}

export function snapshotOf(place: StoredPlace): PlaceSnapshot {
	const snapshot = {} as Record<string, unknown>;
	for (const field of SNAPSHOT_FIELDS.place) snapshot[field] = place[field];
	return snapshot as unknown as PlaceSnapshot;
}

function facts(f: PlaceFacts) {
	return {
		...(f.source_updated_on !== undefined ? { source_updated_on: f.source_updated_on } : {}),
		...(f.code_insee !== undefined ? { code_insee: f.code_insee } : {})
	};
}

export async function byId(db: DB, id: number): Promise<StoredPlace | null> {
	return (await db.selectFrom('places').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

/** The places one source already gave us, by their upstream id (the importer's look-up). */
export async function bySourceIds(db: DB, source: string, sourceIds: readonly string[]): Promise<Map<string, StoredPlace>> {
	const found = new Map<string, StoredPlace>();
	for (const ids of chunks(sourceIds)) {
		const rows = await db.selectFrom('places').selectAll().where('source', '=', source).where('source_id', 'in', ids).execute();
		for (const row of rows) found.set(row.source_id!, row);
	}
	return found;
}

/** Whether the directory already holds places from any of these sources. */
export async function anyFromSources(db: DB, sources: readonly string[]): Promise<boolean> {
	if (sources.length === 0) return false;
	return (await db.selectFrom('places').select('id').where('source', 'in', sources).limit(1).executeTakeFirst()) !== undefined;
}

/** Name and address, for the pages that name a place. */
export async function summary(db: DB, id: number) {
	return (await db.selectFrom('places').select(['id', 'actor_id', 'name', 'address']).where('id', '=', id).executeTakeFirst()) ?? null;
}

/** The places of one or more actors, by name. */
export async function ofActors(db: DB, actorIds: readonly number[]) {
	if (actorIds.length === 0) return [];
	return db.selectFrom('places').select(['id', 'actor_id', 'name', 'address']).where('actor_id', 'in', actorIds).orderBy('name').execute();
}

export async function namesByIds(db: DB, ids: readonly number[]): Promise<Map<number, string>> {
	const names = new Map<number, string>();
	for (const part of chunks(ids)) {
		for (const r of await db.selectFrom('places').select(['id', 'name']).where('id', 'in', part).execute()) names.set(r.id, r.name);
	}
	return names;
}

/** The places still open (at least one offer not closed for good): what a newer extract is compared with. */
export async function open(db: DB) {
	return db
		.selectFrom('places')
		.select(['id', 'name', 'address', 'lat', 'lon', 'source', 'source_id'])
		.where((eb) =>
			eb.exists(eb.selectFrom('offers').select('offers.id').whereRef('offers.place_id', '=', 'places.id').where('offers.status', '!=', 'closed'))
		)
		.orderBy('id')
		.execute();
}

/** Every place with its actor's SIRET and whether its point is in the commune: the export's rows. */
export async function forExport(db: DB) {
	const rows = await db
		.selectFrom('places')
		.innerJoin('actors', 'actors.id', 'places.actor_id')
		.selectAll('places')
		.select('actors.siret as siret')
		.select((eb) =>
			eb
				.exists(eb.selectFrom('place_areas').select('place_id').whereRef('place_areas.place_id', '=', 'places.id').where('area_code', '=', COMMUNE_CODE))
				.as('in_commune')
		)
		.orderBy('places.id')
		.execute();
	return rows.map((r) => ({ ...r, in_commune: Boolean(r.in_commune) }));
}

/** The latest write to a place, an offer or an actor (null for an empty directory). */
export async function lastModified(db: DB): Promise<string | null> {
	const stamps = await Promise.all(
		(['places', 'offers', 'actors'] as const).map((table) =>
			db
				.selectFrom(table)
				.select((eb) => eb.fn.max('updated_at').as('at'))
				.executeTakeFirst()
		)
	);
	return (
		stamps
			.map((s) => s?.at)
			.filter((v): v is string => typeof v === 'string')
			.sort()
			.at(-1) ?? null
	);
}

/** Inserts places and returns their ids in order; upstream ones in multi-row statements (see offers.insert). */
export async function insert(db: DB, places: readonly NewPlace[]): Promise<number[]> {
	const values = places.map((p) => {
		const snapshot = {} as Record<string, unknown>;
		for (const field of SNAPSHOT_FIELDS.place) snapshot[field] = p[field];
		return {
			...(snapshot as unknown as PlaceSnapshot),
			...facts(p),
			actor_id: p.actor_id,
			source: p.source,
			source_id: p.source_id,
			created_at: p.created_at,
			updated_at: p.created_at
		};
	});
	const ids = new Map<string, number>();
	for (const part of chunks(values.filter((v) => v.source_id !== null))) {
		const rows = await db.insertInto('places').values(part).returning(['id', 'source', 'source_id']).execute();
		for (const r of rows) ids.set(`${r.source}\u0000${r.source_id}`, r.id);
	}
	const out: number[] = [];
	for (const v of values) {
		if (v.source_id !== null) out.push(ids.get(`${v.source}\u0000${v.source_id}`)!);
		else out.push((await db.insertInto('places').values(v).returning('id').executeTakeFirstOrThrow()).id);
	}
	return out;
}

/**
 * Rewrites a place from its snapshot and bumps its version, only if it is still at the version
 * the caller read (when given): false when someone else's write came first.
 */
export async function update(db: DB, id: number, snapshot: PlaceSnapshot, upstream: PlaceFacts, stamp: string, expectedVersion?: number): Promise<boolean> {
	const fields = {} as Record<string, unknown>;
	for (const field of SNAPSHOT_FIELDS.place) fields[field] = snapshot[field];
	let query = db
		.updateTable('places')
		.set((eb) => ({ ...(fields as unknown as PlaceSnapshot), ...facts(upstream), updated_at: stamp, version: eb('version', '+', 1) }))
		.where('id', '=', id);
	if (expectedVersion !== undefined) query = query.where('version', '=', expectedVersion);
	const result = await query.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/** Replaces the areas of these places (computed from their points by the caller). */
export async function setAreas(db: DB, areas: ReadonlyMap<number, readonly string[]>): Promise<void> {
	const ids = [...areas.keys()];
	for (const part of chunks(ids)) await db.deleteFrom('place_areas').where('place_id', 'in', part).execute();
	const rows = [...areas].flatMap(([place_id, codes]) => codes.map((area_code) => ({ place_id, area_code })));
	for (const part of chunks(rows)) await db.insertInto('place_areas').values(part).execute();
}

/** Which place speaks for each upstream record, merged duplicates included. */
export async function upstreamLinks(db: DB) {
	return db.selectFrom('place_sources').selectAll().execute();
}

/** The upstream id stays attached to the record that now speaks for it. */
export async function linkUpstream(db: DB, link: { source: string; sourceId: string; placeId: number; seenAt: string }): Promise<void> {
	await db
		.insertInto('place_sources')
		.values({ source: link.source, source_id: link.sourceId, place_id: link.placeId, seen_at: link.seenAt })
		.onConflict((oc) => oc.columns(['source', 'source_id']).doUpdateSet({ place_id: link.placeId, seen_at: link.seenAt }))
		.execute();
}

/** Every place (the in-memory catalogue is built from them). */
export async function all(db: DB): Promise<StoredPlace[]> {
	return db.selectFrom('places').selectAll().orderBy('id').execute();
}

/** Every place's areas, as computed from its point. */
export async function allAreas(db: DB) {
	return db.selectFrom('place_areas').select(['place_id', 'area_code']).execute();
}

/** Of these ids, those of places created here (source `local`): our own export names them `roubaix-<id>`. */
export async function localIds(db: DB, ids: readonly number[]): Promise<Set<number>> {
	const found = new Set<number>();
	for (let i = 0; i < ids.length; i += 500) {
		const rows = await db.selectFrom('places').select('id').where('source', '=', 'local').where('id', 'in', ids.slice(i, i + 500)).execute();
		for (const r of rows) found.add(r.id);
	}
	return found;
}
