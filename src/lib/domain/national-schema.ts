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
import { OLD_FEES, OLD_LABELS, OLD_PUBLICS, OLD_SERVICES_BY_KEY, labelHead } from './schema-history';
import { normalizeText } from './vocabulary';
import { EXTENSION_KEY, applyRestoredPlace, isHttpUrl, readExtension, type RestoredOffer } from './roubaix-extension';

/**
 * Maps one row of the national "lieux de médiation numérique" schema, in any of its published
 * vocabularies (2021 to the current one), to our model: a place and one offer per level.
 *
 * A row is refused only for what a listing cannot be without: a name, a usable point in France
 * (we do not geocode), a well-formed postcode. Anything else that is wrong (an unknown value in a
 * list or enum field, unreadable hours, a broken link, a missing date) is a warning: the row comes
 * in, the value is dropped from the listing and kept raw in `unknownValues` for the coordinator.
 */

export interface RowError {
	field: string;
	reason: string;
	/** The source's raw value, for a value the importer did not recognise (kept on the record). */
	value?: string;
}

export interface UnknownValue {
	field: string;
	value: string;
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
	/** Values of the source the importer did not recognise: shown to the coordinator, flagged. */
	unknownValues?: UnknownValue[];
	/**
	 * Set only when the row carries the `_roubaix` extension (our own export): the exact offers to
	 * write, in place of the ones folded from the schema's columns.
	 */
	restoredOffers?: RestoredOffer[];
}

export type MappedRow =
	| { ok: true; place: ImportedPlace; warnings: RowError[] }
	| { ok: false; errors: RowError[]; warnings: RowError[] };

/** Both wordings of `modalites_accompagnement`; the 2021–2023 ones are matched on their opening words. */
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

function norm(value: string): string {
	return normalizeText(value);
}

/** Lists are "|"-separated in the current schema, ";"-separated in older files, arrays in JSON. */
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
	if (Array.isArray(value)) return optionalText(value[0]);
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

const LATITUDE = number('latitude', -90, 90);
const LONGITUDE = number('longitude', -180, 180);

/** Metropolitan France with Corsica, the overseas departments and collectivities, generously boxed. */
const FRANCE_BOXES: readonly [number, number, number, number][] = [
	[-5.8, 41.2, 10.0, 51.3], // métropole et Corse [lonMin, latMin, lonMax, latMax]
	[-62.0, 15.7, -60.8, 16.7], // Guadeloupe
	[-63.3, 17.8, -62.7, 18.2], // Saint-Martin, Saint-Barthélemy
	[-61.4, 14.3, -60.7, 15.0], // Martinique
	[-54.7, 2.0, -51.5, 6.0], // Guyane
	[55.1, -21.5, 56.0, -20.8], // La Réunion
	[44.9, -13.1, 45.4, -12.5], // Mayotte
	[-56.6, 46.7, -56.0, 47.2], // Saint-Pierre-et-Miquelon
	[163.5, -23.0, 168.5, -19.5], // Nouvelle-Calédonie
	[-155.0, -28.0, -134.0, -7.5], // Polynésie française
	[-178.5, -14.5, -176.0, -13.0] // Wallis-et-Futuna
];

export function inFrance(lon: number, lat: number): boolean {
	return FRANCE_BOXES.some(([x0, y0, x1, y1]) => lon >= x0 && lon <= x1 && lat >= y0 && lat <= y1);
}

function validDate(value: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}/.test(value)) return false;
	const day = value.slice(0, 10);
	// Date.parse rolls 30 February over to March: the date must read back unchanged.
	const parsed = new Date(`${day}T00:00:00Z`);
	return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === day;
}

function addOnce<T>(list: T[], ...values: T[]): void {
	for (const v of values) if (!list.includes(v)) list.push(v);
}

const unknownValue = (field: string, value: string): RowError => ({ field, reason: `valeur inconnue « ${value} »`, value });

/** A row without an id gets one from its name and address, so re-importing it finds it again. */
function derivedId(name: string, address: string | null, postalCode: string | null): string {
	const key = [name, address ?? '', postalCode ?? ''].map(norm).join('|');
	// FNV-1a, twice with different seeds: stable, and this module also runs in the browser.
	const fnv = (seed: number) => {
		let h = seed >>> 0;
		for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619) >>> 0;
		return h.toString(16).padStart(8, '0');
	};
	return `sans-id-${fnv(2166136261)}${fnv(0x9747b28c)}`;
}

/** The point: refused when missing, unreadable or outside France (a listing is placed on the map). */
function pointOf(row: Record<string, unknown>, errors: RowError[]): { lat: number; lon: number } | null {
	const lat = LATITUDE.safeParse(row.latitude);
	const lon = LONGITUDE.safeParse(row.longitude);
	if (!lat.success) errors.push({ field: 'latitude', reason: lat.error.issues[0]!.message });
	if (!lon.success) errors.push({ field: 'longitude', reason: lon.error.issues[0]!.message });
	if (!lat.success || !lon.success) return null;
	if (!inFrance(lon.data, lat.data)) {
		errors.push({ field: 'latitude', reason: `coordonnées hors de France (${lat.data}, ${lon.data})` });
		return null;
	}
	return { lat: lat.data, lon: lon.data };
}

export function mapSchemaRow(row: Record<string, unknown>, defaultSource = 'import'): MappedRow {
	const errors: RowError[] = [];
	const warnings: RowError[] = [];

	const name = optionalText(row.nom);
	if (!name) errors.push({ field: 'nom', reason: 'nom est obligatoire' });
	const postalCode = optionalText(row.code_postal);
	if (postalCode !== null && !/^\d{5}$/.test(postalCode)) errors.push({ field: 'code_postal', reason: 'code postal sur 5 chiffres attendu' });
	const point = pointOf(row, errors);
	const address = optionalText(row.adresse);
	if (!address) warnings.push({ field: 'adresse', reason: 'adresse manquante : le lieu est placé par ses coordonnées' });
	const commune = optionalText(row.commune);
	if (!commune) warnings.push({ field: 'commune', reason: 'commune manquante' });
	if (postalCode === null) warnings.push({ field: 'code_postal', reason: 'code postal manquant' });
	let sourceId = optionalText(row.id);
	if (!sourceId && name) {
		sourceId = derivedId(name, address, postalCode);
		warnings.push({ field: 'id', reason: `identifiant manquant : « ${sourceId} » calculé du nom et de l'adresse` });
	}
	let sourceUpdatedOn = optionalText(row.date_maj);
	if (sourceUpdatedOn === null) warnings.push({ field: 'date_maj', reason: 'date de mise à jour manquante' });
	else if (!validDate(sourceUpdatedOn)) {
		warnings.push({ field: 'date_maj', reason: `date illisible « ${sourceUpdatedOn} » (AAAA-MM-JJ attendue)`, value: sourceUpdatedOn });
		sourceUpdatedOn = null;
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
			warnings.push(unknownValue('services', value));
			continue;
		}
		addOnce(themes, ...old.themes);
		addOnce(tags, ...(old.tags ?? []));
		if (old.level) addOnce(inferredLevels, old.level);
	}

	const publics: PublicSpecifiquementAdresse[] = [];
	const specificSupport: PriseEnChargeSpecifique[] = [];
	for (const field of ['publics_specifiquement_adresses', 'publics_accueillis'] as const) {
		for (const value of splitList(row[field])) {
			const current = enumValue(Object.values(PublicSpecifiquementAdresse), value);
			if (current) {
				addOnce(publics, current);
				continue;
			}
			// Old values read "Handicaps mentaux : déficiences limitant…": the words before the colon name it.
			const old = OLD_PUBLICS[labelHead(value)];
			const support = enumValue(Object.values(PriseEnChargeSpecifique), value);
			if (support) addOnce(specificSupport, support);
			else if (old) {
				addOnce(publics, ...(old.publics ?? []));
				addOnce(specificSupport, ...(old.support ?? []));
			} else warnings.push(unknownValue(field, value));
		}
	}
	for (const value of splitList(row.prise_en_charge_specifique)) {
		const current = enumValue(Object.values(PriseEnChargeSpecifique), value) ?? OLD_PUBLICS[labelHead(value)]?.support?.[0];
		if (current) addOnce(specificSupport, current);
		else warnings.push(unknownValue('prise_en_charge_specifique', value));
	}

	const fees: Frais[] = [];
	for (const field of ['frais_a_charge', 'conditions_acces', 'conditions_access', 'conditions_acce'] as const) {
		for (const value of splitList(row[field])) {
			const fee = enumValue(Object.values(Frais), value) ?? OLD_FEES[labelHead(value)];
			if (fee) addOnce(fees, fee);
			else warnings.push(unknownValue(field, value));
		}
	}

	const accessModes: ModaliteAcces[] = [];
	for (const value of splitList(row.modalites_acces)) {
		const current = enumValue(Object.values(ModaliteAcces), value);
		if (current) addOnce(accessModes, current);
		else warnings.push(unknownValue('modalites_acces', value));
	}

	// Labels outside the current enum (APTIC, EPN, regional labels…) are kept as free labels, never dropped.
	const programmes: DispositifProgrammeNational[] = [];
	const otherLabels: string[] = [];
	for (const value of [
		...splitList(row.dispositif_programmes_nationaux),
		...splitList(row.labels_nationaux),
		...splitList(row.formations_labels),
		...splitList(row.autres_formations_labels),
		...splitList(row.labels_autres)
	]) {
		const programme = enumValue(Object.values(DispositifProgrammeNational), value) ?? OLD_LABELS[norm(value).replace(/[()]/g, '').replace(/\s+/g, ' ')];
		if (programme) addOnce(programmes, programme);
		else addOnce(otherLabels, value);
	}

	const offers = offersFor(splitList(row.modalites_accompagnement), inferredLevels, programmes, warnings);

	let hours = optionalText(row.horaires);
	if (hours && !isValidHours(hours)) {
		warnings.push({ field: 'horaires', reason: `horaires OSM illisibles « ${hours} »`, value: hours });
		hours = null;
	}
	let bookingUrl = optionalText(row.prise_rdv);
	if (bookingUrl && !isHttpUrl(bookingUrl)) {
		warnings.push({ field: 'prise_rdv', reason: `adresse web invalide « ${bookingUrl} »`, value: bookingUrl });
		bookingUrl = null;
	}
	let website = optionalText(row.site_web)?.split(/[|;]/)[0]?.trim() ?? null;
	if (website && !isHttpUrl(website)) {
		warnings.push({ field: 'site_web', reason: `adresse web invalide « ${website} »`, value: website });
		website = null;
	}

	const extension = readExtension(row[EXTENSION_KEY], errors);

	if (errors.length > 0 || !name || !point || !sourceId) return { ok: false, errors, warnings };
	const siret = optionalText(row.pivot);
	const unknownValues = warnings.filter((w) => w.value !== undefined).map((w) => ({ field: w.field, value: w.value! }));
	const place: ImportedPlace = {
		sourceId,
		source: optionalText(row.source) ?? defaultSource,
		name,
		siret: siret && !/^0+$/.test(siret) ? siret : null,
		address: address ?? '',
		addressComplement: optionalText(row.complement_adresse),
		postalCode: postalCode ?? '',
		commune: commune ?? '',
		codeInsee: optionalText(row.code_insee),
		lat: point.lat,
		lon: point.lon,
		phone: optionalText(row.telephone),
		email: optionalText(row.courriels ?? row.courriel)?.split(/[|;,]/)[0]?.trim() ?? null,
		website,
		description: optionalText(row.presentation_detail) ?? optionalText(row.presentation_resume),
		sourceUpdatedOn: sourceUpdatedOn?.slice(0, 10) ?? null,
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
		offers,
		...(unknownValues.length > 0 ? { unknownValues } : {})
	};
	if (!extension) return { ok: true, place, warnings };
	return {
		ok: true,
		warnings,
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
			errors.push({ field: 'modalites_accompagnement', reason: `valeur inconnue « ${value} »`, value });
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

// The `_roubaix` extension of our own export lives in its own module; importers find it here too.
export * from './roubaix-extension';
