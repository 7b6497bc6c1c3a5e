import {
	DispositifProgrammeNational,
	Frais,
	ModaliteAcces,
	ModaliteAccompagnement,
	PriseEnChargeSpecifique,
	PublicSpecifiquementAdresse,
	Service
} from '@gouvfr-anct/lieux-de-mediation-numerique';
import { z } from 'zod';
import { LEVELS, type Level } from './levels';
import { LOCAL_TAGS, THEMES, themeFromService, type LocalTagCode, type ThemeCode } from './themes';
import { isValidHours } from './hours';
import { normalizeText } from './vocabulary';

/**
 * Maps one row of the national "lieux de médiation numérique" schema, in its 2023 vocabulary
 * or the current one, to our model: a place and one offer per level.
 */

export interface RowError {
	field: string;
	reason: string;
}

export interface ImportedOffer {
	level: Level | null;
	levelInferred: boolean;
	remote: boolean;
}

export interface ImportedPlace {
	sourceId: string;
	source: string;
	name: string;
	siret: string | null;
	address: string;
	addressComplement: string | null;
	postalCode: string;
	commune: string;
	codeInsee: string | null;
	lat: number;
	lon: number;
	phone: string | null;
	email: string | null;
	website: string | null;
	description: string | null;
	sourceUpdatedOn: string | null;
	hours: string | null;
	bookingUrl: string | null;
	themes: ThemeCode[];
	tags: LocalTagCode[];
	publics: PublicSpecifiquementAdresse[];
	specificSupport: PriseEnChargeSpecifique[];
	fees: Frais[];
	accessModes: ModaliteAcces[];
	programmes: DispositifProgrammeNational[];
	otherLabels: string[];
	offers: ImportedOffer[];
	/**
	 * Set only when the row carries the `_roubaix` extension (our own export): the exact offers to
	 * write, in place of the ones folded from the schema's columns.
	 */
	restoredOffers?: RestoredOffer[];
}

export type MappedRow = { ok: true; place: ImportedPlace } | { ok: false; errors: RowError[] };

/** 2023 service wording → current services, local tags and, for some, the level they imply. */
const OLD_SERVICES: Record<string, { themes: ThemeCode[]; tags?: LocalTagCode[]; level?: Level }> = {
	'accéder à du matériel': { themes: ['access'], level: 'discover' },
	'accéder à une connexion internet': { themes: ['access'], level: 'discover' },
	"s'équiper en matériel informatique": { themes: ['equipment'] },
	'prendre en main un smartphone ou une tablette': { themes: ['everyday'], level: 'learn' },
	'prendre en main un ordinateur': { themes: ['everyday'], level: 'learn' },
	'utiliser le numérique au quotidien': { themes: ['everyday'], level: 'learn' },
	'devenir autonome dans les démarches administratives': { themes: ['admin'], level: 'learn' },
	'réaliser des démarches administratives avec un accompagnement': { themes: ['admin'], level: 'support' },
	'accompagner les démarches de santé': { themes: ['admin'], tags: ['health'], level: 'support' },
	'approfondir ma culture numérique': { themes: ['culture'] },
	'promouvoir la citoyenneté numérique': { themes: ['culture'] },
	'favoriser mon insertion professionnelle': { themes: ['jobs'] },
	'créer et développer mon entreprise': { themes: ['jobs'] },
	'créer avec le numérique': { themes: ['creative'] },
	"soutenir la parentalité et l'éducation avec le numérique": { themes: ['parenting'] },
	'sécuriser mes usages numériques': { themes: ['safety'] }
};

const OLD_SERVICES_BY_KEY = new Map(Object.entries(OLD_SERVICES).map(([k, v]) => [normalizeText(k), v]));

/** Both wordings of `modalites_accompagnement`; the 2023 ones are matched on their opening words. */
const MODALITIES: { match: (v: string) => boolean; level: Level; remote?: boolean }[] = [
	{ match: (v) => v === norm(ModaliteAccompagnement.EnAutonomie) || v.startsWith('seul'), level: 'discover' },
	{ match: (v) => v === norm(ModaliteAccompagnement.DansUnAtelier) || v.startsWith('dans un atelier'), level: 'learn' },
	{
		match: (v) => v === norm(ModaliteAccompagnement.AccompagnementIndividuel) || v.startsWith("avec de l'aide"),
		level: 'support'
	},
	{ match: (v) => v === norm(ModaliteAccompagnement.ADistance), level: 'support', remote: true },
	{ match: (v) => v.startsWith("pour quelqu'un") || v.startsWith('a ma place'), level: 'reinforced' }
];

const OLD_PUBLICS: Record<string, { publics?: PublicSpecifiquementAdresse[]; support?: PriseEnChargeSpecifique[] }> = {
	// "Adultes" and "Tout public" name no specific public in the current schema.
	adultes: {},
	'tout public': {},
	'familles/enfants': { publics: [PublicSpecifiquementAdresse.FamillesEnfants] },
	'jeunes (16-26 ans)': { publics: [PublicSpecifiquementAdresse.Jeunes] },
	'seniors (+ 65 ans)': { publics: [PublicSpecifiquementAdresse.Seniors] },
	'uniquement femmes': { publics: [PublicSpecifiquementAdresse.Femmes] },
	surdite: { support: [PriseEnChargeSpecifique.Surdite] },
	'handicaps mentaux': { support: [PriseEnChargeSpecifique.HandicapsMentaux] },
	'handicaps psychiques': { support: [PriseEnChargeSpecifique.HandicapsMentaux] },
	'handicaps moteurs': { support: [PriseEnChargeSpecifique.HandicapsMoteurs] },
	'deficience visuelle': { support: [PriseEnChargeSpecifique.DeficienceVisuelle] },
	"personnes en situation d'illettrisme": { support: [PriseEnChargeSpecifique.Illettrisme] },
	'public langues etrangeres': { support: [PriseEnChargeSpecifique.LanguesEtrangeresAutre] }
};

const OLD_LABELS: Record<string, DispositifProgrammeNational> = {
	cnfs: DispositifProgrammeNational.ConseillersNumeriques,
	'conseillers numeriques': DispositifProgrammeNational.ConseillersNumeriques,
	'france services': DispositifProgrammeNational.FranceServices,
	'aidants connect': DispositifProgrammeNational.AidantsConnect,
	'point numerique caf': DispositifProgrammeNational.PointNumeriqueCAF
};

function norm(value: string): string {
	return normalizeText(value);
}

/** Lists are "|"-separated in the current schema and ";"-separated in older files. */
export function splitList(value: unknown): string[] {
	if (value === null || value === undefined) return [];
	if (Array.isArray(value)) return value.map(String).map((v) => v.trim()).filter(Boolean);
	const text = String(value).trim();
	if (!text) return [];
	return text
		.split(text.includes('|') ? '|' : ';')
		.map((v) => v.trim())
		.filter(Boolean);
}

function optionalText(value: unknown): string | null {
	if (value === null || value === undefined) return null;
	const text = String(value).trim();
	return text === '' || text.toLowerCase() === 'null' ? null : text;
}

function enumValue<E extends string>(values: readonly E[], candidate: string): E | undefined {
	const key = norm(candidate);
	return values.find((v) => norm(v) === key);
}

const number = (field: string, min: number, max: number) =>
	z.preprocess(
		// An empty cell must be "missing", not Number('') === 0 (a point off the coast of Africa).
		(v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : Number(v.trim().replace(',', '.'))) : v),
		z
			.number({ error: (issue) => (issue.input === undefined ? `${field} est obligatoire` : `${field} doit être un nombre`) })
			.refine((n) => Number.isFinite(n), `${field} doit être un nombre`)
			.refine((n) => n >= min && n <= max, `${field} hors des bornes (${min} à ${max})`)
	);

const required = (field: string) =>
	z.preprocess((v) => optionalText(v) ?? '', z.string().min(1, `${field} est obligatoire`));

const baseRow = z.object({
	id: required('id'),
	nom: required('nom'),
	adresse: required('adresse'),
	commune: required('commune'),
	code_postal: z.preprocess(
		(v) => optionalText(v) ?? '',
		z.string().regex(/^\d{5}$/, 'code postal sur 5 chiffres attendu')
	),
	latitude: number('latitude', -90, 90),
	longitude: number('longitude', -180, 180),
	date_maj: z.preprocess(
		(v) => optionalText(v) ?? '',
		z
			.string()
			.regex(/^\d{4}-\d{2}-\d{2}/, { message: 'date au format AAAA-MM-JJ attendue', abort: true })
			// Date.parse rolls 30 February over to March: the date must read back unchanged.
			.refine((d) => {
				const day = d.slice(0, 10);
				const parsed = new Date(`${day}T00:00:00Z`);
				return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === day;
			}, 'date impossible')
	)
});

function addOnce<T>(list: T[], ...values: T[]): void {
	for (const v of values) if (!list.includes(v)) list.push(v);
}

export function mapSchemaRow(row: Record<string, unknown>, defaultSource = 'import'): MappedRow {
	const errors: RowError[] = [];
	const parsed = baseRow.safeParse(row);
	if (!parsed.success) {
		for (const issue of parsed.error.issues) {
			errors.push({ field: String(issue.path[0] ?? '?'), reason: issue.message });
		}
	}

	const themes: ThemeCode[] = [];
	const tags: LocalTagCode[] = [];
	const inferredLevels: Level[] = [];
	for (const value of splitList(row.services)) {
		const current = enumValue(Object.values(Service), value);
		if (current) {
			addOnce(themes, themeFromService(current)!);
			if (current === Service.AccesInternetEtMaterielInformatique) addOnce(inferredLevels, 'discover');
			continue;
		}
		const old = OLD_SERVICES_BY_KEY.get(norm(value));
		if (!old) {
			errors.push({ field: 'services', reason: `valeur inconnue « ${value} »` });
			continue;
		}
		addOnce(themes, ...old.themes);
		addOnce(tags, ...(old.tags ?? []));
		if (old.level) addOnce(inferredLevels, old.level);
	}

	const publics: PublicSpecifiquementAdresse[] = [];
	const specificSupport: PriseEnChargeSpecifique[] = [];
	const publicValues = [...splitList(row.publics_specifiquement_adresses), ...splitList(row.publics_accueillis)];
	for (const value of publicValues) {
		const current = enumValue(Object.values(PublicSpecifiquementAdresse), value);
		if (current) {
			addOnce(publics, current);
			continue;
		}
		// Old values read "Handicaps mentaux : déficiences limitant…": the words before the colon name it.
		const old = OLD_PUBLICS[norm(value.split(' :')[0]!)];
		if (!old) {
			const field = splitList(row.publics_accueillis).includes(value) ? 'publics_accueillis' : 'publics_specifiquement_adresses';
			errors.push({ field, reason: `valeur inconnue « ${value} »` });
			continue;
		}
		addOnce(publics, ...(old.publics ?? []));
		addOnce(specificSupport, ...(old.support ?? []));
	}
	for (const value of splitList(row.prise_en_charge_specifique)) {
		const current = enumValue(Object.values(PriseEnChargeSpecifique), value);
		if (current) addOnce(specificSupport, current);
		else errors.push({ field: 'prise_en_charge_specifique', reason: `valeur inconnue « ${value} »` });
	}

	const fees: Frais[] = [];
	for (const value of [...splitList(row.frais_a_charge), ...splitList(row.conditions_acces)]) {
		const current = enumValue(Object.values(Frais), value);
		const head = norm(value.split(' :')[0]!);
		const old =
			head === 'gratuit'
				? Frais.Gratuit
				: head === 'gratuit sous condition'
					? Frais.GratuitSousCondition
					: head === 'payant' || head === 'accepte le pass numerique'
						? Frais.Payant
						: undefined;
		const fee = current ?? old;
		if (fee) addOnce(fees, fee);
		else errors.push({ field: 'frais_a_charge', reason: `valeur inconnue « ${value} »` });
	}

	const accessModes: ModaliteAcces[] = [];
	for (const value of splitList(row.modalites_acces)) {
		const current = enumValue(Object.values(ModaliteAcces), value);
		if (current) addOnce(accessModes, current);
		else errors.push({ field: 'modalites_acces', reason: `valeur inconnue « ${value} »` });
	}

	// Labels outside the current enum (APTIC, EPN…) are kept as free labels, never dropped.
	const programmes: DispositifProgrammeNational[] = [];
	const otherLabels: string[] = [];
	for (const value of [
		...splitList(row.dispositif_programmes_nationaux),
		...splitList(row.labels_nationaux),
		...splitList(row.formations_labels),
		...splitList(row.autres_formations_labels),
		...splitList(row.labels_autres)
	]) {
		const programme = enumValue(Object.values(DispositifProgrammeNational), value) ?? OLD_LABELS[norm(value)];
		if (programme) addOnce(programmes, programme);
		else addOnce(otherLabels, value);
	}

	const offers = offersFor(splitList(row.modalites_accompagnement), inferredLevels, programmes, errors);

	const hours = optionalText(row.horaires);
	if (hours && !isValidHours(hours)) {
		errors.push({ field: 'horaires', reason: `horaires OSM illisibles « ${hours} »` });
	}
	const bookingUrl = optionalText(row.prise_rdv);
	if (bookingUrl && !isHttpUrl(bookingUrl)) {
		errors.push({ field: 'prise_rdv', reason: `adresse web invalide « ${bookingUrl} »` });
	}
	const website = optionalText(row.site_web)?.split(/[|;]/)[0]?.trim() ?? null;
	if (website && !isHttpUrl(website)) {
		errors.push({ field: 'site_web', reason: `adresse web invalide « ${website} »` });
	}

	const extension = readExtension(row[EXTENSION_KEY], errors);

	if (errors.length > 0 || !parsed.success) return { ok: false, errors };
	const base = parsed.data;
	const siret = optionalText(row.pivot);
	const place: ImportedPlace = {
		sourceId: base.id,
		source: optionalText(row.source) ?? defaultSource,
		name: base.nom,
		siret: siret && !/^0+$/.test(siret) ? siret : null,
		address: base.adresse,
		addressComplement: optionalText(row.complement_adresse),
		postalCode: base.code_postal,
		commune: base.commune,
		codeInsee: optionalText(row.code_insee),
		lat: base.latitude,
		lon: base.longitude,
		phone: optionalText(row.telephone),
		email: optionalText(row.courriels ?? row.courriel)?.split(/[|;]/)[0]?.trim() ?? null,
		website,
		description: optionalText(row.presentation_detail) ?? optionalText(row.presentation_resume),
		sourceUpdatedOn: base.date_maj.slice(0, 10),
		hours,
		bookingUrl,
		themes,
		tags,
		publics,
		specificSupport,
		fees,
		accessModes,
		programmes,
		otherLabels,
		offers
	};
	if (!extension) return { ok: true, place };
	return {
		ok: true,
		place: {
			...applyRestoredPlace(place, extension.place ?? {}),
			offers: extension.offers.map((o) => ({ level: o.level, levelInferred: o.level_inferred, remote: o.remote })),
			restoredOffers: extension.offers
		}
	};
}

/**
 * Declared modalities give the levels; without them the levels are inferred from services and
 * programmes (DESIGN.md) and flagged as such; with neither, one offer "à préciser".
 */
export function offersFor(
	modalities: readonly string[],
	levelsFromServices: readonly Level[],
	programmes: readonly DispositifProgrammeNational[],
	errors: RowError[] = []
): ImportedOffer[] {
	const declared = new Map<Level, boolean>();
	for (const value of modalities) {
		const key = norm(value);
		const found = MODALITIES.find((m) => m.match(key));
		if (!found) {
			errors.push({ field: 'modalites_accompagnement', reason: `valeur inconnue « ${value} »` });
			continue;
		}
		declared.set(found.level, (declared.get(found.level) ?? false) || Boolean(found.remote));
	}
	// Aidants Connect is a mandate to act for the person: level 4 by definition, declared or not.
	const aidantsConnect = programmes.includes(DispositifProgrammeNational.AidantsConnect);
	if (declared.size > 0 && aidantsConnect && !declared.has('reinforced')) declared.set('reinforced', false);
	if (declared.size > 0) {
		return sortOffers([...declared].map(([level, remote]) => ({ level, levelInferred: false, remote })));
	}

	const inferred = new Set<Level>(levelsFromServices);
	if (programmes.includes(DispositifProgrammeNational.FranceServices)) {
		inferred.add('support');
		inferred.add('reinforced');
	}
	if (aidantsConnect) inferred.add('reinforced');
	if (inferred.size === 0) return [{ level: null, levelInferred: false, remote: false }];
	return sortOffers([...inferred].map((level) => ({ level, levelInferred: true, remote: false })));
}

const ORDER: Level[] = ['discover', 'learn', 'support', 'reinforced'];
function sortOffers(offers: ImportedOffer[]): ImportedOffer[] {
	return offers.sort((a, b) => ORDER.indexOf(a.level!) - ORDER.indexOf(b.level!));
}

function isHttpUrl(value: string): boolean {
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
function applyRestoredPlace(place: ImportedPlace, fields: RestoredPlaceFields): ImportedPlace {
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
