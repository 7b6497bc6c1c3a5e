import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Lists are stored as JSON arrays in TEXT columns; query modules parse them. */
type JsonList = string;

export interface AreaTable {
	code: string;
	kind: 'commune' | 'grand_quartier' | 'iris' | 'qpv';
	name: string;
	parent_code: string | null;
	geometry: string;
	bbox: string;
	qpv_share: number | null;
	indicators: string | null;
	source: string;
}

export interface ActorTable {
	id: Generated<number>;
	name: string;
	name_key: string;
	siret: string | null;
	website: string | null;
	email: string | null;
	phone: string | null;
	created_at: string;
	updated_at: string;
}

export interface PlaceTable {
	id: Generated<number>;
	actor_id: number;
	name: string;
	address: string;
	address_complement: string | null;
	postal_code: string;
	commune: string;
	code_insee: string | null;
	lat: number;
	lon: number;
	phone: string | null;
	email: string | null;
	website: string | null;
	description: string | null;
	source: string;
	source_id: string | null;
	source_updated_on: string | null;
	created_at: string;
	updated_at: string;
}

export interface PlaceAreaTable {
	place_id: number;
	area_code: string;
}

export type OfferStatus = 'active' | 'temporarily_closed' | 'closed';
export type VerifiedHow = 'import' | 'structure' | 'telephone' | 'coordinator';

export interface OfferTable {
	id: Generated<number>;
	actor_id: number;
	place_id: number | null;
	level: 'discover' | 'learn' | 'support' | 'reinforced' | null;
	level_inferred: number;
	themes: JsonList;
	tags: JsonList;
	publics: JsonList;
	specific_support: JsonList;
	fees: JsonList;
	access_modes: JsonList;
	programmes: JsonList;
	other_labels: JsonList;
	languages: JsonList;
	hours: string | null;
	booking_url: string | null;
	remote: number;
	description: string | null;
	status: OfferStatus;
	closed_from: string | null;
	closed_until: string | null;
	closure_message: string | null;
	source: string;
	source_id: string | null;
	created_at: string;
	updated_at: string;
	verified_at: string | null;
	verified_how: VerifiedHow | null;
}

export interface QualityFlagTable {
	id: Generated<number>;
	place_id: number;
	code: string;
	detail: string;
	related_place_id: number | null;
}

export interface ImportTable {
	id: Generated<number>;
	file_name: string;
	sha256: string;
	format: string;
	imported_at: string;
	rows_total: number;
	accepted: number;
	summary: string;
}

export interface OrientationTable {
	id: Generated<number>;
	created_at: string;
	needs: string;
	autonomy: string | null;
	levels: string;
	iris_code: string | null;
	area_code: string | null;
	constraints: string;
	results: number;
	within_15_min: number;
	answers_hash: string;
}

export interface Database {
	orientations: OrientationTable;
	areas: AreaTable;
	actors: ActorTable;
	places: PlaceTable;
	place_areas: PlaceAreaTable;
	offers: OfferTable;
	quality_flags: QualityFlagTable;
	imports: ImportTable;
}

export type Area = Selectable<AreaTable>;
export type Place = Selectable<PlaceTable>;
export type NewPlace = Insertable<PlaceTable>;
export type PlaceUpdate = Updateable<PlaceTable>;
export type Offer = Selectable<OfferTable>;
export type NewOffer = Insertable<OfferTable>;
