import {
	DispositifProgrammeNational,
	FormationLabel,
	Frais,
	ModaliteAcces,
	ModaliteAccompagnement,
	PriseEnChargeSpecifique,
	PublicSpecifiquementAdresse,
	Service,
	isRna,
	isValidAddress,
	isValidCourriel,
	isValidTelephone,
	isValidUrl
} from '@gouvfr-anct/lieux-de-mediation-numerique';
import { isValidHours } from '$lib/domain/hours';
import { levelRank, type Level } from '$lib/domain/levels';
import { mapSchemaRow, type RestoredOffer, type RestoredPlaceFields, type RoubaixExtension } from '$lib/domain/national-schema';
import { THEMES, type LocalTagCode } from '$lib/domain/themes';
import { normalizeText } from '$lib/domain/vocabulary';
import type { Place } from '../db/schema';
import type { StoredOffer as Offer } from '../db/queries/offers';
import {
	LIST_SEPARATOR,
	LOCAL_ID_PREFIX,
	LOCAL_SOURCE,
	LOCAL_SOURCE_LABEL,
	ROUBAIX_INSEE,
	SCHEMA_COLUMNS,
	UNKNOWN_PIVOT,
	type SchemaRow
} from './schema';

/**
 * Folds one place and its offers into one row of the national schema, plus the `_roubaix`
 * extension that keeps what the row cannot say. Every value written to a schema column is one the
 * ANCT package's own constructors accept; what they would refuse is left out of the column and
 * kept, as it is, in the extension.
 */

export interface ExportPlace extends Place {
	/** The actor's SIRET: the schema's `pivot`. */
	siret: string | null;
	/** The point is inside Roubaix's polygon. */
	in_commune: boolean;
}

export interface ExportRow {
	row: SchemaRow;
	extension: RoubaixExtension;
}

/** Declared levels only. The schema has no "faire pour": level 4 is written as individual support. */
const LEVEL_MODALITY: Record<Level, ModaliteAccompagnement> = {
	discover: ModaliteAccompagnement.EnAutonomie,
	learn: ModaliteAccompagnement.DansUnAtelier,
	support: ModaliteAccompagnement.AccompagnementIndividuel,
	reinforced: ModaliteAccompagnement.AccompagnementIndividuel
};

const MODALITY_ORDER = [
	ModaliteAccompagnement.EnAutonomie,
	ModaliteAccompagnement.DansUnAtelier,
	ModaliteAccompagnement.AccompagnementIndividuel,
	ModaliteAccompagnement.ADistance
];

/**
 * `services` is required by the schema. Local tags are not services; only when a place has no theme
 * at all does its tag stand for the nearest service, so the place is not dropped from national data.
 */
const TAG_FALLBACK: Record<LocalTagCode, Service> = {
	health: Service.AideAuxDemarchesAdministratives,
	repair: Service.MaterielInformatiqueAPrixSolidaire
};

const SCHEMA_PHONE = /^(\+33|\+590|\+594|\+262|\+596|\+269|\+687|\+689|\+508|\+681)\d{6,9}$/;
const RESUME_MAX = 280;

const offerRank = (o: Pick<Offer, 'level'>) => levelRank(o.level) || 99;
const isDeclared = (o: Offer) => o.level !== null && !o.level_inferred;

/** What is exported of a place: every offer but the permanently closed ones, up the ladder. */
export function exportedOffers(offers: readonly Offer[]): Offer[] {
	return offers.filter((o) => o.status !== 'closed').sort((a, b) => offerRank(a) - offerRank(b) || a.id - b.id);
}

/**
 * The offer whose single values (hours, booking link) stand for the place when offers differ: an
 * open one before a temporarily closed one, a declared level before an inferred one, the lowest level.
 */
function byPreference(offers: readonly Offer[]): Offer[] {
	return [...offers].sort(
		(a, b) =>
			Number(a.status !== 'active') - Number(b.status !== 'active') ||
			Number(!isDeclared(a)) - Number(!isDeclared(b)) ||
			offerRank(a) - offerRank(b) ||
			a.id - b.id
	);
}

function union<T extends string>(offers: readonly Offer[], pick: (o: Offer) => readonly string[], allowed: readonly T[]): T[] {
	const present = new Set(offers.flatMap((o) => pick(o)));
	// In the schema's own order, so the same directory always gives the same row.
	return allowed.filter((v) => present.has(v));
}

const joined = (values: readonly string[]) => (values.length > 0 ? values.join(LIST_SEPARATOR) : undefined);

function parisDay(value: string): string {
	if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
	const date = new Date(value);
	if (Number.isNaN(date.getTime())) return value.slice(0, 10);
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}

/**
 * The latest verification or update of the place and its offers, closed ones included (closing an
 * offer is news about the place). Timestamps written by an import say when the file was read, not
 * when the facts changed: a record's `updated_at` counts only once it was edited here (created
 * locally, or past its first version).
 */
export function lastUpdateDay(place: ExportPlace, offers: readonly Offer[]): string {
	const dates: string[] = [];
	for (const o of offers) {
		dates.push(o.verified_at ?? o.updated_at);
		if (o.source === LOCAL_SOURCE || o.version > 1) dates.push(o.updated_at);
	}
	if (place.source_updated_on) dates.push(place.source_updated_on);
	if (place.source === LOCAL_SOURCE || place.version > 1) dates.push(place.updated_at);
	return dates.map(parisDay).sort().at(-1)!;
}

const acceptedChar = new Map<string, boolean>();
/** Keeps the characters the package's address rules accept (one at a time: its own regexes decide). */
function sanitize(value: string, part: 'voie' | 'commune'): string {
	const kept = [...value.normalize('NFC')].map((c) => {
		const key = `${part}:${c}`;
		let ok = acceptedChar.get(key);
		if (ok === undefined) {
			ok = isValidAddress(part === 'voie' ? { voie: c, code_postal: '59100', commune: 'Roubaix' } : { voie: 'x', code_postal: '59100', commune: c });
			acceptedChar.set(key, ok);
		}
		return ok ? c : ' ';
	});
	return kept.join('').replace(/\s+/g, ' ').trim();
}

/** `03 20 00 00 00` → `+33320000000`, the schema's format; anything else is left out. */
export function schemaPhone(phone: string | null): string | undefined {
	if (!phone) return undefined;
	let digits = phone.replace(/\(0\)/g, '').replace(/[\s.\-/()]/g, '');
	if (digits.startsWith('00')) digits = `+${digits.slice(2)}`;
	if (/^0[1-9]\d{8}$/.test(digits)) digits = `+33${digits.slice(1)}`;
	return SCHEMA_PHONE.test(digits) && isValidTelephone(digits) ? digits : undefined;
}

function isHttpUrl(value: string): boolean {
	try {
		const url = new URL(value);
		return (url.protocol === 'http:' || url.protocol === 'https:') && isValidUrl(value);
	} catch {
		return false;
	}
}

function schemaPivot(siret: string | null): string {
	const compact = siret?.replace(/\s/g, '') ?? '';
	return /^\d{14}$/.test(compact) || isRna(compact) ? compact : UNKNOWN_PIVOT;
}

function schemaInsee(place: ExportPlace): string | undefined {
	const own = place.code_insee?.trim();
	if (own && isValidAddress({ voie: 'x', code_postal: '59100', commune: 'x', code_insee: own })) return own;
	return place.in_commune || normalizeText(place.commune) === 'roubaix' ? ROUBAIX_INSEE : undefined;
}

function restoredOffer(o: Offer): RestoredOffer {
	return {
		level: o.level,
		level_inferred: o.level_inferred,
		remote: o.remote,
		themes: o.themes as RestoredOffer['themes'],
		tags: o.tags as RestoredOffer['tags'],
		publics: o.publics as RestoredOffer['publics'],
		specific_support: o.specific_support as RestoredOffer['specific_support'],
		fees: o.fees as RestoredOffer['fees'],
		access_modes: o.access_modes as RestoredOffer['access_modes'],
		programmes: o.programmes as RestoredOffer['programmes'],
		other_labels: o.other_labels,
		languages: o.languages,
		hours: o.hours,
		booking_url: o.booking_url,
		status: o.status,
		closed_from: o.closed_from,
		closed_until: o.closed_until,
		closure_message: o.closure_message,
		description: o.description,
		verified_at: o.verified_at,
		verified_how: o.verified_how
	};
}

/** The place's fields an importer would read back differently from the row: kept in the extension. */
function placeDifferences(place: ExportPlace, row: SchemaRow): RestoredPlaceFields | undefined {
	const stored: Required<RestoredPlaceFields> = {
		name: place.name,
		address: place.address,
		address_complement: place.address_complement,
		postal_code: place.postal_code,
		commune: place.commune,
		code_insee: place.code_insee,
		lat: place.lat,
		lon: place.lon,
		phone: place.phone,
		email: place.email,
		website: place.website,
		description: place.description
	};
	const mapped = mapSchemaRow(row);
	const back: Partial<RestoredPlaceFields> = mapped.ok
		? {
				name: mapped.place.name,
				address: mapped.place.address,
				address_complement: mapped.place.addressComplement,
				postal_code: mapped.place.postalCode,
				commune: mapped.place.commune,
				code_insee: mapped.place.codeInsee,
				lat: mapped.place.lat,
				lon: mapped.place.lon,
				phone: mapped.place.phone,
				email: mapped.place.email,
				website: mapped.place.website,
				description: mapped.place.description
			}
		: {};
	const differences: Record<string, unknown> = {};
	for (const key of Object.keys(stored) as (keyof RestoredPlaceFields)[]) {
		if (back[key] !== stored[key]) differences[key] = stored[key];
	}
	return Object.keys(differences).length > 0 ? (differences as RestoredPlaceFields) : undefined;
}

/**
 * One row per place. Null when nothing of it is exported: all its offers permanently closed, or
 * not a single national service to name (the schema requires one).
 */
export function toExportRow(place: ExportPlace, allOffers: readonly Offer[]): ExportRow | null {
	const offers = exportedOffers(allOffers);
	if (offers.length === 0) return null;

	const themes = new Set(offers.flatMap((o) => o.themes));
	let services: Service[] = THEMES.filter((t) => themes.has(t.code)).map((t) => t.service);
	if (services.length === 0) {
		const tags = new Set(offers.flatMap((o) => o.tags));
		const fallback = new Set((Object.keys(TAG_FALLBACK) as LocalTagCode[]).filter((t) => tags.has(t)).map((t) => TAG_FALLBACK[t]));
		services = Object.values(Service).filter((s) => fallback.has(s));
	}
	if (services.length === 0) return null;

	const modalities = new Set<ModaliteAccompagnement>();
	// Only what the structure or the source declared: an inferred level is a guess, not a modality.
	for (const o of offers) if (isDeclared(o)) modalities.add(LEVEL_MODALITY[o.level!]);
	if (offers.some((o) => o.remote)) modalities.add(ModaliteAccompagnement.ADistance);

	const labels = [...new Set(offers.flatMap((o) => o.other_labels))];
	const formationLabels = Object.values(FormationLabel).filter((l) => labels.includes(l));
	const otherLabels = labels.filter((l) => !(formationLabels as string[]).includes(l)).map((l) => l.replaceAll(LIST_SEPARATOR, '/'));

	const preferred = byPreference(offers);
	const hours = preferred.find((o) => o.hours && isValidHours(o.hours))?.hours ?? undefined;
	const booking = preferred.find((o) => o.booking_url && isHttpUrl(o.booking_url))?.booking_url ?? undefined;
	const description = place.description?.trim() || undefined;
	const email = place.email?.trim();
	const website = place.website?.trim();

	const values: Partial<Record<(typeof SCHEMA_COLUMNS)[number], string | number | undefined>> = {
		id: place.source_id && place.source !== LOCAL_SOURCE ? place.source_id : `${LOCAL_ID_PREFIX}${place.id}`,
		pivot: schemaPivot(place.siret),
		nom: place.name.trim(),
		commune: sanitize(place.commune, 'commune') || 'Commune non renseignée',
		code_postal: place.postal_code,
		code_insee: schemaInsee(place),
		adresse: sanitize(place.address, 'voie') || 'Adresse non renseignée',
		complement_adresse: place.address_complement?.trim() || undefined,
		latitude: place.lat,
		longitude: place.lon,
		telephone: schemaPhone(place.phone),
		courriels: email && isValidCourriel(email) ? email : undefined,
		site_web: website && isHttpUrl(website) ? website : undefined,
		horaires: hours,
		// A short description is the summary; a long one is the detail, with its opening as the summary.
		presentation_resume:
			description === undefined
				? undefined
				: description.length <= RESUME_MAX
					? description
					: `${description.slice(0, RESUME_MAX - 1).trimEnd()}…`,
		presentation_detail: description !== undefined && description.length > RESUME_MAX ? description : undefined,
		source: place.source === LOCAL_SOURCE ? LOCAL_SOURCE_LABEL : place.source,
		date_maj: lastUpdateDay(place, allOffers),
		services: joined(services),
		publics_specifiquement_adresses: joined(union(offers, (o) => o.publics, Object.values(PublicSpecifiquementAdresse))),
		prise_en_charge_specifique: joined(union(offers, (o) => o.specific_support, Object.values(PriseEnChargeSpecifique))),
		frais_a_charge: joined(union(offers, (o) => o.fees, Object.values(Frais))),
		dispositif_programmes_nationaux: joined(union(offers, (o) => o.programmes, Object.values(DispositifProgrammeNational))),
		formations_labels: joined(formationLabels),
		autres_formations_labels: joined(otherLabels),
		// The package drops « n'accueille pas de public » from a place with services: so do we.
		modalites_acces: joined(union(offers, (o) => o.access_modes, Object.values(ModaliteAcces)).filter((m) => m !== ModaliteAcces.PasDePublic)),
		modalites_accompagnement: joined(MODALITY_ORDER.filter((m) => modalities.has(m))),
		prise_rdv: booking
	};
	const row = Object.fromEntries(SCHEMA_COLUMNS.flatMap((c) => (values[c] === undefined ? [] : [[c, values[c]]]))) as SchemaRow;

	const placeFields = placeDifferences(place, row);
	return {
		row,
		extension: { ...(placeFields ? { place: placeFields } : {}), offers: offers.map(restoredOffer) }
	};
}
