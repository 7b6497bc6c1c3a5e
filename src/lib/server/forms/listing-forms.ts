import { isActorKind, type ActorKind } from '$lib/domain/actor-kinds';
import { parseId } from '$lib/domain/ids';
import { z } from 'zod';
import { isValidHours } from '$lib/domain/hours';
import { LEVELS } from '$lib/domain/levels';
import type { ActorSnapshot, OfferSnapshot, OfferStatusValue, PlaceSnapshot } from '$lib/domain/listing';
import { LANGUAGES as ORIENTATION_LANGUAGES } from '$lib/domain/orientation/choices';
import { LOCAL_TAGS, THEMES } from '$lib/domain/themes';
import { ACCESS_MODES, FEES, normalizeText, PROGRAMMES, PUBLICS, SPECIFIC_SUPPORT } from '$lib/domain/vocabulary';

/**
 * Submitted listing forms (structure, lieu, offre) turned into snapshots, or into French messages
 * keyed by field name plus an echo of what was typed, so the page can be shown again with nothing lost.
 *
 * Nothing here throws, whatever the request carries: missing, repeated or file fields, huge or
 * hostile strings all end as `{ ok: false }`. Markup is kept as plain text: Svelte escapes it at render.
 */

export type FormResult<T> =
	| { ok: true; value: T }
	| { ok: false; errors: Record<string, string>; values: Record<string, string | string[]> };

/** Per-field ceiling of the echo; a request may be large, the re-displayed page need not be. */
const ECHO_LIMIT = 5000;
/** Text beyond this is cut before any work: it is already far past every field's maximum. */
const INPUT_LIMIT = 20_000;
/** Checkbox groups never have this many boxes; more is a forged request. */
const MAX_LIST_ENTRIES = 200;

const MAX = {
	name: 150,
	address: 200,
	addressComplement: 200,
	commune: 100,
	description: 2000,
	presentation: 1000,
	email: 254,
	url: 500,
	hours: 1000,
	closureMessage: 300,
	label: 150,
	labels: 30,
	languages: 30
} as const;

/** Around the commune with a margin: a point outside is a typo or a geocoder's mistake. */
export const ROUBAIX_BOUNDS = { minLat: 50.66, maxLat: 50.72, minLon: 3.13, maxLon: 3.22 } as const;

const MSG = {
	tooLong: (max: number, actual: number) => `${max} caractères au plus (vous en avez saisi ${actual}).`,
	actorName: 'Indiquez le nom de la structure.',
	placeName: 'Indiquez le nom du lieu.',
	address: 'Indiquez l’adresse (numéro et rue).',
	postalCodeMissing: 'Indiquez le code postal.',
	postalCode: 'Le code postal compte 5 chiffres (exemple : 59100).',
	siretFormat: 'Le numéro SIRET compte 14 chiffres (les espaces sont acceptés).',
	siretKey: 'Ce numéro SIRET n’existe pas (sa clé de contrôle est fausse) : vérifiez chaque chiffre.',
	email: 'Adresse e-mail invalide (exemple : contact@association-roubaix.fr).',
	phone: 'Numéro de téléphone français attendu, à 10 chiffres (exemple : 03 20 00 00 00).',
	website: 'Adresse web invalide : elle commence par https:// ou http:// (exemple : https://www.ville-roubaix.fr).',
	bookingUrl:
		'Lien de rendez-vous invalide : il commence par https:// ou http:// (exemple : https://www.rdv-exemple.fr/roubaix).',
	coordinateMissing: (name: 'latitude' | 'longitude') =>
		`Indiquez la ${name}, ou choisissez le point sur la carte.`,
	coordinate: (name: 'Latitude' | 'Longitude', example: string) =>
		`${name} illisible : nombre décimal attendu (exemple : ${example}).`,
	outsideRoubaix: 'Ce point est en dehors de Roubaix : choisissez-le sur la carte ou vérifiez l’adresse.',
	placeId: 'Lieu inconnu : rechargez la page et réessayez.',
	placeMissing: 'Choisissez le lieu où l’offre est proposée, ou cochez « À distance ».',
	level: 'Niveau d’accompagnement inconnu : choisissez-en un dans la liste, ou « à préciser ».',
	unknownChoice: (value: string) => `Choix inconnu : « ${value} ». Rechargez la page et cochez de nouveau.`,
	tooManyChoices: 'Trop de valeurs envoyées : rechargez la page et cochez de nouveau.',
	needRequired: 'Cochez au moins un besoin auquel l’offre répond.',
	labelTooLong: (max: number) => `Chaque label tient sur une ligne de ${max} caractères au plus.`,
	tooManyLabels: (max: number) => `${max} labels au plus, un par ligne.`,
	language: (value: string) =>
		`Langue inconnue : « ${value} ». Indiquez les codes à deux lettres séparés par des virgules (exemple : fr, ar, en).`,
	tooManyLanguages: (max: number) => `${max} langues au plus.`,
	hours: 'Horaires illisibles au format OpenStreetMap.',
	status: 'Statut inconnu : choisissez « ouvert », « fermé temporairement » ou « fermé définitivement ».',
	closedFromMissing: 'Indiquez à partir de quand l’offre est fermée.',
	date: 'Date attendue au format AAAA-MM-JJ (exemple : 2026-03-03).',
	dateUnknown: 'Cette date n’existe pas dans le calendrier.',
	closedUntilBefore: 'La fin de la fermeture ne peut pas précéder son début.',
	kind: 'Type de structure inconnu : choisissez-en un dans la liste, ou « non précisé ».',
	proPhoneMissing: 'Indiquez la ligne directe de cette personne, ou effacez son nom.',
	proNameMissing: 'Indiquez le nom de la personne à joindre sur cette ligne, ou effacez le numéro.'
} as const;

// ---------------------------------------------------------------------------------------------------
// Reading FormData

/** File parts have no place in these forms: they read as if absent. */
function strings(form: FormData, name: string): string[] {
	return form.getAll(name).filter((entry): entry is string => typeof entry === 'string');
}

/** A repeated single-valued field keeps its first value, as a browser would send only one. */
function first(form: FormData, name: string): string {
	return strings(form, name)[0] ?? '';
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function cap(raw: string, limit: number): string {
	return raw.slice(0, limit).replace(LONE_SURROGATE, '');
}

function echoList(list: readonly string[]): string[] {
	const echoed: string[] = [];
	let room = ECHO_LIMIT;
	for (const item of list) {
		if (room <= 0) break;
		const kept = cap(item, room);
		echoed.push(kept);
		room -= Math.max(kept.length, 1);
	}
	return echoed;
}

function echo(form: FormData, single: readonly string[], multiple: readonly string[]): Record<string, string | string[]> {
	const values: Record<string, string | string[]> = {};
	for (const name of single) values[name] = cap(first(form, name), ECHO_LIMIT);
	for (const name of multiple) values[name] = echoList(strings(form, name));
	return values;
}

// ---------------------------------------------------------------------------------------------------
// Cleaning text

const CONTROL = /[\u0000-\u001F\u007F-\u009F]/g;
const LINE_BREAKING = /[\t\n\v\f\r\u0085\u2028\u2029]/g;

/** One line of text: breaks become spaces, other control characters go, runs of spaces shrink. */
function cleanLine(raw: string): string {
	return cap(raw, INPUT_LIMIT)
		.normalize('NFC')
		.replace(LINE_BREAKING, ' ')
		.replace(CONTROL, '')
		.replace(/ {2,}/g, ' ')
		.trim();
}

/** A text area: line breaks survive (as \n), at most one blank line in a row. */
function cleanText(raw: string): string {
	return cap(raw, INPUT_LIMIT)
		.normalize('NFC')
		.replace(/\r\n?|[\u0085\u2028\u2029]/g, '\n')
		.replace(/[\t\v\f]/g, ' ')
		.replace(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/g, '')
		.split('\n')
		.map((line) => line.replace(/ {2,}/g, ' ').trimEnd())
		.join('\n')
		.replace(/\n{3,}/g, '\n\n')
		.trim();
}

// ---------------------------------------------------------------------------------------------------
// Field schemas: each takes the raw string of one field

type FieldSchema = z.ZodType<unknown, string>;

function maxLength(max: number) {
	return z.string().max(max, { error: (issue) => MSG.tooLong(max, String(issue.input ?? '').length) });
}

function requiredLine(max: number, missing: string) {
	return z.string().transform(cleanLine).pipe(maxLength(max).min(1, { error: missing }));
}

function optionalLine(max: number) {
	return z
		.string()
		.transform(cleanLine)
		.pipe(maxLength(max))
		.transform((text) => text || null);
}

function optionalText(max: number) {
	return z
		.string()
		.transform(cleanText)
		.pipe(maxLength(max))
		.transform((text) => text || null);
}

/** An optional field whose non-empty value is read by `read`, which answers null when it cannot. */
function optionalParsed<T>(read: (text: string) => T | null, message: string) {
	return z
		.string()
		.transform(cleanLine)
		.transform((text, ctx): T | null => {
			if (text === '') return null;
			const value = read(text);
			if (value === null) ctx.addIssue({ code: 'custom', message });
			return value;
		});
}

/** The Luhn sum, except La Poste's establishments (SIREN 356 000 000), whose digits add up to a multiple of 5. */
export function isValidSiret(digits: string): boolean {
	if (!/^\d{14}$/.test(digits)) return false;
	if (digits.startsWith('356000000')) {
		return [...digits].reduce((sum, d) => sum + Number(d), 0) % 5 === 0;
	}
	let sum = 0;
	for (let i = 0; i < 14; i++) {
		let d = Number(digits[13 - i]);
		if (i % 2 === 1) {
			d *= 2;
			if (d > 9) d -= 9;
		}
		sum += d;
	}
	return sum % 10 === 0;
}

const siretField = z
	.string()
	.transform(cleanLine)
	.transform((text, ctx): string | null => {
		if (text === '') return null;
		const digits = text.replace(/\s/g, '');
		if (!/^\d{14}$/.test(digits)) {
			ctx.addIssue({ code: 'custom', message: MSG.siretFormat });
			return null;
		}
		if (!isValidSiret(digits)) ctx.addIssue({ code: 'custom', message: MSG.siretKey });
		return digits;
	});

/** French numbers only (this is Roubaix's directory), shown the French way: `03 20 00 00 00`. */
export function normalizeFrenchPhone(text: string): string | null {
	let digits = text.replace(/\(0\)/g, '').replace(/[\s.\-/()]/g, '');
	if (digits.startsWith('+33')) digits = `0${digits.slice(3)}`;
	else if (digits.startsWith('0033')) digits = `0${digits.slice(4)}`;
	if (!/^0[1-9]\d{8}$/.test(digits)) return null;
	return digits.replace(/(\d{2})(?=\d)/g, '$1 ');
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const BARE_HOST = /^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+(?:[/?#:]|$)/u;

/**
 * An http(s) address for a link: `www.exemple.fr` (or any bare host name) gets `https://`. Addresses
 * with credentials are refused: `https://ameli.fr@exemple.com` does not go where it seems to.
 */
export function normalizeWebUrl(text: string): string | null {
	if (/\s/.test(text)) return null;
	const candidate = SCHEME.test(text) ? text : BARE_HOST.test(text) ? `https://${text}` : null;
	if (candidate === null) return null;
	let url: URL;
	try {
		url = new URL(candidate);
	} catch {
		return null;
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
	if (url.username !== '' || url.password !== '') return null;
	if (!url.hostname.includes('.') || url.hostname.endsWith('.')) return null;
	return candidate;
}

function urlField(message: string) {
	return z.string().transform(cleanLine).pipe(maxLength(MAX.url)).transform((text, ctx): string | null => {
		if (text === '') return null;
		const url = normalizeWebUrl(text);
		if (url === null) ctx.addIssue({ code: 'custom', message });
		return url;
	});
}

const emailField = z
	.string()
	.transform(cleanLine)
	.pipe(maxLength(MAX.email))
	.transform((text) => text || null)
	.pipe(z.email({ error: MSG.email }).nullable());

const phoneField = optionalParsed(normalizeFrenchPhone, MSG.phone);

/** Decimal degrees, with a point or the French comma; exponents and `Infinity` are not coordinates. */
function readDegrees(text: string): number | null {
	const compact = text.replace(/\s/g, '');
	if (!/^[+-]?\d{1,3}(?:[.,]\d{1,15})?$/.test(compact)) return null;
	return Number(compact.replace(',', '.'));
}

function coordinateField(missing: string, unreadable: string) {
	return z
		.string()
		.transform(cleanLine)
		.transform((text, ctx): number => {
			if (text === '') {
				ctx.addIssue({ code: 'custom', message: missing });
				return z.NEVER;
			}
			const value = readDegrees(text);
			if (value === null) {
				ctx.addIssue({ code: 'custom', message: unreadable });
				return z.NEVER;
			}
			return value;
		});
}

const postalCodeField = z
	.string()
	.transform(cleanLine)
	.transform((text, ctx): string => {
		const digits = text.replace(/\s/g, '');
		if (digits === '') ctx.addIssue({ code: 'custom', message: MSG.postalCodeMissing });
		else if (!/^\d{5}$/.test(digits)) ctx.addIssue({ code: 'custom', message: MSG.postalCode });
		return digits;
	});

/** `AAAA-MM-JJ` as a date input sends it, or `JJ/MM/AAAA` as typed where the browser shows a text box. */
function readDate(text: string): { date: string } | { error: string } {
	const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
	const french = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
	let year: number, month: number, day: number;
	if (iso) [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
	else if (french) [year, month, day] = [Number(french[3]), Number(french[2]), Number(french[1])];
	else return { error: MSG.date };
	const probe = new Date(Date.UTC(year, month - 1, day));
	if (year < 2000 || year > 2099 || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
		return { error: MSG.dateUnknown };
	}
	return { date: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` };
}

const dateField = z
	.string()
	.transform(cleanLine)
	.transform((text, ctx): string | null => {
		if (text === '') return null;
		const read = readDate(text);
		if ('error' in read) ctx.addIssue({ code: 'custom', message: read.error });
		return 'date' in read ? read.date : null;
	});

// ---------------------------------------------------------------------------------------------------
// Checkbox groups

type ListSchema = z.ZodType<string[], string[]>;

/** Checked boxes, kept only when they belong to the vocabulary; stored in the vocabulary's order. */
function choiceList(allowed: readonly string[]): ListSchema {
	return z.array(z.string()).transform((raw, ctx) => {
		if (raw.length > MAX_LIST_ENTRIES) {
			ctx.addIssue({ code: 'custom', message: MSG.tooManyChoices });
			return [];
		}
		const chosen = new Set(raw.map(cleanLine).filter(Boolean));
		const unknown = [...chosen].find((value) => !allowed.includes(value));
		if (unknown !== undefined) ctx.addIssue({ code: 'custom', message: MSG.unknownChoice(cap(unknown, 80)) });
		return allowed.filter((value) => chosen.has(value));
	});
}

const otherLabelsField = z
	.string()
	.transform(cleanText)
	.transform((text, ctx): string[] => {
		const labels: string[] = [];
		for (const line of text.split('\n')) {
			const label = cleanLine(line);
			if (label !== '' && !labels.includes(label)) labels.push(label);
		}
		if (labels.some((label) => label.length > MAX.label)) ctx.addIssue({ code: 'custom', message: MSG.labelTooLong(MAX.label) });
		else if (labels.length > MAX.labels) ctx.addIssue({ code: 'custom', message: MSG.tooManyLabels(MAX.labels) });
		return labels;
	});

/** ISO 639-1 (without `bh`, withdrawn), plus any code the orientation form lets a worker ask for (`ber`, which 639-1 lacks). */
const ISO_639_1 =
	'aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu';

export const LANGUAGE_CODES: readonly string[] = [
	...new Set([...ISO_639_1.split(' '), ...ORIENTATION_LANGUAGES.map((language) => language.code)])
];

/** French names read as their code, so « arabe, anglais » works as well as « ar, en ». */
const LANGUAGE_BY_NAME: ReadonlyMap<string, string> = (() => {
	const names = new Map<string, string>(ORIENTATION_LANGUAGES.map((language) => [normalizeText(language.label), language.code]));
	names.set('berbere', 'ber');
	names.set('kabyle', 'ber');
	try {
		const display = new Intl.DisplayNames(['fr'], { type: 'language', fallback: 'none' });
		for (const code of LANGUAGE_CODES) {
			const name = code.length === 2 ? display.of(code) : undefined;
			if (name && !names.has(normalizeText(name))) names.set(normalizeText(name), code);
		}
	} catch {
		// Without locale data, codes still work.
	}
	return names;
})();

/** Checkboxes and a free text field share the name `languages`; French is always spoken. */
const languagesField = z.array(z.string()).transform((raw, ctx): string[] => {
	if (raw.length > MAX_LIST_ENTRIES) {
		ctx.addIssue({ code: 'custom', message: MSG.tooManyChoices });
		return ['fr'];
	}
	const languages = ['fr'];
	for (const entry of raw) {
		for (const word of cleanLine(entry).split(/[\s,;/]+/)) {
			if (word === '') continue;
			const key = normalizeText(word);
			const code = LANGUAGE_CODES.includes(key) ? key : LANGUAGE_BY_NAME.get(key);
			if (code === undefined) {
				ctx.addIssue({ code: 'custom', message: MSG.language(cap(word, 40)) });
				return languages;
			}
			if (!languages.includes(code)) languages.push(code);
		}
	}
	if (languages.length > MAX.languages) ctx.addIssue({ code: 'custom', message: MSG.tooManyLanguages(MAX.languages) });
	return languages;
});

const levelField = z
	.string()
	.transform(cleanLine)
	.transform((text, ctx): OfferSnapshot['level'] => {
		if (text === '') return null;
		const level = LEVELS.find((candidate) => candidate === text);
		if (level === undefined) ctx.addIssue({ code: 'custom', message: MSG.level });
		return level ?? null;
	});

const STATUSES: readonly OfferStatusValue[] = ['active', 'temporarily_closed', 'closed'];
const statusField = z
	.string()
	.transform(cleanLine)
	.transform((text, ctx): OfferStatusValue => {
		if (text === '') return 'active';
		const status = STATUSES.find((candidate) => candidate === text);
		if (status === undefined) ctx.addIssue({ code: 'custom', message: MSG.status });
		return status ?? 'active';
	});

/** A hidden field: empty means "no place", anything else must be a row id. */
const placeIdField = z
	.string()
	.transform(cleanLine)
	.transform((text, ctx): number | null => {
		if (text === '') return null;
		const id = parseId(text);
		if (id === null) {
			ctx.addIssue({ code: 'custom', message: MSG.placeId });
			return null;
		}
		return id;
	});

const CHECKED = new Set(['on', 'true', '1', 'oui']);
const checkboxField = z.string().transform((text) => CHECKED.has(cleanLine(text).toLowerCase()));

// ---------------------------------------------------------------------------------------------------
// Running the schemas

type Parsed<S extends Record<string, FieldSchema | ListSchema>> = { [K in keyof S]: z.output<S[K]> };

/**
 * Each field is parsed on its own, so one bad field never hides another's message; the first
 * message of a field is the one shown next to it.
 */
function parseFields<S extends Record<string, FieldSchema | ListSchema>>(
	shape: S,
	input: { [K in keyof S]: z.input<S[K]> }
): { data: Partial<Parsed<S>>; errors: Record<string, string> } {
	const data: Partial<Parsed<S>> = {};
	const errors: Record<string, string> = {};
	for (const key of Object.keys(shape) as (keyof S & string)[]) {
		const result = (shape[key] as z.ZodType).safeParse(input[key]);
		if (result.success) data[key] = result.data as Parsed<S>[typeof key];
		else errors[key] = result.error.issues[0]?.message ?? 'Valeur invalide.';
	}
	return { data, errors };
}

function isComplete<S extends Record<string, unknown>>(data: Partial<S>, keys: readonly (keyof S)[]): data is S {
	return keys.every((key) => key in data);
}

function readSingles<const K extends string>(form: FormData, names: readonly K[]): Record<K, string> {
	return Object.fromEntries(names.map((name) => [name, first(form, name)])) as Record<K, string>;
}

function readLists<const K extends string>(form: FormData, names: readonly K[]): Record<K, string[]> {
	return Object.fromEntries(names.map((name) => [name, strings(form, name)])) as Record<K, string[]>;
}

// ---------------------------------------------------------------------------------------------------
// Structure (actor)

const ACTOR_FIELDS = ['name', 'siret', 'website', 'email', 'phone', 'kind', 'presentation', 'pro_contact_name', 'pro_contact_phone'] as const;

const kindField = z
	.string()
	.transform(cleanLine)
	.transform((text, ctx): ActorKind | null => {
		if (text === '') return null;
		if (isActorKind(text)) return text;
		ctx.addIssue({ code: 'custom', message: MSG.kind });
		return null;
	});

const actorShape = {
	name: requiredLine(MAX.name, MSG.actorName),
	siret: siretField,
	website: urlField(MSG.website),
	email: emailField,
	phone: phoneField,
	kind: kindField,
	presentation: optionalText(MAX.presentation),
	pro_contact_name: optionalLine(MAX.name),
	pro_contact_phone: phoneField
};

export function parseActorForm(form: FormData): FormResult<ActorSnapshot> {
	const { data, errors } = parseFields(actorShape, readSingles(form, ACTOR_FIELDS));
	// A referent without a line (or a line without a name) is no contact a social worker can use.
	if (!errors.pro_contact_name && !errors.pro_contact_phone) {
		if (data.pro_contact_name && !data.pro_contact_phone) errors.pro_contact_phone = MSG.proPhoneMissing;
		if (data.pro_contact_phone && !data.pro_contact_name) errors.pro_contact_name = MSG.proNameMissing;
	}
	if (Object.keys(errors).length > 0 || !isComplete(data, ACTOR_FIELDS)) {
		return { ok: false, errors, values: echo(form, ACTOR_FIELDS, []) };
	}
	return {
		ok: true,
		value: {
			name: data.name,
			siret: data.siret,
			website: data.website,
			email: data.email,
			phone: data.phone,
			kind: data.kind,
			presentation: data.presentation,
			pro_contact_name: data.pro_contact_name,
			pro_contact_phone: data.pro_contact_phone
		}
	};
}

// ---------------------------------------------------------------------------------------------------
// Lieu (place)

const PLACE_FIELDS = [
	'name',
	'address',
	'address_complement',
	'postal_code',
	'commune',
	'lat',
	'lon',
	'phone',
	'email',
	'website',
	'description'
] as const;

const placeShape = {
	name: requiredLine(MAX.name, MSG.placeName),
	address: requiredLine(MAX.address, MSG.address),
	address_complement: optionalLine(MAX.addressComplement),
	postal_code: postalCodeField,
	commune: optionalLine(MAX.commune).transform((commune) => commune ?? 'Roubaix'),
	lat: coordinateField(MSG.coordinateMissing('latitude'), MSG.coordinate('Latitude', '50,6927')),
	lon: coordinateField(MSG.coordinateMissing('longitude'), MSG.coordinate('Longitude', '3,1746')),
	phone: phoneField,
	email: emailField,
	website: urlField(MSG.website),
	description: optionalText(MAX.description)
};

export function parsePlaceForm(form: FormData): FormResult<PlaceSnapshot> {
	const { data, errors } = parseFields(placeShape, readSingles(form, PLACE_FIELDS));
	const b = ROUBAIX_BOUNDS;
	if (data.lat !== undefined && (data.lat < b.minLat || data.lat > b.maxLat)) errors.lat = MSG.outsideRoubaix;
	if (data.lon !== undefined && (data.lon < b.minLon || data.lon > b.maxLon)) errors.lon = MSG.outsideRoubaix;
	if (Object.keys(errors).length > 0 || !isComplete(data, PLACE_FIELDS)) {
		return { ok: false, errors, values: echo(form, PLACE_FIELDS, []) };
	}
	return {
		ok: true,
		value: {
			name: data.name,
			address: data.address,
			address_complement: data.address_complement,
			postal_code: data.postal_code,
			commune: data.commune,
			lat: data.lat,
			lon: data.lon,
			phone: data.phone,
			email: data.email,
			website: data.website,
			description: data.description
		}
	};
}

// ---------------------------------------------------------------------------------------------------
// Offre (offer)

const OFFER_SINGLE_FIELDS = [
	'place_id',
	'level',
	'other_labels',
	'booking_url',
	'remote',
	'description',
	'status',
	'closed_from',
	'closed_until',
	'closure_message'
] as const;

const OFFER_LIST_FIELDS = [
	'themes',
	'tags',
	'publics',
	'specific_support',
	'fees',
	'access_modes',
	'programmes',
	'languages'
] as const;

const termValues = (terms: readonly { value: string }[]) => terms.map((term) => term.value);

const offerShape = {
	place_id: placeIdField,
	level: levelField,
	themes: choiceList(THEMES.map((theme) => theme.code)),
	tags: choiceList(LOCAL_TAGS.map((tag) => tag.code)),
	publics: choiceList(termValues(PUBLICS)),
	specific_support: choiceList(termValues(SPECIFIC_SUPPORT)),
	fees: choiceList(termValues(FEES)),
	access_modes: choiceList(termValues(ACCESS_MODES)),
	programmes: choiceList(termValues(PROGRAMMES)),
	other_labels: otherLabelsField,
	languages: languagesField,
	booking_url: urlField(MSG.bookingUrl),
	remote: checkboxField,
	description: optionalText(MAX.description),
	status: statusField,
	closed_from: dateField,
	closed_until: dateField,
	closure_message: optionalText(MAX.closureMessage)
};

const OFFER_PARSED_FIELDS = Object.keys(offerShape) as (keyof typeof offerShape)[];
const CLOSURE_FIELDS = ['closed_from', 'closed_until', 'closure_message'] as const;

/** `hours` comes from the hours editor, already as one OSM string (or null when left empty). */
export function parseOfferForm(form: FormData, hours: string | null): FormResult<OfferSnapshot> {
	const { data, errors } = parseFields(offerShape, {
		...readSingles(form, OFFER_SINGLE_FIELDS),
		...readLists(form, OFFER_LIST_FIELDS)
	});

	const hoursText = typeof hours === 'string' ? cleanLine(hours) : '';
	if (hoursText.length > MAX.hours || (hoursText !== '' && !isValidHours(hoursText))) errors.hours = MSG.hours;

	if (data.status !== 'temporarily_closed') {
		// Dates and message only mean something while the offer is temporarily closed.
		for (const field of CLOSURE_FIELDS) {
			delete errors[field];
			data[field] = null;
		}
	} else {
		if (data.closed_from === null && !errors.closed_from) errors.closed_from = MSG.closedFromMissing;
		if (data.closed_from && data.closed_until && data.closed_until < data.closed_from) {
			errors.closed_until = MSG.closedUntilBefore;
		}
	}

	if (data.place_id === null && data.remote === false) errors.place_id = MSG.placeMissing;
	if (data.themes?.length === 0 && data.tags?.length === 0 && !errors.themes) errors.themes = MSG.needRequired;

	if (Object.keys(errors).length > 0 || !isComplete(data, OFFER_PARSED_FIELDS)) {
		const echoed = echo(form, OFFER_SINGLE_FIELDS, OFFER_LIST_FIELDS);
		echoed.hours = cap(hours ?? '', ECHO_LIMIT);
		return { ok: false, errors, values: echoed };
	}
	return {
		ok: true,
		value: {
			place_id: data.place_id,
			level: data.level,
			themes: data.themes,
			tags: data.tags,
			publics: data.publics,
			specific_support: data.specific_support,
			fees: data.fees,
			access_modes: data.access_modes,
			programmes: data.programmes,
			other_labels: data.other_labels,
			languages: data.languages,
			hours: hoursText || null,
			booking_url: data.booking_url,
			remote: data.remote,
			description: data.description,
			status: data.status,
			closed_from: data.closed_from,
			closed_until: data.closed_until,
			closure_message: data.closure_message
		}
	};
}
