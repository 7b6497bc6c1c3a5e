import { diffSnapshots, FIELD_LABELS, formatField, type FieldChange } from '../listing-diff';
import { LEVEL_INFO } from '../levels';
import type { OfferSnapshot, PlaceSnapshot } from '../listing';
import type { ImportedPlace } from '../national-schema';

/** The upstream record in our own shapes: one place, one offer per level (as the importer writes them). */
export function upstreamPlace(p: ImportedPlace): PlaceSnapshot {
	return {
		name: p.name,
		address: p.address,
		address_complement: p.addressComplement,
		postal_code: p.postalCode,
		commune: p.commune,
		lat: p.lat,
		lon: p.lon,
		phone: p.phone,
		email: p.email,
		website: p.website,
		description: p.description
	};
}

export interface UpstreamOffer {
	snapshot: OfferSnapshot;
	levelInferred: boolean;
}

export function upstreamOffers(p: ImportedPlace, placeId: number | null): UpstreamOffer[] {
	return p.offers.map((offer) => ({
		levelInferred: offer.levelInferred,
		snapshot: {
			place_id: placeId,
			level: offer.level,
			themes: [...p.themes],
			tags: [...p.tags],
			publics: [...p.publics],
			specific_support: [...p.specificSupport],
			fees: [...p.fees],
			access_modes: [...p.accessModes],
			programmes: [...p.programmes],
			other_labels: [...p.otherLabels],
			// The national schema has no language field: French is what every listed place speaks.
			languages: ['fr'],
			hours: p.hours,
			booking_url: p.bookingUrl,
			remote: offer.remote,
			description: null,
			status: 'active',
			closed_from: null,
			closed_until: null,
			closure_message: null
		}
	}));
}

/** Offer fields an upstream extract can change; shared by all of a place's imported offers. */
export const SHARED_OFFER_FIELDS = [
	'hours',
	'themes',
	'tags',
	'publics',
	'specific_support',
	'fees',
	'access_modes',
	'programmes',
	'other_labels',
	'booking_url'
] as const satisfies readonly (keyof OfferSnapshot)[];

export const LEVELS_FIELD = 'offer.levels';

export interface FieldComparison {
	/** `name`, `address`… for the place; `offer.hours`, `offer.levels`… for its offers. */
	field: string;
	label: string;
	local: string;
	upstream: string;
	/** Changed here since the last time this upstream record was taken in. */
	locallyCorrected: boolean;
}

function levelsText(offers: readonly { level: OfferSnapshot['level']; inferred: boolean }[]): string {
	if (offers.length === 0) return '(aucune offre)';
	return offers
		.map((o) => `${LEVEL_INFO[o.level ?? 'unknown'].label}${o.inferred ? ' (déduit)' : ''}`)
		.sort()
		.join(', ');
}

export interface LocalListing {
	place: PlaceSnapshot;
	/** The place's offers that came from the same source (the ones an extract speaks for). */
	offers: readonly { snapshot: OfferSnapshot; levelInferred: boolean }[];
}

/** Field by field, what the extract says against what we hold. */
export function compareWithLocal(incoming: ImportedPlace, local: LocalListing, locallyCorrected: ReadonlySet<string>): FieldComparison[] {
	const rows: FieldComparison[] = diffSnapshots('place', local.place, upstreamPlace(incoming)).map((c: FieldChange) => ({
		field: c.field,
		label: c.label,
		local: c.before,
		upstream: c.after,
		locallyCorrected: locallyCorrected.has(c.field)
	}));
	const upstream = upstreamOffers(incoming, null);
	const localLevels = levelsText(local.offers.map((o) => ({ level: o.snapshot.level, inferred: o.levelInferred })));
	const upstreamLevels = levelsText(upstream.map((o) => ({ level: o.snapshot.level, inferred: o.levelInferred })));
	if (localLevels !== upstreamLevels) {
		rows.push({ field: LEVELS_FIELD, label: 'Niveaux', local: localLevels, upstream: upstreamLevels, locallyCorrected: locallyCorrected.has(LEVELS_FIELD) });
	}
	const first = local.offers[0]?.snapshot;
	const incomingFirst = upstream[0]!.snapshot;
	for (const field of SHARED_OFFER_FIELDS) {
		const localText = first ? formatField('offer', field, first[field]) : '(vide)';
		const upstreamText = formatField('offer', field, incomingFirst[field]);
		if (localText === upstreamText) continue;
		rows.push({
			field: `offer.${field}`,
			label: FIELD_LABELS.offer[field],
			local: localText,
			upstream: upstreamText,
			locallyCorrected: locallyCorrected.has(`offer.${field}`)
		});
	}
	return rows;
}

/** The fields a snapshot pair changed, named as in FieldComparison. */
export function changedFields(entity: 'place' | 'offer', before: PlaceSnapshot | OfferSnapshot | null, after: PlaceSnapshot | OfferSnapshot): string[] {
	const changes =
		entity === 'place'
			? diffSnapshots('place', before as PlaceSnapshot | null, after as PlaceSnapshot)
			: diffSnapshots('offer', before as OfferSnapshot | null, after as OfferSnapshot);
	return changes.map((c) => (entity === 'place' ? c.field : c.field === 'level' ? LEVELS_FIELD : `offer.${c.field}`));
}
