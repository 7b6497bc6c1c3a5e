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
	version: Generated<number>;
	trusted: Generated<number>;
	/** An ActorKind code; null is « non précisé ». */
	kind: string | null;
	presentation: string | null;
	/** Seen only by signed-in accounts: a named person, personal data (see retention.ts). */
	pro_contact_name: string | null;
	pro_contact_phone: string | null;
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
	version: Generated<number>;
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
	version: Generated<number>;
}

export interface QualityFlagTable {
	id: Generated<number>;
	place_id: number;
	code: string;
	detail: string;
	related_place_id: number | null;
}

/** A value of an extract the importer did not recognise, kept raw beside its place. */
export interface PlaceUnknownValueTable {
	id: Generated<number>;
	place_id: number;
	field: string;
	value: string;
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

export type Role = 'member' | 'coordinator';

export interface UserTable {
	id: Generated<number>;
	email: string;
	role: Role;
	created_at: string;
	last_sign_in_at: string | null;
	disabled_at: string | null;
}

export interface MembershipTable {
	user_id: number;
	actor_id: number;
	created_at: string;
}

export type TokenPurpose = 'sign_in' | 'invitation' | 'confirm';

export interface TokenTable {
	id: Generated<number>;
	hash: string;
	purpose: TokenPurpose;
	user_id: number | null;
	actor_id: number | null;
	campaign_id: number | null;
	created_at: string;
	expires_at: string;
	used_at: string | null;
}

export interface SessionTable {
	hash: string;
	user_id: number;
	created_at: string;
	expires_at: string;
}

export interface RateEventTable {
	key: string;
	at: string;
}

export interface ServerSecretTable {
	name: string;
	value: string;
	created_at: string;
}

export type ClaimStatus = 'pending' | 'approved' | 'refused';

export interface ClaimTable {
	id: Generated<number>;
	actor_id: number;
	email: string;
	name: string;
	message: string | null;
	status: ClaimStatus;
	created_at: string;
	decided_by: number | null;
	decided_at: string | null;
	reason: string | null;
}

export type RevisionStatus = 'proposed' | 'published' | 'refused' | 'superseded';
/** Where a change came from: an upstream extract, the structure itself, or the City's coordination. */
export type RevisionOrigin = 'import' | 'structure' | 'coordination';

export interface RevisionTable {
	id: Generated<number>;
	entity: 'actor' | 'place' | 'offer';
	entity_id: number | null;
	actor_id: number;
	operation: 'create' | 'update' | 'rollback';
	status: RevisionStatus;
	base_version: number | null;
	before: string | null;
	after: string;
	author_id: number | null;
	created_at: string;
	decided_by: number | null;
	decided_at: string | null;
	reason: string | null;
	origin: Generated<RevisionOrigin>;
}

export interface CampaignTable {
	id: Generated<number>;
	created_by: number;
	created_at: string;
	months: number;
}

export interface CampaignRecipientTable {
	campaign_id: number;
	actor_id: number;
	emails: string;
	sent_at: string | null;
	confirmed_at: string | null;
	edited_at: string | null;
}

export type ErrorReason = 'hours' | 'address' | 'contact' | 'closed' | 'other';

export interface ErrorReportTable {
	id: Generated<number>;
	place_id: number;
	reason: ErrorReason;
	message: string | null;
	created_at: string;
	status: 'open' | 'resolved' | 'dismissed';
	resolved_by: number | null;
	resolved_at: string | null;
	resolution: string | null;
}

export interface AuditLogTable {
	id: Generated<number>;
	at: string;
	user_id: number | null;
	action: string;
	entity: string | null;
	entity_id: number | null;
	detail: string;
}

export interface OutboxTable {
	id: Generated<number>;
	created_at: string;
	to_address: string;
	subject: string;
	text: string;
	raw: string;
}

export interface PlaceSourceTable {
	source: string;
	source_id: string;
	place_id: number;
	seen_at: string;
}

export interface ImportReviewTable {
	id: Generated<number>;
	file_name: string;
	sha256: string;
	format: string;
	created_by: number | null;
	created_at: string;
	rows_total: number;
	/** JSON: the file's refused rows, warnings and places set aside (null before 2026-12-01_08). */
	report: string | null;
}

export type ReviewItemKind = 'new' | 'changed' | 'unchanged' | 'gone' | 'duplicate';
export type ReviewDecision = 'pending' | 'added' | 'applied' | 'merged' | 'kept_both' | 'kept_local' | 'ignored' | 'closed';

export interface ImportReviewItemTable {
	id: Generated<number>;
	review_id: number;
	kind: ReviewItemKind;
	source: string;
	source_id: string;
	name: string;
	incoming: string | null;
	place_id: number | null;
	candidates: string;
	changes: string;
	decision: ReviewDecision;
	decided_by: number | null;
	decided_at: string | null;
}

/** One row: bumped by triggers whenever a table the catalogue is built from changes. */
export interface DirectoryVersionTable {
	id: number;
	version: number;
	bumped_by: string | null;
}

export type ReferralStatus = 'awaiting_sender' | 'sent' | 'seen' | 'accepted' | 'refused' | 'expired';
export type RefusalReason = 'full' | 'out_of_scope' | 'public_not_served' | 'unreachable' | 'other';

export interface ReferralTable {
	id: Generated<number>;
	created_at: string;
	status: ReferralStatus;
	offer_id: number;
	place_id: number;
	actor_id: number;
	recipient_email: string;
	sender_user_id: number | null;
	sender_email: string;
	needs: JsonList;
	level: string | null;
	autonomy: string | null;
	constraints: string;
	iris_code: string | null;
	area_code: string | null;
	resident_name: string | null;
	resident_phone: string | null;
	resident_email: string | null;
	resident_will_come: number;
	resident_language: string | null;
	note: string | null;
	consent_at: string;
	idempotency_key: string;
	previous_id: number | null;
	sent_at: string | null;
	seen_at: string | null;
	answered_at: string | null;
	answered_by: number | null;
	next_step: 'callback' | 'appointment' | null;
	appointment: string | null;
	answer_note: string | null;
	refusal_reason: RefusalReason | null;
	suggested_place_id: number | null;
	reminded_at: string | null;
	expires_at: string | null;
	closed_at: string | null;
	erased_at: string | null;
}

export interface ReferralTokenTable {
	id: Generated<number>;
	hash: string;
	referral_id: number;
	purpose: 'answer' | 'confirm';
	created_at: string;
	expires_at: string;
	used_at: string | null;
}

export interface NetworkEditionTable {
	id: Generated<number>;
	number: number;
	held_on: string;
	starts_at: string | null;
	ends_at: string | null;
	theme: string | null;
	title: string;
	place_id: number | null;
	place_name: string | null;
	programme: string | null;
	summary: string | null;
	participants: number | null;
	capacity: number | null;
	registration_open: Generated<number>;
	created_at: string;
	updated_at: string;
}

export type RegistrationStatus = 'confirmed' | 'waiting' | 'cancelled';

export interface NetworkRegistrationTable {
	id: Generated<number>;
	edition_id: number;
	name: string;
	email: string;
	email_key: string;
	actor_id: number | null;
	structure_name: string | null;
	needs: string | null;
	status: RegistrationStatus;
	cancel_hash: string;
	created_at: string;
	confirmed_at: string | null;
	cancelled_at: string | null;
	reminded_at: string | null;
	attended: Generated<number>;
	erased_at: string | null;
}

export interface NetworkResourceTable {
	id: Generated<number>;
	title: string;
	description: string | null;
	themes: JsonList;
	edition_id: number | null;
	link_url: string | null;
	file_name: string | null;
	content_type: string | null;
	size: number | null;
	content: Buffer | null;
	sha256: string | null;
	created_by: number | null;
	created_at: string;
}

export interface NetworkSurveyTable {
	id: Generated<number>;
	title: string;
	themes: JsonList;
	max_choices: number;
	opened_at: string;
	closed_at: string | null;
	created_by: number | null;
}

export interface NetworkSurveyInvitationTable {
	id: Generated<number>;
	survey_id: number;
	email: string;
	token_hash: string;
	created_at: string;
	used_at: string | null;
}

export interface NetworkSurveyAnswerTable {
	id: Generated<number>;
	survey_id: number;
	choices: JsonList;
	user_id: number | null;
	invitation_id: number | null;
	created_at: string;
}

export interface Database {
	directory_version: DirectoryVersionTable;
	place_sources: PlaceSourceTable;
	import_reviews: ImportReviewTable;
	import_review_items: ImportReviewItemTable;
	users: UserTable;
	memberships: MembershipTable;
	tokens: TokenTable;
	sessions: SessionTable;
	rate_events: RateEventTable;
	server_secrets: ServerSecretTable;
	claims: ClaimTable;
	revisions: RevisionTable;
	campaigns: CampaignTable;
	campaign_recipients: CampaignRecipientTable;
	error_reports: ErrorReportTable;
	audit_log: AuditLogTable;
	outbox: OutboxTable;
	orientations: OrientationTable;
	areas: AreaTable;
	actors: ActorTable;
	places: PlaceTable;
	place_areas: PlaceAreaTable;
	offers: OfferTable;
	quality_flags: QualityFlagTable;
	imports: ImportTable;
	referrals: ReferralTable;
	referral_tokens: ReferralTokenTable;
	place_unknown_values: PlaceUnknownValueTable;
	network_editions: NetworkEditionTable;
	network_registrations: NetworkRegistrationTable;
	network_resources: NetworkResourceTable;
	network_surveys: NetworkSurveyTable;
	network_survey_invitations: NetworkSurveyInvitationTable;
	network_survey_answers: NetworkSurveyAnswerTable;
}

export type Area = Selectable<AreaTable>;
export type Place = Selectable<PlaceTable>;
export type NewPlace = Insertable<PlaceTable>;
export type PlaceUpdate = Updateable<PlaceTable>;
export type Offer = Selectable<OfferTable>;
export type NewOffer = Insertable<OfferTable>;
export type User = Selectable<UserTable>;
export type Revision = Selectable<RevisionTable>;
export type Actor = Selectable<ActorTable>;
