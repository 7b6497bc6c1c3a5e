/**
 * npm run bench:et-si [-- --clients N] [--duration S] [--project DIR] [--polite]
 *
 * Does a costly page slow everybody down? `/pilotage/et-si` recomputes every indicator for a
 * hypothetical offer (≈ 150 ms of CPU on the real data); Node renders on one thread, so clients
 * looping on it could make `/` wait. This bench, on the built app and the real data:
 *   1. `/` alone: one client, sequential requests for S seconds: p50, p95;
 *   2. « Et si… » one request at a time: a new simulation (uncached) and the same one again (cached);
 *   3. `/` again while N clients (4 by default) loop on « Et si… » with varied offers (random
 *      points and levels), each from its own address (X-Forwarded-For, ADDRESS_HEADER on the
 *      server), without waiting: p50, p95, the ratio to (1), and the hammering clients' answers
 *      (200 computed, 429 refused).
 * `--polite`: the hammering clients wait the Retry-After of a 429 before asking again (a browser
 * user would); without it they loop at once, as a script would.
 * Issue 11's target: `/` keeps its latency (ratio of p50 close to 1).
 * `--project DIR` measures another checkout's build/ (DIR/build, DIR/node_modules, DIR/db/seed):
 * the figures before a change. Figures go to reports/bench-et-si.json; nothing is enforced.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { heading, int, ms, num1, table } from './lib/format';
import { stats } from './lib/http';
import { hasBuild, killAllServers, snapshotBuild, startServer } from './lib/server';

const argv = process.argv.slice(2).filter((a) => a !== '--');
function option(name: string, fallback: number): number {
	const i = argv.indexOf(name);
	const n = i === -1 ? fallback : Number(argv[i + 1]);
	if (!Number.isFinite(n) || n <= 0) {
		console.error(`${name} attend un nombre positif.`);
		process.exit(2);
	}
	return n;
}
const here = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const projectIndex = argv.indexOf('--project');
const projectDir = projectIndex === -1 ? here : resolve(argv[projectIndex + 1] ?? '');
const CLIENTS = Math.round(option('--clients', 4));
const DURATION_MS = option('--duration', 10) * 1000;
const POLITE = argv.includes('--polite');

/** Roubaix's box (pilotage/params.ts accepts a bit more): every offer lands in or near the town. */
const BOX = { minLon: 3.13, maxLon: 3.22, minLat: 50.67, maxLat: 50.71 };

// A fixed seed: two runs hammer with the same offers.
let seed = 11;
const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
function randomOffer(): string {
	const lat = (BOX.minLat + random() * (BOX.maxLat - BOX.minLat)).toFixed(5);
	const lon = (BOX.minLon + random() * (BOX.maxLon - BOX.minLon)).toFixed(5);
	const niveau = String(1 + Math.floor(random() * 4));
	return new URLSearchParams({ niveau, lat, lon, horaires: random() < 0.5 ? '' : 'Mo-Fr 09:00-12:00' }).toString();
}

async function get(url: string, address: string): Promise<{ ms: number; status: number; retryAfter: number }> {
	const t = performance.now();
	const res = await fetch(url, { headers: { 'x-forwarded-for': address }, signal: AbortSignal.timeout(60_000) });
	await res.arrayBuffer();
	return { ms: performance.now() - t, status: res.status, retryAfter: Number(res.headers.get('retry-after')) || 1 };
}

let loadDeadline = 0;
const deadlineLeft = () => Math.max(0, loadDeadline - performance.now());

/** One client asking for `/` again and again until `until()` says stop. */
async function homeLoop(origin: string, until: () => boolean): Promise<number[]> {
	const samples: number[] = [];
	while (!until()) {
		const { ms: took, status } = await get(`${origin}/`, '192.0.2.1');
		if (status !== 200) throw new Error(`/ a répondu ${status}`);
		samples.push(took);
	}
	return samples;
}

interface HammerCount {
	ok: number[];
	refused: number;
	other: number;
}

async function hammer(origin: string, client: number, until: () => boolean, count: HammerCount): Promise<void> {
	while (!until()) {
		const { ms: took, status, retryAfter } = await get(`${origin}/pilotage/et-si?${randomOffer()}`, `10.11.0.${client + 1}`);
		if (status === 200) count.ok.push(took);
		else if (status === 429) {
			count.refused++;
			if (POLITE) await sleep(Math.min(retryAfter * 1000, deadlineLeft()));
		} else count.other++;
	}
}

const sleep = (msValue: number) => new Promise((r) => setTimeout(r, msValue));

async function main() {
	if (!hasBuild(projectDir)) {
		console.error(`Pas de build dans ${projectDir} : lancez d'abord npm run build.`);
		process.exit(2);
	}
	const workDir = mkdtempSync(join(tmpdir(), 'bench-et-si-'));
	const cleanup = () => {
		killAllServers();
		rmSync(workDir, { recursive: true, force: true });
	};
	process.on('exit', cleanup);
	for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(130));
	const guard = setTimeout(() => {
		console.error('Banc arrêté au bout de 5 minutes.');
		process.exit(1);
	}, 5 * 60_000);
	guard.unref();

	console.log(`Banc « Et si… » : ${cpus().length} cœurs, charge ${loadavg().map((l) => l.toFixed(2)).join(' ')} ; ${CLIENTS} clients, ${DURATION_MS / 1000} s par mesure ; build de ${projectDir}.`);
	process.env.ADDRESS_HEADER = 'x-forwarded-for';
	const snapshot = snapshotBuild(projectDir, workDir);
	const server = await startServer({ snapshot, projectDir, database: join(workDir, 'bench.sqlite') });
	const { origin } = server;
	try {
		// Warm-up: the catalogue, the indicators, the page's first render.
		for (let i = 0; i < 20; i++) await get(`${origin}/`, '192.0.2.1');
		await get(`${origin}/pilotage/et-si?${randomOffer()}`, '192.0.2.9');

		let deadline = performance.now() + DURATION_MS;
		const alone = stats(await homeLoop(origin, () => performance.now() > deadline));

		// One request at a time, each from a new address and spaced out beyond the gate's rest
		// (6 × a page's cost): the cost of an answer, not the limits.
		const uncached: number[] = [];
		const cached: number[] = [];
		for (let i = 0; i < 6; i++) {
			const offer = randomOffer();
			uncached.push((await get(`${origin}/pilotage/et-si?${offer}`, `192.0.2.${20 + i}`)).ms);
			await sleep(1500);
			cached.push((await get(`${origin}/pilotage/et-si?${offer}`, `192.0.2.${40 + i}`)).ms);
			await sleep(1500);
		}
		await sleep(1000);

		deadline = performance.now() + DURATION_MS;
		loadDeadline = deadline;
		const done = () => performance.now() > deadline;
		const count: HammerCount = { ok: [], refused: 0, other: 0 };
		const [home] = await Promise.all([homeLoop(origin, done), ...Array.from({ length: CLIENTS }, (_, c) => hammer(origin, c, done, count))]);
		const loaded = stats(home);
		const okStats = stats(count.ok);

		console.log(heading('« Et si… » seul, une requête à la fois (6 offres)'));
		const u = stats(uncached);
		const c = stats(cached);
		console.log(table([
			['réponse', 'p50', 'p95'],
			['nouvelle simulation', ms(u.p50), ms(u.p95)],
			['même simulation (cache)', ms(c.p50), ms(c.p95)]
		]));
		console.log(heading(`/ seul, puis pendant que ${CLIENTS} clients bouclent sur « Et si… »${POLITE ? ' (en respectant Retry-After)' : ' (sans attendre)'}`));
		console.log(table([
			['mesure', 'requêtes', 'p50', 'p95', 'p99'],
			['/ seul', int(alone.n), ms(alone.p50), ms(alone.p95), ms(alone.p99)],
			[`/ avec ${CLIENTS} clients sur et-si`, int(loaded.n), ms(loaded.p50), ms(loaded.p95), ms(loaded.p99)],
			['rapport chargé / seul', '', `× ${num1(loaded.p50 / alone.p50)}`, `× ${num1(loaded.p95 / alone.p95)}`, `× ${num1(loaded.p99 / alone.p99)}`]
		]));
		const seconds = DURATION_MS / 1000;
		console.log(
			`  Clients « Et si… » : ${int(count.ok.length)} simulations servies (${num1(count.ok.length / seconds)}/s, p50 ${ms(okStats.p50)}), ` +
				`${int(count.refused)} refusées en 429 (${num1(count.refused / seconds)}/s)${count.other ? `, ${int(count.other)} autres réponses` : ''}.`
		);
		console.log('  Cible (ticket 11) : / garde sa latence quand « Et si… » est martelé (p50 chargé / seul proche de 1).');

		mkdirSync(join(here, 'reports'), { recursive: true });
		writeFileSync(
			join(here, 'reports', `bench-et-si${POLITE ? '-polite' : ''}.json`),
			JSON.stringify({ projectDir, clients: CLIENTS, polite: POLITE, durationMs: DURATION_MS, alone, loaded, uncached: u, cached: c, hammer: { ok: okStats, refused: count.refused, other: count.other } }, null, 2)
		);
	} finally {
		await server.stop();
	}
}

main().then(
	() => process.exit(0),
	(error: unknown) => {
		console.error(error);
		process.exit(1);
	}
);
