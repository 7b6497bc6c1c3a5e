import { describe, expect, it } from 'vitest';
import { decimal, frenchDate, hoursText, machineNumber, MISSING, NBSP, percent, plural, pointsText, ratePct, signed } from './format';

const n = (text: string) => text.replace(/ /g, NBSP);

describe('French figures', () => {
	it('writes shares as whole percentages with a no-break space', () => {
		expect(percent(0.534)).toBe(n('53 %'));
		expect(percent(0)).toBe(n('0 %'));
		expect(percent(1)).toBe(n('100 %'));
		// Half a percent rounds up, as Math.round does: 24.5 % is « 25 % ».
		expect(percent(0.245)).toBe(n('25 %'));
		expect(percent(null)).toBe(MISSING);
		expect(percent(Number.NaN)).toBe(MISSING);
	});

	it('groups thousands and uses the decimal comma', () => {
		expect(decimal(74195)).toBe(n('74 195'));
		expect(decimal(1234.56, 1)).toBe(n('1 234,6'));
		expect(decimal(113.30758, 1)).toBe('113,3');
		expect(decimal(-0.0001, 1)).toBe('0,0');
		expect(decimal(undefined)).toBe('n.d.');
		expect(ratePct(46.6878)).toBe(n('46,7 %'));
	});

	it('writes minutes of the week as hours', () => {
		expect(hoursText(750)).toBe(n('12 h 30'));
		expect(hoursText(60)).toBe(n('1 h'));
		expect(hoursText(0)).toBe(n('0 h'));
		expect(hoursText(65)).toBe(n('1 h 05'));
		expect(hoursText(6000)).toBe(n('100 h'));
	});

	it('signs differences with a true minus sign', () => {
		expect(signed(3)).toBe('+3');
		expect(signed(-2)).toBe('\u22122');
		expect(signed(0)).toBe('0');
		expect(signed(0.04, 1)).toBe('0,0');
		expect(pointsText(0.123)).toBe(n('+12,3 points'));
		expect(pointsText(-0.004)).toBe(n('\u22120,4 point'));
		expect(pointsText(null)).toBe(MISSING);
	});

	it('uses the French singular for 0 and 1', () => {
		expect(plural(0, 'offre', 'offres')).toBe(n('0 offre'));
		expect(plural(1, 'offre', 'offres')).toBe(n('1 offre'));
		expect(plural(1200, 'offre', 'offres')).toBe(n('1 200 offres'));
	});

	it('dates in Roubaix time, whatever the server zone', () => {
		// 23:30 UTC on 31 December is already 1 January in Paris.
		expect(frenchDate('2025-12-31T23:30:00Z')).toBe(n('1 janvier 2026'));
	});

	it('writes machine numbers with a dot, no grouping, empty when missing', () => {
		expect(machineNumber(53.4467, 2)).toBe('53.45');
		expect(machineNumber(74195, 0)).toBe('74195');
		expect(machineNumber(-0.0001, 2)).toBe('0');
		expect(machineNumber(null, 2)).toBe('');
		expect(machineNumber(Number.POSITIVE_INFINITY, 2)).toBe('');
	});
});
