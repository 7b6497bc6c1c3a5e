import { describe, expect, it } from 'vitest';
import {
	describeWeek,
	formatClock,
	fromParisWallClock,
	hoursStatus,
	isOpenAt,
	isValidHours,
	nextOpening,
	opensInEvening,
	opensOnSaturday,
	opensOnWeekday,
	opensWithinWindow,
	parisWallClock,
	parseHours,
	summarizeWeek,
	typicalWeekMonday,
	weeklyOpenMinutes
} from './hours';

// Run this file also with TZ=UTC and TZ=America/New_York: every expectation is Paris time.

/** An ordinary week (Monday 23 November 2026), far from any public holiday or DST change. */
const REFERENCE = new Date('2026-11-23T12:00:00+01:00');

const STANDARD = 'Mo-Fr 08:30-12:00,13:30-17:00; Sa 09:00-12:00; PH off';
const OFFICE = 'Mo-Fr 09:00-12:00,14:00-17:00';
const INVALID = ['lundi 9h', 'Mo 25:00-26:00', '', ' ', 'Mo-Fr 09:00-', null, undefined];

/** Local fields of a wall-clock Date, which must show Paris time in any process time zone. */
function localFields(date: Date): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
	return `${day} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

describe('parisWallClock', () => {
	it.each([
		['winter', '2026-11-24T09:15:00Z', '2026-11-24 10:15', 2],
		['summer', '2026-07-14T08:00:00Z', '2026-07-14 10:00', 2],
		['day already over in Paris, not in UTC', '2026-11-24T23:30:00Z', '2026-11-25 00:30', 3],
		['summer midnight', '2026-07-01T22:15:00Z', '2026-07-02 00:15', 4],
		['last minute before spring forward', '2026-03-29T00:59:00Z', '2026-03-29 01:59', 0],
		['spring forward skips 02:00–03:00', '2026-03-29T01:00:00Z', '2026-03-29 03:00', 0],
		['first 02:30 in October (summer time)', '2026-10-25T00:30:00Z', '2026-10-25 02:30', 0],
		['second 02:30 in October (winter time)', '2026-10-25T01:30:00Z', '2026-10-25 02:30', 0]
	])('%s: %s reads %s in Paris', (_case, instant, expected, weekday) => {
		const wall = parisWallClock(new Date(instant));
		expect(localFields(wall)).toBe(expected);
		expect(wall.getDay()).toBe(weekday);
	});
});

describe('fromParisWallClock', () => {
	it.each([
		['winter', [2026, 10, 24, 10, 15], '2026-11-24T09:15:00.000Z'],
		['summer', [2026, 6, 14, 10, 0], '2026-07-14T08:00:00.000Z'],
		['first minute of summer time', [2026, 2, 29, 3, 0], '2026-03-29T01:00:00.000Z'],
		['skipped 02:30 is read as 03:30 summer time', [2026, 2, 29, 2, 30], '2026-03-29T01:30:00.000Z'],
		['repeated 02:30 takes the earlier instant', [2026, 9, 25, 2, 30], '2026-10-25T00:30:00.000Z'],
		['first minute of winter time', [2026, 9, 25, 3, 0], '2026-10-25T02:00:00.000Z']
	] as const)('%s', (_case, [year, month, day, hour, minute], expected) => {
		const wall = new Date(year, month, day, hour, minute);
		expect(fromParisWallClock(wall).toISOString()).toBe(expected);
	});

	it.each([
		['the March change', '2026-03-28T20:00:00Z'],
		['the October change', '2026-10-24T20:00:00Z']
	])('round-trips every quarter hour around %s', (_case, start) => {
		const quarter = 15 * 60_000;
		const hour = 60 * 60_000;
		// The repeated hour's second pass (01:00–02:00 UTC in October) reads like its first pass.
		const secondPass = [Date.parse('2026-10-25T01:00:00Z'), Date.parse('2026-10-25T02:00:00Z')] as const;
		for (let step = 0; step < 80; step++) {
			const instant = Date.parse(start) + step * quarter;
			const repeated = instant >= secondPass[0] && instant < secondPass[1];
			const expected = new Date(repeated ? instant - hour : instant).toISOString();
			expect(fromParisWallClock(parisWallClock(new Date(instant))).toISOString()).toBe(expected);
		}
	});
});

describe('parseHours', () => {
	it.each([
		'Sa 08:00-11:00',
		'Sa 09:30-12:30',
		'Sa 08:30-11:30',
		'Sa 08:30-12:00',
		OFFICE,
		STANDARD,
		'Tu,Th 14:00-18:30',
		'24/7',
		'Mo 10:00-12:00 "sur rendez-vous"'
	])('accepts %j', (value) => {
		const result = parseHours(value);
		expect(result.ok).toBe(true);
		expect(isValidHours(value)).toBe(true);
	});

	it.each([
		['lundi 9h', /^Horaires illisibles : .*lundi/],
		['Mo 25:00-26:00', /^Horaires illisibles : .*Mo 25:00/],
		['Mo-Fr 09:00-', /^Horaires illisibles : /],
		['', /^Horaires vides/],
		[' ', /^Horaires vides/],
		[null, /^Horaires vides/]
	])('rejects %j with a French message, without throwing', (value, message) => {
		const result = parseHours(value);
		expect(result).toEqual({ ok: false, error: expect.stringMatching(message) });
		expect(isValidHours(value)).toBe(false);
	});

	it('parses each distinct string once', () => {
		const first = parseHours('Mo-Sa 10:00-11:00');
		const second = parseHours('Mo-Sa 10:00-11:00');
		expect(first.ok && second.ok && first.oh === second.oh).toBe(true);
	});
});

describe('isOpenAt', () => {
	it.each([
		['Sa 08:00-11:00', '2026-11-28T08:00:00+01:00', true],
		['Sa 08:00-11:00', '2026-11-28T07:59:00+01:00', false],
		['Sa 08:00-11:00', '2026-11-28T11:00:00+01:00', false],
		// The same instants written in UTC: a naive UTC evaluation would get both wrong.
		['Sa 08:00-11:00', '2026-11-28T07:30:00Z', true],
		['Sa 08:00-11:00', '2026-11-28T10:30:00Z', false],
		['Sa 09:30-12:30', '2026-07-04T07:45:00Z', true],
		['Sa 09:30-12:30', '2026-07-04T10:45:00Z', false],
		['Su 01:00-04:00', '2026-03-29T01:30:00Z', true],
		['Su 01:00-04:00', '2026-10-25T02:30:00Z', true],
		['Su 01:00-04:00', '2026-10-25T03:00:00Z', false],
		[OFFICE, '2026-11-24T10:15:00+01:00', true],
		[OFFICE, '2026-11-24T12:30:00+01:00', false],
		['Tu,Th 14:00-18:30', '2026-11-26T18:15:00+01:00', true],
		['24/7', '2026-12-25T03:00:00+01:00', true],
		['Mo 10:00-12:00 "sur rendez-vous"', '2026-11-23T10:30:00+01:00', false],
		['Mo 10:00-12:00 open "sur rendez-vous"', '2026-11-23T10:30:00+01:00', true]
	])('%j at %s → %s', (value, instant, expected) => {
		expect(isOpenAt(value, new Date(instant))).toBe(expected);
	});

	it.each([
		['Noël, a Friday', '2026-12-25T10:00:00+01:00', false],
		['Christmas Eve is a working day', '2026-12-24T10:00:00+01:00', true],
		['Lundi de Pâques 2027', '2027-03-29T10:00:00+02:00', false],
		['Ascension 2026', '2026-05-14T10:00:00+02:00', false],
		['14 juillet 2027, a Wednesday', '2027-07-14T10:00:00+02:00', false],
		['Armistice 2026, a Wednesday', '2026-11-11T10:00:00+01:00', false],
		['Good Friday is a holiday only in Alsace-Moselle', '2026-04-03T10:00:00+02:00', true]
	])('honours French public holidays: %s', (_case, instant, expected) => {
		expect(isOpenAt('Mo-Fr 09:00-12:00; PH off', new Date(instant))).toBe(expected);
	});

	it.each([
		['2026-12-25T11:00:00+01:00', true],
		['2026-12-24T11:00:00+01:00', false]
	])('opens only on public holidays with "PH 10:00-12:00" at %s → %s', (instant, expected) => {
		expect(isOpenAt('PH 10:00-12:00', new Date(instant))).toBe(expected);
	});

	it.each(INVALID)('is null for unreadable %j', (value) => {
		expect(isOpenAt(value, REFERENCE)).toBeNull();
	});
});

describe('hoursStatus', () => {
	it.each([
		[OFFICE, '2026-11-24T10:15:00+01:00', true, 'Ouvert maintenant · ferme à 12 h'],
		[OFFICE, '2026-11-24T12:30:00+01:00', false, "Fermé · ouvre aujourd'hui à 14 h"],
		[OFFICE, '2026-11-24T17:00:00+01:00', false, 'Fermé · ouvre demain à 9 h'],
		[OFFICE, '2026-11-28T10:00:00+01:00', false, 'Fermé · ouvre lundi à 9 h'],
		[STANDARD, '2026-11-24T12:45:00+01:00', false, "Fermé · ouvre aujourd'hui à 13 h 30"],
		[STANDARD, '2026-11-28T09:00:00+01:00', true, 'Ouvert maintenant · ferme à 12 h'],
		['Sa 08:30-11:30', '2026-11-27T18:00:00+01:00', false, 'Fermé · ouvre demain à 8 h 30'],
		['Sa 08:30-11:30', '2026-11-28T11:00:00+01:00', true, 'Ouvert maintenant · ferme à 11 h 30'],
		['Sa 08:00-11:00', '2026-11-28T11:00:00+01:00', false, 'Fermé · ouvre samedi prochain à 8 h'],
		['Sa 08:30-12:00', '2026-11-24T10:00:00+01:00', false, 'Fermé · ouvre samedi à 8 h 30'],
		['Tu,Th 14:00-18:30', '2026-11-24T18:15:00+01:00', true, 'Ouvert maintenant · ferme à 18 h 30'],
		['24/7', '2026-11-24T03:00:00+01:00', true, 'Ouvert maintenant'],
		['Fr 20:00-02:00', '2026-11-27T23:00:00+01:00', true, 'Ouvert maintenant · ferme demain à 2 h'],
		['Mo-Su 18:00-24:00', '2026-11-24T20:00:00+01:00', true, 'Ouvert maintenant · ferme à minuit']
	])('%j at %s', (value, now, open, label) => {
		expect(hoursStatus(value, new Date(now))).toEqual({ open, label });
	});

	it('uses the Paris date, not the UTC one, to say « aujourd’hui »', () => {
		// 23:30 UTC on Tuesday is already Wednesday 00:30 in Paris.
		expect(hoursStatus('We 09:00-12:00', new Date('2026-11-24T23:30:00Z'))).toEqual({
			open: false,
			label: "Fermé · ouvre aujourd'hui à 9 h"
		});
	});

	it.each([
		['skips Noël', 'Mo-Fr 09:00-12:00; PH off', '2026-12-24T13:00:00+01:00', 'Fermé · ouvre lundi à 9 h'],
		['on Noël itself', 'Mo-Fr 09:00-12:00; PH off', '2026-12-25T10:00:00+01:00', 'Fermé · ouvre lundi à 9 h'],
		['on the spring-forward Sunday', 'Su 08:00-12:00', '2026-03-29T07:30:00+02:00', "Fermé · ouvre aujourd'hui à 8 h"],
		['on the fall-back Sunday', 'Su 08:00-12:00', '2026-10-25T07:30:00+01:00', "Fermé · ouvre aujourd'hui à 8 h"],
		['more than 7 days away', 'Dec 24 09:00-12:00', '2026-11-24T10:00:00+01:00', "Fermé · pas d'ouverture prévue dans les 7 prochains jours"],
		['never open', 'closed', '2026-11-24T10:00:00+01:00', "Fermé · pas d'ouverture prévue dans les 7 prochains jours"]
	])('closed: %s', (_case, value, now, label) => {
		expect(hoursStatus(value, new Date(now))).toEqual({ open: false, label });
	});

	it.each([
		['during the slot', '2026-11-23T10:30:00+01:00', 'Ouverture à confirmer · sur rendez-vous'],
		['before the next slot', '2026-11-24T10:00:00+01:00', 'Fermé · ouverture à confirmer lundi à 10 h (sur rendez-vous)']
	])('a comment without `open` is not a sure opening: %s', (_case, now, label) => {
		expect(hoursStatus('Mo 10:00-12:00 "sur rendez-vous"', new Date(now))).toEqual({ open: false, label });
	});

	it('hands each caller its own result, though results are shared per instant', () => {
		const now = new Date('2026-11-24T10:15:00+01:00');
		const first = hoursStatus(OFFICE, now);
		if (first) first.label = 'changed by a caller';
		expect(hoursStatus(OFFICE, now)?.label).toBe('Ouvert maintenant · ferme à 12 h');
	});

	it.each(INVALID)('is null for unreadable %j', (value) => {
		expect(hoursStatus(value, REFERENCE)).toBeNull();
	});
});

describe('nextOpening', () => {
	it.each([
		['later today', OFFICE, '2026-11-24T12:30:00+01:00', '2026-11-24T13:00:00.000Z'],
		['open now gives now', OFFICE, '2026-11-24T10:15:00+01:00', '2026-11-24T09:15:00.000Z'],
		['after spring forward', 'Mo 09:00-12:00', '2026-03-28T10:00:00+01:00', '2026-03-30T07:00:00.000Z'],
		['after fall back', 'Mo 09:00-12:00', '2026-10-24T10:00:00+02:00', '2026-10-26T08:00:00.000Z'],
		['skipping Lundi de Pâques', 'Mo-Fr 09:00-12:00; PH off', '2027-03-26T13:00:00+01:00', '2027-03-30T07:00:00.000Z'],
		['a month ahead', 'Dec 24 09:00-12:00', '2026-11-24T10:00:00+01:00', '2026-12-24T08:00:00.000Z']
	])('%s', (_case, value, now, expected) => {
		expect(nextOpening(value, new Date(now))?.toISOString()).toBe(expected);
	});

	it.each([
		['beyond the given horizon', 'Dec 24 09:00-12:00', 7],
		['never surely open', 'Mo 10:00-12:00 "sur rendez-vous"', 30],
		['always closed', 'closed', 30],
		['unreadable', 'lundi 9h', 30]
	])('is null when %s', (_case, value, withinDays) => {
		expect(nextOpening(value, new Date('2026-11-24T10:00:00+01:00'), withinDays)).toBeNull();
	});
});

describe('typical week', () => {
	it.each([
		['a Monday gives its own week', '2026-11-23T12:00:00+01:00', '2026-11-23'],
		['a Wednesday gives the next week', '2026-11-25T12:00:00+01:00', '2026-11-30'],
		['late Sunday in UTC is already Monday in Paris', '2026-11-29T23:30:00Z', '2026-11-30'],
		['skips Toussaint (Sunday 1 November)', '2026-10-26T12:00:00+01:00', '2026-11-02'],
		['skips Noël and Nouvel An', '2026-12-21T12:00:00+01:00', '2027-01-04'],
		['skips Ascension and 8 mai', '2027-05-03T12:00:00+02:00', '2027-05-10']
	])('%s', (_case, reference, monday) => {
		expect(typicalWeekMonday(new Date(reference))).toBe(monday);
	});

	it('does not let Noël hide a Friday opening', () => {
		expect(opensOnWeekday('Fr 09:00-12:00; PH off', 5, new Date('2026-12-21T12:00:00+01:00'))).toBe(true);
	});

	it.each([
		['Sa 08:00-11:00', 180],
		['Sa 09:30-12:30', 180],
		['Sa 08:30-11:30', 180],
		['Sa 08:30-12:00', 210],
		[OFFICE, 1800],
		[STANDARD, 2280],
		['Tu,Th 14:00-18:30', 540],
		['24/7', 7 * 24 * 60],
		['Fr 20:00-02:00', 360],
		['Mo 10:00-12:00 "sur rendez-vous"', 0],
		['Mo 10:00-12:00 open "sur rendez-vous"', 120],
		['closed', 0],
		['lundi 9h', null]
	])('weeklyOpenMinutes(%j) = %s', (value, minutes) => {
		expect(weeklyOpenMinutes(value, REFERENCE)).toBe(minutes);
	});

	it.each([
		['spring forward', '2026-03-23T12:00:00+01:00'],
		['fall back', '2026-10-19T12:00:00+02:00']
	])('counts nominal 24-hour days in a week with the %s', (_case, reference) => {
		const monday = new Date(reference);
		expect(weeklyOpenMinutes('24/7', monday)).toBe(7 * 24 * 60);
		expect(weeklyOpenMinutes('Su 01:00-04:00', monday)).toBe(180);
	});

	it.each([
		['Tu,Th 14:00-18:30', true],
		['Mo-Fr 09:00-19:00', true],
		['Fr 20:00-02:00', true],
		['24/7', true],
		[OFFICE, false],
		['Mo-Fr 09:00-18:00', false],
		['Sa 08:00-11:00', false],
		['Mo 18:00-20:00 "sur rendez-vous"', false],
		['', null]
	])('opensInEvening(%j) = %s', (value, expected) => {
		expect(opensInEvening(value, REFERENCE)).toBe(expected);
	});

	it.each([
		['Sa 08:00-11:00', true],
		['Sa 09:30-12:30', true],
		['Sa 08:30-11:30', true],
		['Sa 08:30-12:00', true],
		[STANDARD, true],
		[OFFICE, false],
		['Tu,Th 14:00-18:30', false],
		['Mo 25:00-26:00', null]
	])('opensOnSaturday(%j) = %s', (value, expected) => {
		expect(opensOnSaturday(value, REFERENCE)).toBe(expected);
	});

	it.each([
		['Tu,Th 14:00-18:30', 2, true],
		['Tu,Th 14:00-18:30', 3, false],
		['Tu,Th 14:00-18:30', 4, true],
		[STANDARD, 7, false],
		['24/7', 7, true],
		[' ', 1, null]
	])('opensOnWeekday(%j, %i) = %s', (value, weekday, expected) => {
		expect(opensOnWeekday(value, weekday, REFERENCE)).toBe(expected);
	});

	it.each([
		[OFFICE, 1, '12:00', '14:00', false],
		[OFFICE, 1, '11:30', '12:30', true],
		[OFFICE, 6, '09:00', '12:00', false],
		['Sa 08:30-11:30', 6, '11:30', '13:00', false],
		['Sa 08:30-11:30', 6, '11:00', '11:15', true],
		['Tu,Th 14:00-18:30', 2, '18:00', '20:00', true],
		['Sa 08:00-11:00', 6, '00:00', '24:00', true],
		['Sa 08:00-11:00', 7, '00:00', '24:00', false],
		['lundi 9h', 1, '09:00', '12:00', null]
	])('opensWithinWindow(%j, %i, %s, %s) = %s', (value, weekday, from, to, expected) => {
		expect(opensWithinWindow(value, weekday, from, to, REFERENCE)).toBe(expected);
	});

	it.each([0, 8, 1.5])('rejects weekday %s, a caller bug', (weekday) => {
		expect(() => opensOnWeekday(OFFICE, weekday, REFERENCE)).toThrow(RangeError);
	});

	it.each([
		['9h', '12:00'],
		['09:00', '24:30'],
		['14:00', '12:00'],
		['10:00', '10:00']
	])('rejects the window %s–%s, a caller bug', (from, to) => {
		expect(() => opensWithinWindow(OFFICE, 1, from, to, REFERENCE)).toThrow(RangeError);
	});
});

describe('describeWeek', () => {
	it('lists each day, Monday first, with French text', () => {
		const open = {
			intervals: [
				{ from: '09:00', to: '12:00' },
				{ from: '14:00', to: '17:00' }
			],
			text: '9 h – 12 h et 14 h – 17 h'
		};
		const closed = { intervals: [], text: 'fermé' };
		expect(describeWeek(OFFICE, REFERENCE)).toEqual([
			{ day: 'lundi', label: 'Lundi', ...open },
			{ day: 'mardi', label: 'Mardi', ...open },
			{ day: 'mercredi', label: 'Mercredi', ...open },
			{ day: 'jeudi', label: 'Jeudi', ...open },
			{ day: 'vendredi', label: 'Vendredi', ...open },
			{ day: 'samedi', label: 'Samedi', ...closed },
			{ day: 'dimanche', label: 'Dimanche', ...closed }
		]);
	});

	it.each([
		['Sa 08:30-11:30', 5, [{ from: '08:30', to: '11:30' }], '8 h 30 – 11 h 30'],
		['24/7', 6, [{ from: '00:00', to: '24:00' }], '24 h sur 24'],
		['Fr 20:00-02:00', 4, [{ from: '20:00', to: '24:00' }], '20 h – 24 h'],
		['Fr 20:00-02:00', 5, [{ from: '00:00', to: '02:00' }], '0 h – 2 h'],
		[
			'Mo 10:00-12:00 "sur rendez-vous"',
			0,
			[{ from: '10:00', to: '12:00', uncertain: true, comment: 'sur rendez-vous' }],
			'10 h – 12 h (sur rendez-vous)'
		],
		['Mo 10:00-12:00 unknown', 0, [{ from: '10:00', to: '12:00', uncertain: true }], '10 h – 12 h (à confirmer)'],
		[
			'Mo 09:00-10:00,11:00-12:00,14:00-15:30',
			0,
			[
				{ from: '09:00', to: '10:00' },
				{ from: '11:00', to: '12:00' },
				{ from: '14:00', to: '15:30' }
			],
			'9 h – 10 h, 11 h – 12 h et 14 h – 15 h 30'
		]
	])('%j, day %i', (value, index, intervals, text) => {
		const day = describeWeek(value, REFERENCE)?.[index];
		expect(day?.intervals).toStrictEqual(intervals);
		expect(day?.text).toBe(text);
	});

	it('describes a week without holidays, so Noël does not show as closed', () => {
		const week = describeWeek('Mo-Fr 09:00-12:00; PH off', new Date('2026-12-21T12:00:00+01:00'));
		expect(week?.[4]?.text).toBe('9 h – 12 h');
	});

	it.each(INVALID)('is null for unreadable %j', (value) => {
		expect(describeWeek(value, REFERENCE)).toBeNull();
	});
});

describe('summarizeWeek', () => {
	it.each([
		['Mo-Fr 09:00-12:00; Sa 08:30-11:30', 'Du lundi au vendredi : 9 h – 12 h ; samedi : 8 h 30 – 11 h 30'],
		[OFFICE, 'Du lundi au vendredi : 9 h – 12 h et 14 h – 17 h'],
		[STANDARD, 'Du lundi au vendredi : 8 h 30 – 12 h et 13 h 30 – 17 h ; samedi : 9 h – 12 h'],
		['Tu,Th 14:00-18:30', 'Mardi : 14 h – 18 h 30 ; jeudi : 14 h – 18 h 30'],
		['Mo,We 09:00-12:00; Tu 14:00-16:00', 'Lundi : 9 h – 12 h ; mardi : 14 h – 16 h ; mercredi : 9 h – 12 h'],
		['Sa,Su 10:00-12:00', 'Samedi et dimanche : 10 h – 12 h'],
		['Sa 08:00-11:00', 'Samedi : 8 h – 11 h'],
		['24/7', 'Tous les jours : 24 h sur 24'],
		['Mo 10:00-12:00 "sur rendez-vous"', 'Lundi : 10 h – 12 h (sur rendez-vous)'],
		['closed', 'Aucune ouverture régulière'],
		['lundi 9h', null]
	])('%j → %j', (value, summary) => {
		expect(summarizeWeek(value, REFERENCE)).toBe(summary);
	});
});

describe('formatClock', () => {
	it.each([
		[0, '0 h'],
		[9 * 60, '9 h'],
		[9 * 60 + 5, '9 h 05'],
		[9 * 60 + 30, '9 h 30'],
		[12 * 60, '12 h'],
		[18 * 60 + 30, '18 h 30']
	])('%i minutes → %j', (minutes, text) => {
		expect(formatClock(minutes)).toBe(text);
	});
});
