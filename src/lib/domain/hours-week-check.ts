import { describeWeek, type HoursValue } from './hours';

/**
 * « Ask before publishing a week that is mostly closed »: a week where most days say « fermé » is
 * often a form filled for one day with the others left as closed by mistake, and the public page
 * would then send people away. Unknown days (« non renseigné ») do not count: they say nothing.
 */

/** More than half the week. */
export const MOSTLY_CLOSED_DAYS = 4;

/** The field the « Oui, publier » button carries; its value names what was confirmed. */
export const CLOSED_WEEK_CONFIRM_FIELD = 'hours_confirm';
export const CLOSED_WEEK_CONFIRM_VALUE = 'closed-week';

/** Days (lower-case French names) the value declares closed in a typical week; none when unreadable. */
export function closedDays(value: HoursValue, reference: Date = new Date()): string[] {
	if (value == null || value.trim() === '') return [];
	let week: ReturnType<typeof describeWeek>;
	try {
		week = describeWeek(value, reference);
	} catch {
		return [];
	}
	return (week ?? []).filter((day) => day.text === 'fermé').map((day) => day.day);
}

/**
 * The closed days to ask about, or null when there is nothing to ask: the week is not mostly
 * closed, the hours did not change (asked already when they were saved), or the person confirmed.
 */
export function closedWeekQuestion(
	value: HoursValue,
	previous: HoursValue,
	confirmation: string | null,
	reference: Date = new Date()
): { days: string[] } | null {
	if (confirmation === CLOSED_WEEK_CONFIRM_VALUE) return null;
	if ((value ?? null) === (previous ?? null)) return null;
	const days = closedDays(value, reference);
	return days.length >= MOSTLY_CLOSED_DAYS ? { days } : null;
}
