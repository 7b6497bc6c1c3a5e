import type { CatalogueOffer, CataloguePlace } from '$lib/domain/catalogue';
import { offerLevel } from '$lib/domain/catalogue';
import { hoursStatus } from '$lib/domain/hours';
import { LEVEL_INFO, type LevelOrUnknown } from '$lib/domain/levels';
import { FLAG_LABELS } from '$lib/domain/quality';
import { needLabel } from '$lib/domain/themes';
import { FEES } from '$lib/domain/vocabulary';

/** What a list entry shows: plain serialisable data, computed once on the server. */
export interface OfferSummary {
	id: number;
	level: LevelOrUnknown;
	rank: number;
	label: string;
	inferred: boolean;
	needs: string[];
	free: boolean;
	temporarilyClosed: string | null;
	remote: boolean;
}

export interface PlaceSummary {
	id: number;
	name: string;
	address: string;
	iris: string | null;
	grandQuartier: string | null;
	qpv: string | null;
	irisInQpv: boolean;
	hours: { open: boolean; label: string } | null;
	flags: string[];
	offers: OfferSummary[];
}

const FREE = FEES.find((f) => f.code === 'gratuit')!.value;

export function summarizeOffer(offer: CatalogueOffer): OfferSummary {
	const level = offerLevel(offer);
	return {
		id: offer.id,
		level,
		rank: LEVEL_INFO[level].rank,
		label: LEVEL_INFO[level].label,
		inferred: offer.levelInferred,
		needs: [...offer.themes, ...offer.tags].map(needLabel),
		free: offer.fees.includes(FREE),
		temporarilyClosed:
			offer.status === 'temporarily_closed'
				? (offer.closureMessage ?? 'Fermé temporairement')
				: null,
		remote: offer.remote
	};
}

export function summarizePlace(place: CataloguePlace, offers: CatalogueOffer[], now: Date): PlaceSummary {
	const withHours = offers.find((o) => o.hours);
	return {
		id: place.id,
		name: place.name,
		address: `${place.address}, ${place.postalCode} ${place.commune}`,
		iris: place.iris?.name ?? null,
		grandQuartier: place.grandQuartier?.name ?? null,
		qpv: place.qpv?.name ?? null,
		irisInQpv: place.irisInQpv,
		hours: withHours ? hoursStatus(withHours.hours, now) : null,
		flags: [...new Set(place.flags.map((f) => FLAG_LABELS[f.code]))],
		offers: offers.map(summarizeOffer)
	};
}
