import type { DB } from '../connect';

/** The Petit-déjeuner's editions, with their host's name when it is a place of the directory. */

export interface Edition {
	id: number;
	number: number;
	heldOn: string;
	startsAt: string | null;
	endsAt: string | null;
	theme: string | null;
	title: string;
	placeId: number | null;
	/** The directory place's name, or the one typed. */
	placeName: string | null;
	placeAddress: string | null;
	typedPlaceName: string | null;
	programme: string | null;
	summary: string | null;
	participants: number | null;
	capacity: number | null;
	registrationOpen: boolean;
}

export interface EditionValues {
	number: number;
	heldOn: string;
	startsAt: string | null;
	endsAt: string | null;
	theme: string | null;
	title: string;
	placeId: number | null;
	placeName: string | null;
	programme: string | null;
	summary: string | null;
	participants: number | null;
	capacity: number | null;
	registrationOpen: boolean;
}

function base(db: DB) {
	return db
		.selectFrom('network_editions as e')
		.leftJoin('places as p', 'p.id', 'e.place_id')
		.select([
			'e.id',
			'e.number',
			'e.held_on',
			'e.starts_at',
			'e.ends_at',
			'e.theme',
			'e.title',
			'e.place_id',
			'e.place_name',
			'p.name as directory_name',
			'p.address as directory_address',
			'e.programme',
			'e.summary',
			'e.participants',
			'e.capacity',
			'e.registration_open'
		]);
}

type Row = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

function toEdition(r: Row): Edition {
	return {
		id: r.id,
		number: r.number,
		heldOn: r.held_on,
		startsAt: r.starts_at,
		endsAt: r.ends_at,
		theme: r.theme,
		title: r.title,
		placeId: r.place_id,
		placeName: r.directory_name ?? r.place_name,
		placeAddress: r.directory_address ?? null,
		typedPlaceName: r.place_name,
		programme: r.programme,
		summary: r.summary,
		participants: r.participants,
		capacity: r.capacity,
		registrationOpen: Number(r.registration_open) === 1
	};
}

export async function all(db: DB): Promise<Edition[]> {
	return (await base(db).orderBy('e.held_on', 'desc').orderBy('e.number', 'desc').execute()).map(toEdition);
}

export async function byNumber(db: DB, number: number): Promise<Edition | null> {
	const row = await base(db).where('e.number', '=', number).executeTakeFirst();
	return row ? toEdition(row) : null;
}

export async function byId(db: DB, id: number): Promise<Edition | null> {
	const row = await base(db).where('e.id', '=', id).executeTakeFirst();
	return row ? toEdition(row) : null;
}

export async function ofTheme(db: DB, themes: readonly string[]): Promise<Edition[]> {
	if (themes.length === 0) return [];
	return (await base(db).where('e.theme', 'in', themes).orderBy('e.held_on', 'desc').execute()).map(toEdition);
}

function columns(v: EditionValues) {
	return {
		number: v.number,
		held_on: v.heldOn,
		starts_at: v.startsAt,
		ends_at: v.endsAt,
		theme: v.theme,
		title: v.title,
		place_id: v.placeId,
		place_name: v.placeId === null ? v.placeName : null,
		programme: v.programme,
		summary: v.summary,
		participants: v.participants,
		capacity: v.capacity,
		registration_open: v.registrationOpen ? 1 : 0
	};
}

/** Adds the editions whose number is not there yet: the seed runs at every start and changes nothing twice. */
export async function seed(db: DB, editions: readonly { number: number; heldOn: string; title: string; theme: string | null }[], stamp: string): Promise<number> {
	let added = 0;
	for (const e of editions) {
		const result = await db
			.insertInto('network_editions')
			.values({ number: e.number, held_on: e.heldOn, title: e.title, theme: e.theme, created_at: stamp, updated_at: stamp })
			.onConflict((oc) => oc.column('number').doNothing())
			.executeTakeFirst();
		added += Number(result.numInsertedOrUpdatedRows ?? 0);
	}
	return added;
}

export async function numberTaken(db: DB, number: number, exceptId: number | null): Promise<boolean> {
	let query = db.selectFrom('network_editions').select('id').where('number', '=', number);
	if (exceptId !== null) query = query.where('id', '!=', exceptId);
	return (await query.executeTakeFirst()) !== undefined;
}

export async function create(db: DB, values: EditionValues, stamp: string): Promise<number> {
	const row = await db
		.insertInto('network_editions')
		.values({ ...columns(values), created_at: stamp, updated_at: stamp })
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

export async function update(db: DB, id: number, values: EditionValues, stamp: string): Promise<boolean> {
	const result = await db.updateTable('network_editions').set({ ...columns(values), updated_at: stamp }).where('id', '=', id).executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/** The places a coordinator may pick as host, by name. */
export async function hostChoices(db: DB): Promise<{ id: number; name: string; address: string }[]> {
	return db.selectFrom('places').select(['id', 'name', 'address']).orderBy('name').orderBy('id').execute();
}

export async function placeExists(db: DB, id: number): Promise<boolean> {
	return (await db.selectFrom('places').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}
