import type { Level } from '$lib/domain/levels';
import type { ListingEntity, OfferStatusValue, SnapshotOf } from '$lib/domain/listing';
import type { DB } from '../db/connect';

const list = (json: string): string[] => JSON.parse(json) as string[];

export interface CurrentRecord<E extends ListingEntity> {
	id: number;
	actorId: number;
	version: number;
	snapshot: SnapshotOf[E];
}

export async function readActor(db: DB, id: number): Promise<CurrentRecord<'actor'> | null> {
	const row = await db.selectFrom('actors').selectAll().where('id', '=', id).executeTakeFirst();
	if (!row) return null;
	return {
		id: row.id,
		actorId: row.id,
		version: row.version,
		snapshot: { name: row.name, siret: row.siret, website: row.website, email: row.email, phone: row.phone }
	};
}

export async function readPlace(db: DB, id: number): Promise<CurrentRecord<'place'> | null> {
	const row = await db.selectFrom('places').selectAll().where('id', '=', id).executeTakeFirst();
	if (!row) return null;
	return {
		id: row.id,
		actorId: row.actor_id,
		version: row.version,
		snapshot: {
			name: row.name,
			address: row.address,
			address_complement: row.address_complement,
			postal_code: row.postal_code,
			commune: row.commune,
			lat: row.lat,
			lon: row.lon,
			phone: row.phone,
			email: row.email,
			website: row.website,
			description: row.description
		}
	};
}

export async function readOffer(db: DB, id: number): Promise<CurrentRecord<'offer'> | null> {
	const row = await db.selectFrom('offers').selectAll().where('id', '=', id).executeTakeFirst();
	if (!row) return null;
	return {
		id: row.id,
		actorId: row.actor_id,
		version: row.version,
		snapshot: {
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
			status: row.status as OfferStatusValue,
			closed_from: row.closed_from,
			closed_until: row.closed_until,
			closure_message: row.closure_message
		}
	};
}

export function readRecord<E extends ListingEntity>(db: DB, entity: E, id: number): Promise<CurrentRecord<E> | null> {
	const readers = { actor: readActor, place: readPlace, offer: readOffer };
	return readers[entity](db, id) as Promise<CurrentRecord<E> | null>;
}
