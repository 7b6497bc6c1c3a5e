import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { computeBbox } from '../geography';
import { LEVELS } from '../levels';
import { computeIndicators, type CoverageOffer, type CoveragePlace, type IndicatorsInput, type IndicatorsOptions } from './indicators';
import { rankGaps } from './gaps';
import { compareIndicators, withHypotheticalOffer, type HypotheticalOffer } from './what-if';

/**
 * For the benchmark script (benchmarks are scripts, not tests): synthetic offers over the real
 * geography and a timer around the full recompute. Targets from the issue: ≤ 200 ms on the real
 * data, ≤ 2 s at 10,000 offers.
 */

const SYNTHETIC_HOURS = [
	'Mo-Fr 09:00-12:00,14:00-17:00',
	'Tu,Th 14:00-18:30',
	'Sa 09:00-12:00',
	'Mo-Sa 10:00-19:00',
	'We 14:00-17:00; Sa 10:00-12:00',
	null
];

/** Deterministic PRNG (mulberry32), as in scripts/generate-synthetic.ts. */
function mulberry32(seed: number): () => number {
	let a = seed;
	return () => {
		a |= 0;
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/**
 * `input` with `offerCount` more offers on synthetic places scattered over the IRIS' bounding box
 * (1 to 4 offers a place, every level, a few hours patterns), each placed in its IRIS and QPV by
 * point-in-polygon like real places, so both the counts and the walking part scale.
 * Same arguments, same output.
 */
export function withSyntheticOffers(input: IndicatorsInput, offerCount: number, seed = 20240601): IndicatorsInput {
	const random = mulberry32(seed);
	const boxes = input.geography.iris.map((iris) => computeBbox(iris.geometry));
	const [x0, y0, x1, y1] = [
		Math.min(...boxes.map((b) => b[0])),
		Math.min(...boxes.map((b) => b[1])),
		Math.max(...boxes.map((b) => b[2])),
		Math.max(...boxes.map((b) => b[3]))
	];
	const qpvBoxes = input.geography.qpv.map((qpv) => computeBbox(qpv.geometry));
	const inBox = ([bx0, by0, bx1, by1]: [number, number, number, number], lon: number, lat: number) => lon >= bx0 && lon <= bx1 && lat >= by0 && lat <= by1;
	const places: CoveragePlace[] = [];
	let made = 0;
	let id = 1_000_000;
	while (made < offerCount) {
		const placeId = id++;
		const n = Math.min(offerCount - made, 1 + Math.floor(random() * 4));
		const offers: CoverageOffer[] = Array.from({ length: n }, () => ({
			id: id++,
			level: random() < 0.1 ? null : LEVELS[Math.floor(random() * LEVELS.length)]!,
			themes: ['admin'],
			tags: [],
			specificSupport: [],
			fees: [],
			languages: ['fr'],
			hours: SYNTHETIC_HOURS[Math.floor(random() * SYNTHETIC_HOURS.length)]!,
			remote: false,
			status: 'active',
			closedFrom: null,
			closedUntil: null,
			verifiedAt: null
		}));
		const lon = x0 + random() * (x1 - x0);
		const lat = y0 + random() * (y1 - y0);
		const iris = input.geography.iris.find((area, i) => inBox(boxes[i]!, lon, lat) && booleanPointInPolygon([lon, lat], area.geometry));
		const qpv = input.geography.qpv.find((area, q) => inBox(qpvBoxes[q]!, lon, lat) && booleanPointInPolygon([lon, lat], area.geometry));
		places.push({
			id: placeId,
			lon,
			lat,
			inCommune: iris !== undefined,
			iris: iris ? { code: iris.code } : null,
			qpv: qpv ? { code: qpv.code } : null,
			offers
		});
		made += n;
	}
	return { geography: input.geography, places: [...input.places, ...places] };
}

export interface RecomputeTiming {
	offers: number;
	samplePoints: number;
	/** First call: samples the geography too (cached afterwards). */
	firstMs: number;
	/** Further full recomputes (indicators + gaps), the what-if's cost. */
	recomputeMs: number[];
	/** One what-if: indicators before and after, comparison and both gap lists. */
	whatIfMs: number;
}

/** Times the full recompute `runs` times after a first (cold) call. */
export function timeFullRecompute(
	input: IndicatorsInput,
	now: Date,
	runs = 5,
	options: IndicatorsOptions = {},
	hypothetical?: HypotheticalOffer
): RecomputeTiming {
	const clock = () => performance.now();
	let t = clock();
	const first = computeIndicators(input, now, options);
	rankGaps(first);
	const firstMs = clock() - t;
	const recomputeMs: number[] = [];
	for (let i = 0; i < runs; i++) {
		t = clock();
		rankGaps(computeIndicators(input, now, options));
		recomputeMs.push(clock() - t);
	}
	const iris = input.geography.iris[0];
	const [x0, y0, x1, y1] = iris ? computeBbox(iris.geometry) : [0, 0, 0, 0];
	const offer = hypothetical ?? { level: 'reinforced' as const, lon: (x0 + x1) / 2, lat: (y0 + y1) / 2, hours: 'Sa 09:00-12:00' };
	t = clock();
	const before = computeIndicators(input, now, options);
	const after = computeIndicators(withHypotheticalOffer(input, offer), now, options);
	compareIndicators(before, after);
	rankGaps(before);
	rankGaps(after);
	const whatIfMs = clock() - t;
	return {
		offers: input.places.reduce((sum, place) => sum + place.offers.length, 0),
		samplePoints: first.samplePoints,
		firstMs,
		recomputeMs,
		whatIfMs
	};
}
