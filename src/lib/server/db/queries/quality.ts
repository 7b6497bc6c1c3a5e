import type { Kysely } from 'kysely';
import { qualityFlags } from '$lib/domain/quality';
import { streetIndex } from '../../streets';
import type { Database } from '../schema';
import * as unknownValues from './unknown-values';

export const COMMUNE_CODE = '59512';

/** Recomputes every place's flags: duplicates depend on the other places, so all go together. */
export async function refreshQualityFlags(db: Kysely<Database>, now: Date): Promise<number> {
	const places = await db
		.selectFrom('places')
		.select(['id', 'name', 'address', 'commune', 'lon', 'lat', 'source_updated_on'])
		.select((eb) => [
			eb
				.exists(eb.selectFrom('place_areas').select('place_id').whereRef('place_areas.place_id', '=', 'places.id').where('area_code', '=', COMMUNE_CODE))
				.as('in_commune'),
			eb
				.exists(eb.selectFrom('offers').select('id').whereRef('offers.place_id', '=', 'places.id').where('hours', 'is not', null))
				.as('has_hours'),
			// A structure confirming or editing its listing makes it fresh, whatever the source's date.
			eb
				.selectFrom('offers')
				.select((o) => o.fn.max('offers.verified_at').as('v'))
				.whereRef('offers.place_id', '=', 'places.id')
				.where('verified_how', '!=', 'import')
				.as('checked_on')
		])
		.execute();
	const raw = await unknownValues.all(db);
	const flags = qualityFlags(
		places.map((p) => ({
			id: p.id,
			name: p.name,
			address: p.address,
			commune: p.commune,
			unknownValues: raw.get(p.id),
			lon: p.lon,
			lat: p.lat,
			inCommune: Boolean(p.in_commune),
			hasHours: Boolean(p.has_hours),
			sourceUpdatedOn: [p.source_updated_on, p.checked_on].filter((d): d is string => !!d).sort().at(-1) ?? null
		})),
		streetIndex(),
		now
	);
	const rows = [...flags].flatMap(([placeId, list]) =>
		list.map((f) => ({ place_id: placeId, code: f.code, detail: f.detail, related_place_id: f.relatedId ?? null }))
	);
	// Rewrite only when something changed, so a re-import of the same file writes nothing.
	const current = await db.selectFrom('quality_flags').select(['place_id', 'code', 'detail', 'related_place_id']).execute();
	const key = (r: { place_id: number; code: string; detail: string; related_place_id: number | null }) => `${r.place_id}|${r.code}|${r.detail}|${r.related_place_id}`;
	const before = new Set(current.map(key));
	if (before.size === rows.length && rows.every((r) => before.has(key(r)))) return rows.length;
	await db.deleteFrom('quality_flags').execute();
	for (let i = 0; i < rows.length; i += 200) {
		await db.insertInto('quality_flags').values(rows.slice(i, i + 200)).execute();
	}
	return rows.length;
}

/** Every flag, in the order raised. */
export async function allFlags(db: Kysely<Database>) {
	return db.selectFrom('quality_flags').select(['place_id', 'code', 'detail', 'related_place_id']).orderBy('id').execute();
}
