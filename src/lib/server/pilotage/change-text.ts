import { decimal, hoursText, MISSING, NBSP, signed } from './format';
import { figureText, type FigureFormat } from './figures';

/**
 * A figure before and after « Et si… », written with the precision its change needs: « 49 % →
 * 49 % » with « +0,3 point » reads as no change, so when the usual rounding hides a difference the
 * two values get one decimal, then two. A difference still invisible at the finest precision is
 * too small to mean anything to a planner: it counts as unchanged (`changed: false`, « = »), and
 * the page says so.
 */

export interface ChangeText {
	before: string;
	after: string;
	/** « +0,3 point », « +1 », « = » when nothing visible moves. */
	delta: string;
	changed: boolean;
}

const EPSILON = 1e-9;
const MINUS = '\u2212';

/** Extra decimals tried, in order, when the usual text of both values is the same. */
const FINER: Partial<Record<FigureFormat, number[]>> = { share: [1, 2], index: [2, 3], rate: [2, 3], persons: [1, 2] };

function finerText(format: FigureFormat, value: number, digits: number): string {
	if (format === 'share') return `${decimal(value * 100, digits)}${NBSP}%`;
	if (format === 'rate') return `${decimal(value, digits)}${NBSP}%`;
	return decimal(value, digits);
}

function pointsWith(deltaShare: number, digits: number): string {
	const points = deltaShare * 100;
	const text = signed(points, digits);
	return `${text}${NBSP}${Math.abs(Number(points.toFixed(digits))) >= 2 ? 'points' : 'point'}`;
}

function deltaWith(format: FigureFormat, delta: number, digits: number): string {
	if (format === 'share') return pointsWith(delta, Math.max(1, digits));
	if (format === 'hours') return `${delta > 0 ? '+' : MINUS}${hoursText(Math.abs(delta))}`;
	return signed(delta, format === 'index' || format === 'rate' ? Math.max(1, digits) : digits);
}

export function changeText(format: FigureFormat, before: number | null, after: number | null): ChangeText {
	const b = figureText(format, before);
	const a = figureText(format, after);
	if (before === null || after === null) {
		const changed = before !== after;
		return { before: b, after: a, delta: changed ? MISSING : '=', changed };
	}
	const delta = after - before;
	if (Math.abs(delta) <= EPSILON) return { before: b, after: a, delta: '=', changed: false };
	if (a !== b) return { before: b, after: a, delta: deltaWith(format, delta, 0), changed: true };
	for (const digits of FINER[format] ?? []) {
		const fb = finerText(format, before, digits);
		const fa = finerText(format, after, digits);
		if (fa !== fb) return { before: fb, after: fa, delta: deltaWith(format, delta, digits), changed: true };
	}
	return { before: b, after: a, delta: '=', changed: false };
}
