import type { UnknownValue } from '$lib/domain/national-schema';
import type { DB } from '../connect';

/** The raw values each place's extract gave that the importer did not recognise. */
export async function byPlaces(db: DB, placeIds: readonly number[]): Promise<Map<number, UnknownValue[]>> {
	const found = new Map<number, UnknownValue[]>();
	for (let i = 0; i < placeIds.length; i += 500) {
		const rows = await db
			.selectFrom('place_unknown_values')
			.select(['place_id', 'field', 'value'])
			.where('place_id', 'in', placeIds.slice(i, i + 500))
			.orderBy('id')
			.execute();
		for (const r of rows) found.set(r.place_id, [...(found.get(r.place_id) ?? []), { field: r.field, value: r.value }]);
	}
	return found;
}

export async function all(db: DB): Promise<Map<number, UnknownValue[]>> {
	const found = new Map<number, UnknownValue[]>();
	const rows = await db.selectFrom('place_unknown_values').select(['place_id', 'field', 'value']).orderBy('id').execute();
	for (const r of rows) found.set(r.place_id, [...(found.get(r.place_id) ?? []), { field: r.field, value: r.value }]);
	return found;
}

/** Replaces the raw values of these places (an empty list clears them). */
export async function replace(db: DB, values: ReadonlyMap<number, readonly UnknownValue[]>): Promise<void> {
	const ids = [...values.keys()];
	for (let i = 0; i < ids.length; i += 500) await db.deleteFrom('place_unknown_values').where('place_id', 'in', ids.slice(i, i + 500)).execute();
	const rows = [...values].flatMap(([place_id, list]) => list.map((v) => ({ place_id, field: v.field.slice(0, 100), value: v.value.slice(0, 500) })));
	for (let i = 0; i < rows.length; i += 200) await db.insertInto('place_unknown_values').values(rows.slice(i, i + 200)).execute();
}
