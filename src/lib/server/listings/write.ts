import type { ListingEntity, SnapshotOf } from '$lib/domain/listing';
import { normalizeText } from '$lib/domain/vocabulary';
import type { DB } from '../db/connect';
import type { VerifiedHow } from '../db/schema';
import { areaShapes, areasOfPoint } from '../db/queries/areas';
import { refreshQualityFlags } from '../db/queries/quality';

export interface WriteContext {
	actorId: number;
	now: Date;
	/** How the person publishing knows the facts: the structure itself, or the City by phone. */
	verifiedHow: VerifiedHow;
	/** False for a rollback: putting old facts back is not checking them today. */
	verify?: boolean;
	/** Set when the facts come from an upstream extract (the import review). */
	origin?: ImportOrigin;
}

export interface ImportOrigin {
	source: string;
	sourceId: string | null;
	/** The extract's `date_maj`: an imported fact is as fresh as its source says, no fresher. */
	sourceUpdatedOn: string | null;
	levelInferred?: boolean;
}

export class DuplicateActorName extends Error {}

/**
 * Writes a snapshot to its table (insert when `id` is null) and bumps the version. Callers run it
 * inside a transaction, after the version check.
 */
export async function writeSnapshot<E extends ListingEntity>(
	db: DB,
	entity: E,
	id: number | null,
	snapshot: SnapshotOf[E],
	context: WriteContext
): Promise<number> {
	const stamp = context.now.toISOString();
	if (entity === 'actor') return writeActor(db, id, snapshot as SnapshotOf['actor'], stamp);
	if (entity === 'place') return writePlace(db, id, snapshot as SnapshotOf['place'], context, stamp);
	return writeOffer(db, id, snapshot as SnapshotOf['offer'], context, stamp);
}

/** Throws DuplicateActorName when another actor already has this name (accents and case aside). */
export async function assertActorNameFree(db: DB, id: number | null, name: string): Promise<void> {
	const clash = await db
		.selectFrom('actors')
		.select('id')
		.where('name_key', '=', normalizeText(name))
		.$if(id !== null, (q) => q.where('id', '!=', id!))
		.executeTakeFirst();
	if (clash) throw new DuplicateActorName(name);
}

async function writeActor(db: DB, id: number | null, s: SnapshotOf['actor'], stamp: string): Promise<number> {
	const nameKey = normalizeText(s.name);
	await assertActorNameFree(db, id, s.name);
	const fields = { ...s, name_key: nameKey, updated_at: stamp };
	if (id === null) {
		const row = await db.insertInto('actors').values({ ...fields, created_at: stamp }).returning('id').executeTakeFirstOrThrow();
		return row.id;
	}
	await db.updateTable('actors').set((eb) => ({ ...fields, version: eb('version', '+', 1) })).where('id', '=', id).execute();
	return id;
}

async function writePlace(db: DB, id: number | null, s: SnapshotOf['place'], context: WriteContext, stamp: string): Promise<number> {
	let placeId: number;
	if (id === null) {
		const row = await db
			.insertInto('places')
			.values({
				...s,
				actor_id: context.actorId,
				source: context.origin?.source ?? 'local',
				source_id: context.origin?.sourceId ?? null,
				source_updated_on: context.origin?.sourceUpdatedOn ?? null,
				created_at: stamp,
				updated_at: stamp
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		placeId = row.id;
	} else {
		const upstreamDate = context.origin ? { source_updated_on: context.origin.sourceUpdatedOn } : {};
		await db
			.updateTable('places')
			.set((eb) => ({ ...s, ...upstreamDate, updated_at: stamp, version: eb('version', '+', 1) }))
			.where('id', '=', id)
			.execute();
		placeId = id;
	}
	// The areas always follow the point: recomputed here, never typed.
	const codes = areasOfPoint(await areaShapes(db), s.lon, s.lat);
	await db.deleteFrom('place_areas').where('place_id', '=', placeId).execute();
	if (codes.length > 0) await db.insertInto('place_areas').values(codes.map((area_code) => ({ place_id: placeId, area_code }))).execute();
	await refreshQualityFlags(db, context.now);
	return placeId;
}

async function writeOffer(db: DB, id: number | null, s: SnapshotOf['offer'], context: WriteContext, stamp: string): Promise<number> {
	const fields = {
		place_id: s.place_id,
		level: s.level,
		// A level given by the structure itself is no longer a guess; an upstream one stays as it came.
		level_inferred: context.origin?.levelInferred ? 1 : 0,
		themes: JSON.stringify(s.themes),
		tags: JSON.stringify(s.tags),
		publics: JSON.stringify(s.publics),
		specific_support: JSON.stringify(s.specific_support),
		fees: JSON.stringify(s.fees),
		access_modes: JSON.stringify(s.access_modes),
		programmes: JSON.stringify(s.programmes),
		other_labels: JSON.stringify(s.other_labels),
		languages: JSON.stringify(s.languages),
		hours: s.hours,
		booking_url: s.booking_url,
		remote: s.remote ? 1 : 0,
		description: s.description,
		status: s.status,
		closed_from: s.closed_from,
		closed_until: s.closed_until,
		closure_message: s.closure_message,
		updated_at: stamp,
		...(context.origin
			? { verified_at: context.origin.sourceUpdatedOn, verified_how: 'import' as const }
			: context.verify === false
				? {}
				: { verified_at: stamp, verified_how: context.verifiedHow })
	};
	if (id === null) {
		const row = await db
			.insertInto('offers')
			.values({
				...fields,
				actor_id: context.actorId,
				source: context.origin?.source ?? 'local',
				source_id: context.origin?.sourceId ?? null,
				created_at: stamp
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		id = row.id;
	} else {
		await db.updateTable('offers').set((eb) => ({ ...fields, version: eb('version', '+', 1) })).where('id', '=', id).execute();
	}
	// Hours and verification dates feed the quality flags.
	await refreshQualityFlags(db, context.now);
	return id;
}
