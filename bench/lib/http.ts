/**
 * HTTP measurements against a local server only (127.0.0.1), each bounded in count and in time.
 */
import { readFileSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import autocannon from 'autocannon';

export interface LatencyQuery {
	name: string;
	path: string;
}

export interface LatencyResult {
	name: string;
	path: string;
	/** Measured requests (the warm-up is not counted). */
	n: number;
	warmup: number;
	p50: number;
	p95: number;
	p99: number;
	mean: number;
	max: number;
	/** Size of one response body, in bytes. */
	bytes: number;
	/** The `total` the API reports for the query (offers matching), when it gives one. */
	total: number | null;
	/** True when the time cap stopped the run before the requested count. */
	capped: boolean;
	samples: number[];
}

export function percentile(sorted: readonly number[], p: number): number {
	if (sorted.length === 0) return NaN;
	const rank = Math.ceil((p / 100) * sorted.length);
	return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function stats(samples: readonly number[]) {
	const sorted = [...samples].sort((a, b) => a - b);
	return {
		n: sorted.length,
		p50: percentile(sorted, 50),
		p95: percentile(sorted, 95),
		p99: percentile(sorted, 99),
		mean: sorted.reduce((s, x) => s + x, 0) / (sorted.length || 1),
		max: sorted[sorted.length - 1] ?? NaN
	};
}

/** One request, body read to the end: the time a client waits for the whole answer. */
export async function timedGet(url: string, timeoutMs = 30_000): Promise<{ ms: number; status: number; body: Buffer }> {
	const t = performance.now();
	const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
	const body = Buffer.from(await res.arrayBuffer());
	return { ms: performance.now() - t, status: res.status, body };
}

/** Sequential requests: `warmup` unmeasured, then up to `requests` measured, within `maxMs`. */
export async function measureLatency(
	origin: string,
	query: LatencyQuery,
	{ requests, warmup, maxMs }: { requests: number; warmup: number; maxMs: number }
): Promise<LatencyResult> {
	const url = origin + query.path;
	const started = performance.now();
	let last: { status: number; body: Buffer } | null = null;
	let warmed = 0;
	for (; warmed < warmup && performance.now() - started < maxMs / 4; warmed++) last = await timedGet(url);
	const samples: number[] = [];
	const measureStart = performance.now();
	while (samples.length < requests && (samples.length < 10 || performance.now() - measureStart < maxMs)) {
		const r = await timedGet(url);
		if (r.status !== 200) throw new Error(`${query.path} : HTTP ${r.status} ${r.body.toString('utf8').slice(0, 300)}`);
		samples.push(r.ms);
		last = r;
	}
	let total: number | null = null;
	try {
		const json = JSON.parse(last!.body.toString('utf8')) as { total?: unknown };
		total = typeof json.total === 'number' ? json.total : null;
	} catch {
		// not JSON
	}
	return {
		name: query.name,
		path: query.path,
		warmup: warmed,
		bytes: last!.body.length,
		total,
		capped: samples.length < requests,
		samples,
		...stats(samples)
	};
}

export interface ThroughputResult {
	path: string;
	connections: number;
	durationS: number;
	requestsPerSecond: number;
	requests: number;
	p50: number;
	p99: number;
	mean: number;
	bytesPerRequest: number;
	non2xx: number;
	errors: number;
	timeouts: number;
	/** The server's CPU time (user + system, all its threads) per request: steadier than req/s on a shared machine. */
	cpuMsPerRequest: number | null;
}

/** CPU time of a process so far, in ms, from /proc (Linux); null elsewhere. */
function cpuMsOf(pid: number | undefined): number | null {
	if (!pid) return null;
	try {
		const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
		// utime and stime are fields 14 and 15 of the line, 12 and 13 after "pid (comm) ".
		return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
	} catch {
		return null;
	}
}

export async function measureThroughput(
	origin: string,
	path: string,
	{ connections, durationS, acceptEncoding, pid }: { connections: number; durationS: number; acceptEncoding?: string; pid?: number }
): Promise<ThroughputResult> {
	const first = await timedGet(origin + path);
	if (first.status !== 200) throw new Error(`${path} : HTTP ${first.status}`);
	const cpuBefore = cpuMsOf(pid);
	const result = await autocannon({
		url: origin + path,
		connections,
		duration: durationS,
		timeout: 10,
		// Bounded: autocannon stops by itself at the end of `duration`.
		headers: { accept: 'text/html', ...(acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}) }
	});
	return {
		path,
		connections,
		durationS,
		requestsPerSecond: result.requests.average,
		requests: result.requests.total,
		p50: result.latency.p50,
		p99: result.latency.p99,
		mean: result.latency.average,
		bytesPerRequest: result.requests.total ? result.throughput.total / result.requests.total : 0,
		non2xx: result.non2xx,
		errors: result.errors,
		timeouts: result.timeouts,
		cpuMsPerRequest: cpuBefore === null || !result.requests.total ? null : (cpuMsOf(pid)! - cpuBefore) / result.requests.total
	};
}

// ---------------------------------------------------------------------------------------------
// The server's side: what the app spends, without the client's decoding.


/** One kept-alive connection, as a browser keeps one: no TCP set-up in the figures. */
const keepAlive = new Agent({ keepAlive: true, maxSockets: 1 });

/** Browsers send this; the app then answers brotli. */
export const BROWSER_ENCODING = 'gzip, deflate, br';

/**
 * One request on a kept-alive connection, body read to its last byte but not decoded: the time
 * the server takes to answer plus the loopback transfer of the bytes it sends. `fetch` would add
 * the client's decompression of several megabytes, which is the client's cost, not the server's.
 */
export function rawGet(
	url: string,
	headers: Record<string, string> = {},
	timeoutMs = 30_000
): Promise<{ ms: number; status: number; wireBytes: number; encoding: string | null; handlerMs: number | null }> {
	return new Promise((resolve, reject) => {
		const t = performance.now();
		const req = httpRequest(url, { agent: keepAlive, headers, timeout: timeoutMs }, (res) => {
			let wireBytes = 0;
			res.on('data', (chunk: Buffer) => (wireBytes += chunk.byteLength));
			res.on('end', () => {
				// The handler's own time, when it says it (Server-Timing: app;dur=…).
				const timing = /\bapp;dur=([\d.]+)/.exec(String(res.headers['server-timing'] ?? ''));
				resolve({
					ms: performance.now() - t,
					status: res.statusCode ?? 0,
					wireBytes,
					encoding: (res.headers['content-encoding'] as string | undefined) ?? null,
					handlerMs: timing ? Number(timing[1]) : null
				});
			});
			res.on('error', reject);
		});
		req.on('timeout', () => req.destroy(new Error(`${url} : pas de réponse en ${timeoutMs} ms`)));
		req.on('error', reject);
		req.end();
	});
}

export interface ServerSideResult {
	name: string;
	path: string;
	n: number;
	p50: number;
	p95: number;
	max: number;
	wireBytes: number;
	encoding: string | null;
	samples: number[];
	/** p95 of the handler's own time (Server-Timing), when the route reports it. */
	handlerP95: number | null;
}

/** Sequential raw requests with a browser's Accept-Encoding: the server-side latency of `path`. */
export async function measureServerSide(
	origin: string,
	query: LatencyQuery,
	{ requests, warmup, maxMs }: { requests: number; warmup: number; maxMs: number }
): Promise<ServerSideResult> {
	const headers = { 'accept-encoding': BROWSER_ENCODING };
	let last = await rawGet(origin + query.path, headers);
	for (let i = 1; i < warmup; i++) last = await rawGet(origin + query.path, headers);
	const samples: number[] = [];
	const handler: number[] = [];
	const started = performance.now();
	while (samples.length < requests && (samples.length < 10 || performance.now() - started < maxMs)) {
		last = await rawGet(origin + query.path, headers);
		if (last.status !== 200) throw new Error(`${query.path} : HTTP ${last.status}`);
		samples.push(last.ms);
		if (last.handlerMs !== null) handler.push(last.handlerMs);
	}
	const s = stats(samples);
	return {
		name: query.name,
		path: query.path,
		n: s.n,
		p50: s.p50,
		p95: s.p95,
		max: s.max,
		wireBytes: last.wireBytes,
		encoding: last.encoding,
		samples,
		handlerP95: handler.length ? stats(handler).p95 : null
	};
}

/** What the map's first load downloads, on the wire with a browser's Accept-Encoding. */
export const MAP_FIRST_LOAD = [
	'/api/v1/places.geojson',
	'/api/v1/areas.geojson',
	'/geo/streets.json',
	'/glyphs/Noto%20Sans%20Regular/0-255.pbf',
	'/glyphs/Noto%20Sans%20Regular/256-511.pbf'
];

export async function mapFirstLoadBytes(origin: string): Promise<{ total: number; parts: { path: string; wireBytes: number; encoding: string | null }[] }> {
	const parts = [];
	for (const path of MAP_FIRST_LOAD) {
		const r = await rawGet(origin + path, { 'accept-encoding': BROWSER_ENCODING }, 120_000);
		if (r.status !== 200) throw new Error(`${path} : HTTP ${r.status}`);
		parts.push({ path, wireBytes: r.wireBytes, encoding: r.encoding });
	}
	return { total: parts.reduce((s, p) => s + p.wireBytes, 0), parts };
}

/**
 * A page's first render for filters nobody asked for yet (the home page keeps what it rendered
 * per directory version, filters and minute): one request each, the cost of a cache miss.
 */
export async function firstRenders(origin: string, paths: string[], pid?: number): Promise<{ renders: { path: string; ms: number }[]; cpuMsPerRender: number | null }> {
	const renders = [];
	const cpuBefore = cpuMsOf(pid);
	for (const path of paths) {
		const r = await rawGet(origin + path, { accept: 'text/html', 'accept-encoding': BROWSER_ENCODING }, 120_000);
		if (r.status !== 200) throw new Error(`${path} : HTTP ${r.status}`);
		renders.push({ path, ms: r.ms });
	}
	const cpuAfter = cpuMsOf(pid);
	return { renders, cpuMsPerRender: cpuBefore === null || cpuAfter === null ? null : (cpuAfter - cpuBefore) / paths.length };
}
