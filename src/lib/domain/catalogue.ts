import type { Level, LevelOrUnknown } from './levels';
import type { FlagCode } from './quality';

/** The directory as the search reads it: one place with its offers, areas and flags. */

export interface CatalogueOffer {
	id: number;
	placeId: number;
	level: Level | null;
	levelInferred: boolean;
	themes: string[];
	tags: string[];
	publics: string[];
	specificSupport: string[];
	fees: string[];
	accessModes: string[];
	programmes: string[];
	otherLabels: string[];
	languages: string[];
	hours: string | null;
	bookingUrl: string | null;
	remote: boolean;
	description: string | null;
	status: 'active' | 'temporarily_closed' | 'closed';
	closedFrom: string | null;
	closedUntil: string | null;
	closureMessage: string | null;
	source: string;
	updatedAt: string;
	verifiedAt: string | null;
	verifiedHow: string | null;
}

export interface AreaRef {
	code: string;
	name: string;
}

export interface CataloguePlace {
	id: number;
	actorId: number;
	name: string;
	/** Lower case without accents, for the name search. */
	searchKey: string;
	address: string;
	addressComplement: string | null;
	postalCode: string;
	commune: string;
	lat: number;
	lon: number;
	phone: string | null;
	email: string | null;
	website: string | null;
	description: string | null;
	source: string;
	sourceId: string | null;
	sourceUpdatedOn: string | null;
	updatedAt: string;
	iris: AreaRef | null;
	grandQuartier: AreaRef | null;
	qpv: AreaRef | null;
	/** The place's IRIS is more than half in a QPV (the planners' granularity). */
	irisInQpv: boolean;
	inCommune: boolean;
	areaCodes: string[];
	flags: { code: FlagCode; detail: string; relatedId: number | null }[];
	offers: CatalogueOffer[];
}

export function offerLevel(offer: Pick<CatalogueOffer, 'level'>): LevelOrUnknown {
	return offer.level ?? 'unknown';
}
