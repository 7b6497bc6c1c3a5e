/**
 * Values of the listing forms read the way people write them: a SIRET and its check digit, a
 * French phone number, a web address, decimal degrees with a point or a comma; the box around
 * Roubaix a point must fall in. Pure functions, answering null when they cannot read.
 */

/** Around the commune with a margin: a point outside is a typo or a geocoder's mistake. */
export const ROUBAIX_BOUNDS = { minLat: 50.66, maxLat: 50.72, minLon: 3.13, maxLon: 3.22 } as const;

/** The Luhn sum, except La Poste's establishments (SIREN 356 000 000), whose digits add up to a multiple of 5. */
export function isValidSiret(digits: string): boolean {
	if (!/^\d{14}$/.test(digits)) return false;
	if (digits.startsWith('356000000')) {
		return [...digits].reduce((sum, d) => sum + Number(d), 0) % 5 === 0;
	}
	let sum = 0;
	for (let i = 0; i < 14; i++) {
		let d = Number(digits[13 - i]);
		if (i % 2 === 1) {
			d *= 2;
			if (d > 9) d -= 9;
		}
		sum += d;
	}
	return sum % 10 === 0;
}

/** French numbers only (this is Roubaix's directory), shown the French way: `03 20 00 00 00`. */
export function normalizeFrenchPhone(text: string): string | null {
	let digits = text.replace(/\(0\)/g, '').replace(/[\s.\-/()]/g, '');
	if (digits.startsWith('+33')) digits = `0${digits.slice(3)}`;
	else if (digits.startsWith('0033')) digits = `0${digits.slice(4)}`;
	if (!/^0[1-9]\d{8}$/.test(digits)) return null;
	return digits.replace(/(\d{2})(?=\d)/g, '$1 ');
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const BARE_HOST = /^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+(?:[/?#:]|$)/u;

/**
 * An http(s) address for a link: `www.exemple.fr` (or any bare host name) gets `https://`. Addresses
 * with credentials are refused: `https://ameli.fr@exemple.com` does not go where it seems to.
 */
export function normalizeWebUrl(text: string): string | null {
	if (/\s/.test(text)) return null;
	const candidate = SCHEME.test(text) ? text : BARE_HOST.test(text) ? `https://${text}` : null;
	if (candidate === null) return null;
	let url: URL;
	try {
		url = new URL(candidate);
	} catch {
		return null;
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
	if (url.username !== '' || url.password !== '') return null;
	if (!url.hostname.includes('.') || url.hostname.endsWith('.')) return null;
	return candidate;
}

/** Decimal degrees, with a point or the French comma; exponents and `Infinity` are not coordinates. */
export function readDegrees(text: string): number | null {
	const compact = text.replace(/\s/g, '');
	if (!/^[+-]?\d{1,3}(?:[.,]\d{1,15})?$/.test(compact)) return null;
	return Number(compact.replace(',', '.'));
}
