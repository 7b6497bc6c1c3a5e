/** Small text helpers for the report: French number format, aligned tables. */

const nf1 = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const nf0 = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });

/** Narrow no-break spaces from Intl become plain spaces: terminals align them better. */
const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ');

export const kb = (bytes: number) => `${plain(nf1.format(bytes / 1000))} Ko`;
export const ms = (value: number) => (Number.isFinite(value) ? `${plain(nf1.format(value))} ms` : '—');
export const int = (value: number) => plain(nf0.format(value));
export const num1 = (value: number) => plain(nf1.format(value));
export const seconds = (msValue: number) => `${plain(nf1.format(msValue / 1000))} s`;

export function verdict(value: number, target: number): string {
	return value <= target ? 'atteint' : 'MANQUÉ';
}

/** Rows of cells; the first row is the header. Numbers-looking cells are right-aligned. */
export function table(rows: string[][], indent = '  '): string {
	const widths: number[] = [];
	for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, [...cell].length)));
	const numeric = (s: string) => /^[-–—+≤≥~]?\s*[\d ]+([,.]\d+)?( ?(Ko|ms|s|%|req\/s))?$/.test(s) || s === '—';
	const line = (row: string[]) =>
		indent +
		row
			.map((cell, i) => {
				const pad = ' '.repeat(Math.max(0, widths[i]! - [...cell].length));
				return numeric(cell) && i > 0 ? pad + cell : cell + pad;
			})
			.join('  ')
			.trimEnd();
	const out = [line(rows[0]!), indent + widths.map((w) => '─'.repeat(w)).join('  ')];
	for (const row of rows.slice(1)) out.push(line(row));
	return out.join('\n');
}

export function heading(title: string): string {
	return `\n${title}\n${'═'.repeat([...title].length)}`;
}
