import { describe, expect, it } from 'vitest';
import { landingPath, safeReturnPath, safeReturnPathOrNull } from './guards';

const SITE = 'https://inclusion.ville-roubaix.fr';

describe('the return path after sign-in', () => {
	it.each([
		['a tab that URL parsers strip (/%09/evil.example)', '/\t/evil.example'],
		['a line feed that parsers strip', '/\n/evil.example'],
		['a carriage return and a line feed', '/\r\n/evil.example'],
		['a CR or LF inside a path (it would make the Location header invalid)', '/x\ny'],
		['a CR alone', '/x\ry'],
		['a NUL', '/x\u0000y'],
		['two slashes', '//evil.example'],
		['a backslash read as a slash', '/\\evil.example'],
		['a backslash after the first slash, after a tab', '/\t\\evil.example'],
		['an absolute URL to another site', 'https://evil.example/espace'],
		['a scheme', 'javascript:alert(1)'],
		['a bare host', 'evil.example'],
		['nothing', ''],
		['an over-long path', '/' + 'a'.repeat(600)]
	])('refuses %s and falls back to /espace', (_label, value) => {
		expect(safeReturnPath(value, SITE)).toBe('/espace');
		expect(safeReturnPath(value)).toBe('/espace');
	});

	it('keeps a path of this site with its query and fragment, and encodes what a header cannot carry', () => {
		expect(safeReturnPath('/espace/structures/12', SITE)).toBe('/espace/structures/12');
		expect(safeReturnPath('/espace/structures/12?onglet=lieux#horaires', SITE)).toBe('/espace/structures/12?onglet=lieux#horaires');
		expect(safeReturnPath('/lieux/3 bis', SITE)).toBe('/lieux/3%20bis');
		expect(safeReturnPath('/recherche?q=médiathèque', SITE)).toBe('/recherche?q=m%C3%A9diath%C3%A8que');
		expect(safeReturnPath(null)).toBe('/espace');
		expect(safeReturnPath(undefined)).toBe('/espace');
	});

	it('never returns a character a Location header cannot carry', () => {
		for (let code = 0; code < 0x80; code++) {
			const value = `/a${String.fromCharCode(code)}b`;
			const result = safeReturnPath(value, SITE);
			expect(result, JSON.stringify(value)).toMatch(/^\/[\x21-\x7e]*$/);
			expect(result.startsWith('//') || result.startsWith('/\\'), JSON.stringify(value)).toBe(false);
			expect(new URL(result, SITE).origin).toBe(SITE);
		}
	});
});

describe('the landing page without a return path', () => {
	it('is the coordination dashboard for a coordinator, /espace for a member', () => {
		expect(landingPath('coordinator')).toBe('/admin');
		expect(landingPath('member')).toBe('/espace');
	});

	it('is chosen only when no safe path was given: a safe one is kept as is', () => {
		expect(safeReturnPathOrNull('//evil.example', SITE)).toBeNull();
		expect(safeReturnPathOrNull('', SITE)).toBeNull();
		expect(safeReturnPathOrNull(null, SITE)).toBeNull();
		expect(safeReturnPathOrNull('/admin/journal', SITE)).toBe('/admin/journal');
		expect(safeReturnPathOrNull('/espace', SITE)).toBe('/espace');
	});
});
