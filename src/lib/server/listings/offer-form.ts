import { fail } from '@sveltejs/kit';
import { gridFromOsm, hoursFromForm } from '$lib/domain/hours-editor';
import { hoursInWords } from '$lib/domain/hours-words';
import { CLOSED_WEEK_CONFIRM_FIELD, closedWeekQuestion } from '$lib/domain/hours-week-check';
import { LEVEL_DESCRIPTIONS, LEVEL_FILTER_VALUES, LEVEL_INFO } from '$lib/domain/levels';
import type { OfferSnapshot } from '$lib/domain/listing';
import { LANGUAGES } from '$lib/domain/orientation/choices';
import { LOCAL_TAGS, THEMES } from '$lib/domain/themes';
import { ACCESS_MODES, FEES, PROGRAMMES, PUBLICS, SPECIFIC_SUPPORT } from '$lib/domain/vocabulary';
import { parseOfferForm } from '../forms/listing-forms';
import type { Parsed } from './save';

/** The offer form's choices, sent by `load`: the vocabulary module must not reach the browser. */
export function offerChoices() {
	const terms = (list: readonly { value: string; label: string }[]) => list.map((t) => ({ value: t.value, label: t.label }));
	return {
		levels: LEVEL_FILTER_VALUES.map((level) => ({
			value: level === 'unknown' ? '' : level,
			label: LEVEL_INFO[level].label,
			rank: LEVEL_INFO[level].rank,
			description: LEVEL_DESCRIPTIONS[level]
		})),
		themes: THEMES.map((t) => ({ value: t.code, label: t.label })),
		tags: LOCAL_TAGS.map((t) => ({ value: t.code, label: t.label })),
		publics: terms(PUBLICS),
		specific_support: terms(SPECIFIC_SUPPORT),
		fees: terms(FEES),
		access_modes: terms(ACCESS_MODES),
		programmes: terms(PROGRAMMES),
		languages: LANGUAGES.map((l) => ({ value: l.code, label: l.label }))
	};
}

export type OfferChoices = ReturnType<typeof offerChoices>;

/** « En clair » says every day, so « fermé » and « non renseigné » are seen before saving. */
function summary(osm: string | null): string | null {
	return osm === null ? null : hoursInWords(osm);
}

/** The hours editor's state for a stored OSM string. */
export function hoursState(osm: string | null) {
	const { grid, exact } = gridFromOsm(osm);
	return { grid, osm, exact, mode: exact ? ('grid' as const) : ('osm' as const), rawError: null, summary: summary(osm) };
}

export type HoursState = ReturnType<typeof hoursState> | (Omit<ReturnType<typeof hoursState>, 'rawError'> & { rawError: string | null });

/**
 * Reads the offer form, hours table included. Hours errors and field errors come back together,
 * with the table as typed, so one correction round fixes everything.
 */
export function readOfferSubmission(form: FormData) {
	const hours = hoursFromForm(form);
	const parsed = parseOfferForm(form, hours.value);
	const hoursErrors: Record<string, string> = { ...hours.errors };
	if (hours.rawError) hoursErrors.hours_osm = 'Horaires illisibles au format OpenStreetMap : vérifiez le texte, ou utilisez le tableau.';
	const state = {
		grid: hours.grid,
		osm: hours.osm,
		exact: hours.exact,
		mode: hours.mode,
		rawError: hours.rawError ? hoursErrors.hours_osm! : null,
		summary: Object.keys(hoursErrors).length === 0 ? summary(hours.value) : null
	};
	if (Object.keys(hoursErrors).length > 0) {
		const values = parsed.ok ? echoForm(form) : parsed.values;
		const errors = { ...(parsed.ok ? {} : parsed.errors), ...hoursErrors };
		return { parsed: { ok: false, errors, values } as Parsed<OfferSnapshot>, hours: state };
	}
	return { parsed: parsed as Parsed<OfferSnapshot>, hours: state };
}

function echoForm(form: FormData): Record<string, string | string[]> {
	const values: Record<string, string | string[]> = {};
	for (const key of new Set(form.keys())) {
		const all = form.getAll(key).filter((v): v is string => typeof v === 'string').map((v) => v.slice(0, 5000));
		values[key] = all.length > 1 ? all.slice(0, 200) : (all[0] ?? '');
	}
	return values;
}

/** A refused offer form: what was typed, the errors, and the hours table as typed. */
export function offerFailure(parsed: Extract<Parsed<OfferSnapshot>, { ok: false }>, hours: ReturnType<typeof readOfferSubmission>['hours']) {
	return fail(400, { values: parsed.values, errors: parsed.errors, hours });
}

/**
 * A valid offer whose new week is mostly closed is not saved yet: the action answers with this
 * question (the form as typed, and a « Oui, publier » button carrying the confirmation field).
 * `null` when the save may go on. Nothing is written before the answer.
 */
export function closedWeekAnswer(
	form: FormData,
	parsed: Extract<Parsed<OfferSnapshot>, { ok: true }>,
	hours: ReturnType<typeof readOfferSubmission>['hours'],
	previous: string | null
) {
	const confirmation = form.get(CLOSED_WEEK_CONFIRM_FIELD);
	const question = closedWeekQuestion(parsed.value.hours, previous, typeof confirmation === 'string' ? confirmation : null);
	return question ? { question, values: parsed.value, errors: {}, hours } : null;
}
