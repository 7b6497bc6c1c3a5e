import { z } from 'zod';
import { isActorKind, type ActorKind } from '$lib/domain/actor-kinds';
import { isValidHours } from '$lib/domain/hours';
import type { ActorSnapshot, OfferSnapshot, PlaceSnapshot } from '$lib/domain/listing';
import { LOCAL_TAGS, THEMES } from '$lib/domain/themes';
import { ACCESS_MODES, FEES, PROGRAMMES, PUBLICS, SPECIFIC_SUPPORT } from '$lib/domain/vocabulary';
import { ECHO_LIMIT, cap, echo, cleanLine, parseFields, isComplete, readSingles, readLists, type FormResult } from './form-input';
import { MAX, MSG } from './listing-messages';
import { requiredLine, optionalLine, optionalText, siretField, urlField, emailField, phoneField, coordinateField, postalCodeField, dateField, choiceList, otherLabelsField, levelField, statusField, placeIdField, checkboxField } from './listing-fields';
import { languagesField } from './language-field';
import { ROUBAIX_BOUNDS } from './field-values';

/**
 * Submitted listing forms (structure, lieu, offre) turned into snapshots, or into French messages
 * keyed by field name plus an echo of what was typed, so the page can be shown again with nothing lost.
 *
 * Nothing here throws, whatever the request carries: missing, repeated or file fields, huge or
 * hostile strings all end as `{ ok: false }`. Markup is kept as plain text: Svelte escapes it at render.
 */

// What the pages and tests read from here.
export type { FormResult } from './form-input';
export { isValidSiret, normalizeFrenchPhone, normalizeWebUrl, ROUBAIX_BOUNDS } from './field-values';
export { LANGUAGE_CODES } from './language-field';

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
