import { compareWithLocal, LEVELS_FIELD, SHARED_OFFER_FIELDS, upstreamOffers, upstreamPlace, type FieldComparison } from '$lib/domain/import-review/compare';
import type { OfferSnapshot, PlaceSnapshot } from '$lib/domain/listing';
import type { ImportedPlace } from '$lib/domain/national-schema';
import { audit } from '../audit';
import type { SignedInUser } from '../auth/users';
import { invalidateCatalogue } from '../catalogue';
import type { DB } from '../db/connect';
import type { ReviewDecision, ReviewItemKind } from '../db/schema';
import * as unknownValues from '../db/queries/unknown-values';
import * as actors from '../db/queries/actors';
import * as importReviews from '../db/queries/import-reviews';
import * as places from '../db/queries/places';
import { inTransaction } from '../db/transaction';
import { submitWithin, type ChangeRequest, type Decider, type SubmitResult } from '../listings/revisions';
import { writeRecord, type Upstream } from '../listings/write';
import { localListing, locallyCorrectedFields, type HeldListing } from './local-state';

export type ReviewAction =
	| { action: 'add' }
	| { action: 'merge'; placeId: number; fields: readonly string[] }
	| { action: 'apply'; fields: readonly string[] }
	| { action: 'keep_local' }
	| { action: 'ignore' }
	| { action: 'close' };

/** What each kind of item may become; anything else is refused. */
export const ALLOWED: Record<ReviewItemKind, readonly ReviewAction['action'][]> = {
	new: ['add', 'ignore'],
	duplicate: ['merge', 'add', 'ignore'],
	changed: ['apply', 'keep_local'],
	gone: ['close', 'keep_local'],
	unchanged: []
};

const OUTCOME: Record<ReviewAction['action'], ReviewDecision> = {
	add: 'added',
	merge: 'merged',
	apply: 'applied',
	keep_local: 'kept_local',
	ignore: 'ignored',
	close: 'closed'
};

export type DecideResult = { ok: true } | { ok: false; message: string };

class Refused extends Error {}

const CHANGED_DURING_REVIEW = 'La fiche a changé pendant la revue : rechargez la page et décidez de nouveau.';

/** The place or its offers changed since the comparison the coordinator is deciding on. */
class Stale extends Refused {
	constructor(readonly current: FieldComparison[]) {
		super(CHANGED_DURING_REVIEW);
	}
}

function published(result: SubmitResult): number | null {
	if (result.kind === 'published') return result.entityId;
	if (result.kind === 'unchanged') return null;
	if (result.kind === 'conflict') throw new Refused(CHANGED_DURING_REVIEW);
	if (result.kind === 'duplicate_name') throw new Refused('Une autre structure porte déjà ce nom.');
	throw new Refused('Cette fiche n’existe plus.');
}

function upstreamOf(incoming: ImportedPlace, sourceId: string | null, levelInferred = false): Upstream {
	return { source: incoming.source, sourceId, sourceUpdatedOn: incoming.sourceUpdatedOn, levelInferred };
}

const offerSourceId = (incoming: ImportedPlace, level: OfferSnapshot['level']) => `${incoming.sourceId}#${level ?? 'a-preciser'}`;

async function publish<E extends 'place' | 'offer'>(trx: DB, decider: Decider, request: ChangeRequest<E>) {
	return published(await submitWithin(trx, request, decider, true));
}

/** A new place from upstream, with its structure (found by name or created) and its offers. */
async function addIncoming(trx: DB, decider: Decider, incoming: ImportedPlace, reason: string): Promise<number> {
	const existing = await actors.idByName(trx, incoming.name);
	const now = decider.now ?? new Date();
	const actorId =
		existing ??
		(
			await writeRecord(
				trx,
				{
					entity: 'actor',
					id: null,
					actorId: 0,
					before: null,
					after: { name: incoming.name, siret: incoming.siret, website: incoming.website, email: incoming.email, phone: incoming.phone }
				},
				{ now, origin: 'import', userId: decider.user.id, verifiedHow: 'coordinator', reason }
			)
		).id;
	if (existing === null) await audit(trx, { userId: decider.user.id, action: 'actor.created', entity: 'actor', entityId: actorId, detail: { reason } }, now);
	const placeId = await publish(trx, decider, {
		entity: 'place',
		entityId: null,
		actorId,
		baseVersion: null,
		after: upstreamPlace(incoming),
		upstream: { ...upstreamOf(incoming, incoming.sourceId), codeInsee: incoming.codeInsee },
		reason
	});
	// Before the offers: their writes recompute the flags, « valeur non reconnue » included.
	if (incoming.unknownValues?.length) await unknownValues.replace(trx, new Map([[placeId!, incoming.unknownValues]]));
	for (const offer of upstreamOffers(incoming, placeId)) {
		await publish(trx, decider, {
			entity: 'offer',
			entityId: null,
			actorId,
			baseVersion: null,
			after: offer.snapshot,
			upstream: upstreamOf(incoming, offerSourceId(incoming, offer.snapshot.level), offer.levelInferred),
			reason
		});
	}
	return placeId!;
}

/** Takes the chosen upstream fields into a place we hold; the others stay as they are. */
async function applyFields(trx: DB, decider: Decider, incoming: ImportedPlace, local: HeldListing, placeId: number, fields: ReadonlySet<string>, reason: string) {
	const upstream = upstreamPlace(incoming);
	const place: PlaceSnapshot = { ...local.place };
	for (const key of Object.keys(place) as (keyof PlaceSnapshot)[]) {
		if (fields.has(key)) (place as unknown as Record<string, unknown>)[key] = upstream[key];
	}
	await publish(trx, decider, {
		entity: 'place',
		entityId: placeId,
		actorId: local.actorId,
		baseVersion: local.placeVersion,
		after: place,
		upstream: { source: incoming.source, sourceId: null, sourceUpdatedOn: incoming.sourceUpdatedOn },
		reason
	});
	const offers = upstreamOffers(incoming, placeId);
	const template = offers[0]!.snapshot;
	for (const held of local.offers) {
		const after: OfferSnapshot = { ...held.snapshot };
		for (const field of SHARED_OFFER_FIELDS) {
			if (fields.has(`offer.${field}`)) (after as unknown as Record<string, unknown>)[field] = template[field];
		}
		const closing = fields.has(LEVELS_FIELD) && !offers.some((o) => o.snapshot.level === held.snapshot.level);
		if (closing) after.status = 'closed';
		await publish(trx, decider, {
			entity: 'offer',
			entityId: held.id,
			actorId: local.actorId,
			baseVersion: held.version,
			after,
			upstream: { source: incoming.source, sourceId: null, sourceUpdatedOn: incoming.sourceUpdatedOn, levelInferred: held.levelInferred },
			reason
		});
	}
	if (fields.has(LEVELS_FIELD)) {
		for (const offer of offers) {
			if (local.offers.some((h) => h.snapshot.level === offer.snapshot.level)) continue;
			await publish(trx, decider, {
				entity: 'offer',
				entityId: null,
				actorId: local.actorId,
				baseVersion: null,
				after: offer.snapshot,
				upstream: upstreamOf(incoming, offerSourceId(incoming, offer.snapshot.level), offer.levelInferred),
				reason
			});
		}
	}
}

/** The upstream id stays attached to the record that now speaks for it. */
async function linkUpstream(trx: DB, incoming: ImportedPlace, placeId: number, now: Date) {
	await places.linkUpstream(trx, { source: incoming.source, sourceId: incoming.sourceId, placeId, seenAt: now.toISOString() });
}

export async function decideItem(db: DB, user: SignedInUser, itemId: number, choice: ReviewAction, now = new Date()): Promise<DecideResult> {
	const decider: Decider = { user, origin: '', now };
	try {
		const changed = await inTransaction(db, async (trx) => {
			const item = await importReviews.item(trx, itemId);
			if (!item) throw new Refused('Cette ligne de revue n’existe pas.');
			if (item.decision !== 'pending') throw new Refused('Cette ligne a déjà été traitée.');
			if (!ALLOWED[item.kind].includes(choice.action)) throw new Refused('Cette décision ne s’applique pas à cette ligne.');
			const review = (await importReviews.byId(trx, item.review_id))!;
			const reason = `Import « ${review.file_name} » (revue n° ${item.review_id})`;
			const incoming = item.incoming;
			let placeId = item.place_id;
			let writes = false;

			if (choice.action === 'add') {
				placeId = await addIncoming(trx, decider, incoming!, reason);
				await linkUpstream(trx, incoming!, placeId, now);
				writes = true;
			} else if (choice.action === 'apply' || choice.action === 'merge') {
				const target = choice.action === 'merge' ? choice.placeId : item.place_id!;
				if (choice.action === 'merge') {
					if (!item.candidates.some((c) => c.id === target)) throw new Refused('Choisissez l’un des lieux proposés pour la fusion.');
				}
				const local = await localListing(trx, target, choice.action === 'merge' ? null : incoming!.source);
				if (!local) throw new Refused('Cette fiche n’existe plus.');
				if (choice.action === 'apply') {
					// The fields were chosen on the comparison made at review time: if the place or its offers
					// changed since (a local correction, another review), that choice may overwrite it unseen.
					const current = compareWithLocal(incoming!, local, await locallyCorrectedFields(trx, target));
					if (JSON.stringify(current) !== JSON.stringify(item.changes)) throw new Stale(current);
				}
				await applyFields(trx, decider, incoming!, local, target, new Set(choice.fields), reason);
				await linkUpstream(trx, incoming!, target, now);
				placeId = target;
				writes = true;
			} else if (choice.action === 'close') {
				const local = await localListing(trx, item.place_id!, null);
				if (!local) throw new Refused('Cette fiche n’existe plus.');
				for (const held of local.offers) {
					await publish(trx, decider, {
						entity: 'offer',
						entityId: held.id,
						actorId: local.actorId,
						baseVersion: held.version,
						after: { ...held.snapshot, status: 'closed' },
						// The coordinator's decision on an extract: an import, though no upstream fact is taken.
						revisionOrigin: 'import',
						reason: `${reason} : disparu de la source`
					});
				}
				writes = true;
			}
			// Adding a probable duplicate means keeping both records, and the history says so.
			const outcome: ReviewDecision = item.kind === 'duplicate' && choice.action === 'add' ? 'kept_both' : OUTCOME[choice.action];
			await importReviews.decide(trx, itemId, { outcome, by: user.id, at: now.toISOString(), placeId });
			await audit(
				trx,
				{ userId: user.id, action: `import.${outcome}`, entity: 'place', entityId: placeId, detail: { review: item.review_id, item: itemId, source_id: item.source_id, ...('fields' in choice ? { fields: [...choice.fields] } : {}) } },
				now
			);
			return writes;
		});
		if (changed) invalidateCatalogue();
		return { ok: true };
	} catch (error) {
		if (error instanceof Stale) {
			// Nothing is written to the directory; the line shows the place as it is now, to decide again.
			await importReviews.refreshChanges(db, itemId, error.current);
		}
		if (error instanceof Refused) return { ok: false, message: error.message };
		throw error;
	}
}

/** The default choice for a whole section: upstream fields that nobody corrected here. */
export function defaultFields(changes: readonly { field: string; locallyCorrected: boolean }[]): string[] {
	return changes.filter((c) => !c.locallyCorrected).map((c) => c.field);
}

export async function decideAll(
	db: DB,
	user: SignedInUser,
	reviewId: number,
	kind: ReviewItemKind,
	action: 'add' | 'apply' | 'keep_local' | 'ignore' | 'close',
	now = new Date()
): Promise<{ done: number; refused: { name: string; message: string }[] }> {
	const items = await importReviews.pendingItems(db, reviewId, kind);
	let done = 0;
	const refused: { name: string; message: string }[] = [];
	for (const item of items) {
		const choice: ReviewAction =
			action === 'apply' ? { action, fields: defaultFields(item.changes) } : { action };
		// Each line is its own all-or-nothing step: one refusal does not undo the others.
		const result = await decideItem(db, user, item.id, choice, now);
		if (result.ok) done++;
		else refused.push({ name: item.name, message: result.message });
	}
	return { done, refused };
}
