import { describe, expect, it } from 'vitest';
import { changeText } from './change-text';
import { NBSP } from './format';

const n = (text: string) => text.replace(/ /g, NBSP);

describe('a figure before and after, with the precision its change needs', () => {
	it('keeps the usual rounding when it shows the change', () => {
		expect(changeText('share', 0.42, 0.53)).toEqual({ before: n('42 %'), after: n('53 %'), delta: n('+11,0 points'), changed: true });
		expect(changeText('count', 3, 4)).toEqual({ before: '3', after: '4', delta: '+1', changed: true });
	});

	it('writes one decimal when whole percentages would read « 49 % → 49 % »', () => {
		expect(changeText('share', 0.4912, 0.4941)).toEqual({ before: n('49,1 %'), after: n('49,4 %'), delta: n('+0,3 point'), changed: true });
	});

	it('goes to two decimals when one is not enough', () => {
		expect(changeText('share', 0.49121, 0.49138)).toEqual({ before: n('49,12 %'), after: n('49,14 %'), delta: n('+0,02 point'), changed: true });
		expect(changeText('index', 112.341, 112.349)).toMatchObject({ before: '112,34', after: '112,35', changed: true });
	});

	it('counts as unchanged what no precision makes visible', () => {
		expect(changeText('share', 0.491211, 0.491212)).toEqual({ before: n('49 %'), after: n('49 %'), delta: '=', changed: false });
		expect(changeText('hours', 600, 600.2)).toMatchObject({ delta: '=', changed: false });
		expect(changeText('share', 0.5, 0.5)).toMatchObject({ delta: '=', changed: false });
	});

	it('says « n.d. » when a value appears or disappears', () => {
		expect(changeText('share', null, 0.5)).toEqual({ before: 'n.d.', after: n('50 %'), delta: 'n.d.', changed: true });
	});
});
