import type { DB } from '../db/connect';
import * as offers from '../db/queries/offers';
import type { StoredOffer } from '../db/queries/offers';
import * as places from '../db/queries/places';
import { toExportRow, type ExportRow } from './fold';

export interface ExportedDirectory {
	rows: ExportRow[];
	/** Each row's place, in the order of `rows`. */
	placeIds: number[];
	/** The latest write to a place, an offer or an actor (null for an empty directory). */
	lastModified: Date | null;
}

/**
 * The whole directory as schema rows, read straight from the tables (the in-memory catalogue lacks
 * versions, SIRETs and INSEE codes). Offers without a place (remote only) have no row: the schema
 * describes places.
 */
export async function exportDirectory(db: DB): Promise<ExportedDirectory> {
	const [held, located, latest] = await Promise.all([places.forExport(db), offers.located(db), places.lastModified(db)]);
	const byPlace = new Map<number, StoredOffer[]>();
	for (const o of located) {
		const own = byPlace.get(o.place_id!) ?? [];
		own.push(o);
		byPlace.set(o.place_id!, own);
	}
	const rows: ExportRow[] = [];
	const placeIds: number[] = [];
	for (const place of held) {
		const row = toExportRow(place, byPlace.get(place.id) ?? []);
		if (row) {
			rows.push(row);
			placeIds.push(place.id);
		}
	}
	return { rows, placeIds, lastModified: latest ? new Date(latest) : null };
}
