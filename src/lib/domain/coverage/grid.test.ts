import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import centroid from '@turf/centroid';
import distance from '@turf/distance';
import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { localProjection, pointOnSurface, sampleGrid, samplePoints } from './grid';
import { at, rectangle } from './test-city.fixtures';

const metres = (a: [number, number], b: [number, number]) => distance(a, b, { units: 'meters' });

describe('samplePoints', () => {
	it('puts one point at the centre of each cell: 100 points at 100 m in a 1 km square', () => {
		const points = samplePoints(rectangle(0, 0, 1000, 1000), 100);
		expect(points).toHaveLength(100);
		// The first point is the centre of the south-west cell, (50 m, 50 m) from the corner.
		expect(metres(points[0]!, at(50, 50))).toBeLessThan(0.01);
		// Neighbours are 100 m apart on the ground (equirectangular at the square's latitude).
		expect(metres(points[0]!, points[1]!)).toBeCloseTo(100, 0);
		expect(metres(points[0]!, points[10]!)).toBeCloseTo(100, 0);
	});

	it('gives 16 points at 250 m: 125, 375, 625 and 875 m on each axis', () => {
		const points = samplePoints(rectangle(0, 0, 1000, 1000), 250);
		expect(points).toHaveLength(16);
		const expected = [125, 375, 625, 875].flatMap((y) => [125, 375, 625, 875].map((x) => at(x, y)));
		points.forEach((point, i) => expect(metres(point, expected[i]!)).toBeLessThan(0.01));
	});

	it('clips to the polygon: a triangle keeps the cells whose centre is inside', () => {
		// Triangle (0,0) (1000,0) (0,900): a centre (x, y) is inside when x/1000 + y/900 < 1.
		// y = 125: x < 861 → 125, 375, 625; y = 375: x < 583 → 125, 375; y = 625: x < 306 → 125;
		// y = 875: x < 28 → none. 6 points, none closer than 1.4 % to the edge.
		const triangle: Polygon = { type: 'Polygon', coordinates: [[at(0, 0), at(1000, 0), at(0, 900), at(0, 0)]] };
		const points = samplePoints(triangle, 250);
		const expected = [at(125, 125), at(375, 125), at(625, 125), at(125, 375), at(375, 375), at(125, 625)];
		expect(points).toHaveLength(6);
		points.forEach((point, i) => expect(metres(point, expected[i]!)).toBeLessThan(0.01));
	});

	it('leaves holes empty and samples every part of a MultiPolygon', () => {
		const withHole: Polygon = {
			type: 'Polygon',
			coordinates: [rectangle(0, 0, 1000, 1000).coordinates[0]!, rectangle(250, 250, 750, 750).coordinates[0]!.slice().reverse()]
		};
		// The hole covers the 4 centre cells (375 and 625 on both axes).
		expect(samplePoints(withHole, 250)).toHaveLength(12);

		const twoSquares: MultiPolygon = {
			type: 'MultiPolygon',
			coordinates: [rectangle(0, 0, 500, 500).coordinates, rectangle(2000, 0, 2500, 500).coordinates]
		};
		// Each 500 m square holds 2 × 2 cells of 250 m; the empty land between them holds none.
		expect(samplePoints(twoSquares, 250)).toHaveLength(8);
	});

	it('shares one grid between neighbours when they share the origin', () => {
		const options = { origin: at(0, 0), referenceLatitude: (at(0, 0)[1] + at(0, 1000)[1]) / 2 };
		const whole = samplePoints(rectangle(0, 0, 1000, 1000), 100, options);
		const west = samplePoints(rectangle(0, 0, 500, 1000), 100, options);
		const east = samplePoints(rectangle(500, 0, 1000, 1000), 100, options);
		expect(west).toHaveLength(50);
		expect(east).toHaveLength(50);
		const key = ([lon, lat]: [number, number]) => `${lon.toFixed(9)} ${lat.toFixed(9)}`;
		expect(new Set([...west, ...east].map(key))).toEqual(new Set(whole.map(key)));
	});

	it('gives a tiny area one point: its centroid', () => {
		const tiny = rectangle(10, 10, 30, 30);
		const sample = sampleGrid(tiny, 100);
		expect(sample.fallback).toBe(true);
		expect(sample.points).toHaveLength(1);
		expect(metres(sample.points[0]!, at(20, 20))).toBeLessThan(0.01);
	});

	it('rejects a zero or negative spacing, and absurd grids', () => {
		expect(() => samplePoints(rectangle(0, 0, 100, 100), 0)).toThrow(RangeError);
		expect(() => samplePoints(rectangle(0, 0, 100, 100), -5)).toThrow(RangeError);
		expect(() => samplePoints(rectangle(0, 0, 1000, 1000), 1, { maxPoints: 1000 })).toThrow(RangeError);
	});
});

describe('pointOnSurface', () => {
	it('falls back from a centroid outside the area to a point inside it', () => {
		// A U open to the north: two 20 m wide arms and a 20 m base; its centroid (vertex mean) is
		// in the gap between the arms.
		const u: Polygon = {
			type: 'Polygon',
			coordinates: [[at(0, 0), at(100, 0), at(100, 100), at(80, 100), at(80, 20), at(20, 20), at(20, 100), at(0, 100), at(0, 0)]]
		};
		expect(booleanPointInPolygon(centroid(u).geometry.coordinates, u)).toBe(false);
		// The line y = 50 m crosses the U at x = 0, 20, 80 and 100 m: inside stretches 0–20 and
		// 80–100, equally wide; the first is kept, and its middle is (10 m, 50 m).
		const point = pointOnSurface(u);
		expect(booleanPointInPolygon(point, u)).toBe(true);
		expect(metres(point, at(10, 50))).toBeLessThan(0.01);
		const sample = sampleGrid(u, 500);
		expect(sample.fallback).toBe(true);
		expect(booleanPointInPolygon(sample.points[0]!, u)).toBe(true);
	});
});

describe('localProjection', () => {
	it('is true to scale at its latitude and round-trips', () => {
		const projection = localProjection([3.15, 50.69]);
		const [x, y] = projection.toMetres(3.16, 50.7);
		const back = projection.toLonLat(x, y);
		expect(back[0]).toBeCloseTo(3.16, 12);
		expect(back[1]).toBeCloseTo(50.7, 12);
		// 0.01° of latitude is 1,111.95 m on turf's sphere.
		expect(y).toBeCloseTo(1111.95, 1);
	});
});
