import { describeWeek, UNKNOWN_DAY_TEXT, type HoursValue } from './hours';
import { gridFromOsm } from './hours-editor';

/**
 * The whole week in words, no day left unsaid: the open days first, as the public summary groups
 * them, then the closed days and the days « non renseigné »: « Lundi : 9 h – 12 h ; non renseigné :
 * mardi ; fermé : samedi, dimanche et jours fériés ». The hours editor's « En clair » and the
 * coordinator's diff both use it, so the coordinator reads what the member was shown, and
 * « fermé » is never confused with « non renseigné » (`summarizeWeek`, for cards, leaves both out).
 */

const DAYS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'] as const;
const HOLIDAYS_OFF = /\bPH\s+(?:off|closed)\b/i;

export const UNREADABLE_HOURS = 'Horaires illisibles (voir le texte OpenStreetMap)';
export const NO_HOURS = 'Horaires non renseignés';

function frenchList(items: readonly string[]): string {
	if (items.length <= 1) return items.join('');
	return `${items.slice(0, -1).join(', ')} et ${items.at(-1)}`;
}

function runLabel(first: number, last: number): string {
	if (first === 0 && last === DAYS.length - 1) return 'tous les jours';
	const from = DAYS[first] ?? '';
	const to = DAYS[last] ?? '';
	if (first === last) return from;
	return last === first + 1 ? `${from} et ${to}` : `du ${from} au ${to}`;
}

/** Indexes (Monday = 0) as French days: a run of three or more reads « du mardi au dimanche ». */
function daysText(indexes: readonly number[]): string {
	const first = indexes[0] ?? 0;
	const last = indexes.at(-1) ?? 0;
	const oneRun = last - first === indexes.length - 1;
	if (oneRun && (indexes.length >= 3 || indexes.length === 1)) return runLabel(first, last);
	return frenchList(indexes.map((index) => DAYS[index] ?? ''));
}

export function hoursInWords(value: HoursValue, reference: Date = new Date()): string {
	if (value == null || value.trim() === '') return NO_HOURS;
	let week: ReturnType<typeof describeWeek>;
	try {
		week = describeWeek(value, reference);
	} catch {
		week = null;
	}
	if (!week) return UNREADABLE_HOURS;

	const parts: string[] = [];
	let first = 0;
	for (let index = 1; index <= week.length; index++) {
		if (index < week.length && week[index]?.text === week[first]?.text) continue;
		const text = week[first]?.text ?? 'fermé';
		if (text !== 'fermé' && text !== UNKNOWN_DAY_TEXT) parts.push(`${runLabel(first, index - 1)} : ${text}`);
		first = index;
	}
	const indexesOf = (text: string) => week.flatMap((day, index) => (day.text === text ? [index] : []));
	const unknown = indexesOf(UNKNOWN_DAY_TEXT);
	const closed = indexesOf('fermé');
	if (unknown.length > 0) parts.push(`${UNKNOWN_DAY_TEXT} : ${daysText(unknown)}`);
	const holidays = HOLIDAYS_OFF.test(value);
	if (closed.length > 0 || holidays) {
		const days = closed.length > 0 ? daysText(closed) : '';
		parts.push(`fermé : ${holidays ? (days ? `${days.replace(/ et /, ', ')} et jours fériés` : 'jours fériés') : days}`);
	}
	const text = parts.join(' ; ');
	const words = text.charAt(0).toUpperCase() + text.slice(1);
	// A week cannot say seasons, dates or exceptions: point to the text that does.
	return gridFromOsm(value, reference).exact ? words : `${words} (semaine ordinaire ; le texte OpenStreetMap précise des exceptions)`;
}
