import { describe, expect, it } from 'vitest';
import { WALK_DETOUR_FACTOR, WALK_METHOD_LABEL, WALK_SPEED_KMH, walkingMinutes } from './walking';

/** @turf/distance's Earth radius: one degree of latitude is this many metres along a meridian. */
const METRES_PER_DEGREE = (6_371_008.8 * Math.PI) / 180;
const ORIGIN = { lon: 3.18, lat: 50.69 };
const north = (metres: number) => ({ lon: ORIGIN.lon, lat: ORIGIN.lat + metres / METRES_PER_DEGREE });

describe('walkingMinutes', () => {
	it('walks at 75 m a minute on a path 1.3 times the straight line', () => {
		expect(WALK_DETOUR_FACTOR).toBe(1.3);
		expect(WALK_SPEED_KMH).toBe(4.5);
		expect(WALK_METHOD_LABEL).toBe("distance à vol d'oiseau × 1,3, à 4,5 km/h");
	});

	it.each([
		// metres → 1.3 × metres / 75, rounded up
		{ metres: 0, minutes: 0 },
		{ metres: 10, minutes: 1 }, // 0.17 min
		{ metres: 111.195, minutes: 2 }, // 0.001° of latitude: 1.93 min
		{ metres: 444.78, minutes: 8 }, // 7.71 min
		{ metres: 1000, minutes: 18 }, // 17.33 min
		{ metres: 750 / 1.3, minutes: 10 }, // exactly 10 min: not rounded up to 11
		{ metres: 2000, minutes: 35 } // 34.67 min
	])('$metres m north → $minutes min', ({ metres, minutes }) => {
		expect(walkingMinutes(ORIGIN, north(metres))).toBe(minutes);
	});

	it('is symmetric', () => {
		const far = north(1000);
		expect(walkingMinutes(far, ORIGIN)).toBe(walkingMinutes(ORIGIN, far));
	});

	it('shrinks longitude degrees with latitude', () => {
		// 0.01° of longitude at 50.69° N: 1,111.95 m × cos 50.69° = 704.4 m → 12.2 min.
		expect(walkingMinutes(ORIGIN, { lon: 3.19, lat: 50.69 })).toBe(13);
		// The same 0.01° along the meridian is 1,111.95 m → 19.3 min.
		expect(walkingMinutes(ORIGIN, { lon: 3.18, lat: 50.7 })).toBe(20);
	});
});
