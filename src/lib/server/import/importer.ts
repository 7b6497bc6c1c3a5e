import { createHash } from 'node:crypto';
import type { Insertable } from 'kysely';
import type { ImportedPlace, RestoredOffer } from '$lib/domain/national-schema';
import { normalizeText } from '$lib/domain/vocabulary';
import type { DB } from '../db/connect';
import type { OfferTable } from '../db/schema';
import { areaShapes, areasOfPoint } from '../db/queries/areas';
import { refreshQualityFlags } from '../db/queries/quality';
import { mapSchemaFile, type RejectedRow } from './map-file';
import type { FileFormat } from './read-file';

export type { RejectedRow };

export interface ImportSummary {
	placesCreated: number;
	placesUpdated: number;
	placesUnchanged: number;
	offersCreated: number;
	offersUpdated: number;
	offersRemoved: number;
	flags: number;
}

export type ImportReport =
	| { ok: true; format: FileFormat; rows: number; summary: ImportSummary }
	| { ok: false; error: string; rows: number; rejected: RejectedRow[] };

export interface ImportOptions {
	now?: Date;
	onProgress?: (done: number, total: number) => void;
}

/**
 * All or nothing: a file with one bad row writes nothing, and the report names every bad row.
 * Re-importing the same file finds every record unchanged and writes nothing either.
 */
export async function importSchemaFile(
	db: DB,
	fileName: string,
	content: string,
	{ now = new Date(), onProgress }: ImportOptions = {}
): Promise<ImportReport> {
	const mapped = mapSchemaFile(fileName, content);
	if (!mapped.ok) return mapped;
	const { places } = mapped;

	const summary = await db.transaction().execute(async (trx) => {
		const shapes = await areaShapes(trx);
		const stamp = now.toISOString();
		const totals: ImportSummary = {
			placesCreated: 0,
			placesUpdated: 0,
			placesUnchanged: 0,
			offersCreated: 0,
			offersUpdated: 0,
			offersRemoved: 0,
			flags: 0
		};
		for (const [i, place] of places.entries()) {
			await writePlace(trx, place, shapes, stamp, totals);
			onProgress?.(i + 1, places.length);
		}
		const changed = totals.placesCreated + totals.placesUpdated + totals.offersCreated + totals.offersUpdated + totals.offersRemoved;
		totals.flags = await refreshQualityFlags(trx, now);
		if (changed > 0) {
			await trx
				.insertInto('imports')
				.values({
					file_name: fileName,
					sha256: createHash('sha256').update(content).digest('hex'),
					format: mapped.format,
					imported_at: stamp,
					rows_total: mapped.rows,
					accepted: places.length,
					summary: JSON.stringify(totals)
				})
				.execute();
		}
		return totals;
	});
	return { ok: true, format: mapped.format, rows: mapped.rows, summary };
}

type Trx = Parameters<Parameters<ReturnType<DB['transaction']>['execute']>[0]>[0];

async function actorFor(trx: Trx, place: ImportedPlace, stamp: string): Promise<number> {
	const nameKey = normalizeText(place.name);
	const existing = await trx.selectFrom('actors').select('id').where('name_key', '=', nameKey).executeTakeFirst();
	if (existing) return existing.id;
	const inserted = await trx
		.insertInto('actors')
		.values({
			name: place.name,
			name_key: nameKey,
			siret: place.siret,
			website: place.website,
			email: place.email,
			phone: place.phone,
			created_at: stamp,
			updated_at: stamp
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return inserted.id;
}

async function writePlace(
	trx: Trx,
	place: ImportedPlace,
	shapes: Awaited<ReturnType<typeof areaShapes>>,
	stamp: string,
	totals: ImportSummary
): Promise<void> {
	const fields = {
		name: place.name,
		address: place.address,
		address_complement: place.addressComplement,
		postal_code: place.postalCode,
		commune: place.commune,
		code_insee: place.codeInsee,
		lat: place.lat,
		lon: place.lon,
		phone: place.phone,
		email: place.email,
		website: place.website,
		description: place.description,
		source_updated_on: place.sourceUpdatedOn
	};
	const existing = await trx
		.selectFrom('places')
		.selectAll()
		.where('source', '=', place.source)
		.where('source_id', '=', place.sourceId)
		.executeTakeFirst();

	let placeId: number;
	if (!existing) {
		const actorId = await actorFor(trx, place, stamp);
		const inserted = await trx
			.insertInto('places')
			.values({ ...fields, actor_id: actorId, source: place.source, source_id: place.sourceId, created_at: stamp, updated_at: stamp })
			.returning('id')
			.executeTakeFirstOrThrow();
		placeId = inserted.id;
		totals.placesCreated++;
	} else {
		placeId = existing.id;
		const differs = (Object.keys(fields) as (keyof typeof fields)[]).some((k) => existing[k] !== fields[k]);
		if (differs) {
			await trx.updateTable('places').set({ ...fields, updated_at: stamp }).where('id', '=', placeId).execute();
			totals.placesUpdated++;
		} else {
			totals.placesUnchanged++;
		}
	}
	if (!existing || existing.lat !== place.lat || existing.lon !== place.lon) {
		await trx.deleteFrom('place_areas').where('place_id', '=', placeId).execute();
		const codes = areasOfPoint(shapes, place.lon, place.lat);
		if (codes.length > 0) {
			await trx.insertInto('place_areas').values(codes.map((area_code) => ({ place_id: placeId, area_code }))).execute();
		}
	}
	await writeOffers(trx, place, placeId, existing?.actor_id ?? null, stamp, totals);
}

/** One offer as the file describes it: `fields` are compared and rewritten, `onInsert` only set once. */
interface OfferWrite {
	sourceId: string;
	fields: Partial<Omit<Insertable<OfferTable>, 'actor_id' | 'place_id' | 'source' | 'source_id' | 'created_at' | 'updated_at'>>;
	onInsert: Partial<Insertable<OfferTable>>;
}

/** The offers folded from the schema's columns: one per level, sharing the place's details. */
function foldedOffers(place: ImportedPlace): OfferWrite[] {
	const shared = {
		themes: JSON.stringify(place.themes),
		tags: JSON.stringify(place.tags),
		publics: JSON.stringify(place.publics),
		specific_support: JSON.stringify(place.specificSupport),
		fees: JSON.stringify(place.fees),
		access_modes: JSON.stringify(place.accessModes),
		programmes: JSON.stringify(place.programmes),
		other_labels: JSON.stringify(place.otherLabels),
		hours: place.hours,
		booking_url: place.bookingUrl,
		verified_at: place.sourceUpdatedOn,
		verified_how: 'import' as const
	};
	return place.offers.map((offer) => ({
		sourceId: `${place.sourceId}#${offer.level ?? 'a-preciser'}`,
		fields: { ...shared, level: offer.level, level_inferred: offer.levelInferred ? 1 : 0, remote: offer.remote ? 1 : 0 },
		// The national schema has no language field: French is what every listed place speaks.
		onInsert: { languages: '["fr"]', status: 'active' }
	}));
}

/**
 * The offers of our own export's `_roubaix` extension, each exactly as it was. Ids follow the folded
 * ones (`#level`), so re-importing an export of imported data matches the offers it came from; a
 * second offer of the same level gets `#level-2`.
 */
function restoredOffers(place: ImportedPlace, offers: readonly RestoredOffer[]): OfferWrite[] {
	const seen = new Map<string, number>();
	return offers.map((o) => {
		const base = `${place.sourceId}#${o.level ?? 'a-preciser'}`;
		const n = (seen.get(base) ?? 0) + 1;
		seen.set(base, n);
		return {
			sourceId: n === 1 ? base : `${base}-${n}`,
			fields: {
				level: o.level,
				level_inferred: o.level_inferred ? 1 : 0,
				remote: o.remote ? 1 : 0,
				themes: JSON.stringify(o.themes),
				tags: JSON.stringify(o.tags),
				publics: JSON.stringify(o.publics),
				specific_support: JSON.stringify(o.specific_support),
				fees: JSON.stringify(o.fees),
				access_modes: JSON.stringify(o.access_modes),
				programmes: JSON.stringify(o.programmes),
				other_labels: JSON.stringify(o.other_labels),
				languages: JSON.stringify(o.languages),
				hours: o.hours,
				booking_url: o.booking_url,
				description: o.description,
				status: o.status,
				closed_from: o.closed_from,
				closed_until: o.closed_until,
				closure_message: o.closure_message,
				verified_at: o.verified_at,
				verified_how: o.verified_how
			},
			onInsert: {}
		};
	});
}

async function writeOffers(
	trx: Trx,
	place: ImportedPlace,
	placeId: number,
	knownActorId: number | null,
	stamp: string,
	totals: ImportSummary
): Promise<void> {
	const actorId =
		knownActorId ??
		(await trx.selectFrom('places').select('actor_id').where('id', '=', placeId).executeTakeFirstOrThrow()).actor_id;
	const writes = place.restoredOffers ? restoredOffers(place, place.restoredOffers) : foldedOffers(place);
	const existing = await trx
		.selectFrom('offers')
		.selectAll()
		.where('place_id', '=', placeId)
		.where('source', '=', place.source)
		.execute();
	const keep = new Set<number>();
	for (const { sourceId, fields, onInsert } of writes) {
		const current = existing.find((o) => o.source_id === sourceId);
		if (!current) {
			await trx
				.insertInto('offers')
				.values({
					...onInsert,
					...fields,
					actor_id: actorId,
					place_id: placeId,
					source: place.source,
					source_id: sourceId,
					created_at: stamp,
					updated_at: stamp
				} as Insertable<OfferTable>)
				.execute();
			totals.offersCreated++;
			continue;
		}
		keep.add(current.id);
		const differs = (Object.keys(fields) as (keyof typeof fields & keyof typeof current)[]).some((k) => current[k] !== fields[k]);
		if (differs) {
			await trx.updateTable('offers').set({ ...fields, updated_at: stamp }).where('id', '=', current.id).execute();
			totals.offersUpdated++;
		}
	}
	const gone = existing.filter((o) => !keep.has(o.id) && !writes.some((w) => w.sourceId === o.source_id));
	if (gone.length > 0) {
		await trx.deleteFrom('offers').where('id', 'in', gone.map((o) => o.id)).execute();
		totals.offersRemoved += gone.length;
	}
}
