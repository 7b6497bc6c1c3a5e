import { changedFields, type LocalListing } from '$lib/domain/import-review/compare';
import type { ListingEntity, OfferSnapshot, PlaceSnapshot } from '$lib/domain/listing';
import type { DB } from '../db/connect';
import { readOffer, readPlace } from '../listings/snapshots';

export interface HeldListing extends LocalListing {
	placeVersion: number;
	actorId: number;
	offers: { id: number; version: number; snapshot: OfferSnapshot; levelInferred: boolean }[];
}

/** A place as we hold it, with the offers that came from `source` (all its open offers when null). */
export async function localListing(db: DB, placeId: number, source: string | null): Promise<HeldListing | null> {
	const place = await readPlace(db, placeId);
	if (!place) return null;
	const rows = await db
		.selectFrom('offers')
		.select(['id', 'level_inferred'])
		.where('place_id', '=', placeId)
		.$if(source !== null, (q) => q.where('source', '=', source!))
		.where('status', '!=', 'closed')
		.orderBy('id')
		.execute();
	const offers: HeldListing['offers'] = [];
	for (const row of rows) {
		const offer = await readOffer(db, row.id);
		if (offer) offers.push({ id: row.id, version: offer.version, snapshot: offer.snapshot, levelInferred: row.level_inferred === 1 });
	}
	return { place: place.snapshot, placeVersion: place.version, actorId: place.actorId, offers };
}

/**
 * The fields of the place and of its offers whose last change was made here, not taken from an
 * extract. Field by field: a decision that took the hours from upstream but kept the local phone
 * leaves the phone a local correction for the next extract too, so it is never overwritten silently.
 */
export async function locallyCorrectedFields(db: DB, placeId: number): Promise<Set<string>> {
	const offerIds = (await db.selectFrom('offers').select('id').where('place_id', '=', placeId).execute()).map((o) => o.id);
	const revisions = await db
		.selectFrom('revisions')
		.select(['entity', 'before', 'after', 'reason'])
		.where('status', '=', 'published')
		.where((eb) =>
			eb.or([
				eb.and([eb('entity', '=', 'place'), eb('entity_id', '=', placeId)]),
				...(offerIds.length > 0 ? [eb.and([eb('entity', '=', 'offer'), eb('entity_id', 'in', offerIds)])] : [])
			])
		)
		.orderBy('id')
		.execute();
	const fields = new Set<string>();
	for (const r of revisions) {
		const entity = r.entity as ListingEntity;
		if (entity === 'actor') continue;
		// Changes the import review itself applied are upstream facts, not local corrections.
		const fromUpstream = r.reason?.startsWith('Import ') ?? false;
		const before = r.before ? (JSON.parse(r.before) as PlaceSnapshot | OfferSnapshot) : null;
		for (const f of changedFields(entity, before, JSON.parse(r.after) as PlaceSnapshot | OfferSnapshot)) {
			if (fromUpstream) fields.delete(f);
			else fields.add(f);
		}
	}
	return fields;
}
