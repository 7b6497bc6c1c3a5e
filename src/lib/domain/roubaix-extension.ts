import {
	DispositifProgrammeNational,
	Frais,
	ModaliteAcces,
	PriseEnChargeSpecifique,
	PublicSpecifiquementAdresse
} from '@gouvfr-anct/lieux-de-mediation-numerique';
import { z } from 'zod';
import { isValidHours } from './hours';
import { LEVELS } from './levels';
import type { ImportedPlace, RowError } from './national-schema';
import { LOCAL_TAGS, THEMES } from './themes';

export function isHttpUrl(value: string): boolean {
	try {
		const url = new URL(value);
		return url.protocol === 'http:' || url.protocol === 'https:';
	} catch {
		return false;
	}
}

// ---------------------------------------------------------------------------------------------------
// The `_roubaix` extension: what our own export adds to a schema row so that importing it back gives
// the same directory. The schema folds a place's offers into one row (one `horaires`, one union of
// publics, no level 4, no inferred levels, no closures); the extension keeps each offer as it is.

export const EXTENSION_KEY = '_roubaix';
export const OFFER_STATUSES = ['active', 'temporarily_closed', 'closed'] as const;
export const VERIFIED_HOW = ['import', 'structure', 'telephone', 'coordinator'] as const;

function isRealDay(day: string): boolean {
	const parsed = new Date(`${day}T00:00:00Z`);
	return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === day;
}

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date au format AAAA-MM-JJ attendue').refine(isRealDay, 'date impossible');
/** A date, or an ISO instant (what a local edit stores). */
const dayOrInstant = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/, 'date ou horodatage ISO 8601 attendu')
	.refine((v) => isRealDay(v.slice(0, 10)), 'date impossible');
// Never trimmed here: what was stored comes back unchanged, spaces included.
const text = (max: number) =>
	z
		.string()
		.max(max, `${max} caractères au plus`)
		.refine((v) => v.trim() !== '', 'texte vide');
const enumList = <T extends string>(values: readonly T[]) => z.array(z.enum(values as unknown as [T, ...T[]]));
const httpUrl = z.string().refine(isHttpUrl, 'adresse web http(s) attendue');

const restoredOffer = z
	.strictObject({
		level: z.enum(LEVELS).nullable().describe('Niveau : discover (1), learn (2), support (3), reinforced (4) ; null = à préciser'),
		level_inferred: z.boolean().describe('Niveau déduit des services et dispositifs, non déclaré par la source'),
		remote: z.boolean().describe('Offre à distance'),
		themes: enumList(THEMES.map((t) => t.code)).describe('Besoins (codes des services du schéma)'),
		tags: enumList(LOCAL_TAGS.map((t) => t.code)).describe('Étiquettes locales, hors schéma : santé, réemploi'),
		publics: enumList(Object.values(PublicSpecifiquementAdresse)),
		specific_support: enumList(Object.values(PriseEnChargeSpecifique)),
		fees: enumList(Object.values(Frais)),
		access_modes: enumList(Object.values(ModaliteAcces)),
		programmes: enumList(Object.values(DispositifProgrammeNational)),
		other_labels: z.array(text(500)),
		// ISO 639 codes, as the offer form stores them.
		languages: z.array(z.string().regex(/^[a-z]{2,3}$/, 'code de langue ISO 639 attendu (fr, ar…)')),
		hours: z.string().refine((h) => isValidHours(h), 'horaires OSM illisibles').nullable(),
		booking_url: httpUrl.nullable(),
		status: z.enum(OFFER_STATUSES).describe('active, ou temporarily_closed (fermeture temporaire) ; closed n’est jamais exporté'),
		closed_from: day.nullable(),
		closed_until: day.nullable(),
		closure_message: text(2000).nullable(),
		description: text(20000).nullable(),
		verified_at: dayOrInstant.nullable().describe('Dernière vérification (date, ou horodatage ISO 8601)'),
		verified_how: z.enum(VERIFIED_HOW).nullable().describe('import, structure, telephone ou coordinator')
	})
	.refine((o) => !(o.level_inferred && o.level === null), { message: 'un niveau « déduit » doit être un niveau', path: ['level_inferred'] });

/**
 * Place fields the schema's columns could not carry as they are (a phone in another format…). Not
 * the source's date: `date_maj` is the place's latest update, which the importer takes as is.
 */
const restoredPlace = z.strictObject({
	name: text(500).optional(),
	address: text(500).optional(),
	address_complement: text(500).nullable().optional(),
	postal_code: z.string().regex(/^\d{5}$/, 'code postal sur 5 chiffres attendu').optional(),
	commune: text(100).optional(),
	code_insee: text(20).nullable().optional(),
	lat: z.number().min(-90).max(90).optional(),
	lon: z.number().min(-180).max(180).optional(),
	phone: text(50).nullable().optional(),
	email: text(500).nullable().optional(),
	website: httpUrl.nullable().optional(),
	description: text(20000).nullable().optional()
});

export const roubaixExtension = z
	.strictObject({
		place: restoredPlace.optional().describe('Champs du lieu que les colonnes du schéma ne peuvent pas porter tels quels'),
		offers: z.array(restoredOffer).min(1, 'au moins une offre attendue').describe('Chaque offre du lieu, telle quelle')
	})
	.describe('Extension de la Ville de Roubaix : ce que le schéma national ne sait pas dire, pour un aller-retour sans perte');

export type RoubaixExtension = z.infer<typeof roubaixExtension>;
export type RestoredOffer = z.infer<typeof restoredOffer>;
export type RestoredPlaceFields = z.infer<typeof restoredPlace>;

/** `offers[0].level`: where the fault is, as a person reading the JSON would find it. */
function issuePath(path: readonly PropertyKey[]): string {
	return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');
}

/** Our French messages are kept; zod's English defaults (for bounds we did not word) are not. */
const ownMessage = (message: string) => (/^(Too|Invalid|Expected|Number)\b/.test(message) ? null : message);

function issueReason(issue: z.core.$ZodIssue): string {
	const input = (issue as { input?: unknown }).input;
	if (input === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) return 'champ obligatoire manquant';
	switch (issue.code) {
		case 'invalid_type':
			return `type inattendu (${issue.expected} attendu)`;
		case 'invalid_value':
			return `valeur inconnue « ${String(input)} »`;
		case 'unrecognized_keys':
			return `clé inconnue ${issue.keys.map((k) => `« ${k} »`).join(', ')}`;
		case 'too_small':
		case 'too_big':
			return ownMessage(issue.message) ?? 'valeur hors des bornes';
		case 'invalid_format':
			return ownMessage(issue.message) ?? 'format invalide';
		case 'custom':
			return issue.message;
		default:
			return 'valeur invalide';
	}
}

/** Reads the extension of a row, or undefined when there is none; faults go to `errors`. */
export function readExtension(value: unknown, errors: RowError[]): RoubaixExtension | undefined {
	if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return undefined;
	let data = value;
	if (typeof value === 'string') {
		// A CSV cell can only carry it as JSON text.
		try {
			data = JSON.parse(value);
		} catch {
			errors.push({ field: EXTENSION_KEY, reason: 'JSON illisible' });
			return undefined;
		}
	}
	const parsed = roubaixExtension.safeParse(data, { reportInput: true });
	if (parsed.success) return parsed.data;
	for (const issue of parsed.error.issues) {
		const where = issuePath(issue.path);
		errors.push({ field: EXTENSION_KEY, reason: `${where ? `${where} : ` : ''}${issueReason(issue)}` });
	}
	return undefined;
}

/** The extension's place fields win over the columns: they are what the directory held. */
export function applyRestoredPlace(place: ImportedPlace, fields: RestoredPlaceFields): ImportedPlace {
	const restored = { ...place };
	if (fields.name !== undefined) restored.name = fields.name;
	if (fields.address !== undefined) restored.address = fields.address;
	if (fields.address_complement !== undefined) restored.addressComplement = fields.address_complement;
	if (fields.postal_code !== undefined) restored.postalCode = fields.postal_code;
	if (fields.commune !== undefined) restored.commune = fields.commune;
	if (fields.code_insee !== undefined) restored.codeInsee = fields.code_insee;
	if (fields.lat !== undefined) restored.lat = fields.lat;
	if (fields.lon !== undefined) restored.lon = fields.lon;
	if (fields.phone !== undefined) restored.phone = fields.phone;
	if (fields.email !== undefined) restored.email = fields.email;
	if (fields.website !== undefined) restored.website = fields.website;
	if (fields.description !== undefined) restored.description = fields.description;
	return restored;
}
