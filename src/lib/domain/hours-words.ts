import { describeWeek, type HoursValue } from './hours';
import { gridFromOsm } from './hours-editor';

/**
 * The whole week in words, every day said, closed and unknown days included: « Lundi : 9 h – 12 h ;
 * du mardi au dimanche : fermé ; jours fériés : fermé ». The hours editor's « En clair » and the
 * coordinator's diff use it, so the coordinator reads what the member was shown, and « fermé » is
 * never confused with « non renseigné » (which `summarizeWeek`, for public cards, leaves out).
 */

const DAYS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'] as const;

export const UNREADABLE_HOURS = 'Horaires illisibles (voir le texte OpenStreetMap)';
export const NO_HOURS = 'Horaires non renseignés';

function daysLabel(first: number, last: number): string {
	if (first === 0 && last === DAYS.length - 1) return 'tous les jours';
	const from = DAYS[first] ?? '';
	const to = DAYS[last] ?? '';
	if (first === last) return from;
	return last === first + 1 ? `${from} et ${to}` : `du ${from} au ${to}`;
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
	const groups: string[] = [];
	let first = 0;
	for (let index = 1; index <= week.length; index++) {
		if (index < week.length && week[index]?.text === week[first]?.text) continue;
		groups.push(`${daysLabel(first, index - 1)} : ${week[first]?.text ?? ''}`);
		first = index;
	}
	if (/\bPH\s+(?:off|closed)\b/i.test(value)) groups.push('jours fériés : fermé');
	const text = groups.join(' ; ');
	const words = text.charAt(0).toUpperCase() + text.slice(1);
	// A week cannot say seasons, dates or exceptions: point to the text that does.
	return gridFromOsm(value, reference).exact ? words : `${words} (semaine ordinaire ; le texte OpenStreetMap précise des exceptions)`;
}
