import { describe, expect, it } from 'vitest';
import { addWorkingDays, easterSunday, frenchPublicHolidays, isWorkingDay } from './working-days';

describe('jours ouvrés', () => {
	it('computes Easter for known years', () => {
		expect(easterSunday(2024)).toEqual([3, 31]);
		expect(easterSunday(2025)).toEqual([4, 20]);
		expect(easterSunday(2026)).toEqual([4, 5]);
		expect(easterSunday(2027)).toEqual([3, 28]);
		expect(easterSunday(2038)).toEqual([4, 25]);
	});

	it('lists the eleven French public holidays, Easter-based ones included', () => {
		expect(frenchPublicHolidays(2027)).toEqual([
			'2027-01-01',
			'2027-03-29',
			'2027-05-01',
			'2027-05-06',
			'2027-05-08',
			'2027-05-17',
			'2027-07-14',
			'2027-08-15',
			'2027-11-01',
			'2027-11-11',
			'2027-12-25'
		]);
	});

	it('excludes weekends and holidays', () => {
		expect(isWorkingDay('2027-01-15')).toBe(true); // vendredi
		expect(isWorkingDay('2027-01-16')).toBe(false); // samedi
		expect(isWorkingDay('2027-01-17')).toBe(false); // dimanche
		expect(isWorkingDay('2027-03-29')).toBe(false); // lundi de Pâques
		expect(isWorkingDay('2026-12-25')).toBe(false);
	});

	it('adds working days at the same Paris time', () => {
		// Monday 11 January 2027, 10:00 in Paris (09:00 UTC) → Monday 18 January, 10:00.
		expect(addWorkingDays(new Date('2027-01-11T09:00:00Z'), 5).toISOString()).toBe('2027-01-18T09:00:00.000Z');
		// Friday 26 March 2027: Easter Monday is skipped → Monday 5 April… minus none: Tue 30, Wed 31, Thu 1, Fri 2, Mon 5.
		expect(addWorkingDays(new Date('2027-03-26T09:00:00Z'), 5).toISOString()).toBe('2027-04-05T08:00:00.000Z');
		// Wednesday 23 December 2026: 25 December and the weekends are skipped.
		expect(addWorkingDays(new Date('2026-12-23T14:00:00Z'), 5).toISOString()).toBe('2026-12-31T14:00:00.000Z');
	});
});
