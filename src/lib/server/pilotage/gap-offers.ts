import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import nearestPointOnLine from '@turf/nearest-point-on-line';
import { lineString, point } from '@turf/helpers';
import type { MultiPolygon, Polygon } from 'geojson';
import { isTemporarilyClosedAt, type CoveragePlace } from '$lib/domain/coverage/indicators';
import type { Level } from '$lib/domain/levels';
import { walkingMinutes } from '$lib/domain/orientation/walking';

/**
 * A gap seen from the zone: the offers of the missing level nearest to it, with the walking time
 * from each to the zone's nearest edge (the same model as the coverage figures: straight line ×
 * 1.3 at 4.5 km/h). Zero minutes when the place stands inside the zone.
 */

export interface NearOffer<P> {
	place: P;
	minutes: number;
	/** The nearest point of the zone, where the walk ends. */
	to: [number, number];
}

function rings(geometry: Polygon | MultiPolygon): [number, number][][] {
	const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
	return polygons.flatMap((polygon) => polygon.map((ring) => ring.map(([lon, lat]) => [lon!, lat!] as [number, number])));
}

export function nearestPointOfZone(geometry: Polygon | MultiPolygon, lon: number, lat: number): [number, number] {
	if (booleanPointInPolygon([lon, lat], geometry)) return [lon, lat];
	let best: [number, number] = [lon, lat];
	let bestDistance = Infinity;
	for (const ring of rings(geometry)) {
		const nearest = nearestPointOnLine(lineString(ring), point([lon, lat]));
		const d = nearest.properties.dist ?? Infinity;
		if (d < bestDistance) {
			bestDistance = d;
			best = nearest.geometry.coordinates as [number, number];
		}
	}
	return best;
}

export function nearestOffersToZone<P extends CoveragePlace>(places: readonly P[], geometry: Polygon | MultiPolygon, level: Level, now: Date, count = 5): NearOffer<P>[] {
	const found: NearOffer<P>[] = [];
	for (const place of places) {
		if (!Number.isFinite(place.lon) || !Number.isFinite(place.lat)) continue;
		if (!place.offers.some((o) => o.level === level && o.status !== 'closed' && !isTemporarilyClosedAt(o, now))) continue;
		const to = nearestPointOfZone(geometry, place.lon, place.lat);
		const inside = to[0] === place.lon && to[1] === place.lat;
		found.push({ place, to, minutes: inside ? 0 : walkingMinutes({ lon: place.lon, lat: place.lat }, { lon: to[0], lat: to[1] }) });
	}
	return found.sort((a, b) => a.minutes - b.minutes || a.place.id - b.place.id).slice(0, count);
}
