import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { computeIndicators, type CoverageGeography, type IndicatorsInput, type IndicatorsResult } from '$lib/domain/coverage/indicators';
import { rankGaps, type GapReport } from '$lib/domain/coverage/gaps';
import type { Level } from '$lib/domain/levels';
import { loadCatalogue } from '../catalogue';
import { database } from '../db';
import type { Connection } from '../db/connect';
import * as areas from '../db/queries/areas';
import { areasGeoJson } from '../db/queries/areas';
import * as orientations from '../db/queries/orientations';
import { distanceLayer, type DistanceLayer } from './distance';

interface Cached {
	key: string;
	input: IndicatorsInput;
	result: IndicatorsResult;
	gaps: GapReport;
}

let geography: { file: string; value: CoverageGeography } | null = null;
let cached: Cached | null = null;

/** The areas never change at run time: read once per database file. */
async function coverageGeography(connection: Connection): Promise<CoverageGeography> {
	if (geography?.file === connection.name) return geography.value;
	const rows = await areas.withIndicators(connection.db);
	const commune = rows.find((r) => r.kind === 'commune')!;
	const value: CoverageGeography = {
		commune: { code: commune.code, name: commune.name },
		iris: rows
			.filter((r) => r.kind === 'iris')
			.map((r) => ({
				code: r.code,
				name: r.name,
				grandQuartierCode: r.parentCode ?? '',
				geometry: r.geometry,
				qpvShare: r.qpvShare,
				fragilityIndex: r.indicators.ifn_score_global_ref_region ?? null,
				povertyRatePct: r.indicators.filosofi2021_taux_pauvrete_pct ?? null,
				cafPersons: r.indicators.caf2021_personnes_couvertes ?? null
			})),
		qpv: rows.filter((r) => r.kind === 'qpv').map((r) => ({ code: r.code, name: r.name, geometry: r.geometry })),
		grandQuartiers: rows.filter((r) => r.kind === 'grand_quartier').map((r) => ({ code: r.code, name: r.name }))
	};
	geography = { file: connection.name, value };
	return value;
}

/**
 * Every planner's figure, recomputed when the directory changes (same key as the catalogue) and
 * at most once a day otherwise, since "verified within 6 months" and closures move with the date.
 */
export async function pilotageIndicators(connection: Connection = database(), now = new Date()): Promise<Cached> {
	const catalogue = await loadCatalogue(connection);
	const key = `${catalogue.key}:${now.toISOString().slice(0, 10)}`;
	if (cached?.key === key) return cached;
	const input: IndicatorsInput = { geography: await coverageGeography(connection), places: catalogue.places };
	const result = computeIndicators(input, now);
	cached = { key, input, result, gaps: rankGaps(result) };
	return cached;
}

/** Orientations that found fewer than three places within 15 minutes, per IRIS of departure. */
export async function unmetDemand(connection: Connection = database()) {
	return orientations.demandByIris(connection.db);
}

const distances = new Map<string, DistanceLayer>();

/** Minutes from every grid point to the nearest offer of `level`, with the indicators' cache key. */
export async function pilotageDistance(level: Level, connection: Connection = database(), now = new Date()): Promise<DistanceLayer> {
	const { key, input } = await pilotageIndicators(connection, now);
	const cacheKey = `${key}:${level}`;
	let layer = distances.get(cacheKey);
	if (!layer) {
		// Keep only the current generation: the figures of a changed directory are never read again.
		for (const old of distances.keys()) if (!old.startsWith(`${key}:`)) distances.delete(old);
		layer = distanceLayer(input, level, now);
		distances.set(cacheKey, layer);
	}
	return layer;
}

let areaShapesCache: { file: string; value: FeatureCollection } | null = null;

/** Every stored polygon (commune, QPV, grands quartiers, IRIS), for the SVG maps and the GeoJSON export. */
export async function pilotageAreas(connection: Connection = database()): Promise<FeatureCollection> {
	if (areaShapesCache?.file !== connection.name) {
		areaShapesCache = { file: connection.name, value: await areasGeoJson(connection.db, ['commune', 'grand_quartier', 'iris', 'qpv']) };
	}
	return areaShapesCache.value;
}
