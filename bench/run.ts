/**
 * npm run bench [-- --build] [-- --places N] [-- --profile]
 * npm run bench -- --engine sqlite|postgres|both [--national]     (the engine bench, below)
 *
 * Measures, on the built app (build/), what a resident's phone and the server go through:
 *   1. JavaScript per page, gzip level 9: before the map is requested, and with the map.
 *   2. API latency p50/p95 (sequential requests) at the real data and at ~10,000 synthetic offers.
 *   3. Server-side rendering throughput of `/` (autocannon, 10 connections, 10 s) at both sizes.
 *   4. The synthetic data: generated (scripts/generate-synthetic.ts), then imported with the real
 *      importer (scripts/import.ts) into a temporary database, timed.
 * Nothing is enforced: the figures are printed beside their targets, and written to
 * reports/bench.json. Servers listen on 127.0.0.1 only; temporary files are removed at the end.
 *
 * Options:
 *   --build        run `npm run build` first (otherwise only when build/ is missing)
 *   --places N     synthetic places (default 4000, about 10,000 offers)
 *   --profile      at 10,000 offers, run each phase (API, GeoJSON, SSR) on its own server under
 *                  node --cpu-prof and print where the time goes (reports/profiles/); the
 *                  profiler slows the server a little, so compare figures without it
 *   --requests N   measured requests per API query (default 200, after 20 of warm-up)
 *   --duration S   autocannon duration in seconds (default 10)
 *
 * The engine bench (bench/lib/engines.ts), chosen by --engine or --national: the same figures on
 * SQLite and/or PostgreSQL side by side (import, API p50/p95, SSR of /, orientation, pilotage),
 * at the real data and, with --national, after importing 25,000 synthetic places (~62,000
 * offers). PostgreSQL runs on the server of BENCH_DATABASE_URL, in a database created for the run
 * and dropped at its end. With --places N instead of --national: N synthetic places.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, unlinkSync, writeFileSync, copyFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatProfile, summarizeProfile, type ProfileSummary } from './lib/cpu-profile';
import { heading, int, kb, ms, num1, seconds, table, verdict } from './lib/format';
import {
	BROWSER_ENCODING,
	measureLatency,
	measureServerSide,
	measureThroughput,
	rawGet,
	stats,
	timedGet,
	type LatencyQuery,
	type LatencyResult,
	type ServerSideResult,
	type ThroughputResult
} from './lib/http';
import { measureOrientation, type OrientationTiming } from './lib/orientation';
import { ClientFiles, manifestLabels, scriptsOfHtml, weighPage, type PageWeight } from './lib/js-weight';
import { checkPostgres, dropAllBenchDatabases } from './lib/databases';
import { NATIONAL, runEngineBench, type EngineBenchOptions } from './lib/engines';
import { engineReport } from './lib/engines-report';
import { killAllCommands, runCommand } from './lib/process';
import { hasBuild, killAllServers, snapshotBuild, startServer, type RunningServer } from './lib/server';
import { generateSynthetic, importFile } from './lib/synthetic';
import type { Engine } from '../src/lib/server/db/connect';

// ---------------------------------------------------------------------------------------------
// Settings

const TARGETS = {
	/** JS before the map is requested, gzip. */
	initialJsBytes: 40_000,
	/** The national map's total JS, gzip: the page with the map must not weigh more. */
	mapPageJsBytes: 477_000,
	/** API p95 at 10,000 offers. */
	apiP95Ms: 20,
	/** Orientation p95 (the ranking) at the real data and at 10,000 synthetic offers. */
	orientationRealP95Ms: 10,
	orientationSyntheticP95Ms: 100,
	/** Server render of `/` (autocannon, 10 connections): real data, then 10,000 offers. */
	homeRealRps: 500,
	homeSyntheticRps: 300,
	/** On the wire, brotli as a browser asks for it. */
	homeWireBytes: 20_000,
	pilotageWireBytes: 60_000
};

const argv = process.argv.slice(2).filter((a) => a !== '--');
const flag = (name: string) => argv.includes(name);
function numberOption(name: string, fallback: number): number {
	const i = argv.indexOf(name);
	if (i === -1) return fallback;
	const n = Number(argv[i + 1]);
	if (!Number.isFinite(n) || n <= 0) {
		console.error(`${name} attend un nombre positif.`);
		process.exit(2);
	}
	return n;
}
const OPTIONS = {
	build: flag('--build'),
	profile: flag('--profile'),
	places: Math.round(numberOption('--places', 4000)),
	requests: Math.round(numberOption('--requests', 200)),
	warmup: 20,
	/** Per API query: a slow query stops early rather than stretch the run (the count is printed). */
	queryMaxMs: 12_000,
	connections: 10,
	durationS: numberOption('--duration', 10)
};
function engineOption(): Engine[] | null {
	const i = argv.indexOf('--engine');
	if (i === -1) return flag('--national') ? ['sqlite'] : null;
	const value = argv[i + 1];
	if (value === 'both') return ['sqlite', 'postgres'];
	if (value === 'sqlite' || value === 'postgres') return [value];
	console.error('--engine attend sqlite, postgres ou both.');
	process.exit(2);
}
/** Null: the full bench above. Otherwise the engine bench, on these engines. */
const ENGINES = engineOption();
const ENGINE_OPTIONS: EngineBenchOptions | null = ENGINES && {
	engines: ENGINES,
	syntheticPlaces: flag('--national') ? NATIONAL.places : argv.includes('--places') ? OPTIONS.places : 0,
	streets: flag('--national') ? NATIONAL.streets : Math.max(20, Math.round(OPTIONS.places / 10)),
	requests: OPTIONS.requests,
	warmup: OPTIONS.warmup,
	queryMaxMs: OPTIONS.queryMaxMs,
	connections: OPTIONS.connections,
	durationS: OPTIONS.durationS
};
/** The whole run is bounded: past this, servers are killed and the bench stops. */
const HARD_LIMIT_MS = ENGINE_OPTIONS
	? (3 + ENGINE_OPTIONS.engines.length * (ENGINE_OPTIONS.syntheticPlaces > 0 ? 12 : 4)) * 60_000
	: 9 * 60_000;

const QUERIES: LatencyQuery[] = [
	{ name: 'sans filtre', path: '/api/v1/offers' },
	{ name: 'niveau renforcé', path: '/api/v1/offers?niveau=renforce' },
	{ name: 'admin + gratuit + QPV', path: '/api/v1/offers?besoin=admin&gratuit=1&territoire=qpv' },
	{ name: 'ouvert le samedi', path: '/api/v1/offers?quand=samedi' },
	{ name: 'recherche « centre »', path: '/api/v1/offers?q=centre' },
	{ name: 'GeoJSON, sans filtre', path: '/api/v1/offers.geojson' }
];
const PAGES = ['/', '/lieux/1'];
/** Also timed on the server's side: kept-alive raw requests, a browser's Accept-Encoding, no decoding. */
const SERVER_SIDE_QUERIES: LatencyQuery[] = [
	{ name: 'offres, sans filtre', path: '/api/v1/offers' },
	{ name: 'GeoJSON des offres', path: '/api/v1/offers.geojson' },
	{ name: 'GeoJSON des lieux (la carte)', path: '/api/v1/places.geojson' }
];
/** Pages weighed on the wire, plain and as a browser receives them. */
const WIRE_PAGES = ['/', '/pilotage', '/lieux/1', '/api/v1/offers.geojson', '/api/v1/places.geojson', '/carte.svg'];

const projectDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const reportsDir = join(projectDir, 'reports');
const benchStart = performance.now();
const progress = (text: string) => process.stderr.write(`[${seconds(performance.now() - benchStart).padStart(7)}] ${text}\n`);

// ---------------------------------------------------------------------------------------------
// Temporary folder and cleanup

const workDir = mkdtempSync(join(tmpdir(), 'bench-roubaix-'));
let cleaned = false;
function cleanup(): void {
	if (cleaned) return;
	cleaned = true;
	killAllServers();
	killAllCommands();
	// The snapshot links to the project's node_modules: remove the link itself, never what it points to.
	const link = join(workDir, 'app', 'node_modules');
	try {
		unlinkSync(link);
	} catch {
		// not created
	}
	rmSync(workDir, { recursive: true, force: true });
}
process.on('exit', cleanup);
/** Servers and commands first (SIGKILL), then the PostgreSQL databases of the run, then exit. */
function stop(code: number): void {
	cleanup();
	dropAllBenchDatabases()
		.catch((error: unknown) => progress(`Bases PostgreSQL du banc non supprimées : ${String(error)}`))
		.finally(() => process.exit(code));
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.on(signal, () => {
		progress(`${signal} : arrêt et nettoyage.`);
		stop(130);
	});
}
setTimeout(() => {
	progress(`Le banc dépasse ${HARD_LIMIT_MS / 60_000} minutes : arrêt.`);
	stop(1);
}, HARD_LIMIT_MS).unref();

const run = (command: string, args: string[], options: { env?: Record<string, string>; timeoutMs: number }) =>
	runCommand(projectDir, command, args, options);

// ---------------------------------------------------------------------------------------------
// Steps

function gitDescription(): string {
	try {
		const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: projectDir, encoding: 'utf8' }).trim();
		const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'db', 'svelte.config.js', 'vite.config.ts'], {
			cwd: projectDir,
			encoding: 'utf8'
		}).trim();
		return dirty ? `${head} (+ modifications locales dans src/ ou la configuration)` : head;
	} catch {
		return 'inconnu';
	}
}

/** Newest modification time under a folder (to tell a build older than the sources). */
function newestMtime(dir: string): number {
	let newest = 0;
	if (!existsSync(dir)) return newest;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
	}
	return newest;
}

async function ensureBuild(): Promise<{ built: boolean; ms: number }> {
	if (!OPTIONS.build && hasBuild(projectDir)) return { built: false, ms: 0 };
	progress(OPTIONS.build ? 'npm run build (demandé par --build)…' : 'build/ absent : npm run build…');
	const result = await run('npm', ['run', 'build'], { timeoutMs: 300_000 });
	if (result.code !== 0 || !hasBuild(projectDir)) throw new Error(`npm run build a échoué :\n${result.output.slice(-4000)}`);
	return { built: true, ms: result.ms };
}

async function weighPages(server: RunningServer, files: ClientFiles): Promise<PageWeight[]> {
	const weights: PageWeight[] = [];
	for (const path of PAGES) {
		const url = server.origin + path;
		const res = await fetch(url, { signal: AbortSignal.timeout(30_000) });
		const html = await res.text();
		if (res.status !== 200) throw new Error(`${path} : HTTP ${res.status}`);
		const scripts = scriptsOfHtml(html, url, res.headers.get('link'));
		if (scripts.length === 0) throw new Error(`${path} : aucun script trouvé dans la page.`);
		weights.push(weighPage(files, path, scripts));
	}
	return weights;
}

interface DatasetResult {
	label: string;
	/** 1-minute load average before and after: other work on the machine skews the figures. */
	load: [number, number];
	places: number;
	offers: number;
	serverStartMs: number;
	/** The first request builds the in-memory catalogue. */
	firstRequestMs: number;
	latency: LatencyResult[];
	overall: ReturnType<typeof stats>;
	serverSide: ServerSideResult[];
	throughput: ThroughputResult;
	/** The same, with a browser's Accept-Encoding (brotli). */
	throughputBr: ThroughputResult;
	wire: { path: string; plainBytes: number; wireBytes: number; encoding: string | null }[];
}

type Phase = 'api' | 'geojson' | 'ssr';
const PHASE_LABELS: Record<Phase, string> = {
	api: 'GET /api/v1/offers (5 requêtes)',
	geojson: 'GET /api/v1/offers.geojson',
	ssr: 'rendu serveur de / (autocannon)'
};

/**
 * Servers for a data set's phases: one for all, or with --profile one profiled server per phase,
 * so each profile shows one kind of work.
 */
interface ServerSource {
	first: RunningServer;
	forPhase: (phase: Phase) => Promise<RunningServer>;
	donePhase: (phase: Phase, server: RunningServer) => Promise<void>;
}

async function measureDataset(label: string, servers: ServerSource): Promise<DatasetResult> {
	const loadBefore = loadavg()[0]!;
	const probe = servers.first;
	const counts = await timedGet(`${probe.origin}/api/v1/offers?limit=1`);
	const all = JSON.parse(counts.body.toString('utf8')) as { total: number };
	const geo = await timedGet(`${probe.origin}/api/v1/offers.geojson`);
	const places = new Set(
		(JSON.parse(geo.body.toString('utf8')) as { features: { properties: { place_id: number } }[] }).features.map((f) => f.properties.place_id)
	);
	const latency: LatencyResult[] = [];
	const serverSide: ServerSideResult[] = [];
	for (const phase of ['api', 'geojson'] as const) {
		const server = await servers.forPhase(phase);
		for (const query of QUERIES.filter((q) => q.path.includes('.geojson') === (phase === 'geojson'))) {
			progress(`${label} : ${query.path}…`);
			latency.push(await measureLatency(server.origin, query, { requests: OPTIONS.requests, warmup: OPTIONS.warmup, maxMs: OPTIONS.queryMaxMs }));
		}
		if (phase === 'geojson') {
			for (const query of SERVER_SIDE_QUERIES) {
				progress(`${label} : ${query.path} côté serveur (keep-alive, brotli, non décodé)…`);
				serverSide.push(await measureServerSide(server.origin, query, { requests: OPTIONS.requests, warmup: OPTIONS.warmup, maxMs: OPTIONS.queryMaxMs }));
			}
		}
		await servers.donePhase(phase, server);
	}
	const wire = [];
	for (const path of WIRE_PAGES) {
		const plain = await rawGet(probe.origin + path, { accept: 'text/html' }, 120_000);
		const encoded = await rawGet(probe.origin + path, { accept: 'text/html', 'accept-encoding': BROWSER_ENCODING }, 120_000);
		wire.push({ path, plainBytes: plain.wireBytes, wireBytes: encoded.wireBytes, encoding: encoded.encoding });
	}
	progress(`${label} : autocannon sur / (${OPTIONS.connections} connexions, ${OPTIONS.durationS} s), sans puis avec brotli…`);
	const ssrServer = await servers.forPhase('ssr');
	const ac = { connections: OPTIONS.connections, durationS: OPTIONS.durationS, pid: ssrServer.pid };
	const throughput = await measureThroughput(ssrServer.origin, '/', ac);
	const throughputBr = await measureThroughput(ssrServer.origin, '/', { ...ac, acceptEncoding: BROWSER_ENCODING });
	await servers.donePhase('ssr', ssrServer);
	return {
		label,
		load: [loadBefore, loadavg()[0]!],
		places: places.size,
		offers: all.total,
		serverStartMs: probe.startMs,
		firstRequestMs: probe.firstRequestMs,
		latency,
		overall: stats(latency.flatMap((l) => l.samples)),
		serverSide,
		throughput,
		throughputBr,
		wire
	};
}

interface SyntheticInfo {
	places: number;
	offers: number;
	fileBytes: number;
	generateMs: number;
	importTotalMs: number;
	importSyntheticMs: number;
	writeMs: number | null;
	qualityMs: number | null;
	summary: string;
}

async function makeSyntheticDatabase(databasePath: string): Promise<SyntheticInfo> {
	progress(`Génération de ${OPTIONS.places} lieux synthétiques…`);
	const gen = await generateSynthetic(projectDir, join(workDir, `lieux-synthetiques-${OPTIONS.places}.csv`), OPTIONS.places);
	progress('Import du fichier synthétique (scripts/import.ts, base temporaire)…');
	const imp = await importFile(projectDir, gen.file, databasePath, 360_000);
	return {
		places: gen.places,
		offers: Number.isFinite(imp.offersCreated) ? imp.offersCreated : gen.offers,
		fileBytes: gen.bytes,
		generateMs: gen.ms,
		importTotalMs: imp.totalMs,
		importSyntheticMs: imp.totalMs - (imp.seedMs ?? 0),
		writeMs: imp.writeMs,
		qualityMs: imp.qualityAndCommitMs,
		summary: imp.summary
	};
}

// ---------------------------------------------------------------------------------------------
// Report

function jsSection(pages: PageWeight[]): string {
	const out = [heading('1. JavaScript par page (gzip niveau 9, 1 Ko = 1 000 octets)')];
	for (const p of pages) {
		out.push(`  JS avant la carte (${p.path}) : ${kb(p.initialGzip)} gzip (cible ≤ ${kb(TARGETS.initialJsBytes)}) — ${verdict(p.initialGzip, TARGETS.initialJsBytes)}`);
	}
	for (const p of pages) {
		if (p.map.length === 0) {
			out.push(`  Page carte (${p.path}) : aucun import dynamique trouvé (pas de carte interactive ?)`);
			continue;
		}
		out.push(
			`  JS total de la page carte (${p.path}) : ${kb(p.totalGzip)} gzip (cible ≤ ${kb(TARGETS.mapPageJsBytes)}, la carte nationale) — ${verdict(p.totalGzip, TARGETS.mapPageJsBytes)}`,
			`      = avant la carte ${kb(p.initialGzip)} + code de la carte ${kb(p.mapAppGzip)} + MapLibre ${kb(p.maplibreGzip)} (bibliothèque et worker, comptés à part)`
		);
	}
	for (const p of pages) {
		out.push('', `  Détail ${p.path} :`);
		const rows = [['quand', 'fichier (build/client/)', 'module', 'brut', 'gzip']];
		for (const c of p.initial) rows.push(['au chargement', c.file, c.label, kb(c.raw), kb(c.gzip)]);
		for (const c of p.map) rows.push([c.maplibre ? 'carte (MapLibre)' : 'carte', c.file, c.label, kb(c.raw), kb(c.gzip)]);
		out.push(table(rows, '    '));
	}
	return out.join('\n');
}

function orientationSection(rows: { label: string; timing: OrientationTiming; target: number }[]): string {
	const out = [heading('3 bis. Orientation (fonction de classement pure, en mémoire ; cinq habitants, une minute différente à chaque appel)')];
	for (const { label, timing, target } of rows) {
		const verdict = timing.overall.p95 <= target ? 'atteint' : 'MANQUÉ';
		out.push('', `  ${label} — ${int(timing.places)} lieux : p50 ${ms(timing.overall.p50)}, p95 ${ms(timing.overall.p95)} (cible ≤ ${target} ms) — ${verdict}`);
		const table_rows = [['habitant', 'résultats', 'n', 'p50', 'p95', 'max']];
		for (const r of timing.perResident) table_rows.push([r.name, String(r.results), String(r.stats.n), ms(r.stats.p50), ms(r.stats.p95), ms(r.stats.max)]);
		out.push(table(table_rows, '    '));
	}
	return out.join('\n');
}

function latencySection(datasets: DatasetResult[]): string {
	const out = [
		heading(`2. Latence de l'API (séquentielle : ${OPTIONS.warmup} requêtes d'échauffement, puis ${OPTIONS.requests} mesurées ; corps lu en entier)`),
		`  Cible : p95 ≤ ${TARGETS.apiP95Ms} ms à 10 000 offres.`
	];
	for (const d of datasets) {
		out.push(
			'',
			`  ${d.label} — ${int(d.places)} lieux, ${int(d.offers)} offres ; première requête (construction du catalogue en mémoire) : ${ms(d.firstRequestMs)} ; charge 1 min ${num1(d.load[0])} → ${num1(d.load[1])}`
		);
		const rows = [['requête', 'chemin', 'offres', 'réponse', 'n', 'p50', 'p95', 'p99', 'max']];
		for (const l of d.latency) {
			rows.push([l.name, l.path, l.total === null ? '—' : int(l.total), kb(l.bytes), `${l.n}${l.capped ? '*' : ''}`, ms(l.p50), ms(l.p95), ms(l.p99), ms(l.max)]);
		}
		rows.push(['ensemble', '', '', '', String(d.overall.n), ms(d.overall.p50), ms(d.overall.p95), ms(d.overall.p99), ms(d.overall.max)]);
		out.push(table(rows, '    '));
		if (d.latency.some((l) => l.capped)) out.push(`    * arrêté à ${OPTIONS.queryMaxMs / 1000} s pour borner la durée du banc.`);
	}
	return out.join('\n');
}

function throughputSection(datasets: DatasetResult[]): string {
	const rows = [['données', 'Accept-Encoding', 'req/s', 'CPU/requête', 'requêtes', 'p50', 'p99', 'moyenne', 'octets/réponse', 'non-2xx', 'erreurs', 'charge 1 min']];
	for (const d of datasets) {
		for (const [how, t] of [['aucun', d.throughput], [BROWSER_ENCODING, d.throughputBr]] as const) {
			rows.push([
				d.label,
				how,
				num1(t.requestsPerSecond),
				t.cpuMsPerRequest === null ? '—' : ms(t.cpuMsPerRequest),
				int(t.requests),
				ms(t.p50),
				ms(t.p99),
				ms(t.mean),
				kb(t.bytesPerRequest),
				int(t.non2xx),
				int(t.errors + t.timeouts),
				`${num1(d.load[0])} → ${num1(d.load[1])}`
			]);
		}
	}
	const wire = [['données', 'chemin', 'en clair', 'sur le fil', 'codage', 'rapport']];
	for (const d of datasets) {
		for (const w of d.wire) wire.push([d.label, w.path, kb(w.plainBytes), kb(w.wireBytes), w.encoding ?? '—', `÷ ${num1(w.plainBytes / w.wireBytes)}`]);
	}
	const server = [['données', 'requête', 'chemin', 'n', 'p50', 'p95', 'max', 'p95 gestionnaire', 'sur le fil', 'codage']];
	for (const d of datasets) {
		for (const r of d.serverSide) {
			server.push([d.label, r.name, r.path, String(r.n), ms(r.p50), ms(r.p95), ms(r.max), r.handlerP95 === null ? '—' : ms(r.handlerP95), kb(r.wireBytes), r.encoding ?? '—']);
		}
	}
	return [
		heading(`3. Rendu serveur de / (autocannon, ${OPTIONS.connections} connexions, ${OPTIONS.durationS} s ; sans compression, puis avec l'Accept-Encoding d'un navigateur)`),
		table(rows),
		'',
		`  Poids sur le fil (corps reçu, Accept-Encoding « ${BROWSER_ENCODING} » ; cibles : / < ${kb(TARGETS.homeWireBytes)}, /pilotage < ${kb(TARGETS.pilotageWireBytes)}) :`,
		table(wire, '    '),
		'',
		`  Côté serveur : requêtes séquentielles sur une connexion gardée ouverte (keep-alive), Accept-Encoding d'un navigateur,`,
		`  corps lu jusqu'au dernier octet sans être décodé (le temps du serveur et du transfert local, pas la décompression du client) ;`,
		`  « p95 gestionnaire » : le temps que le gestionnaire de la route dit avoir passé (en-tête Server-Timing: app;dur=…).`,
		`  CPU/requête (tableau du haut) : temps CPU du processus serveur (/proc, tous ses fils) ÷ requêtes servies ; 1 000 ÷ ce temps`,
		`  ≈ le débit d'un cœur libre, moins sensible que req/s à la charge de la machine.`,
		table(server, '    ')
	].join('\n');
}

function syntheticSection(s: SyntheticInfo, real: DatasetResult): string {
	return [
		heading('4. Données synthétiques'),
		`  Fichier : ${int(s.places)} lieux « Lieu synthétique n° … » (source synthetique), ${kb(s.fileBytes)} de CSV, généré en ${seconds(s.generateMs)} (scripts/generate-synthetic.ts).`,
		`  Import dans une base temporaire (npx tsx scripts/import.ts) : ${seconds(s.importTotalMs)} en tout, dont ${seconds(s.importSyntheticMs)} pour le fichier synthétique` +
			(s.writeMs !== null && s.qualityMs !== null ? ` (écriture des lieux ${seconds(s.writeMs)}, puis signalements qualité ${seconds(s.qualityMs)}).` : '.'),
		`  Résultat de l'import : ${s.summary}`,
		`  Base mesurée : ${int(s.offers)} offres synthétiques + ${int(real.offers)} offres réelles.`
	].join('\n');
}

function summarySection(pages: PageWeight[], datasets: DatasetResult[]): string {
	const big = datasets[datasets.length - 1]!;
	const worst = [...big.latency].sort((a, b) => b.p95 - a.p95)[0]!;
	const apiOnly = stats(big.latency.filter((l) => !l.path.includes('.geojson')).flatMap((l) => l.samples));
	const pct = (value: number, target: number) => `${Math.round((100 * value) / target)} %`;
	const rows = [['mesure', 'valeur', 'cible', 'valeur/cible', '']];
	for (const p of pages) {
		rows.push([`JS avant la carte (${p.path})`, kb(p.initialGzip), `≤ ${kb(TARGETS.initialJsBytes)}`, pct(p.initialGzip, TARGETS.initialJsBytes), verdict(p.initialGzip, TARGETS.initialJsBytes)]);
	}
	for (const p of pages.filter((x) => x.map.length)) {
		rows.push([`JS total page carte (${p.path})`, kb(p.totalGzip), `≤ ${kb(TARGETS.mapPageJsBytes)}`, pct(p.totalGzip, TARGETS.mapPageJsBytes), verdict(p.totalGzip, TARGETS.mapPageJsBytes)]);
		rows.push([`  dont MapLibre (${p.path})`, kb(p.maplibreGzip), '', pct(p.maplibreGzip, TARGETS.mapPageJsBytes), '']);
	}
	const api = (label: string, value: number) =>
		rows.push([label, ms(value), `≤ ${TARGETS.apiP95Ms} ms`, pct(value, TARGETS.apiP95Ms), verdict(value, TARGETS.apiP95Ms)]);
	api(`p95 API, ensemble (${int(big.offers)} offres)`, big.overall.p95);
	api(`p95 API, /api/v1/offers seul (${int(big.offers)} offres)`, apiOnly.p95);
	api(`p95 API, pire requête : ${worst.name}`, worst.p95);
	const first = datasets[0]!;
	const atLeast = (label: string, value: number, target: number) =>
		rows.push([label, `${num1(value)} req/s`, `≥ ${target} req/s`, pct(value, target), value >= target ? 'atteint' : 'MANQUÉ']);
	for (const d of datasets) {
		const target = d === first ? TARGETS.homeRealRps : TARGETS.homeSyntheticRps;
		atLeast(`SSR de / (${int(d.offers)} offres), sans compression`, d.throughput.requestsPerSecond, target);
		atLeast(`SSR de / (${int(d.offers)} offres), brotli`, d.throughputBr.requestsPerSecond, target);
	}
	const wireOf = (path: string) => first.wire.find((w) => w.path === path)?.wireBytes ?? NaN;
	for (const [path, target] of [['/', TARGETS.homeWireBytes], ['/pilotage', TARGETS.pilotageWireBytes]] as const) {
		const value = wireOf(path);
		rows.push([`${path} sur le fil (brotli, données réelles)`, kb(value), `< ${kb(target)}`, pct(value, target), value < target ? 'atteint' : 'MANQUÉ']);
	}
	for (const r of big.serverSide) {
		api(`p95 côté serveur (keep-alive), ${r.name} (${int(big.offers)} offres)`, r.p95);
		if (r.handlerP95 !== null) api(`  p95 dans le gestionnaire (Server-Timing)`, r.handlerP95);
	}
	const apiReal = stats(first.latency.filter((l) => !l.path.includes('.geojson')).flatMap((l) => l.samples));
	rows.push([`p95 /api/v1/offers, ${int(big.offers)} vs ${int(first.offers)} offres`, '', '', `× ${num1(apiOnly.p95 / apiReal.p95)}`, '']);
	return [heading('Résumé'), table(rows)].join('\n');
}

// ---------------------------------------------------------------------------------------------
// Main

async function main(): Promise<void> {
	const load = loadavg();
	const header = [
		`Banc d'essai — carte de l'inclusion numérique de Roubaix`,
		`  Commit ${gitDescription()} · Node ${process.version} · ${cpus().length} cœurs · ${Math.round(totalmem() / 2 ** 30)} Gio`,
		`  Charge moyenne au départ (1/5/15 min) : ${load.map(num1).join(' / ')}` +
			(load[0]! > cpus().length * 0.5 ? ' — machine déjà chargée : latences et débits en pâtissent, comparer des passages faits au calme.' : '')
	];

	if (ENGINE_OPTIONS?.engines.includes('postgres')) header.push(`  PostgreSQL ${await checkPostgres()} (BENCH_DATABASE_URL)`);
	const build = await ensureBuild();
	const buildTime = statSync(join(projectDir, 'build', 'index.js')).mtimeMs;
	const staleBuild = newestMtime(join(projectDir, 'src')) > buildTime;
	header.push(
		`  Build : ${build.built ? `construit par le banc en ${seconds(build.ms)}` : 'build/ existant'}, du ${new Date(buildTime).toLocaleString('fr-FR', { timeZone: 'Europe/Paris' })}` +
			' ; copié à part pour toute la mesure' +
			(staleBuild ? '. ATTENTION : src/ a changé depuis ce build (relancer avec --build).' : '.')
	);
	progress('Copie du build…');
	const snapshot = snapshotBuild(projectDir, workDir);
	// The manifest names the source module of each file, when it comes from the same build.
	const manifestSource = join(projectDir, '.svelte-kit', 'output', 'client', '.vite', 'manifest.json');
	const manifestCopy = join(workDir, 'manifest.json');
	if (existsSync(manifestSource)) copyFileSync(manifestSource, manifestCopy);
	if (ENGINE_OPTIONS) return engineMain(header, snapshot);
	const files = new ClientFiles(snapshot.clientDir, manifestLabels(manifestCopy, snapshot.clientDir));

	// Real data: a fresh database, seeded by the server on first start.
	progress('Serveur, données réelles (base neuve, amorcée au démarrage)…');
	const realServer = await startServer({ snapshot, projectDir, database: join(workDir, 'reelles.sqlite') });
	let pages: PageWeight[];
	let real: DatasetResult;
	let realOrientation: OrientationTiming;
	try {
		pages = await weighPages(realServer, files);
		real = await measureDataset('Données réelles', { first: realServer, forPhase: async () => realServer, donePhase: async () => {} });
		progress('Données réelles : orientation (cinq habitants, en mémoire)…');
		realOrientation = await measureOrientation(join(workDir, 'reelles.sqlite'), OPTIONS.requests);
	} finally {
		await realServer.stop();
	}

	// Synthetic data, imported with the real importer into its own database.
	const synthPath = join(workDir, 'synthetiques.sqlite');
	const synthetic = await makeSyntheticDatabase(synthPath);
	const profileDir = join(reportsDir, 'profiles');
	const profiles: { phase: Phase; file: string; summary: ProfileSummary }[] = [];
	progress(`Serveur, ${int(synthetic.offers)} offres synthétiques${OPTIONS.profile ? ' (un serveur profilé par phase, --cpu-prof)' : ''}…`);
	const bigServer = await startServer({ snapshot, projectDir, database: synthPath });
	let big: DatasetResult;
	try {
		if (OPTIONS.profile) mkdirSync(profileDir, { recursive: true });
		const stamp = new Date().toISOString().replace(/[:.]/g, '-');
		big = await measureDataset(`${int(synthetic.offers)} offres synthétiques`, {
			first: bigServer,
			forPhase: async (phase) => {
				if (!OPTIONS.profile) return bigServer;
				const name = `serveur-${stamp}-${phase}.cpuprofile`;
				const server = await startServer({
					snapshot,
					projectDir,
					database: synthPath,
					nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=${name}`]
				});
				return Object.assign(server, { profileFile: join(profileDir, name) });
			},
			donePhase: async (phase, server) => {
				if (!OPTIONS.profile) return;
				await server.stop();
				const file = (server as RunningServer & { profileFile: string }).profileFile;
				// Summarized now, while the snapshot's source maps still exist.
				if (existsSync(file)) profiles.push({ phase, file, summary: summarizeProfile(file) });
				else progress(`Profil ${phase} introuvable : le serveur a-t-il été tué avant de l’écrire ?`);
			}
		});
	} finally {
		await bigServer.stop();
	}
	progress(`${int(synthetic.offers)} offres synthétiques : orientation (cinq habitants, en mémoire)…`);
	const bigOrientation = await measureOrientation(synthPath, Math.max(20, Math.round(OPTIONS.requests / 4)));

	const datasets = [real, big];
	const text = [
		header.join('\n'),
		jsSection(pages),
		latencySection(datasets),
		throughputSection(datasets),
		orientationSection([
			{ label: 'Données réelles', timing: realOrientation!, target: TARGETS.orientationRealP95Ms },
			{ label: `${int(synthetic.offers)} offres synthétiques`, timing: bigOrientation, target: TARGETS.orientationSyntheticP95Ms }
		]),
		await (await import('./lib/pilotage')).pilotageSection(),
		syntheticSection(synthetic, real),
		summarySection(pages, datasets)
	];
	for (const p of profiles) {
		text.push(
			heading(`Profil CPU à ${int(synthetic.offers)} offres — ${PHASE_LABELS[p.phase]}`),
			`  ${relative(projectDir, p.file)}`,
			formatProfile(p.summary, 12)
				.split('\n')
				.map((l) => `  ${l}`)
				.join('\n')
		);
	}
	const totalMs = performance.now() - benchStart;
	text.push('', `Durée du banc : ${seconds(totalMs)}. Résultats : reports/bench.json. Relancer : npm run bench`);
	console.log(text.join('\n'));

	mkdirSync(reportsDir, { recursive: true });
	const strip = (d: DatasetResult) => ({ ...d, latency: d.latency.map(({ samples: _samples, ...rest }) => rest) });
	writeFileSync(
		join(reportsDir, 'bench.json'),
		JSON.stringify(
			{
				date: new Date().toISOString(),
				commit: gitDescription(),
				node: process.version,
				cpus: cpus().length,
				loadAverageAtStart: load,
				options: OPTIONS,
				targets: TARGETS,
				build: { builtByBench: build.built, buildMs: build.ms, builtAt: new Date(buildTime).toISOString(), staleVersusSrc: staleBuild },
				js: pages.map((p) => ({ ...p })),
				latency: datasets.map(strip),
				synthetic,
				orientation: { real: realOrientation!, synthetic: bigOrientation },
				profiles: profiles.map((p) => ({
					phase: p.phase,
					file: relative(projectDir, p.file),
					...p.summary,
					functions: [...p.summary.functions].sort((a, b) => b.selfMs - a.selfMs).slice(0, 40)
				})),
				durationMs: totalMs
			},
			null,
			2
		) + '\n'
	);
}

async function engineMain(header: string[], snapshot: ReturnType<typeof snapshotBuild>): Promise<void> {
	const options = ENGINE_OPTIONS!;
	const result = await runEngineBench({ projectDir, workDir, snapshot, progress }, options);
	const totalMs = performance.now() - benchStart;
	const rerun = `npm run bench -- --engine ${options.engines.length === 2 ? 'both' : options.engines[0]}${flag('--national') ? ' --national' : ''}`;
	console.log([header.join('\n'), engineReport(result, options), '', `Durée du banc : ${seconds(totalMs)}. Résultats : reports/bench-engines.json. Relancer : ${rerun}`].join('\n'));
	mkdirSync(reportsDir, { recursive: true });
	const json = { date: new Date().toISOString(), commit: gitDescription(), node: process.version, cpus: cpus().length, options, ...result, durationMs: totalMs };
	writeFileSync(join(reportsDir, 'bench-engines.json'), JSON.stringify(json, null, 2) + '\n');
}

main()
	.then(() => stop(0))
	.catch((error: unknown) => {
		console.error(`\nLe banc s'est arrêté : ${error instanceof Error ? error.message : String(error)}`);
		stop(1);
	});
