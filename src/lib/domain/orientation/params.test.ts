import { describe, expect, it } from 'vitest';
import { orientationParamsToSearch, parseOrientationParams } from './params';

const parse = (query: string) => parseOrientationParams(new URLSearchParams(query), () => true);

describe('walking limit', () => {
	it('takes the limit the autonomy suggests when the worker chose none, and keeps it out of the URL', () => {
		const { params, errors } = parse('etape=5&besoin=sante&autonomie=jamais');
		expect(errors).toEqual([]);
		expect(params).toMatchObject({ maxWalkMinutes: 15, walkLimit: 'suggested' });
		expect(orientationParamsToSearch(params).has('marche')).toBe(false);
	});
	it('keeps the worker’s choice, « Peu importe » included', () => {
		const chosen = parse('besoin=sante&autonomie=jamais&marche=30').params;
		expect(chosen).toMatchObject({ maxWalkMinutes: 30, walkLimit: 'chosen' });
		expect(orientationParamsToSearch(chosen).get('marche')).toBe('30');
		const none = parse('besoin=sante&autonomie=jamais&marche=peu-importe').params;
		expect(none).toMatchObject({ maxWalkMinutes: null, walkLimit: 'chosen' });
		expect(orientationParamsToSearch(none).get('marche')).toBe('peu-importe');
	});
	it('falls back to the suggestion on an unreadable limit, and says so', () => {
		const { params, errors } = parse('besoin=sante&autonomie=un-peu&marche=7');
		expect(params).toMatchObject({ maxWalkMinutes: 20, walkLimit: 'suggested' });
		expect(errors.map((e) => e.param)).toEqual(['marche']);
	});
	it('suggests nothing to an autonomous person', () => {
		expect(parse('besoin=sante&autonomie=bloque').params).toMatchObject({ maxWalkMinutes: null, walkLimit: 'suggested' });
	});
});
