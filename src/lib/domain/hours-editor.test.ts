import type { ComponentProps } from 'svelte';
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import HoursEditor from '$lib/components/listing/HoursEditor.svelte';
import {
	DAY_CODES,
	DAY_LABELS,
	HOURS_FIELD_NAMES,
	HOURS_MESSAGES,
	HOURS_TIME_FIELD_NAMES,
	emptyGrid,
	gridFromForm,
	gridFromOsm,
	hoursFieldName,
	hoursFromForm,
	osmFromGrid,
	parseClock,
	type DayCode,
	type TimeRange,
	type WeekGrid
} from './hours-editor';
import { describeWeek, parseHours } from './hours';

/** An ordinary week (Monday 23 November 2026), as in hours.test.ts. */
const REFERENCE = new Date('2026-11-23T12:00:00+01:00');

function grid(
	days: Partial<Record<DayCode, TimeRange[]>>,
	publicHolidays: WeekGrid['publicHolidays'] = 'unspecified'
): WeekGrid {
	const base = emptyGrid();
	// The days given are open, the others declared closed: what these weeks meant before « non renseigné ».
	const states = { ...base.states };
	for (const day of Object.keys(states) as DayCode[]) states[day] = days[day]?.length ? 'open' : 'closed';
	return { days: { ...base.days, ...days }, states, publicHolidays };
}

const r = (from: string, to: string): TimeRange => ({ from, to });

function form(values: Record<string, string>): URLSearchParams {
	return new URLSearchParams(values);
}

/** Valid for the library, and without the warnings it gives for ambiguous values. */
function expectCleanOsm(value: string | null): void {
	expect(value).not.toBeNull();
	const parsed = parseHours(value);
	expect(parsed.ok).toBe(true);
	if (parsed.ok) expect(parsed.oh.getWarnings()).toEqual([]);
}

describe('field names and labels', () => {
	it('names every time field of the table once, then the other fields', () => {
		expect(HOURS_TIME_FIELD_NAMES).toHaveLength(7 * 3 * 2);
		expect(HOURS_TIME_FIELD_NAMES[0]).toBe('hours_Mo_1_from');
		expect(HOURS_TIME_FIELD_NAMES[1]).toBe('hours_Mo_1_to');
		expect(HOURS_TIME_FIELD_NAMES.at(-1)).toBe('hours_Su_3_to');
		expect(new Set(HOURS_FIELD_NAMES).size).toBe(HOURS_FIELD_NAMES.length);
		expect(HOURS_FIELD_NAMES).toEqual(expect.arrayContaining(['hours_ph', 'hours_osm', 'hours_mode']));
		expect(hoursFieldName('We', 2, 'to')).toBe('hours_We_2_to');
	});

	it('has a French name for each day, Monday first', () => {
		expect(DAY_CODES.map((day) => DAY_LABELS[day])).toEqual([
			'lundi',
			'mardi',
			'mercredi',
			'jeudi',
			'vendredi',
			'samedi',
			'dimanche'
		]);
	});
});

describe('parseClock', () => {
	it.each([
		['9', 540],
		['9h', 540],
		['9H', 540],
		['9h30', 570],
		['09h30', 570],
		['9 h 30', 570],
		['9\u202fh\u202f30', 570],
		['9:00', 540],
		['09:00', 540],
		['9.30', 570],
		['9,30', 570],
		['930', 570],
		['0930', 570],
		['1400', 840],
		[' 14:05 ', 845],
		['0', 0],
		['00:00', 0],
		['24:00', 1440],
		['24h', 1440]
	])('reads %j as %i minutes', (text, minutes) => {
		expect(parseClock(text)).toBe(minutes);
	});

	it.each(['', 'midi', '9:0', '9:', '9h3', '12345', '1260', '25', '24:30', '9h60', '12:00:00', '-1', '9 heures', '1e1'])(
		'refuses %j',
		(text) => {
			expect(parseClock(text)).toBeNull();
		}
	);
});

describe('osmFromGrid', () => {
	it('is null when every day is « non renseigné », `off` when every day is closed', () => {
		expect(osmFromGrid(emptyGrid())).toBeNull();
		expect(osmFromGrid({ ...emptyGrid(), publicHolidays: 'closed' })).toBeNull();
		expect(osmFromGrid(grid({}, 'closed'))).toBe('off');
	});

	it('writes the days « non renseigné » as unknown, and leaves the closed ones out', () => {
		const week = grid({ Mo: [r('09:00', '12:00')] });
		week.states.Tu = 'unknown';
		week.states.We = 'unknown';
		week.states.Su = 'unknown';
		const value = osmFromGrid(week);
		expect(value).toBe('Mo 09:00-12:00; Tu,We,Su unknown');
		expectCleanOsm(value);
		const days = describeWeek(value, REFERENCE)!.map((day) => day.text);
		expect(days).toEqual(['9 h – 12 h', 'non renseigné', 'non renseigné', 'fermé', 'fermé', 'fermé', 'non renseigné']);
		expect(gridFromOsm(value, REFERENCE)).toEqual({ grid: week, exact: true });
	});

	it('groups consecutive days with the same ranges and writes PH off last', () => {
		const office = [r('09:00', '12:00'), r('14:00', '17:00')];
		const value = osmFromGrid(
			grid({ Mo: office, Tu: office, We: office, Th: office, Fr: office, Sa: [r('09:00', '12:00')] }, 'closed')
		);
		expect(value).toBe('Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00; PH off');
		expectCleanOsm(value);
	});

	it.each([
		[{ Mo: [r('14:00', '18:00')], We: [r('14:00', '18:00')] }, 'Mo,We 14:00-18:00'],
		[{ Mo: [r('10:00', '12:00')], We: [r('10:00', '12:00')], Fr: [r('10:00', '12:00')] }, 'Mo,We,Fr 10:00-12:00'],
		[
			{ Mo: [r('10:00', '12:00')], Tu: [r('10:00', '12:00')], We: [r('10:00', '12:00')], Fr: [r('10:00', '12:00')] },
			'Mo-We,Fr 10:00-12:00'
		],
		[{ Sa: [r('10:00', '12:00')], Su: [r('10:00', '12:00')] }, 'Sa,Su 10:00-12:00'],
		[{ Tu: [r('09:00', '12:00')], Th: [r('13:30', '17:00')] }, 'Tu 09:00-12:00; Th 13:30-17:00'],
		[
			{ Mo: [r('09:00', '12:00')], Tu: [r('14:00', '17:00')], We: [r('09:00', '12:00')] },
			'Mo,We 09:00-12:00; Tu 14:00-17:00'
		]
	])('writes %j as %s', (days, expected) => {
		const value = osmFromGrid(grid(days));
		expect(value).toBe(expected);
		expectCleanOsm(value);
	});

	it('sorts ranges and merges overlapping or touching ones', () => {
		expect(osmFromGrid(grid({ Mo: [r('14:00', '17:00'), r('09:00', '12:00')] }))).toBe(
			'Mo 09:00-12:00,14:00-17:00'
		);
		expect(osmFromGrid(grid({ Mo: [r('09:00', '12:00'), r('11:00', '13:00')] }))).toBe('Mo 09:00-13:00');
		expect(osmFromGrid(grid({ Mo: [r('09:00', '12:00'), r('12:00', '14:00'), r('16:00', '18:00')] }))).toBe(
			'Mo 09:00-14:00,16:00-18:00'
		);
	});

	it('groups days whose ranges only differ in order or in how they were split', () => {
		const value = osmFromGrid(
			grid({ Mo: [r('14:00', '17:00'), r('09:00', '12:00')], Tu: [r('09:00', '12:00'), r('14:00', '17:00')] })
		);
		expect(value).toBe('Mo,Tu 09:00-12:00,14:00-17:00');
	});

	it('writes midnight as 24:00 and a whole week as 24/7', () => {
		const allDay = Object.fromEntries(DAY_CODES.map((day) => [day, [r('00:00', '24:00')]]));
		expect(osmFromGrid(grid(allDay))).toBe('24/7');
		// `24/7; PH off` makes the library warn: the explicit form says the same without ambiguity.
		const closedOnHolidays = osmFromGrid(grid(allDay, 'closed'));
		expect(closedOnHolidays).toBe('Mo-Su 00:00-24:00; PH off');
		expectCleanOsm(closedOnHolidays);
		expect(osmFromGrid(grid({ Fr: [r('20:00', '24:00')] }))).toBe('Fr 20:00-24:00');
	});

	it('skips unreadable or backwards ranges rather than writing an invalid value', () => {
		expect(osmFromGrid(grid({ Mo: [r('midi', '14:00'), r('09:00', '12:00')], Tu: [r('12:00', '09:00')] }))).toBe(
			'Mo 09:00-12:00'
		);
		// The other days of this grid are declared closed: nothing open at all is `off`.
		expect(osmFromGrid(grid({ Tu: [r('', '')] }))).toBe('off');
	});
});

describe('gridFromOsm: values the table represents exactly', () => {
	it.each([
		// The four hours of the real 2023 file (db/seed/roubaix_lieux_mediation_numerique_2023.csv).
		'Sa 08:00-11:00',
		'Sa 09:30-12:30',
		'Sa 08:30-11:30',
		'Sa 08:30-12:00',
		'Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00; PH off',
		'Mo-Fr 08:30-12:00,13:30-17:00; Sa 09:00-12:00; PH off',
		'Mo-Fr 09:00-12:00,14:00-17:00',
		'Mo,We 14:00-18:00',
		'Tu 09:00-12:00; Th 13:30-17:00',
		'Mo-We,Fr 09:00-12:00; Th 14:00-19:00',
		'Sa,Su 10:00-18:00',
		'Mo 08:00-10:00,12:00-14:00,16:00-18:00',
		'24/7',
		'Mo-Su 00:00-24:00; PH off',
		'We 14:00-18:00; PH off'
	])('%s comes back unchanged', (value) => {
		const { grid, exact } = gridFromOsm(value, REFERENCE);
		expect(exact).toBe(true);
		expect(osmFromGrid(grid)).toBe(value);
	});

	it('reads days and ranges into the grid', () => {
		const { grid, exact } = gridFromOsm('Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00; PH off', REFERENCE);
		expect(exact).toBe(true);
		expect(grid.publicHolidays).toBe('closed');
		expect(grid.days.Mo).toEqual([r('09:00', '12:00'), r('14:00', '17:00')]);
		expect(grid.days.Fr).toEqual([r('09:00', '12:00'), r('14:00', '17:00')]);
		expect(grid.days.Sa).toEqual([r('09:00', '12:00')]);
		expect(grid.days.Su).toEqual([]);
	});

	it.each([
		['Mo 09:00-12:00; Tu 09:00-12:00; We 09:00-12:00', 'Mo-We 09:00-12:00'],
		['Mo-Fr 14:00-17:00,09:00-12:00', 'Mo-Fr 09:00-12:00,14:00-17:00'],
		['Mo 9:00-12:00', 'Mo 09:00-12:00'],
		['Mo-Fr 09:00-12:00 open', 'Mo-Fr 09:00-12:00'],
		['Mo-Su 00:00-24:00', '24/7'],
		['Mo-Fr 09:00-18:00; We 09:00-12:00', 'Mo,Tu,Th,Fr 09:00-18:00; We 09:00-12:00'],
		['Mo-Fr 09:00-12:00; PH closed', 'Mo-Fr 09:00-12:00; PH off'],
		['Fr 22:00-02:00', 'Fr 22:00-24:00; Sa 00:00-02:00'],
		['week 01-53 Mo 10:00-12:00', 'Mo 10:00-12:00']
	])('%s is rewritten canonically as %s', (value, canonical) => {
		const { grid, exact } = gridFromOsm(value, REFERENCE);
		expect(exact).toBe(true);
		expect(osmFromGrid(grid)).toBe(canonical);
		expect(describeWeek(canonical, REFERENCE)).toEqual(describeWeek(value, REFERENCE));
	});

	it('gives an empty, exact grid for no hours at all', () => {
		for (const value of [null, '', '   ']) {
			const { grid, exact } = gridFromOsm(value, REFERENCE);
			expect(exact).toBe(true);
			expect(grid).toEqual(emptyGrid());
			expect(osmFromGrid(grid)).toBeNull();
		}
	});
});

describe('gridFromOsm: values kept as raw text', () => {
	it.each([
		['a month off', 'Mo-Fr 09:00-12:00; Aug off'],
		['a season', 'Jan-Jun Mo-Fr 09:00-12:00; Jul-Dec Mo-Fr 14:00-17:00'],
		['every other week', 'week 1-53/2 Mo 09:00-12:00'],
		['a date', 'Mo-Fr 09:00-17:00; Dec 24 09:00-12:00'],
		['a year', 'Mo-Fr 09:00-17:00; 2026 Dec 24 off'],
		['a comment', 'Mo 10:00-12:00 "sur rendez-vous"'],
		['an open comment', 'Mo 10:00-12:00 open "sur rendez-vous"'],
		['a fallback rule', 'Mo-Fr 09:00-12:00 || "sur rendez-vous"'],
		['special hours on holidays', 'Mo-Fr 09:00-17:00; PH 10:00-12:00'],
		['school holidays', 'Mo-Fr 09:00-12:00; SH off'],
		['sunrise and sunset', 'Mo-Fr sunrise-sunset'],
		['easter', 'Mo-Su 09:00-12:00; easter off'],
		['dawn', 'Sa dawn-12:00'],
		['an unknown state with a comment', 'Mo-Fr 09:00-12:00; Sa unknown "à confirmer"'],
		['four ranges a day', 'Mo 08:00-09:00,10:00-11:00,12:00-13:00,14:00-15:00'],
		['unknown hours only', 'Mo-Su unknown']
	])('%s: %s', (_case, value) => {
		expect(parseHours(value).ok).toBe(true);
		expect(gridFromOsm(value, REFERENCE).exact).toBe(false);
	});

	it.each([
		['Mo-Fr 09:00-12:00; Sa unknown', { Sa: 'unknown', Su: 'closed', Mo: 'open' }],
		['off', { Mo: 'closed', Su: 'closed' }],
		['PH off', { Mo: 'closed', Su: 'closed' }]
	] as const)('reads %s exactly, each day with its state', (value, states) => {
		const { grid, exact } = gridFromOsm(value, REFERENCE);
		expect(exact).toBe(true);
		expect(grid.states).toMatchObject(states);
	});

	it('still shows the typical week, three ranges a day at most', () => {
		const { grid } = gridFromOsm('Mo 08:00-09:00,10:00-11:00,12:00-13:00,14:00-15:00; Aug off', REFERENCE);
		expect(grid.days.Mo).toEqual([r('08:00', '09:00'), r('10:00', '11:00'), r('12:00', '13:00')]);
		const { grid: withComment } = gridFromOsm('Mo 10:00-12:00 "sur rendez-vous"; PH off', REFERENCE);
		expect(withComment.days.Mo).toEqual([r('10:00', '12:00')]);
		expect(withComment.publicHolidays).toBe('closed');
	});

	it('gives an empty, inexact grid for unreadable values', () => {
		for (const value of ['lundi 9h', 'Mo 25:00-26:00', 'Mo-Fr 09:00-']) {
			const { grid, exact } = gridFromOsm(value, REFERENCE);
			expect(exact).toBe(false);
			expect(grid).toEqual(emptyGrid());
		}
	});
});

describe('gridFromForm', () => {
	it('reads the table, ignoring empty pairs, and writes canonical hours', () => {
		const values: Record<string, string> = { hours_ph: 'closed' };
		for (const day of ['Mo', 'Tu', 'We', 'Th', 'Fr'] as const) {
			values[hoursFieldName(day, 1, 'from')] = '9h';
			values[hoursFieldName(day, 1, 'to')] = '12:00';
			values[hoursFieldName(day, 3, 'from')] = '14';
			values[hoursFieldName(day, 3, 'to')] = '17 h';
		}
		values.hours_Sa_2_from = '9 h 30';
		values.hours_Sa_2_to = '12h';
		values.hours_Su_1_from = '';
		values.hours_Su_1_to = ' ';
		const { grid, errors } = gridFromForm(form(values));
		expect(errors).toEqual({});
		expect(grid.days.Mo).toEqual([r('09:00', '12:00'), r('14:00', '17:00')]);
		expect(grid.days.Sa).toEqual([r('09:30', '12:00')]);
		expect(grid.days.Su).toEqual([]);
		expect(grid.publicHolidays).toBe('closed');
		// Sunday was left empty: « non renseigné », not closed.
		expect(grid.states.Su).toBe('unknown');
		expect(osmFromGrid(grid)).toBe('Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:30-12:00; Su unknown; PH off');
	});

	it.each([
		['9:00', '09:00'],
		['09:00', '09:00'],
		['9h', '09:00'],
		['9h30', '09:30'],
		['09h30', '09:30'],
		['9', '09:00']
	])('accepts %j as %s', (typed, expected) => {
		const { grid, errors } = gridFromForm(form({ hours_Tu_1_from: typed, hours_Tu_1_to: '18:00' }));
		expect(errors).toEqual({});
		expect(grid.days.Tu).toEqual([r(expected, '18:00')]);
	});

	it('reads FormData as well', () => {
		const data = new FormData();
		data.set('hours_We_1_from', '14h');
		data.set('hours_We_1_to', '18h');
		const { grid, errors } = gridFromForm(data);
		expect(errors).toEqual({});
		expect(osmFromGrid(grid)).toBe('We 14:00-18:00; Mo,Tu,Th-Su unknown');
		expect(grid.publicHolidays).toBe('unspecified');
	});

	it('reads a closing time of 0 or 00:00 as midnight', () => {
		const { grid, errors } = gridFromForm(form({ hours_Fr_1_from: '20h', hours_Fr_1_to: '00:00' }));
		expect(errors).toEqual({});
		expect(grid.days.Fr).toEqual([r('20:00', '24:00')]);
		expect(osmFromGrid(grid)).toBe('Fr 20:00-24:00; Mo-Th,Sa,Su unknown');
	});

	it('reads each day’s « Horaires / Fermé / Non renseigné » choice', () => {
		const { grid, errors } = gridFromForm(
			form({ hours_Mo_1_from: '9h', hours_Mo_1_to: '12h', hours_Mo_state: 'unknown', hours_Tu_state: 'closed', hours_We_state: 'unknown' })
		);
		expect(errors).toEqual({});
		// Times typed win over the default choice, which without JavaScript does not follow the typing.
		expect(grid.states).toMatchObject({ Mo: 'open', Tu: 'closed', We: 'unknown', Th: 'unknown' });
		expect(osmFromGrid(grid)).toBe('Mo 09:00-12:00; We-Su unknown');
	});

	it('asks again when the choice and the times contradict each other', () => {
		expect(gridFromForm(form({ hours_Tu_1_from: '9h', hours_Tu_1_to: '12h', hours_Tu_state: 'closed' })).errors).toEqual({
			hours_Tu_state: HOURS_MESSAGES.closedWithTimes
		});
		expect(gridFromForm(form({ hours_We_state: 'open' })).errors).toEqual({ hours_We_state: HOURS_MESSAGES.openWithoutTimes });
	});

	it('gives no hours for an empty table', () => {
		const { grid, errors } = gridFromForm(form({}));
		expect(errors).toEqual({});
		expect(grid).toEqual(emptyGrid());
		expect(osmFromGrid(grid)).toBeNull();
	});

	it.each(['midi', '25:00', '9h60', '99', '24:00'])('refuses %j as an opening time', (typed) => {
		const { errors } = gridFromForm(form({ hours_Mo_1_from: typed, hours_Mo_1_to: '12:00' }));
		expect(errors).toEqual({ hours_Mo_1_from: 'Heure invalide : écrivez par exemple 9 h 30 ou 09:30.' });
	});

	it('refuses an unreadable closing time', () => {
		const { errors } = gridFromForm(form({ hours_Mo_2_from: '14:00', hours_Mo_2_to: '17h3' }));
		expect(errors).toEqual({ hours_Mo_2_to: 'Heure invalide : écrivez par exemple 9 h 30 ou 09:30.' });
	});

	it('asks for both times of a pair', () => {
		expect(gridFromForm(form({ hours_Th_1_from: '9h' })).errors).toEqual({
			hours_Th_1_to: 'Indiquez l’heure de début et l’heure de fin.'
		});
		expect(gridFromForm(form({ hours_Th_2_from: '', hours_Th_2_to: '12h' })).errors).toEqual({
			hours_Th_2_from: 'Indiquez l’heure de début et l’heure de fin.'
		});
	});

	it('reports both an unreadable time and a missing one', () => {
		expect(gridFromForm(form({ hours_Th_1_from: 'matin' })).errors).toEqual({
			hours_Th_1_from: HOURS_MESSAGES.invalidTime,
			hours_Th_1_to: HOURS_MESSAGES.incomplete
		});
	});

	it.each([
		['12:00', '09:00'],
		['14h', '14h'],
		['22:00', '02:00']
	])('refuses a range from %s to %s', (from, to) => {
		const { errors } = gridFromForm(form({ hours_Sa_1_from: from, hours_Sa_1_to: to }));
		expect(errors).toEqual({ hours_Sa_1_to: 'L’heure de fin doit être après l’heure de début.' });
	});

	it('refuses overlapping ranges on the later slot, but accepts touching ones', () => {
		const overlapping = gridFromForm(
			form({ hours_Mo_1_from: '9h', hours_Mo_1_to: '12h', hours_Mo_2_from: '11h', hours_Mo_2_to: '14h' })
		);
		expect(overlapping.errors).toEqual({ hours_Mo_2_from: 'Ces plages se chevauchent.' });

		const contained = gridFromForm(
			form({ hours_Tu_1_from: '14h', hours_Tu_1_to: '18h', hours_Tu_3_from: '8h', hours_Tu_3_to: '19h' })
		);
		expect(contained.errors).toEqual({ hours_Tu_3_from: 'Ces plages se chevauchent.' });

		const touching = gridFromForm(
			form({ hours_We_1_from: '9h', hours_We_1_to: '12h', hours_We_2_from: '12h', hours_We_2_to: '14h' })
		);
		expect(touching.errors).toEqual({});
		expect(osmFromGrid(touching.grid)).toBe('We 09:00-14:00; Mo,Tu,Th-Su unknown');
	});

	it('does not compare ranges of different days', () => {
		const { errors } = gridFromForm(
			form({ hours_Mo_1_from: '9h', hours_Mo_1_to: '12h', hours_Tu_1_from: '10h', hours_Tu_1_to: '11h' })
		);
		expect(errors).toEqual({});
	});

	it('keeps what was typed, in its slot, when something is wrong', () => {
		const { grid, errors } = gridFromForm(
			form({
				hours_Mo_2_from: '9h',
				hours_Mo_2_to: 'midi',
				hours_Mo_3_from: '14',
				hours_Mo_3_to: '17h',
				hours_Tu_1_from: '9',
				hours_Tu_1_to: '12',
				hours_ph: 'closed'
			})
		);
		expect(errors).toEqual({ hours_Mo_2_to: HOURS_MESSAGES.invalidTime });
		expect(grid.days.Mo).toEqual([r('', ''), r('9h', 'midi'), r('14:00', '17:00')]);
		expect(grid.days.Tu).toEqual([r('09:00', '12:00')]);
		expect(grid.days.We).toEqual([]);
		expect(grid.publicHolidays).toBe('closed');
	});

	it('round-trips through OSM', () => {
		const { grid } = gridFromForm(
			form({
				hours_Mo_1_from: '8h30',
				hours_Mo_1_to: '12h',
				hours_Mo_2_from: '13h30',
				hours_Mo_2_to: '17h',
				hours_Th_1_from: '8h30',
				hours_Th_1_to: '12h',
				hours_Th_2_from: '13h30',
				hours_Th_2_to: '17h',
				hours_Sa_1_from: '9',
				hours_Sa_1_to: '12',
				hours_ph: 'closed'
			})
		);
		const value = osmFromGrid(grid);
		expect(value).toBe('Mo,Th 08:30-12:00,13:30-17:00; Sa 09:00-12:00; Tu,We,Fr,Su unknown; PH off');
		expectCleanOsm(value);
		expect(gridFromOsm(value, REFERENCE)).toEqual({ grid, exact: true });
	});
});

describe('hoursFromForm', () => {
	it('writes the table in grid mode (the default)', () => {
		const result = hoursFromForm(
			form({ hours_Mo_1_from: '9h', hours_Mo_1_to: '12h', hours_osm: 'Tu 10:00-11:00' }),
			REFERENCE
		);
		expect(result).toMatchObject({ mode: 'grid', value: 'Mo 09:00-12:00; Tu-Su unknown', errors: {}, rawError: null });
		expect(result.osm).toBe('Mo 09:00-12:00; Tu-Su unknown');
	});

	it('stores nothing and keeps the typed text when the table has errors', () => {
		const result = hoursFromForm(
			form({ hours_mode: 'grid', hours_Mo_1_from: '9h', hours_osm: 'Tu 10:00-11:00' }),
			REFERENCE
		);
		expect(result.value).toBeNull();
		expect(result.errors).toEqual({ hours_Mo_1_to: HOURS_MESSAGES.incomplete });
		expect(result.osm).toBe('Tu 10:00-11:00');
	});

	it('keeps the OSM text as typed in osm mode', () => {
		const text = 'Mo-Fr 09:00-12:00; Aug off';
		const result = hoursFromForm(form({ hours_mode: 'osm', hours_osm: ` ${text} `, hours_Mo_1_from: '8h' }), REFERENCE);
		expect(result).toMatchObject({ mode: 'osm', value: text, osm: text, exact: false, rawError: null, errors: {} });
		expect(result.grid.days.Mo).toEqual([r('09:00', '12:00')]);
	});

	it('reports unreadable OSM text in French', () => {
		const result = hoursFromForm(form({ hours_mode: 'osm', hours_osm: 'lundi 9h' }), REFERENCE);
		expect(result.rawError).toMatch(/^Horaires illisibles/);
		expect(result.osm).toBe('lundi 9h');
	});

	it('accepts an empty OSM text as no hours', () => {
		const result = hoursFromForm(form({ hours_mode: 'osm', hours_osm: '  ' }), REFERENCE);
		expect(result).toMatchObject({ value: null, rawError: null, exact: true });
	});
});

describe('HoursEditor component (server-rendered, as without JavaScript)', () => {
	function renderEditor(props: ComponentProps<typeof HoursEditor>): string {
		return render(HoursEditor, { props }).body;
	}

	it('renders every field the form reads, with French labels', () => {
		const { grid } = gridFromOsm('Mo-Fr 09:00-12:00,14:00-17:00; PH off', REFERENCE);
		const html = renderEditor({ grid, osm: 'Mo-Fr 09:00-12:00,14:00-17:00; PH off', exact: true });
		const names = [...html.matchAll(/name="([^"]+)"/g)].map((match) => match[1]);
		expect(new Set(names)).toEqual(new Set(HOURS_FIELD_NAMES));
		expect(html).toMatch(/<legend[^>]*>Horaires d’ouverture<\/legend>/);
		expect(html).toMatch(/<caption[^>]*>[^<]+<\/caption>/);
		expect(html).toMatch(/<th scope="row"[^>]*>Lundi<\/th>/);
		expect(html).toMatch(/<th scope="row"[^>]*>Dimanche<\/th>/);
		expect(html.match(/inputmode="numeric"/g)).toHaveLength(HOURS_TIME_FIELD_NAMES.length);
		expect(html).toMatch(/<span class="visually-hidden[^"]*">Lundi, plage 1,<\/span>\s*début/);
		expect(html).toMatch(/id="hours_Mo_2_from"[^>]*value="14:00"|value="14:00"[^>]*id="hours_Mo_2_from"/);
		expect(html).toMatch(/name="hours_ph"[^>]*checked/);
		expect(html).toMatch(/value="grid"[^>]*checked/);
		expect(html).not.toContain('trop détaillés');
		expect(html).not.toContain('aria-invalid');
	});

	it('ties each error to its field and keeps what was typed', () => {
		const { grid, errors } = gridFromForm(form({ hours_Tu_2_from: '9h', hours_Tu_2_to: 'midi' }));
		const html = renderEditor({ grid, errors });
		expect(html).toMatch(/id="hours_Tu_2_to"[^>]*value="midi"/);
		expect(html).toMatch(/aria-invalid="true"[^>]*aria-describedby="hours_Tu_2_to-error"/);
		expect(html).toMatch(/id="hours_Tu_2_to-error"[^>]*>Heure invalide : écrivez par exemple 9 h 30 ou 09:30\.<\/p>/);
	});

	it('chooses the OSM text and says why when the table is not exact', () => {
		const value = 'Mo-Fr 09:00-12:00; Aug off';
		const { grid, exact } = gridFromOsm(value, REFERENCE);
		const html = renderEditor({ grid, osm: value, exact });
		expect(html).toContain('trop détaillés pour le tableau');
		expect(html).toMatch(/value="osm"[^>]*checked/);
		expect(html).toMatch(/<details[^>]*open/);
		expect(html).toContain(`>${value}</textarea>`);
	});
});
