import type { ActorKind } from './actor-kinds';
import type { Level } from './levels';

/**
 * What an actor member may change, per kind of record: the editable fields only, never ids,
 * versions or computed columns. A revision stores a snapshot before and after; the diff, the
 * forms and the rollback all speak this shape.
 */
export type ListingEntity = 'actor' | 'place' | 'offer';

export interface ActorSnapshot {
	name: string;
	siret: string | null;
	website: string | null;
	email: string | null;
	phone: string | null;
	/**
	 * The directory's fields (2026-12). Optional because snapshots written before them, and the
	 * importer's new actors, do not have them: absent means « not part of this change ».
	 */
	kind?: ActorKind | null;
	presentation?: string | null;
	/** The contact for professionals: shown to signed-in accounts only, never exported. */
	pro_contact_name?: string | null;
	pro_contact_phone?: string | null;
}

export interface PlaceSnapshot {
	name: string;
	address: string;
	address_complement: string | null;
	postal_code: string;
	commune: string;
	lat: number;
	lon: number;
	phone: string | null;
	email: string | null;
	website: string | null;
	description: string | null;
}

export type OfferStatusValue = 'active' | 'temporarily_closed' | 'closed';

export interface OfferSnapshot {
	place_id: number | null;
	level: Level | null;
	themes: string[];
	tags: string[];
	publics: string[];
	specific_support: string[];
	fees: string[];
	access_modes: string[];
	programmes: string[];
	other_labels: string[];
	languages: string[];
	hours: string | null;
	booking_url: string | null;
	remote: boolean;
	description: string | null;
	status: OfferStatusValue;
	closed_from: string | null;
	closed_until: string | null;
	closure_message: string | null;
}

export interface SnapshotOf {
	actor: ActorSnapshot;
	place: PlaceSnapshot;
	offer: OfferSnapshot;
}

export type AnySnapshot = ActorSnapshot | PlaceSnapshot | OfferSnapshot;

export const SNAPSHOT_FIELDS: { [E in ListingEntity]: readonly (keyof SnapshotOf[E])[] } = {
	actor: ['name', 'siret', 'website', 'email', 'phone', 'kind', 'presentation', 'pro_contact_name', 'pro_contact_phone'],
	place: ['name', 'address', 'address_complement', 'postal_code', 'commune', 'lat', 'lon', 'phone', 'email', 'website', 'description'],
	offer: [
		'place_id',
		'level',
		'themes',
		'tags',
		'publics',
		'specific_support',
		'fees',
		'access_modes',
		'programmes',
		'other_labels',
		'languages',
		'hours',
		'booking_url',
		'remote',
		'description',
		'status',
		'closed_from',
		'closed_until',
		'closure_message'
	]
};

export const ENTITY_LABELS: Record<ListingEntity, string> = {
	actor: 'structure',
	place: 'lieu',
	offer: 'offre'
};
