import { isActorKind, kindLabel, UNKNOWN_KIND_LABEL } from './actor-kinds';
import { hoursInWords } from './hours-words';
import { LEVEL_INFO, LEVELS } from './levels';
import { SNAPSHOT_FIELDS, type ListingEntity, type OfferStatusValue, type SnapshotOf } from './listing';
import { needLabel } from './themes';
import { ACCESS_MODES, FEES, PROGRAMMES, PUBLICS, SPECIFIC_SUPPORT, termLabel, type Term } from './vocabulary';

/**
 * What changed in a listing, field by field, in words a coordinator reads without knowing the
 * codes behind them. Pure: the moderation screen renders it, and the same text goes in e-mails.
 * Imports the national vocabulary (through vocabulary.ts), so it belongs on the server side.
 */

export interface FieldChange {
	field: string;
	label: string;
	before: string;
	after: string;
	/** The stored text behind a value shown in words (OSM hours), for a folded detail. */
	beforeRaw?: string;
	afterRaw?: string;
}

export const EMPTY_VALUE = '(vide)';

export const FIELD_LABELS: { [E in ListingEntity]: Record<keyof SnapshotOf[E], string> } = {
	actor: {
		name: 'Nom de la structure',
		siret: 'SIRET',
		website: 'Site web',
		email: 'E-mail',
		phone: 'Téléphone',
		kind: 'Type de structure',
		presentation: 'Présentation',
		pro_contact_name: 'Contact pour les professionnels : nom',
		pro_contact_phone: 'Contact pour les professionnels : ligne directe'
	},
	place: {
		name: 'Nom du lieu',
		address: 'Adresse',
		address_complement: 'Complément d’adresse',
		postal_code: 'Code postal',
		commune: 'Commune',
		lat: 'Latitude',
		lon: 'Longitude',
		phone: 'Téléphone',
		email: 'E-mail',
		website: 'Site web',
		description: 'Description'
	},
	offer: {
		place_id: 'Lieu',
		level: 'Niveau d’accompagnement',
		themes: 'Thématiques',
		tags: 'Repères locaux',
		publics: 'Publics',
		specific_support: 'Accompagnements spécifiques',
		fees: 'Frais',
		access_modes: 'Modalités d’accès',
		programmes: 'Dispositifs nationaux',
		other_labels: 'Autres labels',
		languages: 'Langues',
		hours: 'Horaires',
		booking_url: 'Lien de prise de rendez-vous',
		remote: 'À distance',
		description: 'Description',
		status: 'Statut',
		closed_from: 'Fermé à partir du',
		closed_until: 'Fermé jusqu’au',
		closure_message: 'Message de fermeture'
	}
};

export const STATUS_LABELS: Record<OfferStatusValue, string> = {
	active: 'Ouvert',
	temporarily_closed: 'Fermé temporairement',
	closed: 'Fermé définitivement'
};

const UNSET_LEVEL = 'À préciser';

const TERM_FIELDS: Record<string, readonly Term[]> = {
	publics: PUBLICS,
	specific_support: SPECIFIC_SUPPORT,
	fees: FEES,
	access_modes: ACCESS_MODES,
	programmes: PROGRAMMES
};

const MONTHS = [
	'janvier',
	'février',
	'mars',
	'avril',
	'mai',
	'juin',
	'juillet',
	'août',
	'septembre',
	'octobre',
	'novembre',
	'décembre'
] as const;

/** `2026-03-03` → « 3 mars 2026 »; anything else is shown as stored. */
export function formatFrenchDate(value: string): string {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
	const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
	if (!match || month === undefined) return value;
	const day = Number(match[3]);
	return `${day === 1 ? '1er' : day} ${month} ${match[1]}`;
}

/** Codes that the locale data may not name: Berber has no two-letter code of its own. */
const EXTRA_LANGUAGE_NAMES: Record<string, string> = { ber: 'berbère' };

let languageNames: Intl.DisplayNames | null | undefined;

function languageName(code: string): string {
	if (EXTRA_LANGUAGE_NAMES[code]) return EXTRA_LANGUAGE_NAMES[code];
	try {
		languageNames ??= new Intl.DisplayNames(['fr'], { type: 'language', fallback: 'none' });
		return languageNames.of(code) ?? code;
	} catch {
		// Malformed codes make `of` throw; without locale data the constructor may too.
		return code;
	}
}

function isEmpty(value: unknown): boolean {
	return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

function asList(value: unknown): string[] {
	if (Array.isArray(value)) return value.map((item) => String(item));
	return isEmpty(value) ? [] : [String(value)];
}

function formatCoordinate(value: unknown): string {
	const number = typeof value === 'number' ? value : Number(value);
	return Number.isFinite(number) ? number.toFixed(5).replace('.', ',') : String(value);
}

function formatScalar(field: string, value: unknown): string {
	switch (field) {
		case 'level':
			return LEVELS.find((level) => level === value) ? LEVEL_INFO[value as (typeof LEVELS)[number]].label : String(value);
		case 'status':
			return value === 'active' || value === 'temporarily_closed' || value === 'closed' ? STATUS_LABELS[value] : String(value);
		case 'lat':
		case 'lon':
			return formatCoordinate(value);
		case 'closed_from':
		case 'closed_until':
			return formatFrenchDate(String(value));
		case 'kind':
			return isActorKind(value) ? kindLabel(value) : String(value);
		case 'place_id':
			return `n° ${String(value)}`;
		case 'hours':
			// The coordinator reads the week as the member's « En clair » said it, not OSM syntax.
			return hoursInWords(String(value));
		case 'siret': {
			const digits = String(value);
			return /^\d{14}$/.test(digits) ? digits.replace(/^(\d{3})(\d{3})(\d{3})(\d{5})$/, '$1 $2 $3 $4') : digits;
		}
		default:
			return typeof value === 'boolean' ? (value ? 'Oui' : 'Non') : String(value);
	}
}

function formatItem(field: string, item: string): string {
	if (field === 'themes' || field === 'tags') return needLabel(item);
	if (field === 'languages') return languageName(item);
	const terms = TERM_FIELDS[field];
	return terms ? termLabel(terms, item) : item;
}

/**
 * One stored value as a coordinator reads it; empty values read « (vide) », an unset level « À préciser ».
 * A field name means the same in every entity: `entity` only keeps the call sites typed.
 */
export function formatField<E extends ListingEntity>(entity: E, field: keyof SnapshotOf[E] & string, value: unknown): string {
	if (field === 'level' && isEmpty(value)) return UNSET_LEVEL;
	if (field === 'kind' && isEmpty(value)) return UNKNOWN_KIND_LABEL;
	if (isEmpty(value)) return EMPTY_VALUE;
	if (Array.isArray(value)) return value.map((item) => formatItem(field, String(item))).join(', ');
	return formatScalar(field, value);
}

function sameValue(field: string, before: unknown, after: unknown): boolean {
	if (Array.isArray(before) || Array.isArray(after)) {
		const a = new Set(asList(before));
		const b = new Set(asList(after));
		return a.size === b.size && [...a].every((item) => b.has(item));
	}
	if (isEmpty(before) || isEmpty(after)) return isEmpty(before) && isEmpty(after);
	// Coordinates are compared as shown (about a metre): a smaller move is no change to moderate.
	if (field === 'lat' || field === 'lon') return formatCoordinate(before) === formatCoordinate(after);
	return before === after;
}

function read(snapshot: object, field: string): unknown {
	return (snapshot as Record<string, unknown>)[field];
}

/**
 * The fields that differ, in the form's order. `before` null is a creation: every field with a
 * value is listed. Lists are compared as sets; snapshots stored by older versions may lack fields,
 * which then read as empty.
 */
export function diffSnapshots<E extends ListingEntity>(entity: E, before: SnapshotOf[E] | null, after: SnapshotOf[E]): FieldChange[] {
	const fields = SNAPSHOT_FIELDS[entity] as readonly (keyof SnapshotOf[E] & string)[];
	const labels = FIELD_LABELS[entity] as Record<string, string>;
	const changes: FieldChange[] = [];
	for (const field of fields) {
		const old = before === null ? null : read(before, field);
		const now = read(after, field);
		if (before === null ? isEmpty(now) : sameValue(field, old, now)) continue;
		const change: FieldChange = {
			field,
			label: labels[field] ?? field,
			before: before === null ? EMPTY_VALUE : formatField(entity, field, old),
			after: formatField(entity, field, now)
		};
		if (field === 'hours') {
			if (before !== null && !isEmpty(old)) change.beforeRaw = String(old);
			if (!isEmpty(now)) change.afterRaw = String(now);
		}
		changes.push(change);
	}
	return changes;
}
