import { escapeXml } from '$lib/domain/static-map';
import type { TableModel } from './types';

/**
 * A table's body as one HTML string, for `{@html}`: Svelte writes hydration markers around every
 * `{#if}` of every cell (about 30 bytes a cell, 12 KB on /pilotage), while one `{@html}` block
 * has one. The string is rebuilt from the same data on the client, so it is never sent twice.
 * Every text and attribute is escaped here.
 */
export function tableRowsHtml(table: TableModel): string {
	let html = '';
	for (const row of table.rows) {
		html += `<tr data-key="${escapeXml(row.key)}"${row.emphasis ? ' class="emphasis"' : ''}>`;
		row.cells.forEach((cell, i) => {
			const column = table.columns[i]!;
			const tag = column.rowHeader ? 'th' : 'td';
			const attributes = column.rowHeader ? ' scope="row"' : column.numeric ? ' class="num"' : '';
			const suffix = cell.hiddenSuffix ? `<span class="visually-hidden">${escapeXml(cell.hiddenSuffix)}</span>` : '';
			const content = cell.href ? `<a href="${escapeXml(cell.href)}">${escapeXml(cell.text)}${suffix}</a>` : escapeXml(cell.text);
			html += `<${tag}${attributes} data-col="${escapeXml(column.key)}">${content}</${tag}>`;
		});
		html += '</tr>';
	}
	return html;
}
