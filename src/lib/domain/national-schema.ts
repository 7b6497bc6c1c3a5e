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
import type { Level } from './levels';
import { themeFromService, type LocalTagCode, type ThemeCode } from './themes';
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

	if (errors.length > 0 || !parsed.success) return { ok: false, errors };
	const base = parsed.data;
	const siret = optionalText(row.pivot);
	return {
		ok: true,
		place: {
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
