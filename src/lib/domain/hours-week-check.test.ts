import { describe, expect, it } from 'vitest';
import { CLOSED_WEEK_CONFIRM_VALUE, closedDays, closedWeekQuestion } from './hours-week-check';

// A fixed, ordinary week: nothing depends on the day the tests run.
const REFERENCE = new Date('2026-11-23T12:00:00+01:00');

describe('closedDays', () => {
	it('lists the days declared closed, not the unknown ones', () => {
		expect(closedDays('Mo 09:00-12:00', REFERENCE)).toEqual(['mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche']);
		expect(closedDays('Mo 09:00-12:00; Tu-Su unknown', REFERENCE)).toEqual([]);
		expect(closedDays('Mo-Fr 09:00-12:00', REFERENCE)).toEqual(['samedi', 'dimanche']);
		expect(closedDays(null, REFERENCE)).toEqual([]);
		expect(closedDays('lundi 9h', REFERENCE)).toEqual([]);
	});
});

describe('closedWeekQuestion', () => {
	it('asks when four days or more are closed', () => {
		expect(closedWeekQuestion('Mo 09:00-12:00; Tu,We unknown', null, null, REFERENCE)).toEqual({ days: ['jeudi', 'vendredi', 'samedi', 'dimanche'] });
		expect(closedWeekQuestion('off', 'Mo 09:00-12:00', null, REFERENCE)?.days).toHaveLength(7);
	});

	it('does not ask for a week closed three days or less, nor for unknown days', () => {
		expect(closedWeekQuestion('Mo-Th 09:00-12:00', null, null, REFERENCE)).toBeNull();
		expect(closedWeekQuestion('Mo 09:00-12:00; Tu-Su unknown', null, null, REFERENCE)).toBeNull();
		expect(closedWeekQuestion(null, 'Mo-Fr 09:00-12:00', null, REFERENCE)).toBeNull();
	});

	it('does not ask again once confirmed, nor when the hours did not change', () => {
		expect(closedWeekQuestion('Mo 09:00-12:00', null, CLOSED_WEEK_CONFIRM_VALUE, REFERENCE)).toBeNull();
		expect(closedWeekQuestion('Mo 09:00-12:00', 'Mo 09:00-12:00', null, REFERENCE)).toBeNull();
		expect(closedWeekQuestion('Mo 09:00-12:00', null, 'yes', REFERENCE)).not.toBeNull();
	});
});
