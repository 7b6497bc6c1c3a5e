import { changedFields, type LocalListing } from '$lib/domain/import-review/compare';
import type { OfferSnapshot, PlaceSnapshot } from '$lib/domain/listing';
import type { DB } from '../db/connect';
import * as offers from '../db/queries/offers';
import * as revisions from '../db/queries/revisions';
import { readPlace } from '../listings/snapshots';

export interface HeldListing extends LocalListing {
	placeVersion: number;
	actorId: number;
	offers: { id: number; version: number; snapshot: OfferSnapshot; levelInferred: boolean }[];
}

/** A place as we hold it, with the offers that came from `source` (all its open offers when null). */
export async function localListing(db: DB, placeId: number, source: string | null): Promise<HeldListing | null> {
	const place = await readPlace(db, placeId);
	if (!place) return null;
	const held = await offers.byPlace(db, placeId, { open: true, ...(source !== null ? { source } : {}) });
	return {
		place: place.snapshot,
		placeVersion: place.version,
		actorId: place.actorId,
		offers: held.map((o) => ({ id: o.id, version: o.version, snapshot: offers.snapshotOf(o), levelInferred: o.level_inferred }))
	};
}

/**
 * The fields of the place and of its offers whose last change was made here, not taken from an
 * extract. Field by field: a decision that took the hours from upstream but kept the local phone
 * leaves the phone a local correction for the next extract too, so it is never overwritten silently.
 */
export async function locallyCorrectedFields(db: DB, placeId: number): Promise<Set<string>> {
	const published = await revisions.publishedFor(db, placeId, await offers.idsOfPlace(db, placeId));
	const fields = new Set<string>();
	for (const r of published) {
		if (r.entity === 'actor') continue;
		// Changes taken from an extract (the importer, the import review) are upstream facts, not local corrections.
		const fromUpstream = r.origin === 'import';
		for (const f of changedFields(r.entity, r.before as PlaceSnapshot | OfferSnapshot | null, r.after as PlaceSnapshot | OfferSnapshot)) {
			if (fromUpstream) fields.delete(f);
			else fields.add(f);
		}
	}
	return fields;
}
