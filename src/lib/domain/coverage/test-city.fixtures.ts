import type { Polygon } from 'geojson';
import type { CoverageGeography, CoverageOffer, CoveragePlace, IrisInput } from './indicators';

/**
 * A 1 km × 1 km square town for hand-computed tests, built in metres and turned into lon/lat with
 * an equirectangular projection true to scale at the square's middle latitude (the grid's own).
 *
 *   y (m)
 *  1000 ┌─────────┬─────────┐   IRIS A = x 0–500 (west), IRIS B = x 500–1000 (east), both in
 *       │         │         │   grand quartier G1. QPV Q = x 0–750, y 0–750: ¾ of A (so A is
 *   750 ├─────────┼────┐    │   « en QPV »), ⅜ of B (B is « hors QPV »).
 *       │  Q ∩ A  │Q∩B │    │
 *       │         │    │    │   With a 250 m grid the sample points are at 125, 375, 625 and
 *     0 └─────────┴────┴────┘   875 m on each axis: 16 points, 8 per IRIS, 9 in Q (6 of A, 3 of B).
 *       0        500  750  1000 x (m)
 */

export const ORIGIN_LON = 3.15;
export const ORIGIN_LAT = 50.69;
/** @turf/distance's Earth radius. */
const METRES_PER_DEGREE_LAT = (6_371_008.8 * Math.PI) / 180;
const REFERENCE_LAT = ORIGIN_LAT + 500 / METRES_PER_DEGREE_LAT;
const METRES_PER_DEGREE_LON = METRES_PER_DEGREE_LAT * Math.cos((REFERENCE_LAT * Math.PI) / 180);

/** Town metres to [lon, lat]. */
export function at(x: number, y: number): [number, number] {
	return [ORIGIN_LON + x / METRES_PER_DEGREE_LON, ORIGIN_LAT + y / METRES_PER_DEGREE_LAT];
}

export function rectangle(x0: number, y0: number, x1: number, y1: number): Polygon {
	return { type: 'Polygon', coordinates: [[at(x0, y0), at(x1, y0), at(x1, y1), at(x0, y1), at(x0, y0)]] };
}

export const GRID_SPACING = 250;

export function irisA(fields: Partial<IrisInput> = {}): IrisInput {
	return {
		code: 'A',
		name: 'Ouest',
		grandQuartierCode: 'G1',
		geometry: rectangle(0, 0, 500, 1000),
		qpvShare: 0.75,
		fragilityIndex: 120,
		povertyRatePct: 50,
		cafPersons: 3000,
		...fields
	};
}

export function irisB(fields: Partial<IrisInput> = {}): IrisInput {
	return {
		code: 'B',
		name: 'Est',
		grandQuartierCode: 'G1',
		geometry: rectangle(500, 0, 1000, 1000),
		qpvShare: 0.375,
		fragilityIndex: 100,
		povertyRatePct: null,
		cafPersons: 1000,
		...fields
	};
}

export function town(a: Partial<IrisInput> = {}, b: Partial<IrisInput> = {}): CoverageGeography {
	return {
		commune: { code: 'T', name: 'Carréville' },
		iris: [irisA(a), irisB(b)],
		qpv: [{ code: 'Q', name: 'Quartier prioritaire', geometry: rectangle(0, 0, 750, 750) }],
		grandQuartiers: [{ code: 'G1', name: 'Ouest – Est' }]
	};
}

export function offer(id: number, fields: Partial<CoverageOffer> = {}): CoverageOffer {
	return {
		id,
		level: null,
		themes: [],
		tags: [],
		specificSupport: [],
		fees: [],
		languages: ['fr'],
		hours: null,
		remote: false,
		status: 'active',
		closedFrom: null,
		closedUntil: null,
		verifiedAt: null,
		...fields
	};
}

export function place(id: number, x: number, y: number, fields: Partial<CoveragePlace> & Pick<CoveragePlace, 'offers'>): CoveragePlace {
	const [lon, lat] = at(x, y);
	return { id, lon, lat, inCommune: true, iris: null, qpv: null, ...fields };
}

/** A Monday of a week without public holiday; 3 and 7 months before it are 2025-12-02 and 2025-08-01. */
export const NOW = new Date('2026-03-02T12:00:00Z');

/**
 * The town's directory:
 * - P1 at (125, 125) m, in A and Q: three « être accompagné » offers, one « à préciser », one
 *   « découvrir » temporarily closed (so no level-1 coverage at all), one « renforcé » closed;
 * - P2 at (499, 500) m, in A and Q: « apprendre », near the centre: every grid point is within
 *   531 m of it (the corners of the centre cells), under the 577 m of 10 minutes;
 * - P3 at (875, 875) m, in B: one « à préciser » offer whose closure starts next month (active now);
 * - P4 at (−350, 125) m, outside the town: « renforcé », in no area but covering A's west side.
 */
export function directory(): CoveragePlace[] {
	return [
		place(1, 125, 125, {
			iris: { code: 'A' },
			qpv: { code: 'Q' },
			offers: [
				offer(11, {
					level: 'support',
					themes: ['admin'],
					tags: ['health'],
					fees: ['Gratuit'],
					languages: ['fr', 'ar'],
					specificSupport: ['Surdité'],
					hours: 'Mo-Fr 09:00-12:00',
					verifiedAt: '2025-12-02'
				}),
				offer(12, { level: 'support', themes: ['admin'], fees: ['Payant'], hours: 'Sa 10:00-12:00; Tu 17:00-19:00', verifiedAt: '2025-08-01' }),
				offer(13, { level: null }),
				offer(14, { level: 'discover', status: 'temporarily_closed', hours: 'Mo-Su 08:00-20:00' }),
				offer(15, { level: 'reinforced', status: 'closed' }),
				offer(17, { level: 'support', hours: 'Mo 10:00-13:00' })
			]
		}),
		place(2, 499, 500, { iris: { code: 'A' }, qpv: { code: 'Q' }, offers: [offer(21, { level: 'learn', fees: ['Gratuit sous condition'] })] }),
		place(3, 875, 875, {
			iris: { code: 'B' },
			offers: [offer(31, { status: 'temporarily_closed', closedFrom: '2026-04-01', closedUntil: '2026-04-30' })]
		}),
		place(4, -350, 125, { inCommune: false, offers: [offer(41, { level: 'reinforced', hours: 'Mo-Fr 18:00-20:00' })] })
	];
}
