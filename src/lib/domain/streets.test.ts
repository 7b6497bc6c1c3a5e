import { describe, expect, it } from 'vitest';
import { buildStreetIndex, distanceToStreet, streetKey, streetOfAddress } from './streets';

/** 0.001° of latitude is 111.19 m on turf's sphere (radius 6,371,008.8 m). */
const METRES_PER_MILLI_DEGREE = 111.195;

/** Two east–west streets at latitude 50.69, a third made of two parts, and one MultiLineString. */
const INDEX = buildStreetIndex([
	{ name: 'Rue Pellart', geometry: { type: 'LineString', coordinates: [[3.18, 50.69], [3.19, 50.69]] } },
	{ name: 'Avenue de Verdun', geometry: { type: 'LineString', coordinates: [[3.195, 50.685], [3.205, 50.685]] } },
	{ name: 'Avenue de Verdun', geometry: { type: 'LineString', coordinates: [[3.205, 50.685], [3.205, 50.68]] } },
	{
		name: "Rue de l'Épeule",
		geometry: {
			type: 'MultiLineString',
			coordinates: [
				[[3.16, 50.688], [3.17, 50.688]],
				[[3.18, 50.688], [3.19, 50.688]]
			]
		}
	}
]);

describe('streetKey', () => {
	it.each([
		['RUE PELLART', 'rue pellart'],
		['Rue Pellart', 'rue pellart'],
		['r. pellart', 'rue pellart'],
		['av. de Verdun', 'avenue de verdun'],
		['Av de Verdun', 'avenue de verdun'],
		['Avenue  de   Verdun', 'avenue de verdun'],
		['Bd de Mulhouse', 'boulevard de mulhouse'],
		['bvd du Général Leclerc', 'boulevard du general leclerc'],
		['Pl. de la Liberté', 'place de la liberte'],
		['Ste Élisabeth', 'sainte elisabeth'],
		["Rue de l'Épeule", 'rue de l epeule'],
		['rue de l’Epeule', 'rue de l epeule'],
		['Avenue Jean-Baptiste Lebas', 'avenue jean baptiste lebas'],
		['Imp. Orange', 'impasse orange']
	])('« %s » → « %s »', (text, key) => {
		expect(streetKey(text)).toBe(key);
	});

	it('reads « GRD PLACE » (in the 2023 file) as the Grand Place', () => {
		expect(streetKey('GRD PLACE')).toBe(streetKey('Grand Place'));
	});
});

describe('streetOfAddress', () => {
	it.each([
		['9 RUE PELLART', 'RUE PELLART'],
		['9 à 11 rue Pellart', 'rue Pellart'],
		['9 a 11 rue Pellart', 'rue Pellart'],
		['12-14 rue de Lille', 'rue de Lille'],
		['12 et 14 rue de Lille', 'rue de Lille'],
		['71 bis avenue de Verdun', 'avenue de Verdun'],
		['71 TER Avenue de Verdun', 'Avenue de Verdun'],
		['3b rue des Arts', 'rue des Arts'],
		['71 Avenue de Verdun', 'Avenue de Verdun'],
		['1 allée des Tilleuls', 'allée des Tilleuls'],
		['173 rue de l’Epeule, 2e étage', 'rue de l’Epeule'],
		['Rue de Babylone', 'Rue de Babylone'],
		['Roubaix Eurotéléport', 'Roubaix Eurotéléport']
	])('« %s » → « %s »', (address, street) => {
		expect(streetOfAddress(address)).toBe(street);
	});
});

describe('buildStreetIndex', () => {
	it('groups segments by normalised name', () => {
		expect([...INDEX.lines.keys()]).toEqual(['rue pellart', 'avenue de verdun', 'rue de l epeule']);
		expect(INDEX.lines.get('avenue de verdun')).toHaveLength(2);
	});
});

describe('distanceToStreet', () => {
	it.each([
		['9 RUE PELLART', 3.185, 50.694, 4],
		['9 à 11 rue Pellart', 3.185, 50.695, 5],
		['r. Pellart', 3.185, 50.6855, 4.5],
		['71 av. de Verdun', 3.2, 50.686, 1],
		// nearest part of the street: the north–south segment, 0.001° of longitude east at 50.682° ≈ 70.5 m
		['71 Avenue de Verdun', 3.206, 50.682, 0.634],
		["173 rue de l'Epeule", 3.185, 50.687, 1],
		['173 rue de l’Épeule', 3.165, 50.689, 1]
	])('« %s » from (%d, %d) is about %d milli-degrees of latitude away', (address, lon, lat, milliDegrees) => {
		const metres = distanceToStreet(INDEX, address, lon, lat);
		expect(metres).not.toBeNull();
		expect(Math.abs(metres! - milliDegrees * METRES_PER_MILLI_DEGREE)).toBeLessThan(1);
	});

	it('is (nearly) 0 on the street: the segment is a great-circle arc, a centimetre off the parallel', () => {
		expect(distanceToStreet(INDEX, '9 rue Pellart', 3.185, 50.69)).toBeLessThan(0.05);
	});

	it('is null for a street the index does not know', () => {
		expect(distanceToStreet(INDEX, '35 Av. Charles Fourier', 3.184, 50.672)).toBeNull();
		expect(distanceToStreet(INDEX, 'Roubaix Eurotéléport', 3.18, 50.69)).toBeNull();
	});
});
