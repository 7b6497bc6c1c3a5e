import { isActorKind, type ActorKind } from '$lib/domain/actor-kinds';
import { SNAPSHOT_FIELDS, type ActorSnapshot } from '$lib/domain/listing';
import { normalizeText } from '$lib/domain/vocabulary';
import type { DB } from '../connect';
import { chunks } from './chunks';

/** An actor as the directory holds it; `trusted` is a boolean here, 0/1 in the table. */
export interface StoredActor extends ActorSnapshot {
	id: number;
	kind: ActorKind | null;
	presentation: string | null;
	pro_contact_name: string | null;
	pro_contact_phone: string | null;
	name_key: string;
	created_at: string;
	updated_at: string;
	version: number;
	trusted: boolean;
}

export function snapshotOf(actor: StoredActor): ActorSnapshot {
	const snapshot = {} as Record<string, unknown>;
	for (const field of SNAPSHOT_FIELDS.actor) snapshot[field] = actor[field];
	return snapshot as unknown as ActorSnapshot;
}

/**
 * The columns a snapshot writes. The directory's fields may be absent (an importer's new actor, a
 * snapshot older than them): undefined leaves the column as it is (Kysely skips it), null empties it.
 */
const fieldsOf = (s: ActorSnapshot) => ({
	name: s.name,
	siret: s.siret,
	website: s.website,
	email: s.email,
	phone: s.phone,
	kind: s.kind,
	presentation: s.presentation,
	pro_contact_name: s.pro_contact_name,
	pro_contact_phone: s.pro_contact_phone
});

export async function byId(db: DB, id: number): Promise<StoredActor | null> {
	const row = await db.selectFrom('actors').selectAll().where('id', '=', id).executeTakeFirst();
	return row ? { ...row, kind: isActorKind(row.kind) ? row.kind : null, trusted: row.trusted === 1 } : null;
}

/** Id and name, for the pages that only name the actor. */
export async function summary(db: DB, id: number) {
	return (await db.selectFrom('actors').select(['id', 'name']).where('id', '=', id).executeTakeFirst()) ?? null;
}

/** Every actor's id and name, by name (the choices of a form). */
export async function names(db: DB) {
	return db.selectFrom('actors').select(['id', 'name']).orderBy('name').execute();
}

export async function namesByIds(db: DB, ids: readonly number[]): Promise<Map<number, string>> {
	const found = new Map<number, string>();
	for (const part of chunks(ids)) {
		for (const r of await db.selectFrom('actors').select(['id', 'name']).where('id', 'in', part).execute()) found.set(r.id, r.name);
	}
	return found;
}

/** These actors, by name, with whether they publish without moderation. */
export async function listed(db: DB, ids: readonly number[]) {
	if (ids.length === 0) return [];
	const rows = await db.selectFrom('actors').select(['id', 'name', 'trusted']).where('id', 'in', ids).orderBy('name').execute();
	return rows.map((r) => ({ ...r, trusted: r.trusted === 1 }));
}

/** Every actor with its number of places and its latest verified offer (the coordinator's list). */
export async function overview(db: DB) {
	const rows = await db
		.selectFrom('actors')
		.select(['actors.id', 'actors.name', 'actors.trusted'])
		.select((eb) => [
			eb.selectFrom('places').select((p) => p.fn.countAll<number>().as('n')).whereRef('places.actor_id', '=', 'actors.id').as('places'),
			eb.selectFrom('offers').select((o) => o.fn.max('offers.verified_at').as('v')).whereRef('offers.actor_id', '=', 'actors.id').as('verifiedAt')
		])
		.execute();
	return rows.map((r) => ({ id: r.id, name: r.name, trusted: r.trusted === 1, places: Number(r.places ?? 0), verifiedAt: r.verifiedAt ?? null }));
}

/** The actor whose name matches, accents and case aside. */
export async function idByName(db: DB, name: string): Promise<number | null> {
	const row = await db.selectFrom('actors').select('id').where('name_key', '=', normalizeText(name)).executeTakeFirst();
	return row?.id ?? null;
}

/** The actors of many names at once (the importer's look-up), by normalised name. */
export async function idsByNames(db: DB, names: readonly string[]): Promise<Map<string, number>> {
	const found = new Map<string, number>();
	const keys = [...new Set(names.map(normalizeText))];
	for (const part of chunks(keys)) {
		for (const r of await db.selectFrom('actors').select(['id', 'name_key']).where('name_key', 'in', part).execute()) found.set(r.name_key, r.id);
	}
	return found;
}

/** Whether another actor than `exceptId` already has this name, accents and case aside. */
export async function nameTaken(db: DB, name: string, exceptId: number | null): Promise<boolean> {
	const clash = await db
		.selectFrom('actors')
		.select('id')
		.where('name_key', '=', normalizeText(name))
		.$if(exceptId !== null, (q) => q.where('id', '!=', exceptId!))
		.executeTakeFirst();
	return clash !== undefined;
}

/** Inserts actors and returns their ids in order, matched back by their unique normalised name. */
export async function insert(db: DB, actors: readonly ActorSnapshot[], stamp: string): Promise<number[]> {
	const values = actors.map((a) => ({ ...fieldsOf(a), name_key: normalizeText(a.name), created_at: stamp, updated_at: stamp }));
	const ids = new Map<string, number>();
	for (const part of chunks(values)) {
		for (const r of await db.insertInto('actors').values(part).returning(['id', 'name_key']).execute()) ids.set(r.name_key, r.id);
	}
	return values.map((v) => ids.get(v.name_key)!);
}

/**
 * Rewrites an actor from its snapshot and bumps its version, only if it is still at the version
 * the caller read (when given): false when someone else's write came first.
 */
export async function update(db: DB, id: number, snapshot: ActorSnapshot, stamp: string, expectedVersion?: number): Promise<boolean> {
	let query = db
		.updateTable('actors')
		.set((eb) => ({ ...fieldsOf(snapshot), name_key: normalizeText(snapshot.name), updated_at: stamp, version: eb('version', '+', 1) }))
		.where('id', '=', id);
	if (expectedVersion !== undefined) query = query.where('version', '=', expectedVersion);
	const result = await query.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/** Not part of the listing: no version bump, so pending proposals are not put in conflict. */
export async function setTrusted(db: DB, id: number, trusted: boolean): Promise<void> {
	await db.updateTable('actors').set({ trusted: trusted ? 1 : 0 }).where('id', '=', id).execute();
}

/**
 * Each actor with the latest verification of its offers and the latest source date of its places
 * (the freshness campaigns pick the stale ones). Grouped by every selected column, as PostgreSQL asks.
 */
export async function lastVerified(db: DB) {
	return db
		.selectFrom('actors')
		.leftJoin('offers', 'offers.actor_id', 'actors.id')
		.leftJoin('places', 'places.actor_id', 'actors.id')
		.select(['actors.id', 'actors.name', 'actors.email'])
		.select((eb) => [eb.fn.max('offers.verified_at').as('verified_at'), eb.fn.max('places.source_updated_on').as('source_on')])
		.groupBy(['actors.id', 'actors.name', 'actors.email'])
		.orderBy('actors.name')
		.execute();
}

/**
 * What anyone may read of the structures, by name: the columns are named one by one, so the
 * contact for professionals (and whatever is added later) never reaches a public page by default.
 */
export async function publicProfiles(db: DB, id?: number) {
	return db
		.selectFrom('actors')
		.select(['id', 'name', 'kind', 'presentation', 'website', 'email', 'phone'])
		.$if(id !== undefined, (q) => q.where('id', '=', id!))
		.orderBy('name')
		.execute();
}

/** The named referent and direct line: for signed-in accounts only (the caller checks). */
export async function professionalContact(db: DB, id: number): Promise<{ name: string | null; phone: string | null } | null> {
	const row = await db.selectFrom('actors').select(['pro_contact_name', 'pro_contact_phone']).where('id', '=', id).executeTakeFirst();
	if (!row || (row.pro_contact_name === null && row.pro_contact_phone === null)) return null;
	return { name: row.pro_contact_name, phone: row.pro_contact_phone };
}

/** Each actor's latest verification of any of its offers (placed or remote): when and how. */
export async function lastVerification(db: DB): Promise<Map<number, { at: string; how: string | null }>> {
	const rows = await db.selectFrom('offers').select(['actor_id', 'verified_at', 'verified_how']).where('verified_at', 'is not', null).execute();
	const latest = new Map<number, { at: string; how: string | null }>();
	for (const r of rows) {
		const held = latest.get(r.actor_id);
		if (!held || r.verified_at! > held.at) latest.set(r.actor_id, { at: r.verified_at!, how: r.verified_how });
	}
	return latest;
}

/** The open offers at no place (remote help), which the catalogue of places leaves out, by actor. */
export async function remoteOffers(db: DB) {
	const rows = await db
		.selectFrom('offers')
		.select(['id', 'actor_id', 'level', 'level_inferred', 'themes', 'tags', 'status'])
		.where('place_id', 'is', null)
		.where('status', '!=', 'closed')
		.orderBy('id')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		actorId: r.actor_id,
		level: r.level,
		inferred: r.level_inferred === 1,
		needs: [...(JSON.parse(r.themes) as string[]), ...(JSON.parse(r.tags) as string[])],
		status: r.status
	}));
}
