import distance from '@turf/distance';

/**
 * Walking time estimated without a routing engine: the app has no street graph, and a worker only
 * needs to tell « à deux pas » from « prenez le bus ». The UI must say how the figure was made.
 */

/** Streets are not straight lines: 1.3 is the usual ratio of network to straight-line distance in a dense town. */
export const WALK_DETOUR_FACTOR = 1.3;
/** A calm pace, closer to an older resident's or a parent's with a pushchair than to a commuter's 5 km/h. */
export const WALK_SPEED_KMH = 4.5;
export const WALK_METHOD_LABEL = "distance à vol d'oiseau × 1,3, à 4,5 km/h";

const METRES_PER_MINUTE = (WALK_SPEED_KMH * 1000) / 60;
/** Floating-point noise must not turn an exact 17 min into 18. */
const ROUNDING_SLACK = 1e-9;

export interface LonLat {
	lon: number;
	lat: number;
}

/** Whole minutes, rounded up: announcing 8 min for a 7.2 min walk is a promise the resident can keep. */
export function walkingMinutes(from: LonLat, to: LonLat): number {
	const metres = distance([from.lon, from.lat], [to.lon, to.lat], { units: 'meters' });
	return Math.max(0, Math.ceil((metres * WALK_DETOUR_FACTOR) / METRES_PER_MINUTE - ROUNDING_SLACK));
}
