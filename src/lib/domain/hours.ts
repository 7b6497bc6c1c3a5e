import OpeningHours, { type nominatim_object, type optional_conf } from 'opening_hours';

/**
 * OSM opening hours (the `opening_hours` tag), read the way a visitor in Roubaix reads them.
 *
 * Every evaluation happens on Europe/Paris wall-clock time with French public holidays, whatever the
 * process time zone: servers and CI run in UTC, and "open now" must not depend on where the code runs.
 * The `opening_hours` library reads dates through the local getters (`getHours()`, `getDay()`…), so an
 * instant is first turned into a "wall-clock Date" whose local fields show the time in Paris, and the
 * library's answers are turned back into real instants.
 *
 * Nothing here throws on a bad hours string: unreadable values give `null` (or `{ ok: false }`).
 */

/** A value as stored: the column is nullable, and callers should not have to test it first. */
export type HoursValue = string | null | undefined;

const PARIS_TIME_ZONE = 'Europe/Paris';
const HOUR = 3_600_000;
const MINUTES_PER_DAY = 24 * 60;
const EVENING_STARTS_AT = 18 * 60;
/** Horizon of the status label; further openings are not worth announcing as "soon". */
const STATUS_HORIZON_DAYS = 7;
/** A year covers any seasonal rule without letting `closed` values scan the library's 5-year default. */
const NEXT_OPENING_HORIZON_DAYS = 366;
/** A typical week is searched this far ahead; France never has holidays in 8 consecutive weeks. */
const TYPICAL_WEEK_SEARCH_WEEKS = 8;
/** Values are few in the real data, but form validation can feed arbitrary strings: keep memory bounded. */
const CACHE_LIMIT = 10_000;

/** Memoizes in a bounded Map, dropping the oldest entry when full. */
function remember<K, V>(cache: Map<K, V>, key: K, compute: () => V): V {
	if (cache.has(key)) return cache.get(key) as V;
	const value = compute();
	if (cache.size >= CACHE_LIMIT) {
		const oldest = cache.keys().next();
		if (!oldest.done) cache.delete(oldest.value);
	}
	cache.set(key, value);
	return value;
}

// ---------------------------------------------------------------------------------------------------
// Paris wall clock

const parisFormat = new Intl.DateTimeFormat('en-GB', {
	timeZone: PARIS_TIME_ZONE,
	hourCycle: 'h23',
	year: 'numeric',
	month: 'numeric',
	day: 'numeric',
	hour: 'numeric',
	minute: 'numeric',
	second: 'numeric'
});

/** Paris' offset from UTC at `instant` (a whole second), in milliseconds, from the time-zone database. */
function lookUpParisOffset(instant: number): number {
	const parts = parisFormat.formatToParts(instant);
	const field = (type: Intl.DateTimeFormatPartTypes): number =>
		Number(parts.find((part) => part.type === type)?.value);
	const wallAsUtc = Date.UTC(
		field('year'),
		field('month') - 1,
		field('day'),
		field('hour'),
		field('minute'),
		field('second')
	);
	return wallAsUtc - instant;
}

const offsetCache = new Map<number, number>();

/**
 * Paris changes offset only on the hour, so one Intl lookup per UTC hour is exact; it spares the
 * slow Intl call on hot paths that evaluate thousands of offers against the same `now`.
 */
function parisOffset(instant: number): number {
	const hour = Math.floor(instant / HOUR);
	return remember(offsetCache, hour, () => lookUpParisOffset(hour * HOUR));
}

/** Milliseconds since the epoch of the Paris wall-clock reading of `instant`, as if it were UTC. */
function parisWallAsUtc(instant: number): number {
	return instant + parisOffset(instant);
}

/**
 * The Date whose *local* fields (`getHours()`, `getDate()`, `getDay()`…) show the Paris wall-clock
 * time of `instant`. Only meant to be handed to `opening_hours`; its `getTime()` is meaningless.
 * A Paris time that falls in a DST gap of the process time zone (never the case in UTC) is shifted
 * by that gap.
 */
export function parisWallClock(instant: Date): Date {
	const wall = new Date(parisWallAsUtc(instant.getTime()));
	return new Date(
		wall.getUTCFullYear(),
		wall.getUTCMonth(),
		wall.getUTCDate(),
		wall.getUTCHours(),
		wall.getUTCMinutes(),
		wall.getUTCSeconds(),
		wall.getUTCMilliseconds()
	);
}

/**
 * The real instant at which Paris clocks show the local fields of `wall` (the inverse of
 * `parisWallClock`). Like Temporal's 'compatible' disambiguation, a time repeated when clocks go back
 * in October gives the earlier instant, and a time skipped in March is read with the winter offset
 * (02:30 becomes 03:30 summer time).
 */
export function fromParisWallClock(wall: Date): Date {
	const wallAsUtc = Date.UTC(
		wall.getFullYear(),
		wall.getMonth(),
		wall.getDate(),
		wall.getHours(),
		wall.getMinutes(),
		wall.getSeconds(),
		wall.getMilliseconds()
	);
	// Paris is UTC+1 or UTC+2, so offsets read three hours either side see both sides of a change.
	const offsetBefore = parisOffset(wallAsUtc - 3 * HOUR);
	const offsetAfter = parisOffset(wallAsUtc + 3 * HOUR);
	const candidates = [wallAsUtc - offsetBefore, wallAsUtc - offsetAfter].sort((a, b) => a - b);
	const exact = candidates.find((instant) => parisWallAsUtc(instant) === wallAsUtc);
	return new Date(exact ?? wallAsUtc - offsetBefore);
}

// ---------------------------------------------------------------------------------------------------
// Parsing

/**
 * `PH` needs a country: without this object the library throws on `PH`, and with `null` it silently
 * uses German holidays. `state` picks the regional rules (Alsace-Moselle adds Good Friday and 26 Dec.).
 * The library only uses coordinates when they are strings, as Nominatim returns them; these numbers
 * are therefore ignored on purpose: sunrise/sunset fall back to fixed 06:00/18:00, because real solar
 * instants would be read through the process time zone and come out shifted by its offset.
 */
const ROUBAIX: nominatim_object = {
	lat: 50.69,
	lon: 3.18,
	address: { country_code: 'fr', state: 'Hauts-de-France' }
};

/** `locale: 'fr'` makes the library's own error messages French, ready to show next to a field. */
const PARSER_OPTIONS: optional_conf = {
	tag_key: 'opening_hours',
	locale: 'fr',
	mode: undefined,
	map_value: undefined,
	warnings_severity: undefined
};

export type ParsedHours = { ok: true; oh: OpeningHours } | { ok: false; error: string };

/** Keyed by the raw value: the server evaluates the same few strings for thousands of offers. */
const parseCache = new Map<string, ParsedHours>();

/**
 * Far beyond any real value (OpenStreetMap caps a tag at 255 characters, the listing forms at
 * 1000). The parser's time grows faster than the length: 24,000 characters took 4 s and blocked
 * the server, so a longer text is refused before it is read.
 */
export const MAX_HOURS_LENGTH = 1000;

/** Parses an OSM opening_hours value; never throws, and the error is French. */
export function parseHours(value: HoursValue): ParsedHours {
	if (value == null || value.trim() === '') {
		return { ok: false, error: 'Horaires vides : indiquez par exemple « Mo-Fr 09:00-12:00 ».' };
	}
	if (value.length > MAX_HOURS_LENGTH) {
		return { ok: false, error: `Horaires illisibles : ${MAX_HOURS_LENGTH} caractères au plus.` };
	}
	return remember(parseCache, value, () => {
		try {
			return { ok: true, oh: new OpeningHours(value, ROUBAIX, PARSER_OPTIONS) };
		} catch (thrown) {
			// The library throws plain strings, not Errors.
			const detail = thrown instanceof Error ? thrown.message : String(thrown);
			return { ok: false, error: `Horaires illisibles : ${detail}` };
		}
	});
}

function parsed(value: HoursValue): OpeningHours | null {
	const result = parseHours(value);
	return result.ok ? result.oh : null;
}

export function isValidHours(value: HoursValue): boolean {
	return parseHours(value).ok;
}

// ---------------------------------------------------------------------------------------------------
// Calendar helpers on wall-clock Dates

const WEEKDAYS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'] as const;
export type WeekdayName = (typeof WEEKDAYS)[number];

/** ISO numbering, as in the rest of the app: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

function isoWeekday(wall: Date): IsoWeekday {
	return (((wall.getDay() + 6) % 7) + 1) as IsoWeekday;
}

function weekdayName(wall: Date): WeekdayName {
	return WEEKDAYS[isoWeekday(wall) - 1] ?? 'lundi';
}

function startOfDay(wall: Date, plusDays = 0): Date {
	return new Date(wall.getFullYear(), wall.getMonth(), wall.getDate() + plusDays);
}

/** Keeps the wall-clock time even when the process time zone changes offset in between. */
function addDays(wall: Date, days: number): Date {
	const shifted = new Date(wall);
	shifted.setDate(shifted.getDate() + days);
	return shifted;
}

function dayNumber(wall: Date): number {
	return Math.round(Date.UTC(wall.getFullYear(), wall.getMonth(), wall.getDate()) / 86_400_000);
}

function isoDate(wall: Date): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${wall.getFullYear()}-${pad(wall.getMonth() + 1)}-${pad(wall.getDate())}`;
}

function assertIsoWeekday(weekday: number): asserts weekday is IsoWeekday {
	if (!Number.isInteger(weekday) || weekday < 1 || weekday > 7) {
		throw new RangeError(`Jour ISO attendu entre 1 (lundi) et 7 (dimanche), reçu ${weekday}`);
	}
}

// ---------------------------------------------------------------------------------------------------
// French wording

/** « 9 h », « 9 h 30 », « 12 h »: the way times are written in French prose. */
export function formatClock(minutes: number): string {
	const hours = Math.floor(minutes / 60);
	const rest = minutes % 60;
	return rest === 0 ? `${hours} h` : `${hours} h ${String(rest).padStart(2, '0')}`;
}

function minutesOfDay(wall: Date): number {
	return wall.getHours() * 60 + wall.getMinutes();
}

function frenchList(items: readonly string[]): string {
	if (items.length <= 1) return items.join('');
	return `${items.slice(0, -1).join(', ')} et ${items.at(-1)}`;
}

function capitalize(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

/** « aujourd'hui à 14 h », « demain à 9 h », « mardi à 9 h », « lundi prochain à 9 h ». */
function whenLabel(target: Date, now: Date): string {
	const at = `à ${formatClock(minutesOfDay(target))}`;
	const days = dayNumber(target) - dayNumber(now);
	if (days === 0) return `aujourd'hui ${at}`;
	if (days === 1) return `demain ${at}`;
	if (days >= 7) return `${weekdayName(target)} prochain ${at}`;
	return `${weekdayName(target)} ${at}`;
}

/** Closing is announced without « aujourd'hui », and a closing at midnight is « à minuit ». */
function closingLabel(target: Date, now: Date): string {
	const days = dayNumber(target) - dayNumber(now);
	if (days === 0) return `à ${formatClock(minutesOfDay(target))}`;
	if (days === 1 && minutesOfDay(target) === 0) return 'à minuit';
	return whenLabel(target, now);
}

// ---------------------------------------------------------------------------------------------------
// Instants: open now, next opening, status label

let cachedInstant = Number.NaN;
const instantCache = new Map<string, unknown>();

/**
 * Remembers results for the latest instant only: a request evaluates thousands of offers, sharing a
 * handful of hours strings, against one `now`, and evaluating costs 10–30 µs each.
 */
function atInstant<V>(kind: string, value: string, instant: Date, compute: () => V): V {
	if (instant.getTime() !== cachedInstant) {
		cachedInstant = instant.getTime();
		instantCache.clear();
	}
	return remember(instantCache, `${kind} ${value}`, compute) as V;
}

/**
 * Whether the place is open at `instant`. A comment without `open` makes the library answer
 * "unknown" (e.g. `Mo 10:00-12:00 "sur rendez-vous"`): that is not counted as open.
 * `null` when the value is empty or unreadable.
 */
export function isOpenAt(value: HoursValue, instant: Date = new Date()): boolean | null {
	const oh = parsed(value);
	if (!oh) return null;
	return atInstant('open', value ?? '', instant, () => oh.getState(parisWallClock(instant)));
}

/** The next wall-clock time, up to `limit`, at which the state becomes `wanted`. */
function nextChangeTo(
	oh: OpeningHours,
	from: Date,
	limit: Date,
	wanted: (state: 'open' | 'unknown' | 'close') => boolean
): Date | null {
	let cursor = from;
	for (;;) {
		const change = oh.getNextChange(cursor, limit);
		if (!change || change.getTime() > limit.getTime()) return null;
		if (wanted(oh.getStateString(change))) return change;
		cursor = change;
	}
}

/**
 * The instant the place next opens for sure: `now` itself when it is open now, `null` when it does
 * not open within `withinDays` (or the value is unreadable).
 */
export function nextOpening(
	value: HoursValue,
	now: Date = new Date(),
	withinDays = NEXT_OPENING_HORIZON_DAYS
): Date | null {
	const oh = parsed(value);
	if (!oh) return null;
	const wall = parisWallClock(now);
	if (oh.getState(wall)) return now;
	const opening = nextChangeTo(oh, wall, addDays(wall, withinDays), (state) => state === 'open');
	return opening ? fromParisWallClock(opening) : null;
}

export interface HoursStatus {
	open: boolean;
	label: string;
}

/**
 * Plain-French status for a place card: « Ouvert maintenant · ferme à 12 h »,
 * « Fermé · ouvre demain à 14 h 30 »… `null` when the hours are unknown or unreadable.
 */
export function hoursStatus(value: HoursValue, now: Date = new Date()): HoursStatus | null {
	const oh = parsed(value);
	if (!oh) return null;
	// A copy, so a caller editing its result cannot alter what the next offer receives.
	return { ...atInstant('status', value ?? '', now, () => statusAt(oh, now)) };
}

function statusAt(oh: OpeningHours, now: Date): HoursStatus {
	const wall = parisWallClock(now);
	const limit = addDays(wall, STATUS_HORIZON_DAYS);
	const state = oh.getStateString(wall);

	if (state === 'open') {
		const closing = nextChangeTo(oh, wall, limit, (next) => next !== 'open');
		if (!closing) return { open: true, label: 'Ouvert maintenant' };
		return { open: true, label: `Ouvert maintenant · ferme ${closingLabel(closing, wall)}` };
	}
	if (state === 'unknown') {
		const comment = oh.getComment(wall);
		return { open: false, label: comment ? `Ouverture à confirmer · ${comment}` : 'Ouverture à confirmer' };
	}

	const next = nextChangeTo(oh, wall, limit, (next) => next !== 'close');
	if (!next) {
		const label = `Fermé · pas d'ouverture prévue dans les ${STATUS_HORIZON_DAYS} prochains jours`;
		return { open: false, label };
	}
	if (oh.getState(next)) return { open: false, label: `Fermé · ouvre ${whenLabel(next, wall)}` };
	const comment = oh.getComment(next);
	const why = comment ? ` (${comment})` : '';
	return { open: false, label: `Fermé · ouverture à confirmer ${whenLabel(next, wall)}${why}` };
}

// ---------------------------------------------------------------------------------------------------
// Typical week

/**
 * A typical week is the first Monday–Sunday week starting on or after the reference day (today by
 * default) that holds no French public holiday, so filters such as "open on Saturday" do not flip
 * around Christmas or Easter. Callers may pass a reference to pin it (tests, batch jobs).
 */
const weekStartCache = new Map<string, Date>();

function containsPublicHoliday(monday: Date): boolean {
	const probe = parsed('PH');
	if (!probe) return false;
	for (let day = 0; day < 7; day++) {
		if (probe.getPublicHolidayContext(addDays(monday, day)).isHoliday) return true;
	}
	return false;
}

function typicalMonday(reference: Date): Date {
	const today = startOfDay(parisWallClock(reference));
	return remember(weekStartCache, isoDate(today), () => {
		const firstMonday = startOfDay(today, (8 - isoWeekday(today)) % 7);
		for (let week = 0; week < TYPICAL_WEEK_SEARCH_WEEKS; week++) {
			const monday = startOfDay(firstMonday, 7 * week);
			if (!containsPublicHoliday(monday)) return monday;
		}
		return firstMonday;
	});
}

/** The Monday ('YYYY-MM-DD', Paris calendar) of the typical week used for `reference`. */
export function typicalWeekMonday(reference: Date = new Date()): string {
	return isoDate(typicalMonday(reference));
}

/** Minutes from the day's midnight; `end` is 1440 when the slot runs to midnight. */
interface Slot {
	start: number;
	end: number;
	/** The library's "unknown": a comment without `open`, or the `unknown` keyword. */
	uncertain: boolean;
	comment: string | undefined;
}

const weekCache = new Map<string, Slot[][]>();

function daySlots(oh: OpeningHours, day: Date): Slot[] {
	const nextDay = startOfDay(day, 1);
	return oh.getOpenIntervals(day, nextDay).map(([from, to, uncertain, comment]) => ({
		start: minutesOfDay(from),
		// Minutes come from wall fields, not durations, so a DST night still counts as a nominal day.
		end: to.getTime() >= nextDay.getTime() ? MINUTES_PER_DAY : minutesOfDay(to),
		uncertain,
		comment: comment || undefined
	}));
}

/** Slots of the typical week, Monday first; cached per value and week since evaluating is slow. */
function typicalWeek(value: HoursValue, reference: Date): Slot[][] | null {
	const oh = parsed(value);
	if (!oh) return null;
	const monday = typicalMonday(reference);
	return remember(weekCache, `${isoDate(monday)} ${value}`, () =>
		WEEKDAYS.map((_, index) => daySlots(oh, startOfDay(monday, index)))
	);
}

function certainSlots(week: Slot[][]): Slot[][] {
	return week.map((slots) => slots.filter((slot) => !slot.uncertain));
}

/** ISO weekday: 1 = Monday … 7 = Sunday. Throws a RangeError on another number (a caller's bug). */
export function opensOnWeekday(
	value: HoursValue,
	weekday: number,
	reference: Date = new Date()
): boolean | null {
	assertIsoWeekday(weekday);
	const week = typicalWeek(value, reference);
	return week ? (certainSlots(week)[weekday - 1] ?? []).length > 0 : null;
}

export function opensOnSaturday(value: HoursValue, reference: Date = new Date()): boolean | null {
	return opensOnWeekday(value, 6, reference);
}

/** Open at some point after 18 h on some day of the typical week. */
export function opensInEvening(value: HoursValue, reference: Date = new Date()): boolean | null {
	const week = typicalWeek(value, reference);
	if (!week) return null;
	return certainSlots(week).some((slots) => slots.some((slot) => slot.end > EVENING_STARTS_AT));
}

/** Minutes surely open in the typical week (nominal days of 24 h, even across a DST change). */
export function weeklyOpenMinutes(value: HoursValue, reference: Date = new Date()): number | null {
	const week = typicalWeek(value, reference);
	if (!week) return null;
	return certainSlots(week)
		.flat()
		.reduce((total, slot) => total + slot.end - slot.start, 0);
}

/** 'HH:MM' (00:00 … 24:00) to minutes; a malformed window is a caller's bug, hence the RangeError. */
function clockMinutes(hhmm: string): number {
	const match = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(hhmm);
	const minutes = match ? Number(match[1]) * 60 + Number(match[2]) : Number.NaN;
	if (!(minutes <= MINUTES_PER_DAY)) {
		throw new RangeError(`Heure attendue au format HH:MM, reçu « ${hhmm} »`);
	}
	return minutes;
}

/**
 * Open for at least part of [from, to) on that ISO weekday of the typical week — what the
 * "disponible tel jour à telle heure" filter asks.
 */
export function opensWithinWindow(
	value: HoursValue,
	weekday: number,
	from: string,
	to: string,
	reference: Date = new Date()
): boolean | null {
	assertIsoWeekday(weekday);
	const start = clockMinutes(from);
	const end = clockMinutes(to);
	if (end <= start) throw new RangeError(`Fenêtre vide ou à cheval sur minuit : ${from}–${to}`);
	const week = typicalWeek(value, reference);
	if (!week) return null;
	const slots = certainSlots(week)[weekday - 1] ?? [];
	return slots.some((slot) => slot.start < end && slot.end > start);
}

// ---------------------------------------------------------------------------------------------------
// Describing the week

export interface OpenInterval {
	/** 'HH:MM'; `to` is '24:00' when the interval runs to midnight. */
	from: string;
	to: string;
	/** Present only for the library's "unknown" state (a comment without `open`). */
	uncertain?: true;
	comment?: string;
}

export interface DaySchedule {
	day: WeekdayName;
	label: string;
	intervals: OpenInterval[];
	/** « 9 h – 12 h et 14 h – 17 h », « 24 h sur 24 », « fermé » or « non renseigné ». */
	text: string;
}

function hhmm(minutes: number): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

function toInterval(slot: Slot): OpenInterval {
	const interval: OpenInterval = { from: hhmm(slot.start), to: hhmm(slot.end) };
	if (slot.uncertain) interval.uncertain = true;
	if (slot.comment) interval.comment = slot.comment;
	return interval;
}

/** What a day reads when its hours are declared unknown (`Tu unknown`), as opposed to `fermé`. */
export const UNKNOWN_DAY_TEXT = 'non renseigné';

function slotText(slot: Slot): string {
	// The whole day in the library's "unknown" state, with no comment: the hours editor's « Non renseigné ».
	if (slot.start === 0 && slot.end === MINUTES_PER_DAY && slot.uncertain && !slot.comment) return UNKNOWN_DAY_TEXT;
	const range =
		slot.start === 0 && slot.end === MINUTES_PER_DAY
			? '24 h sur 24'
			: `${formatClock(slot.start)} – ${formatClock(slot.end)}`;
	if (slot.comment) return `${range} (${slot.comment})`;
	return slot.uncertain ? `${range} (à confirmer)` : range;
}

/** The typical week, Monday → Sunday, in plain French; `null` when the value is unreadable. */
export function describeWeek(value: HoursValue, reference: Date = new Date()): DaySchedule[] | null {
	const week = typicalWeek(value, reference);
	if (!week) return null;
	return WEEKDAYS.map((day, index) => {
		const slots = week[index] ?? [];
		return {
			day,
			label: capitalize(day),
			intervals: slots.map(toInterval),
			text: slots.length === 0 ? 'fermé' : frenchList(slots.map(slotText))
		};
	});
}

function daysLabel(first: number, last: number): string {
	if (first === 0 && last === WEEKDAYS.length - 1) return 'tous les jours';
	const from = WEEKDAYS[first] ?? '';
	const to = WEEKDAYS[last] ?? '';
	if (first === last) return from;
	return last === first + 1 ? `${from} et ${to}` : `du ${from} au ${to}`;
}

/**
 * One line for the week, consecutive identical days grouped and closed or unknown days left out:
 * « Du lundi au vendredi : 9 h – 12 h ; samedi : 8 h 30 – 11 h 30 ».
 */
export function summarizeWeek(value: HoursValue, reference: Date = new Date()): string | null {
	const days = describeWeek(value, reference);
	if (!days) return null;
	const groups: string[] = [];
	let first = 0;
	for (let index = 1; index <= days.length; index++) {
		if (index < days.length && days[index]?.text === days[first]?.text) continue;
		const text = days[first]?.text ?? 'fermé';
		if (text !== 'fermé' && text !== UNKNOWN_DAY_TEXT) groups.push(`${daysLabel(first, index - 1)} : ${text}`);
		first = index;
	}
	return groups.length > 0 ? capitalize(groups.join(' ; ')) : 'Aucune ouverture régulière';
}
