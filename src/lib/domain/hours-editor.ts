import type OpeningHours from 'opening_hours';
import { describeWeek, parseHours, typicalWeekMonday } from './hours';

/**
 * The weekly grid behind the hours form: what an association can type without knowing the OSM
 * `opening_hours` syntax. The grid only covers an ordinary week (up to three ranges a day) and
 * "closed on public holidays"; anything richer (seasons, dates, comments, school holidays…) is kept
 * as raw OSM text, and `gridFromOsm` says so through `exact: false`.
 */

/** OSM day codes, Monday first, as the `opening_hours` syntax writes them. */
export const DAY_CODES = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'] as const;
export type DayCode = (typeof DAY_CODES)[number];

/** French day names for the form, lower-case like the rest of the hours wording. */
export const DAY_LABELS: Readonly<Record<DayCode, string>> = {
	Mo: 'lundi',
	Tu: 'mardi',
	We: 'mercredi',
	Th: 'jeudi',
	Fr: 'vendredi',
	Sa: 'samedi',
	Su: 'dimanche'
};

/** The form shows this many ranges a day; a day with more cannot be edited in the table. */
export const MAX_RANGES_PER_DAY = 3;
export const RANGE_SLOTS = [1, 2, 3] as const;
export type RangeSlot = (typeof RANGE_SLOTS)[number];
export type RangeEnd = 'from' | 'to';

/**
 * 'HH:MM' (`to` may be '24:00' for midnight). After a failed submission the grid returned by
 * `gridFromForm` keeps what was typed instead, so the form can show it again next to its error.
 */
export interface TimeRange {
	from: string;
	to: string;
}

export type PublicHolidays = 'closed' | 'unspecified';

/**
 * What a day is when it has no range: « Fermé » (written by leaving the day out, as OSM reads it) or
 * « Non renseigné » (written `Tu unknown`, so no reader takes it for closed). 'open' is « Horaires ».
 */
export type DayState = 'open' | 'closed' | 'unknown';
export const DAY_STATES: readonly { value: DayState; label: string }[] = [
	{ value: 'open', label: 'Horaires' },
	{ value: 'closed', label: 'Fermé' },
	{ value: 'unknown', label: 'Non renseigné' }
];

export interface WeekGrid {
	days: Record<DayCode, TimeRange[]>;
	/** A day with ranges is open whatever its state says; an empty day is closed only when said so. */
	states: Record<DayCode, DayState>;
	/** 'closed' writes `PH off`; 'unspecified' writes nothing, so holidays follow the weekday. */
	publicHolidays: PublicHolidays;
}

export type HoursMode = 'grid' | 'osm';

export const HOURS_PH_FIELD = 'hours_ph';
export const HOURS_OSM_FIELD = 'hours_osm';
export const HOURS_MODE_FIELD = 'hours_mode';

export const HOURS_MESSAGES = {
	invalidTime: 'Heure invalide : écrivez par exemple 9 h 30 ou 09:30.',
	endBeforeStart: 'L’heure de fin doit être après l’heure de début.',
	incomplete: 'Indiquez l’heure de début et l’heure de fin.',
	overlap: 'Ces plages se chevauchent.',
	closedWithTimes: 'Vous avez choisi « Fermé » pour ce jour : effacez ses heures, ou choisissez « Horaires ».',
	openWithoutTimes: 'Indiquez au moins une plage, ou choisissez « Fermé » ou « Non renseigné ».'
} as const;

/** `hours_Mo_state`: the day's « Horaires / Fermé / Non renseigné » choice. */
export function hoursStateField(day: DayCode): string {
	return `hours_${day}_state`;
}

/** `hours_Mo_1_from`: the name (and id) of one time field of the form. */
export function hoursFieldName(day: DayCode, slot: RangeSlot, end: RangeEnd): string {
	return `hours_${day}_${slot}_${end}`;
}

/** Every time field of the table, Monday's first range first. */
export const HOURS_TIME_FIELD_NAMES: readonly string[] = DAY_CODES.flatMap((day) =>
	RANGE_SLOTS.flatMap((slot) => [hoursFieldName(day, slot, 'from'), hoursFieldName(day, slot, 'to')])
);

/** Every field the hours editor renders, e.g. to copy typed values back after a failed submission. */
export const HOURS_FIELD_NAMES: readonly string[] = [
	...HOURS_TIME_FIELD_NAMES,
	...DAY_CODES.map(hoursStateField),
	HOURS_PH_FIELD,
	HOURS_OSM_FIELD,
	HOURS_MODE_FIELD
];

export function emptyGrid(): WeekGrid {
	return {
		days: { Mo: [], Tu: [], We: [], Th: [], Fr: [], Sa: [], Su: [] },
		states: { Mo: 'unknown', Tu: 'unknown', We: 'unknown', Th: 'unknown', Fr: 'unknown', Sa: 'unknown', Su: 'unknown' },
		publicHolidays: 'unspecified'
	};
}

// ---------------------------------------------------------------------------------------------------
// Clock values

const MINUTES_PER_DAY = 24 * 60;
/** Longer than any way of writing a time: not worth running a regular expression on. */
const MAX_TIME_LENGTH = 12;

/**
 * `9`, `9h`, `9 h 30`, `09h30`, `9:00`, `09.30`, `9,30`, `0930` → minutes since midnight; `null` when
 * unreadable. Digits alone matter: the fields ask for a numeric keyboard, which on some phones has
 * no colon and no letter. 24:00 is read (1440): whether it is allowed depends on the end of the range.
 */
export function parseClock(text: string): number | null {
	const trimmed = text.trim();
	if (trimmed.length > MAX_TIME_LENGTH) return null;
	const match = /^(\d{1,2})(?:\s*[hH]\s*(\d{2})?|\s*[:.,]\s*(\d{2})|(\d{2}))?$/.exec(trimmed);
	if (!match) return null;
	const hours = Number(match[1]);
	const minutes = Number(match[2] ?? match[3] ?? match[4] ?? '0');
	if (minutes > 59 || hours > 24 || (hours === 24 && minutes > 0)) return null;
	return hours * 60 + minutes;
}

/** Minutes → 'HH:MM' (1440 → '24:00'). */
export function clockText(minutes: number): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

interface MinuteRange {
	start: number;
	end: number;
}

/** A grid range in minutes; `null` when it is empty, unreadable or runs backwards. */
function rangeMinutes(range: TimeRange): MinuteRange | null {
	const start = parseClock(range.from);
	let end = parseClock(range.to);
	if (start === null || end === null || start >= MINUTES_PER_DAY) return null;
	if (end === 0) end = MINUTES_PER_DAY;
	return end > start ? { start, end } : null;
}

/** Sorted, with overlapping or touching ranges merged: 09:00-12:00 and 12:00-14:00 are one range. */
function mergeRanges(ranges: readonly MinuteRange[]): MinuteRange[] {
	const sorted = [...ranges].sort((a, b) => a.start - b.start || a.end - b.end);
	const merged: MinuteRange[] = [];
	for (const range of sorted) {
		const last = merged.at(-1);
		if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
		else merged.push({ ...range });
	}
	return merged;
}

// ---------------------------------------------------------------------------------------------------
// Grid → OSM

/** `Mo-Fr`, `Mo,We,Fr`, `Sa,Su`, `Mo-We,Fr`: runs of three days or more use a dash. */
function daySelector(indexes: readonly number[]): string {
	const parts: string[] = [];
	let runStart = 0;
	for (let i = 1; i <= indexes.length; i++) {
		const current = indexes[i];
		const previous = indexes[i - 1] ?? 0;
		if (current !== undefined && current === previous + 1) continue;
		const first = indexes[runStart] ?? 0;
		const run = DAY_CODES.slice(first, previous + 1);
		parts.push(run.length >= 3 ? `${run[0]}-${run.at(-1)}` : run.join(','));
		runStart = i;
	}
	return parts.join(',');
}

/**
 * The canonical OSM value of a grid: days with the same ranges grouped, ranges sorted and merged,
 * then the days « non renseigné » as `unknown` (left out, OSM readers would take them for closed),
 * `PH off` last. Closed days are left out, as OSM writes them; a week all closed is `off`. `null`
 * when every day is unknown (no hours at all). Unreadable or backwards ranges are skipped: validate
 * with `gridFromForm` first.
 */
export function osmFromGrid(grid: WeekGrid): string | null {
	const byDay = DAY_CODES.map((day) => {
		const ranges = grid.days[day].map(rangeMinutes).filter((r): r is MinuteRange => r !== null);
		return mergeRanges(ranges)
			.map((r) => `${clockText(r.start)}-${clockText(r.end)}`)
			.join(',');
	});
	const unknownDays = DAY_CODES.flatMap((day, index) => (byDay[index] === '' && grid.states[day] === 'unknown' ? [index] : []));
	if (unknownDays.length === DAY_CODES.length) return null;
	if (byDay.every((ranges) => ranges === '') && unknownDays.length === 0) return 'off';

	const closedOnHolidays = grid.publicHolidays === 'closed';
	const allDay = `${clockText(0)}-${clockText(MINUTES_PER_DAY)}`;
	// The library warns that `24/7; PH off` is ambiguous, hence the explicit form with holidays off.
	if (byDay.every((ranges) => ranges === allDay) && !closedOnHolidays) return '24/7';

	const groups = new Map<string, number[]>();
	byDay.forEach((ranges, index) => {
		if (ranges !== '') groups.set(ranges, [...(groups.get(ranges) ?? []), index]);
	});
	const rules = [...groups].map(([ranges, indexes]) => `${daySelector(indexes)} ${ranges}`);
	if (unknownDays.length > 0) rules.push(`${daySelector(unknownDays)} unknown`);
	if (closedOnHolidays) rules.push('PH off');
	return rules.join('; ');
}

// ---------------------------------------------------------------------------------------------------
// OSM → grid

/** Compared over more than a year, so every public holiday, month and Easter date is seen once. */
const COMPARISON_DAYS = 371;

/**
 * Features the comparison cannot judge: a year (`2026 Dec 24 off` is the same as nothing once 2026
 * is over), school holidays (the library knows them for a few years only, and throws past them), and
 * solar times (`hours.ts` reads them as fixed 06:00/18:00; other OSM readers use the real sun).
 */
const NOT_COMPARABLE = /\b(?:1[89]|2\d)\d\d\b|\bSH\b|\b(?:sunrise|sunset|dawn|dusk)\b/i;

type Interval = [from: number, to: number, unknown: boolean, comment: string];

/** Open intervals over the window, with touching ones joined (`Fr 22:00-24:00; Sa 00:00-02:00`). */
function intervals(oh: OpeningHours, from: Date, to: Date): Interval[] {
	const joined: Interval[] = [];
	for (const [start, end, unknown, comment] of oh.getOpenIntervals(from, to)) {
		const last = joined.at(-1);
		const text = comment ?? '';
		if (last && last[1] === start.getTime() && last[2] === unknown && last[3] === text) {
			last[1] = end.getTime();
		} else {
			joined.push([start.getTime(), end.getTime(), unknown, text]);
		}
	}
	return joined;
}

/** Whether two values open and close at the same instants, with the same comments, for a year. */
function sameSchedule(a: OpeningHours, b: OpeningHours, from: Date, to: Date): boolean {
	try {
		const left = intervals(a, from, to);
		const right = intervals(b, from, to);
		return (
			left.length === right.length &&
			left.every((interval, i) => interval.every((field, k) => field === right[i]?.[k]))
		);
	} catch {
		// The library throws while evaluating some values (school holidays of an unknown year).
		return false;
	}
}

function comparisonWindow(reference: Date): [Date, Date] {
	const [year = 1970, month = 1, day = 1] = typicalWeekMonday(reference).split('-').map(Number);
	return [new Date(year, month - 1, day), new Date(year, month - 1, day + COMPARISON_DAYS)];
}

/**
 * Reads an OSM value into the grid. `exact` is true only when writing the grid back
 * (`osmFromGrid`) gives the same schedule: same openings, closings and comments, public holidays
 * included, for a whole year from `reference`. Otherwise the grid is only the typical week (first
 * three ranges a day), for information, and the form should keep the raw text.
 * An empty value is an empty, exact grid; an unreadable one an empty, inexact grid.
 */
export function gridFromOsm(
	value: string | null,
	reference: Date = new Date()
): { grid: WeekGrid; exact: boolean } {
	const grid = emptyGrid();
	if (value === null || value.trim() === '') return { grid, exact: true };
	const original = parseHours(value);
	if (!original.ok) return { grid, exact: false };

	let week: ReturnType<typeof describeWeek>;
	try {
		week = describeWeek(value, reference);
	} catch {
		week = null;
	}
	if (!week) return { grid, exact: false };

	let fits = true;
	for (const [index, day] of DAY_CODES.entries()) {
		let slots = week[index]?.intervals ?? [];
		const unknownDay = slots.length === 1 && slots[0]?.from === '00:00' && slots[0].to === '24:00' && slots[0].uncertain && !slots[0].comment;
		if (unknownDay) slots = [];
		grid.states[day] = unknownDay ? 'unknown' : slots.length > 0 ? 'open' : 'closed';
		if (slots.length > MAX_RANGES_PER_DAY) fits = false;
		if (slots.some((slot) => slot.uncertain || slot.comment)) fits = false;
		grid.days[day] = slots
			.slice(0, MAX_RANGES_PER_DAY)
			.map((slot) => ({ from: slot.from, to: slot.to }));
	}

	const mentionsHolidaysOff = /\bPH\s+(?:off|closed)\b/i.test(value);
	grid.publicHolidays = mentionsHolidaysOff ? 'closed' : 'unspecified';
	if (!fits || NOT_COMPARABLE.test(value)) return { grid, exact: false };

	// When no holiday falls on an open day within the window, both readings match: prefer the text's.
	const preferred: PublicHolidays[] = mentionsHolidaysOff
		? ['closed', 'unspecified']
		: ['unspecified', 'closed'];
	const [from, to] = comparisonWindow(reference);
	for (const publicHolidays of preferred) {
		const candidate = osmFromGrid({ ...grid, publicHolidays });
		// Every day unknown: null would say "no hours", which is not what the text says.
		if (candidate === null) return { grid, exact: false };
		const rewritten = parseHours(candidate);
		if (rewritten.ok && sameSchedule(original.oh, rewritten.oh, from, to)) {
			return { grid: { ...grid, publicHolidays }, exact: true };
		}
	}
	return { grid, exact: false };
}

// ---------------------------------------------------------------------------------------------------
// Form → grid

type FormSource = FormData | URLSearchParams;

function field(form: FormSource, name: string): string {
	const value = form.get(name);
	return typeof value === 'string' ? value.trim() : '';
}

interface TypedRange {
	slot: RangeSlot;
	from: string;
	to: string;
	minutes: MinuteRange | null;
}

/**
 * Reads the table of the hours form. Empty pairs are ignored; errors are French and keyed by the
 * field they belong to. Without errors the grid holds 'HH:MM' ranges only (`to` 00:00 is read as
 * midnight, '24:00'). With errors every day keeps its ranges in their slots, as typed, so the form
 * shows them again next to their messages.
 */
export function gridFromForm(form: FormSource): { grid: WeekGrid; errors: Record<string, string> } {
	const errors: Record<string, string> = {};
	const typed = {} as Record<DayCode, TypedRange[]>;

	for (const day of DAY_CODES) {
		typed[day] = RANGE_SLOTS.map((slot): TypedRange => {
			const fromName = hoursFieldName(day, slot, 'from');
			const toName = hoursFieldName(day, slot, 'to');
			const from = field(form, fromName);
			const to = field(form, toName);
			const range: TypedRange = { slot, from, to, minutes: null };
			if (from === '' && to === '') return range;

			const start = from === '' ? null : parseClock(from);
			let end = to === '' ? null : parseClock(to);
			if (end === 0) end = MINUTES_PER_DAY;
			if (from === '') errors[fromName] = HOURS_MESSAGES.incomplete;
			else if (start === null || start >= MINUTES_PER_DAY) errors[fromName] = HOURS_MESSAGES.invalidTime;
			if (to === '') errors[toName] = HOURS_MESSAGES.incomplete;
			else if (end === null) errors[toName] = HOURS_MESSAGES.invalidTime;
			if (errors[fromName] || errors[toName] || start === null || end === null) return range;

			if (end <= start) errors[toName] = HOURS_MESSAGES.endBeforeStart;
			else range.minutes = { start, end };
			return range;
		});

		// The later slot carries the message: it is the one usually added by mistake.
		const valid = typed[day].filter((range) => range.minutes !== null);
		valid.forEach((range, i) => {
			const a = range.minutes as MinuteRange;
			const clash = valid.slice(0, i).some(({ minutes }) => {
				const b = minutes as MinuteRange;
				return a.start < b.end && b.start < a.end;
			});
			if (clash) errors[hoursFieldName(day, range.slot, 'from')] = HOURS_MESSAGES.overlap;
		});
	}

	const grid = emptyGrid();
	for (const day of DAY_CODES) {
		const chosen = field(form, hoursStateField(day));
		const hasTimes = typed[day].some((range) => range.from !== '' || range.to !== '');
		// Times typed win over the default « Non renseigné » (without JavaScript the choice does not
		// follow the typing); an explicit « Fermé » with times, or « Horaires » without, is asked again.
		if (hasTimes && chosen === 'closed') errors[hoursStateField(day)] = HOURS_MESSAGES.closedWithTimes;
		if (!hasTimes && chosen === 'open') errors[hoursStateField(day)] = HOURS_MESSAGES.openWithoutTimes;
		grid.states[day] = hasTimes ? 'open' : chosen === 'closed' ? 'closed' : chosen === 'open' ? 'open' : 'unknown';
		if (hasTimes && chosen === 'closed') grid.states[day] = 'closed';
	}
	grid.publicHolidays = field(form, HOURS_PH_FIELD) === 'closed' ? 'closed' : 'unspecified';
	const failed = Object.keys(errors).length > 0;
	for (const day of DAY_CODES) {
		if (failed) {
			const lastUsed = typed[day].findLastIndex((range) => range.from !== '' || range.to !== '');
			grid.days[day] = typed[day].slice(0, lastUsed + 1).map((range) =>
				range.minutes
					? { from: clockText(range.minutes.start), to: clockText(range.minutes.end) }
					: { from: range.from, to: range.to }
			);
		} else {
			grid.days[day] = typed[day].flatMap(({ minutes }) =>
				minutes ? [{ from: clockText(minutes.start), to: clockText(minutes.end) }] : []
			);
		}
	}
	return { grid, errors };
}

/**
 * Everything the hours form submitted, ready for the action: `value` is what to store (null for no
 * hours), valid only when `errors` is empty and `rawError` null. In 'osm' mode the text is kept as
 * typed (trimmed); in 'grid' mode it is rewritten from the table.
 */
export function hoursFromForm(
	form: FormSource,
	reference: Date = new Date()
): {
	mode: HoursMode;
	value: string | null;
	grid: WeekGrid;
	errors: Record<string, string>;
	osm: string | null;
	exact: boolean;
	rawError: string | null;
} {
	const mode: HoursMode = field(form, HOURS_MODE_FIELD) === 'osm' ? 'osm' : 'grid';
	const text = field(form, HOURS_OSM_FIELD);
	if (mode === 'osm') {
		const value = text === '' ? null : text;
		const parsed = value === null ? null : parseHours(value);
		const rawError = parsed && !parsed.ok ? parsed.error : null;
		const { grid, exact } = gridFromOsm(value, reference);
		return { mode, value, grid, errors: {}, osm: value, exact, rawError };
	}
	const { grid, errors } = gridFromForm(form);
	const failed = Object.keys(errors).length > 0;
	const value = failed ? null : osmFromGrid(grid);
	// A failed table keeps the text the user may also have edited; a good one shows its own text.
	return { mode, value, grid, errors, osm: failed ? text || null : value, exact: true, rawError: null };
}
