/**
 * The engine bench (npm run bench -- --engine sqlite|postgres|both [--national]): the same
 * measurements on each engine, each on a fresh bench database, first with the real data, then
 * (with --national) after importing 25,000 synthetic places (~62,000 offers) through the real
 * importer. Every step is bounded (a fixed number of requests, or seconds); a step that fails on
 * one engine is recorded with its error and the bench goes on, so a partial port still reports.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { timeFullRecompute } from '../../src/lib/domain/coverage/benchmark';
import { loadCatalogue } from '../../src/lib/server/catalogue';
import { migrate, openDatabase, type Engine } from '../../src/lib/server/db/connect';
import { importSchemaFile } from '../../src/lib/server/import/importer';
import { pilotageIndicators } from '../../src/lib/server/pilotage/data';
import { seedGeography } from '../../src/lib/server/seed/geography';
import { SEED_PLACES_FILE } from '../../src/lib/server/seed/index';
import { createBenchDatabase, dropBenchDatabase, type BenchDatabase } from './databases';
import { firstRenders, mapFirstLoadBytes, measureLatency, measureThroughput, stats, timedGet, type LatencyQuery, type ThroughputResult } from './http';
import { measureOrientation, orientationPath, RESIDENTS } from './orientation';
import { startServer, type Snapshot } from './server';
import { generateSynthetic, importFile, type GeneratedFile } from './synthetic';

/** The order of the national cartography: ~25,000 places. About ten places a street (see the generator). */
export const NATIONAL = { places: 25_000, streets: 2_500 };
export const ENGINE_TARGETS = {
	apiP95Ms: 50,
	nationalImportMs: 60_000,
	/** What the map's first load downloads at national size, on the wire (brotli). */
	mapFirstLoadBytes: 1_000_000,
	/** `/` for filters not yet rendered (no cached view nor page): the cost of a miss. */
	homeRenderMs: 100
};

/** Filter sets nobody asked for before in the run: each first request renders from scratch. */
const HOME_FIRST_RENDERS = ['/', '/?niveau=renforce', '/?gratuit=1', '/?besoin=admin&territoire=qpv', '/?quand=samedi', '/?q=centre', '/?page=2'];

const API_QUERIES: LatencyQuery[] = [
	{ name: 'sans filtre', path: '/api/v1/offers' },
	{ name: 'niveau renforcé', path: '/api/v1/offers?niveau=renforce' },
	{ name: 'admin + gratuit + QPV', path: '/api/v1/offers?besoin=admin&gratuit=1&territoire=qpv' },
	{ name: 'ouvert le samedi', path: '/api/v1/offers?quand=samedi' },
	{ name: 'recherche « centre »', path: '/api/v1/offers?q=centre' }
];
/** A fixed instant: « vérifié il y a moins de 6 mois » and the typical week never move between runs. */
const NOW = new Date('2026-11-28T09:00:00+01:00');

type Stats = ReturnType<typeof stats>;
/** A figure, or why it could not be had. */
export type Measured<T> = { ok: true; value: T } | { ok: false; error: string };

export interface ImportFigures {
	/** What was timed, in words. */
	how: string;
	totalMs: number;
	beforeWriteMs: number | null;
	writeMs: number | null;
	qualityAndCommitMs: number | null;
}

export interface DatasetFigures {
	engine: Engine;
	dataset: string;
	synthetic: boolean;
	database: string;
	/** 1-minute load average before and after: other work on the machine skews the figures. */
	load: [number, number];
	places: number | null;
	offers: number | null;
	import: Measured<ImportFigures>;
	server: Measured<{ startMs: number; firstRequestMs: number; stopMs?: number; killed?: boolean }>;
	api: Measured<{ overall: Stats; perQuery: { name: string; path: string; n: number; p50: number; p95: number; capped: boolean }[] }>;
	ssr: Measured<ThroughputResult>;
	/** Each of HOME_FIRST_RENDERS once, just after the server started: median and worst. */
	homeFirstRender: Measured<{ median: number; max: number; n: number; cpuMs: number | null }>;
	mapFirstLoad: Measured<{ total: number; parts: { path: string; wireBytes: number; encoding: string | null }[] }>;
	orientationHttp: Measured<Stats>;
	pilotageHttpFirstMs: Measured<number>;
	catalogueMs: Measured<number>;
	orientationRanking: Measured<Stats>;
	pilotage: Measured<{ firstMs: number; recomputeMedianMs: number; whatIfMs: number; runs: number }>;
}

export interface EngineBenchOptions {
	engines: Engine[];
	/** Synthetic places after the real data (0: real data only). */
	syntheticPlaces: number;
	streets: number;
	requests: number;
	warmup: number;
	queryMaxMs: number;
	connections: number;
	durationS: number;
}

export interface EngineBenchContext {
	projectDir: string;
	workDir: string;
	snapshot: Snapshot;
	progress: (text: string) => void;
}

export interface EngineBenchResult {
	file: GeneratedFile | null;
	datasets: DatasetFigures[];
}

const failed = (error: string) => ({ ok: false as const, error });
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function runEngineBench(ctx: EngineBenchContext, options: EngineBenchOptions): Promise<EngineBenchResult> {
	let file: GeneratedFile | null = null;
	if (options.syntheticPlaces > 0) {
		ctx.progress(`Génération de ${options.syntheticPlaces} lieux synthétiques (${options.streets} voies)…`);
		file = await generateSynthetic(ctx.projectDir, join(ctx.workDir, `lieux-synthetiques-${options.syntheticPlaces}.csv`), options.syntheticPlaces, options.streets);
	}
	const datasets: DatasetFigures[] = [];
	for (const engine of options.engines) {
		const db = await createBenchDatabase(engine, ctx.workDir, 'banc');
		ctx.progress(`${engine} : base ${db.label}`);
		try {
			datasets.push(await measureDataset(ctx, options, db, 'Données réelles', false, () => seedRealData(db.target, join(ctx.projectDir, 'db', 'seed'))));
			if (file) {
				const synthetic = file;
				datasets.push(
					await measureDataset(ctx, options, db, `+ ${synthetic.places} lieux synthétiques`, true, async () => {
						ctx.progress(`${engine} : npx tsx scripts/import.ts (${synthetic.places} lieux)…`);
						const imp = await importFile(ctx.projectDir, synthetic.file, db.target, 15 * 60_000);
						return { how: `scripts/import.ts, ${synthetic.places} lieux`, ...imp };
					})
				);
			}
		} finally {
			await dropBenchDatabase(db);
		}
	}
	return { file, datasets };
}

/**
 * The server's first start (prepareDatabase), step by step so the importer's part is timed on
 * its own: migrations, geography, then the 39 real places through the function `npm run import`
 * calls. The server then finds the data there and only checks the migrations.
 */
async function seedRealData(target: string, seedDir: string): Promise<ImportFigures> {
	const { db } = openDatabase(target);
	try {
		let t = performance.now();
		await migrate(db);
		const migrateMs = performance.now() - t;
		t = performance.now();
		await seedGeography(db, seedDir);
		const geographyMs = performance.now() - t;
		t = performance.now();
		const report = await importSchemaFile(db, SEED_PLACES_FILE, readFileSync(join(seedDir, SEED_PLACES_FILE), 'utf8'));
		if (!report.ok) throw new Error(`données réelles refusées : ${report.error}`);
		const placesMs = performance.now() - t;
		return {
			how: `importSchemaFile, 39 lieux (avant : migrations ${Math.round(migrateMs)} ms, géographie ${Math.round(geographyMs)} ms)`,
			totalMs: placesMs,
			beforeWriteMs: null,
			writeMs: null,
			qualityAndCommitMs: null
		};
	} finally {
		await db.destroy();
	}
}

async function attempt<T>(ctx: EngineBenchContext, label: string, work: () => Promise<T>): Promise<Measured<T>> {
	try {
		return { ok: true, value: await work() };
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		ctx.progress(`${label} : ÉCHEC — ${message.split('\n')[0]}`);
		return { ok: false, error: message.slice(0, 2000) };
	}
}

async function measureDataset(
	ctx: EngineBenchContext,
	options: EngineBenchOptions,
	db: BenchDatabase,
	dataset: string,
	synthetic: boolean,
	load: () => Promise<ImportFigures>
): Promise<DatasetFigures> {
	const label = `${db.engine}, ${dataset}`;
	const loadBefore = loadavg()[0]!;
	const figures: DatasetFigures = {
		engine: db.engine,
		dataset,
		synthetic,
		database: db.label,
		load: [loadBefore, loadBefore],
		places: null,
		offers: null,
		import: await attempt(ctx, `${label}, import`, load),
		server: failed('pas mesuré'),
		api: failed('pas mesuré'),
		ssr: failed('pas mesuré'),
		homeFirstRender: failed('pas mesuré'),
		mapFirstLoad: failed('pas mesuré'),
		orientationHttp: failed('pas mesuré'),
		pilotageHttpFirstMs: failed('pas mesuré'),
		catalogueMs: failed('pas mesuré'),
		orientationRanking: failed('pas mesuré'),
		pilotage: failed('pas mesuré')
	};
	// A failed import leaves the base as it was: measuring it under this data set's name would mislead.
	if (synthetic && !figures.import.ok) {
		for (const key of ['server', 'api', 'ssr', 'homeFirstRender', 'mapFirstLoad', 'orientationHttp', 'pilotageHttpFirstMs', 'catalogueMs', 'orientationRanking', 'pilotage'] as const) {
			figures[key] = failed('import échoué : rien à mesurer');
		}
		return figures;
	}
	await measureServed(ctx, options, db, label, figures);

	// In-process, server stopped: what every instance does after a change (read the whole
	// directory), then the two pure computations on what was read.
	figures.catalogueMs = await attempt(ctx, `${label}, catalogue`, async () => {
		const connection = openDatabase(db.target);
		try {
			const t = performance.now();
			const catalogue = await loadCatalogue(connection);
			figures.places = catalogue.places.length;
			return performance.now() - t;
		} finally {
			await connection.db.destroy();
		}
	});
	const iterations = synthetic ? Math.max(20, Math.round(options.requests / 4)) : options.requests;
	ctx.progress(`${label} : orientation en mémoire (${iterations} × ${RESIDENTS.length} habitants)…`);
	figures.orientationRanking = await attempt(ctx, `${label}, orientation`, async () => (await measureOrientation(db.target, iterations)).overall);
	const runs = synthetic ? 2 : 5;
	ctx.progress(`${label} : pilotage, recalcul complet (${runs} fois)…`);
	figures.pilotage = await attempt(ctx, `${label}, pilotage`, async () => {
		const connection = openDatabase(db.target);
		try {
			const { input } = await pilotageIndicators(connection, NOW);
			// A copy of the geography object misses the sampling cache: the first call is truly cold.
			const timing = timeFullRecompute({ geography: { ...input.geography }, places: input.places }, NOW, runs);
			return { firstMs: timing.firstMs, recomputeMedianMs: median(timing.recomputeMs), whatIfMs: timing.whatIfMs, runs };
		} finally {
			await connection.db.destroy();
		}
	});
	figures.load[1] = loadavg()[0]!;
	return figures;
}

/** Through the built app (`node build`) on this database: the API, `/`, /orienter, /pilotage. */
async function measureServed(ctx: EngineBenchContext, options: EngineBenchOptions, db: BenchDatabase, label: string, figures: DatasetFigures) {
	ctx.progress(`${label} : démarrage du serveur…`);
	const started = await attempt(ctx, `${label}, serveur`, () =>
		startServer({ snapshot: ctx.snapshot, projectDir: ctx.projectDir, database: db.target, timeoutMs: 180_000 })
	);
	if (!started.ok) {
		figures.server = started;
		return;
	}
	const server = started.value;
	figures.server = { ok: true as const, value: { startMs: server.startMs, firstRequestMs: server.firstRequestMs } };
	try {
		const bounds = { requests: options.requests, warmup: options.warmup, maxMs: options.queryMaxMs };
		// First, while nothing is cached but the catalogue (built by the server's first request).
		figures.homeFirstRender = await attempt(ctx, `${label}, 1er rendu de /`, async () => {
			const { renders, cpuMsPerRender } = await firstRenders(server.origin, HOME_FIRST_RENDERS, server.pid);
			const times = renders.map((r) => r.ms).sort((a, b) => a - b);
			return { median: times[Math.floor(times.length / 2)]!, max: times[times.length - 1]!, n: times.length, cpuMs: cpuMsPerRender };
		});
		figures.mapFirstLoad = await attempt(ctx, `${label}, données de la carte`, () => mapFirstLoadBytes(server.origin));
		figures.api = await attempt(ctx, `${label}, API`, async () => {
			const first = await timedGet(`${server.origin}/api/v1/offers?limit=1`);
			figures.offers = (JSON.parse(first.body.toString('utf8')) as { total: number }).total;
			const perQuery = [];
			for (const query of API_QUERIES) {
				ctx.progress(`${label} : ${query.path}…`);
				perQuery.push(await measureLatency(server.origin, query, bounds));
			}
			return {
				overall: stats(perQuery.flatMap((q) => q.samples)),
				perQuery: perQuery.map(({ name, path, n, p50, p95, capped }) => ({ name, path, n, p50, p95, capped }))
			};
		});
		ctx.progress(`${label} : autocannon sur / (${options.connections} connexions, ${options.durationS} s)…`);
		figures.ssr = await attempt(ctx, `${label}, SSR`, () => measureThroughput(server.origin, '/', { ...options, pid: server.pid }));
		const perResident = Math.max(10, Math.round(options.requests / 4));
		ctx.progress(`${label} : /orienter, étape 5 (${perResident} × ${RESIDENTS.length} habitants)…`);
		figures.orientationHttp = await attempt(ctx, `${label}, /orienter`, async () => {
			const samples: number[] = [];
			for (const { name, query } of RESIDENTS) {
				const r = await measureLatency(server.origin, { name, path: orientationPath(query) }, { requests: perResident, warmup: 3, maxMs: options.queryMaxMs });
				samples.push(...r.samples);
			}
			return stats(samples);
		});
		figures.pilotageHttpFirstMs = await attempt(ctx, `${label}, /pilotage`, async () => {
			const r = await timedGet(`${server.origin}/pilotage`, 120_000);
			if (r.status !== 200) throw new Error(`/pilotage : HTTP ${r.status}`);
			return r.ms;
		});
	} finally {
		const stopped = await server.stop();
		figures.server = { ok: true, value: { ...figures.server.value, stopMs: stopped.ms, killed: stopped.killed } };
	}
	const log = server.log();
	if (/Error\b/.test(log)) ctx.progress(`${label} : le serveur a écrit des erreurs :\n${log.slice(-1500)}`);
}
