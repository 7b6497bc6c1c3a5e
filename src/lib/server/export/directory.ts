import type { DB } from '../db/connect';
import type { Offer } from '../db/schema';
import { COMMUNE_CODE } from '../db/queries/quality';
import { toExportRow, type ExportPlace, type ExportRow } from './fold';

export interface ExportedDirectory {
	rows: ExportRow[];
	/** The latest write to a place, an offer or an actor (null for an empty directory). */
	lastModified: Date | null;
}

/**
 * The whole directory as schema rows, read straight from the tables (the in-memory catalogue lacks
 * versions, SIRETs and INSEE codes). Offers without a place (remote only) have no row: the schema
 * describes places.
 */
export async function exportDirectory(db: DB): Promise<ExportedDirectory> {
	const [places, offers, stamps] = await Promise.all([
		db
			.selectFrom('places')
			.innerJoin('actors', 'actors.id', 'places.actor_id')
			.selectAll('places')
			.select('actors.siret as siret')
			.select((eb) =>
				eb
					.exists(
						eb.selectFrom('place_areas').select('place_id').whereRef('place_areas.place_id', '=', 'places.id').where('area_code', '=', COMMUNE_CODE)
					)
					.as('in_commune')
			)
			.orderBy('places.id')
			.execute(),
		db.selectFrom('offers').selectAll().where('place_id', 'is not', null).orderBy('id').execute(),
		Promise.all(
			(['places', 'offers', 'actors'] as const).map((table) =>
				db
					.selectFrom(table)
					.select((eb) => eb.fn.max('updated_at').as('at'))
					.executeTakeFirst()
			)
		)
	]);
	const byPlace = new Map<number, Offer[]>();
	for (const o of offers) {
		const own = byPlace.get(o.place_id!) ?? [];
		own.push(o);
		byPlace.set(o.place_id!, own);
	}
	const rows: ExportRow[] = [];
	for (const p of places) {
		const place: ExportPlace = { ...p, in_commune: Boolean(p.in_commune) };
		const row = toExportRow(place, byPlace.get(p.id) ?? []);
		if (row) rows.push(row);
	}
	const latest = stamps
		.map((s) => s?.at)
		.filter((v): v is string => typeof v === 'string')
		.sort()
		.at(-1);
	return { rows, lastModified: latest ? new Date(latest) : null };
}
