import { describe, expect, it } from 'vitest';
import { tableRowsHtml } from './table-rows';

describe('a table body as HTML', () => {
	it('writes scoped row headers, numeric cells, links and hidden suffixes, all escaped', () => {
		const html = tableRowsHtml({
			id: 't',
			caption: 'c',
			columns: [
				{ key: 'zone', label: 'Zone', rowHeader: true },
				{ key: 'part', label: 'Part', numeric: true },
				{ key: 'carte', label: 'Carte' }
			],
			rows: [{ key: 'iris:1', emphasis: true, cells: [{ text: 'Alma <Sud>', href: '/p?a=1&b=2' }, { text: '53 %' }, { text: 'Voir', href: '/x', hiddenSuffix: ' : "Alma"' }] }]
		});
		expect(html).toBe(
			'<tr data-key="iris:1" class="emphasis"><th scope="row" data-col="zone"><a href="/p?a=1&amp;b=2">Alma &lt;Sud&gt;</a></th>' +
				'<td class="num" data-col="part">53 %</td>' +
				'<td data-col="carte"><a href="/x">Voir<span class="visually-hidden"> : &quot;Alma&quot;</span></a></td></tr>'
		);
	});
});
