/**
 * French number formats for the planners' pages: « 53 % », « 1 234 », « 12 h 30 ». Spaces inside
 * a figure are no-break spaces (U+00A0), so a figure never breaks across two lines and tests can
 * match it with one character. Missing values read « n.d. » (non disponible), never 0.
 */

export const NBSP = '\u00a0';
export const MISSING = 'n.d.';

const group = (text: string) => text.replace(/[\u202f\u00a0 ]/g, NBSP);

const formatters = new Map<number, Intl.NumberFormat>();
function formatter(digits: number): Intl.NumberFormat {
	let f = formatters.get(digits);
	if (!f) {
		f = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: digits, maximumFractionDigits: digits });
		formatters.set(digits, f);
	}
	return f;
}

const isNumber = (value: number | null | undefined): value is number => typeof value === 'number' && Number.isFinite(value);

/** 1234.5 → « 1 234,5 » (digits after the comma, default none). */
export function decimal(value: number | null | undefined, digits = 0): string {
	if (!isNumber(value)) return MISSING;
	// Avoid « -0 » for tiny negative rounding noise.
	const rounded = Number(value.toFixed(digits));
	return group(formatter(digits).format(Object.is(rounded, -0) ? 0 : rounded));
}

/** A share (0–1) as a whole percentage: 0.534 → « 53 % ». */
export function percent(share: number | null | undefined): string {
	if (!isNumber(share)) return MISSING;
	return `${decimal(Math.round(share * 100))}${NBSP}%`;
}

/** A rate already in per cent: 46.69 → « 46,7 % ». */
export function ratePct(value: number | null | undefined, digits = 1): string {
	if (!isNumber(value)) return MISSING;
	return `${decimal(value, digits)}${NBSP}%`;
}

/** Minutes of the week as hours: 750 → « 12 h 30 », 60 → « 1 h », 0 → « 0 h ». */
export function hoursText(minutes: number | null | undefined): string {
	if (!isNumber(minutes)) return MISSING;
	const total = Math.round(minutes);
	const h = Math.floor(total / 60);
	const m = total % 60;
	return m === 0 ? `${decimal(h)}${NBSP}h` : `${decimal(h)}${NBSP}h${NBSP}${String(m).padStart(2, '0')}`;
}

const MINUS = '\u2212';

/** A signed difference: « +3 », « −2 », « 0 »; `digits` after the comma. */
export function signed(delta: number | null | undefined, digits = 0): string {
	if (!isNumber(delta)) return MISSING;
	const text = decimal(Math.abs(delta), digits);
	if (Number(Math.abs(delta).toFixed(digits)) === 0) return text;
	return `${delta > 0 ? '+' : MINUS}${text}`;
}

/** A difference of shares in percentage points: 0.123 → « +12,3 points ». */
export function pointsText(deltaShare: number | null | undefined): string {
	if (!isNumber(deltaShare)) return MISSING;
	const points = deltaShare * 100;
	const text = signed(points, 1);
	return `${text}${NBSP}${Math.abs(Number(points.toFixed(1))) >= 2 ? 'points' : 'point'}`;
}

/** « 1 offre », « 2 offres », « 0 offre » (French singular for 0 and 1). */
export function plural(count: number, one: string, many: string): string {
	return `${decimal(count)}${NBSP}${Math.abs(count) >= 2 ? many : one}`;
}

const longDate = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', day: 'numeric', month: 'long', year: 'numeric' });
const dateTime = new Intl.DateTimeFormat('fr-FR', {
	timeZone: 'Europe/Paris',
	day: 'numeric',
	month: 'long',
	year: 'numeric',
	hour: '2-digit',
	minute: '2-digit'
});

/** « 28 novembre 2026 », in Roubaix's time zone. */
export function frenchDate(instant: Date | string): string {
	return group(longDate.format(typeof instant === 'string' ? new Date(instant) : instant));
}

/** « 28 novembre 2026 à 09:00 », in Roubaix's time zone. */
export function frenchDateTime(instant: Date | string): string {
	return group(dateTime.format(typeof instant === 'string' ? new Date(instant) : instant));
}

/** A number for the CSV and GeoJSON: a dot as decimal mark, no grouping, empty when missing. */
export function machineNumber(value: number | null | undefined, digits: number): string {
	if (!isNumber(value)) return '';
	const fixed = Number(value.toFixed(digits));
	return String(Object.is(fixed, -0) ? 0 : fixed);
}
