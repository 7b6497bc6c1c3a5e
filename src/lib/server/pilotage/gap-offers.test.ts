import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import type { CoveragePlace } from '$lib/domain/coverage/indicators';
import { nearestOffersToZone, nearestPointOfZone } from './gap-offers';

// A square of about 700 m × 1,100 m in Roubaix.
const zone: Polygon = { type: 'Polygon', coordinates: [[[3.17, 50.69], [3.18, 50.69], [3.18, 50.7], [3.17, 50.7], [3.17, 50.69]]] };
const place = (id: number, lon: number, lat: number, level: 'reinforced' | 'learn', status = 'active'): CoveragePlace =>
	({ id, lon, lat, inCommune: true, iris: null, qpv: null, offers: [{ level, status, closedFrom: null, closedUntil: null }] }) as unknown as CoveragePlace;
const NOW = new Date('2026-03-02T10:00:00Z');

describe('the offers nearest to a gap', () => {
	it('ends the walk at the zone’s nearest edge, or where the place stands inside it', () => {
		expect(nearestPointOfZone(zone, 3.175, 50.695)).toEqual([3.175, 50.695]);
		const [lon, lat] = nearestPointOfZone(zone, 3.19, 50.695);
		expect(lon).toBeCloseTo(3.18, 6);
		expect(lat).toBeCloseTo(50.695, 4);
	});

	it('keeps the open offers of the level, nearest first, at most `count`', () => {
		const places = [
			place(1, 3.2, 50.695, 'reinforced'),
			place(2, 3.185, 50.695, 'reinforced'),
			place(3, 3.181, 50.695, 'learn'),
			place(4, 3.181, 50.695, 'reinforced', 'closed'),
			place(5, 3.175, 50.695, 'reinforced')
		];
		const near = nearestOffersToZone(places, zone, 'reinforced', NOW, 2);
		expect(near.map((n) => [n.place.id, n.minutes])).toEqual([
			[5, 0],
			[2, 7]
		]);
	});
});
