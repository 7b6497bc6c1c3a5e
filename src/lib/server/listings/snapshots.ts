import type { ListingEntity, SnapshotOf } from '$lib/domain/listing';
import type { DB } from '../db/connect';
import * as actors from '../db/queries/actors';
import * as offers from '../db/queries/offers';
import * as places from '../db/queries/places';

/** A record as a form, the moderation and the rollback see it: its snapshot and its version. */
export interface CurrentRecord<E extends ListingEntity> {
	id: number;
	actorId: number;
	version: number;
	snapshot: SnapshotOf[E];
}

export async function readActor(db: DB, id: number): Promise<CurrentRecord<'actor'> | null> {
	const row = await actors.byId(db, id);
	return row ? { id: row.id, actorId: row.id, version: row.version, snapshot: actors.snapshotOf(row) } : null;
}

export async function readPlace(db: DB, id: number): Promise<CurrentRecord<'place'> | null> {
	const row = await places.byId(db, id);
	return row ? { id: row.id, actorId: row.actor_id, version: row.version, snapshot: places.snapshotOf(row) } : null;
}

export async function readOffer(db: DB, id: number): Promise<CurrentRecord<'offer'> | null> {
	const row = await offers.byId(db, id);
	return row ? { id: row.id, actorId: row.actor_id, version: row.version, snapshot: offers.snapshotOf(row) } : null;
}

export function readRecord<E extends ListingEntity>(db: DB, entity: E, id: number): Promise<CurrentRecord<E> | null> {
	const readers = { actor: readActor, place: readPlace, offer: readOffer };
	return readers[entity](db, id) as Promise<CurrentRecord<E> | null>;
}
