import type { DB } from '../connect';

/** Where a referral can go: an offer with its place and structure, and the directory's places to suggest. */

/** The offer a referral goes to, with its place and structure: where the mail goes. */
export async function destination(db: DB, offerId: number) {
	const row = await db
		.selectFrom('offers as o')
		.innerJoin('places as p', 'p.id', 'o.place_id')
		.innerJoin('actors as a', 'a.id', 'o.actor_id')
		.select([
			'o.id as offer_id',
			'o.level',
			'o.status',
			'o.hours',
			'o.themes',
			'p.id as place_id',
			'p.name as place_name',
			'p.address',
			'p.postal_code',
			'p.commune',
			'p.phone as place_phone',
			'p.email as place_email',
			'a.id as actor_id',
			'a.name as actor_name',
			'a.email as actor_email',
			'a.phone as actor_phone'
		])
		.where('o.id', '=', offerId)
		.executeTakeFirst();
	if (!row) return null;
	return {
		offerId: row.offer_id,
		level: row.level,
		status: row.status,
		hours: row.hours,
		themes: JSON.parse(row.themes) as string[],
		placeId: row.place_id,
		placeName: row.place_name,
		address: `${row.address}, ${row.postal_code} ${row.commune}`,
		phone: row.place_phone ?? row.actor_phone,
		// The place's own address first: it is the desk that receives the person.
		email: row.place_email || row.actor_email || null,
		actorId: row.actor_id,
		actorName: row.actor_name
	};
}

export type Destination = NonNullable<Awaited<ReturnType<typeof destination>>>;

/** The offers of a place, for the form's choice when a place has several. */
export async function offersOfPlace(db: DB, placeId: number) {
	return db.selectFrom('offers').select(['id', 'level', 'status']).where('place_id', '=', placeId).where('status', '!=', 'closed').orderBy('id').execute();
}

/** The directory's places, for « suggérer un autre lieu ». */
export async function placeChoices(db: DB) {
	return db.selectFrom('places').select(['id', 'name']).orderBy('name').orderBy('id').execute();
}
