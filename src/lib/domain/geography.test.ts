import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { areasContaining, computeBbox, isIrisInQpv, mergePolygons, type AreaKind, type AreaShape } from './geography';

const ring = (x0: number, y0: number, x1: number, y1: number): Position[] => [
	[x0, y0],
	[x1, y0],
	[x1, y1],
	[x0, y1],
	[x0, y0]
];

const square = (x0: number, y0: number, x1: number, y1: number): Polygon => ({ type: 'Polygon', coordinates: [ring(x0, y0, x1, y1)] });

const A = square(0, 0, 2, 2);
const B = square(1, 1, 3, 3);
const TWO_ISLANDS: MultiPolygon = { type: 'MultiPolygon', coordinates: [[ring(10, 10, 11, 11)], [ring(12, 12, 13, 13)]] };
/** A 4 × 4 square with a 2 × 2 hole in its middle. */
const DONUT: Polygon = { type: 'Polygon', coordinates: [ring(20, 20, 24, 24), ring(21, 21, 23, 23)] };

const shape = (code: string, geometry: Polygon | MultiPolygon, kind: AreaKind = 'iris'): AreaShape => ({
	code,
	kind,
	geometry,
	bbox: computeBbox(geometry)
});

const SHAPES = [shape('A', A), shape('B', B), shape('ISLANDS', TWO_ISLANDS, 'grand_quartier'), shape('DONUT', DONUT, 'qpv')];
const codesAt = (shapes: readonly AreaShape[], lon: number, lat: number) => areasContaining(shapes, lon, lat).map((s) => s.code);

describe('computeBbox', () => {
	it.each([
		['a square', A, [0, 0, 2, 2]],
		['a multipolygon', TWO_ISLANDS, [10, 10, 13, 13]],
		['a polygon with a hole', DONUT, [20, 20, 24, 24]],
		[
			'an irregular polygon',
			{ type: 'Polygon', coordinates: [[[3.1, 50.7], [3.2, 50.65], [3.25, 50.72], [3.1, 50.7]]] } as Polygon,
			[3.1, 50.65, 3.25, 50.72]
		]
	])('%s', (_label, geometry, bbox) => {
		expect(computeBbox(geometry)).toEqual(bbox);
	});
});

describe('areasContaining on hand-made squares', () => {
	it.each([
		[0.5, 0.5, ['A']],
		[1.5, 1.5, ['A', 'B']],
		[2.5, 2.5, ['B']],
		[3.5, 0.5, []],
		[10.5, 10.5, ['ISLANDS']],
		[12.5, 12.5, ['ISLANDS']],
		// inside the multipolygon's bbox, between its two parts
		[11.5, 11.5, []],
		[20.5, 20.5, ['DONUT']],
		// in the hole
		[22, 22, []]
	])('(%d, %d) → %j', (lon, lat, codes) => {
		expect(codesAt(SHAPES, lon, lat)).toEqual(codes);
	});

	it('returns the shapes themselves, kind included', () => {
		expect(areasContaining(SHAPES, 20.5, 23.5)).toEqual([SHAPES[3]]);
	});
});

describe('mergePolygons', () => {
	it('puts polygons and multipolygons into one multipolygon, part by part', () => {
		const merged = mergePolygons([A, TWO_ISLANDS, DONUT]);
		expect(merged.type).toBe('MultiPolygon');
		expect(merged.coordinates).toEqual([A.coordinates, TWO_ISLANDS.coordinates[0], TWO_ISLANDS.coordinates[1], DONUT.coordinates]);
		expect(computeBbox(merged)).toEqual([0, 0, 24, 24]);
	});

	it('the merged shape contains what its parts contain, and keeps holes', () => {
		const merged = [shape('M', mergePolygons([A, TWO_ISLANDS, DONUT]))];
		expect(codesAt(merged, 1, 1)).toEqual(['M']);
		expect(codesAt(merged, 12.5, 12.5)).toEqual(['M']);
		expect(codesAt(merged, 5, 5)).toEqual([]);
		expect(codesAt(merged, 22, 22)).toEqual([]);
	});

	it('of nothing is an empty multipolygon', () => {
		expect(mergePolygons([])).toEqual({ type: 'MultiPolygon', coordinates: [] });
	});
});

describe('isIrisInQpv', () => {
	it.each([
		[null, false],
		[0, false],
		[0.415, false],
		[0.5, false],
		[0.501, true],
		[0.833, true],
		[1, true]
	])('share %j → %j', (share, expected) => {
		expect(isIrisInQpv(share)).toBe(expected);
	});
});

describe('the real Roubaix IRIS and QPV', () => {
	const seed = (file: string) =>
		JSON.parse(readFileSync(join(process.cwd(), 'db/seed', file), 'utf8')) as FeatureCollection<Polygon | MultiPolygon, Record<string, any>>;
	const irisFile = seed('roubaix_iris.geojson');
	const iris = irisFile.features.map((f) => shape(f.properties.code_iris, f.geometry));
	const qpv = seed('roubaix_qpv_2024_decoupe_roubaix.geojson').features.map((f) => shape(f.properties.code_qp, f.geometry, 'qpv'));

	it('has 38 IRIS, 30 of them more than half in a QPV', () => {
		expect(iris).toHaveLength(38);
		expect(irisFile.features.filter((f) => isIrisInQpv(Number(f.properties.part_surface_en_qpv_2024)))).toHaveLength(30);
	});

	it.each([
		['PARKOUR 59, rue de Babylone', 3.192008, 50.690383, '595121003', ['QN05980M']],
		["Centre social ECHO, rue d'Oran", 3.18822, 50.70221, '595120301', ['QN05980M']],
		['Emmaüs Connect, avenue de Verdun', 3.2017688751, 50.6841278076, '595121102', ['QN05980M']],
		['AD3S, avenue Linné', 3.1863888487, 50.6753591201, '595121301', ['QN05981M']],
		['Ateliers numériques Humanis, bd du Général Leclerc', 3.175862, 50.688409, '595120601', []],
		['Finances publiques, av. Charles Fourier', 3.184404, 50.672412, '595120703', []]
	])('%s is in IRIS %s and QPV %j', (_label, lon, lat, irisCode, qpvCodes) => {
		expect(codesAt(iris, lon, lat)).toEqual([irisCode]);
		expect(codesAt(qpv, lon, lat)).toEqual(qpvCodes);
	});

	it('a point in Lille is in no IRIS of Roubaix', () => {
		expect(codesAt(iris, 3.0573, 50.6292)).toEqual([]);
	});
});
