import { describe, expect, it } from 'vitest';
import { comparerHref, light } from './light';

describe('light tables and on-demand links', () => {
	it('drops the raw values, keeps text and links', () => {
		const table = light({
			id: 't',
			caption: 'c',
			columns: [{ key: 'a', label: 'A' }],
			rows: [{ key: 'r', cells: [{ text: '53 %', value: 0.53 }, { text: 'Voir', value: null, href: '/x', hiddenSuffix: ' : y' }] }]
		});
		expect(table.rows[0]!.cells).toEqual([{ text: '53 %' }, { text: 'Voir', href: '/x', hiddenSuffix: ' : y' }]);
	});

	it('opens and folds the comparisons in the same address', () => {
		const url = new URL('http://x/pilotage?zone=qpv%3AQ&carte=pauvrete');
		expect(comparerHref(url, true, 'comparer')).toBe('/pilotage?zone=qpv%3AQ&carte=pauvrete&comparer=1#comparer');
		expect(comparerHref(new URL('http://x/pilotage?comparer=1'), false, 'comparer')).toBe('/pilotage#comparer');
	});
});
