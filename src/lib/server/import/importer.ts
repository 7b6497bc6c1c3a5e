import { createHash } from 'node:crypto';
import { SHARED_OFFER_FIELDS, upstreamOffers, upstreamPlace } from '$lib/domain/import-review/compare';
import { SNAPSHOT_FIELDS, type OfferSnapshot } from '$lib/domain/listing';
import type { ImportedPlace, RestoredOffer } from '$lib/domain/national-schema';
import { normalizeText } from '$lib/domain/vocabulary';
import type { DB } from '../db/connect';
import * as actors from '../db/queries/actors';
import * as imports from '../db/queries/imports';
import * as offers from '../db/queries/offers';
import * as places from '../db/queries/places';
import * as unknownValues from '../db/queries/unknown-values';
import { chunks } from '../db/queries/chunks';
import { inTransaction } from '../db/transaction';
import { ListingWriter, type RecordWrite, type Upstream, type WriteContext } from '../listings/write';
import { mapSchemaFile, type RejectedRow, type SetAsideRow, type WarnedRow } from './map-file';
import type { FileFormat } from './read-file';
import { directoryTerritory, type Territory } from './territory';
import { LOCAL_ID_PREFIX, LOCAL_SOURCE_LABEL } from '../export/schema';

export type { RejectedRow, SetAsideRow, WarnedRow };

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
	| {
			ok: true;
			format: FileFormat;
			rows: number;
			/** Rows taken in (created, updated or unchanged). */
			imported: number;
			summary: ImportSummary;
			warned: WarnedRow[];
			rejected: RejectedRow[];
			setAside: SetAsideRow[];
	  }
	| { ok: false; error: string; rows: number; rejected: RejectedRow[] };

export interface ImportOptions {
	now?: Date;
	onProgress?: (done: number, total: number) => void;
	/** Take in the places outside the directory's territory too (`--hors-territoire`). */
	includeOutside?: boolean;
	/** The territory (tests); the directory's own by default. */
	territory?: Territory;
}

/** Places handled per step: their look-ups and inserts are a few multi-row statements each. */
const SLICE = 500;

/**
 * Row by row: a refused row is listed with its line, field and reason and the others come in, in
 * one transaction (a failure writes nothing). Places outside the territory are set aside unless
 * asked for. Re-importing the same file finds every record unchanged and writes nothing. Everything
 * is written through the listings' one write path, as an import.
 */
export async function importSchemaFile(
	db: DB,
	fileName: string,
	content: string,
	{ now = new Date(), onProgress, includeOutside = false, territory }: ImportOptions = {}
): Promise<ImportReport> {
	const mapped = mapSchemaFile(fileName, content, { territory: includeOutside ? null : (territory ?? directoryTerritory()) });
	if (!mapped.ok) return mapped;
	const own = await ownCreations(db, mapped.places);
	const incoming = mapped.places.filter((p) => !own.has(p));

	const summary = await inTransaction(db, async (trx) => {
		const writer = new ListingWriter(trx, {
			now,
			origin: 'import',
			userId: null,
			verifiedHow: 'import',
			reason: `Import du fichier « ${fileName.slice(0, 200)} »`,
			recordCreations: false
		} satisfies WriteContext);
		const totals: ImportSummary = {
			placesCreated: 0,
			placesUpdated: 0,
			offersCreated: 0,
			offersUpdated: 0,
			offersRemoved: 0,
			flags: 0,
			// Our own export's rows for places created here are those places: nothing to write.
			placesUnchanged: own.size
		};
		let done = 0;
		let rawChanged = false;
		for (const slice of chunks(incoming, SLICE)) {
			rawChanged = (await importSlice(trx, writer, slice, totals)) || rawChanged;
			done += slice.length;
			onProgress?.(done, incoming.length);
		}
		totals.flags = (await writer.finish({ always: true }))!;
		const changed = totals.placesCreated + totals.placesUpdated + totals.offersCreated + totals.offersUpdated + totals.offersRemoved;
		if (changed > 0 || rawChanged) {
			await imports.record(trx, {
				fileName,
				sha256: createHash('sha256').update(content).digest('hex'),
				format: mapped.format,
				importedAt: now.toISOString(),
				rowsTotal: mapped.rows,
				accepted: incoming.length,
				summary: totals
			});
		}
		return totals;
	});
	return {
		ok: true,
		format: mapped.format,
		rows: mapped.rows,
		imported: mapped.places.length,
		summary,
		warned: mapped.warned,
		rejected: mapped.rejected,
		setAside: mapped.setAside
	};
}

/**
 * The rows of our own export that stand for places created here (`roubaix-<id>` under the City's
 * name) while this database still holds them: they match by that id instead of being duplicated.
 */
async function ownCreations(db: DB, incoming: readonly ImportedPlace[]): Promise<Set<ImportedPlace>> {
	const candidates = new Map<number, ImportedPlace>();
	for (const p of incoming) {
		const m = p.source === LOCAL_SOURCE_LABEL ? new RegExp(`^${LOCAL_ID_PREFIX}(\\d+)$`).exec(p.sourceId) : null;
		if (m) candidates.set(Number(m[1]), p);
	}
	if (candidates.size === 0) return new Set();
	const held = await places.localIds(db, [...candidates.keys()]);
	return new Set([...candidates].filter(([id]) => held.has(id)).map(([, p]) => p));
}

/** The places of the file we already hold, by source and upstream id. */
async function heldPlaces(trx: DB, slice: readonly ImportedPlace[]) {
	const held = new Map<string, places.StoredPlace>();
	for (const source of new Set(slice.map((p) => p.source))) {
		const ids = slice.filter((p) => p.source === source).map((p) => p.sourceId);
		for (const [sourceId, place] of await places.bySourceIds(trx, source, ids)) held.set(`${source}\u0000${sourceId}`, place);
	}
	return held;
}

/** Writes one slice; true when only the raw unknown values changed somewhere. */
async function importSlice(trx: DB, writer: ListingWriter, slice: readonly ImportedPlace[], totals: ImportSummary): Promise<boolean> {
	const held = heldOf(await heldPlaces(trx, slice));
	const fresh = slice.filter((p) => !held(p));

	// A new place belongs to the actor of its name, created once however many places carry it.
	const actorIds = await actors.idsByNames(trx, fresh.map((p) => p.name));
	const newActors = new Map<string, ImportedPlace>();
	for (const p of fresh) if (!actorIds.has(normalizeText(p.name)) && !newActors.has(normalizeText(p.name))) newActors.set(normalizeText(p.name), p);
	const created = await writer.write(
		'actor',
		[...newActors.values()].map((p) => ({
			entity: 'actor' as const,
			id: null,
			actorId: 0,
			before: null,
			after: { name: p.name, siret: p.siret, website: p.website, email: p.email, phone: p.phone }
		}))
	);
	[...newActors.keys()].forEach((key, i) => actorIds.set(key, created[i]!.id));

	const placeWrites: RecordWrite<'place'>[] = [];
	for (const p of slice) {
		const current = held(p);
		const after = upstreamPlace(p);
		const upstream: Upstream = { source: p.source, sourceId: p.sourceId, sourceUpdatedOn: p.sourceUpdatedOn, codeInsee: p.codeInsee };
		if (!current) {
			placeWrites.push({ entity: 'place', id: null, actorId: actorIds.get(normalizeText(p.name))!, before: null, after, upstream });
			continue;
		}
		const differs =
			SNAPSHOT_FIELDS.place.some((k) => current[k] !== after[k]) ||
			current.code_insee !== p.codeInsee ||
			current.source_updated_on !== p.sourceUpdatedOn;
		if (!differs) {
			totals.placesUnchanged++;
			continue;
		}
		placeWrites.push({
			entity: 'place',
			id: current.id,
			actorId: current.actor_id,
			before: { version: current.version, snapshot: places.snapshotOf(current) },
			after,
			upstream
		});
	}
	const writtenPlaces = await writer.write('place', placeWrites);
	totals.placesCreated += placeWrites.filter((w) => w.id === null).length;
	totals.placesUpdated += placeWrites.filter((w) => w.id !== null).length;
	const newPlaceIds = new Map(placeWrites.map((w, i) => [`${w.upstream!.source}\u0000${w.upstream!.sourceId}`, writtenPlaces[i]!.id]));

	const existingOffers = await offersFrom(trx, slice, held);
	// Offers created here on a place we hold come back in our own export as restored offers: the
	// same offer, not a new one.
	const ownOffers = await offers.byPlaces(trx, slice.filter((p) => p.restoredOffers).flatMap((p) => held(p)?.id ?? []), { source: 'local' });
	const offerWrites: RecordWrite<'offer'>[] = [];
	const gone: number[] = [];
	for (const p of slice) {
		const current = held(p);
		const placeId = current?.id ?? newPlaceIds.get(`${p.source}\u0000${p.sourceId}`)!;
		const actorId = current?.actor_id ?? actorIds.get(normalizeText(p.name))!;
		const mine = existingOffers.get(placeId) ?? [];
		const wanted = p.restoredOffers ? restoredOffers(p, p.restoredOffers, placeId) : foldedOffers(p, placeId);
		const local = [...(ownOffers.get(placeId) ?? [])];
		for (const w of wanted) {
			const existing = mine.find((o) => o.source_id === w.upstream.sourceId);
			const same = existing ? -1 : local.findIndex((o) => w.complete && !offerDiffers(o, w.snapshot, w.upstream, true));
			if (same >= 0) {
				local.splice(same, 1);
				continue;
			}
			if (!existing) {
				offerWrites.push({ entity: 'offer', id: null, actorId, before: null, after: w.snapshot, upstream: w.upstream });
				continue;
			}
			const after = w.complete ? w.snapshot : takeUpstream(offers.snapshotOf(existing), w.snapshot);
			if (!offerDiffers(existing, after, w.upstream)) continue;
			offerWrites.push({
				entity: 'offer',
				id: existing.id,
				actorId: existing.actor_id,
				before: { version: existing.version, snapshot: offers.snapshotOf(existing) },
				after,
				upstream: w.upstream
			});
		}
		// Our own export leaves closed offers out: their absence there is not a removal.
		for (const o of mine) if (!wanted.some((w) => w.upstream.sourceId === o.source_id) && !(p.restoredOffers && o.status === 'closed')) gone.push(o.id);
	}
	await writer.write('offer', offerWrites);
	await writer.removeOffers(gone);
	totals.offersCreated += offerWrites.filter((w) => w.id === null).length;
	totals.offersUpdated += offerWrites.filter((w) => w.id !== null).length;
	totals.offersRemoved += gone.length;
	return keepUnknownValues(trx, slice, (p) => held(p)?.id ?? newPlaceIds.get(`${p.source}\u0000${p.sourceId}`)!);
}

/** The raw values the importer did not recognise, kept beside each place; rewritten only when they differ. */
async function keepUnknownValues(trx: DB, slice: readonly ImportedPlace[], idOf: (p: ImportedPlace) => number): Promise<boolean> {
	const ids = slice.map(idOf);
	const current = await unknownValues.byPlaces(trx, ids);
	const changes = new Map<number, NonNullable<ImportedPlace['unknownValues']>>();
	slice.forEach((p, i) => {
		const wanted = p.unknownValues ?? [];
		if (JSON.stringify(current.get(ids[i]!) ?? []) !== JSON.stringify(wanted)) changes.set(ids[i]!, wanted);
	});
	if (changes.size > 0) await unknownValues.replace(trx, changes);
	return changes.size > 0;
}

function heldOf(held: ReadonlyMap<string, places.StoredPlace>) {
	return (p: ImportedPlace) => held.get(`${p.source}\u0000${p.sourceId}`) ?? null;
}

/** The offers the file's source gave to the places we already hold. */
async function offersFrom(trx: DB, slice: readonly ImportedPlace[], held: (p: ImportedPlace) => places.StoredPlace | null) {
	const found = new Map<number, offers.StoredOffer[]>();
	for (const source of new Set(slice.map((p) => p.source))) {
		const ids = slice.filter((p) => p.source === source).flatMap((p) => held(p)?.id ?? []);
		for (const [placeId, list] of await offers.byPlaces(trx, ids, { source })) found.set(placeId, list);
	}
	return found;
}

interface WantedOffer {
	snapshot: OfferSnapshot;
	upstream: Upstream & { sourceId: string };
	/** True when the file says everything about the offer (our own export), not only the schema's fields. */
	complete: boolean;
}

/** The offers folded from the schema's columns: one per level, sharing the place's details. */
function foldedOffers(place: ImportedPlace, placeId: number): WantedOffer[] {
	return upstreamOffers(place, placeId).map((o) => ({
		snapshot: o.snapshot,
		upstream: {
			source: place.source,
			sourceId: `${place.sourceId}#${o.snapshot.level ?? 'a-preciser'}`,
			sourceUpdatedOn: place.sourceUpdatedOn,
			levelInferred: o.levelInferred
		},
		complete: false
	}));
}

/**
 * The offers of our own export's `_roubaix` extension, each exactly as it was. Ids follow the folded
 * ones (`#level`), so re-importing an export of imported data matches the offers it came from; a
 * second offer of the same level gets `#level-2`.
 */
function restoredOffers(place: ImportedPlace, restored: readonly RestoredOffer[], placeId: number): WantedOffer[] {
	const seen = new Map<string, number>();
	return restored.map((o) => {
		const base = `${place.sourceId}#${o.level ?? 'a-preciser'}`;
		const n = (seen.get(base) ?? 0) + 1;
		seen.set(base, n);
		const { level_inferred, verified_at, verified_how, ...fields } = o;
		return {
			snapshot: { ...fields, place_id: placeId },
			upstream: {
				source: place.source,
				sourceId: n === 1 ? base : `${base}-${n}`,
				sourceUpdatedOn: place.sourceUpdatedOn,
				levelInferred: level_inferred,
				verified: { at: verified_at, how: verified_how }
			},
			complete: true
		};
	});
}

/** What the schema speaks for (level, remote, the shared fields) taken in; the rest stays ours. */
function takeUpstream(current: OfferSnapshot, upstream: OfferSnapshot): OfferSnapshot {
	const after = { ...current, level: upstream.level, remote: upstream.remote } as Record<string, unknown>;
	for (const field of SHARED_OFFER_FIELDS) after[field] = upstream[field];
	return after as unknown as OfferSnapshot;
}

function offerDiffers(current: offers.StoredOffer, after: OfferSnapshot, upstream: Upstream, factsOnly = false): boolean {
	const same = (a: unknown, b: unknown) => (Array.isArray(a) ? JSON.stringify(a) === JSON.stringify(b) : a === b);
	if (SNAPSHOT_FIELDS.offer.some((k) => !same(current[k], after[k]))) return true;
	if (factsOnly) return false;
	const verifiedAt = upstream.verified ? upstream.verified.at : upstream.sourceUpdatedOn;
	const verifiedHow = upstream.verified ? upstream.verified.how : 'import';
	return current.level_inferred !== (upstream.levelInferred ?? false) || current.verified_at !== verifiedAt || current.verified_how !== verifiedHow;
}
