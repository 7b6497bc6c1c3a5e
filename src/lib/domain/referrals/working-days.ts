import { fromParisWallClock, parisWallClock } from '../hours';

/**
 * Working days in Roubaix: Monday to Friday, French public holidays excluded (the eleven of
 * metropolitan France; Alsace-Moselle's two extra days do not apply in the Nord). The reminder
 * of an unanswered referral counts these, so a referral sent on a Friday before Easter is not
 * reminded on the Tuesday after.
 */

/** Easter Sunday of `year` (Gregorian computus, Meeus/Jones/Butcher), as [month 1-12, day]. */
export function easterSunday(year: number): [number, number] {
	const a = year % 19;
	const b = Math.floor(year / 100);
	const c = year % 100;
	const d = Math.floor(b / 4);
	const e = b % 4;
	const f = Math.floor((b + 8) / 25);
	const g = Math.floor((b - f + 1) / 3);
	const h = (19 * a + b - d - g + 15) % 30;
	const i = Math.floor(c / 4);
	const k = c % 4;
	const l = (32 + 2 * e + 2 * i - h - k) % 7;
	const m = Math.floor((a + 11 * h + 22 * l) / 451);
	const month = Math.floor((h + l - 7 * m + 114) / 31);
	const day = ((h + l - 7 * m + 114) % 31) + 1;
	return [month, day];
}

const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** The public holidays of `year` as `YYYY-MM-DD` dates, in calendar order. */
export function frenchPublicHolidays(year: number): string[] {
	const [em, ed] = easterSunday(year);
	const easter = Date.UTC(year, em - 1, ed);
	const shifted = (days: number) => {
		const d = new Date(easter + days * 86_400_000);
		return iso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
	};
	return [
		iso(year, 1, 1),
		shifted(1), // lundi de Pâques
		iso(year, 5, 1),
		iso(year, 5, 8),
		shifted(39), // Ascension
		shifted(50), // lundi de Pentecôte
		iso(year, 7, 14),
		iso(year, 8, 15),
		iso(year, 11, 1),
		iso(year, 11, 11),
		iso(year, 12, 25)
	].sort();
}

/** Whether a Paris calendar date (`YYYY-MM-DD`) is a working day. */
export function isWorkingDay(date: string): boolean {
	const [y, m, d] = date.split('-').map(Number) as [number, number, number];
	const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
	if (weekday === 0 || weekday === 6) return false;
	return !frenchPublicHolidays(y).includes(date);
}

/**
 * The instant `days` working days after `start`, at the same Paris wall-clock time: sent on
 * Monday at 10:00, five working days later is the next Monday at 10:00 (one more per holiday).
 */
export function addWorkingDays(start: Date, days: number): Date {
	const wall = parisWallClock(start);
	const cursor = new Date(wall.getTime());
	let counted = 0;
	while (counted < days) {
		cursor.setDate(cursor.getDate() + 1);
		if (isWorkingDay(iso(cursor.getFullYear(), cursor.getMonth() + 1, cursor.getDate()))) counted++;
	}
	return fromParisWallClock(cursor);
}
