import { describe, expect, it } from 'vitest';
import { searchStreets } from '$lib/domain/streets';
import { streetDirectory } from './streets';

describe('street search over the City file', () => {
	const directory = streetDirectory();

	it('groups the 1,068 segments into one entry per street name', () => {
		expect(directory.length).toBeGreaterThan(800);
		expect(new Set(directory.map((e) => e.name)).size).toBe(directory.length);
	});

	it.each([
		['av verdun', 'Avenue de Verdun'],
		['epeule', "Rue de l'Epeule"],
		['RUE PELLART', 'Rue Pellart'],
		['grand rue', 'Grande Rue']
	])('« %s » finds « %s »', (query, expected) => {
		const names = searchStreets(directory, query).map((e) => e.name);
		expect(names).toContain(expected);
	});

	it('puts each street point inside Roubaix’s extent', () => {
		for (const e of directory) {
			expect(e.lon).toBeGreaterThan(3.14);
			expect(e.lon).toBeLessThan(3.23);
			expect(e.lat).toBeGreaterThan(50.66);
			expect(e.lat).toBeLessThan(50.72);
		}
	});

	it('finds nothing for an empty or unknown query', () => {
		expect(searchStreets(directory, '   ')).toEqual([]);
		expect(searchStreets(directory, 'zzzz inexistante')).toEqual([]);
	});
});
