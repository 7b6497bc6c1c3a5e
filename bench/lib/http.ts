/**
 * HTTP measurements against a local server only (127.0.0.1), each bounded in count and in time.
 */
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
}

export async function measureThroughput(
	origin: string,
	path: string,
	{ connections, durationS }: { connections: number; durationS: number }
): Promise<ThroughputResult> {
	const first = await timedGet(origin + path);
	if (first.status !== 200) throw new Error(`${path} : HTTP ${first.status}`);
	const result = await autocannon({
		url: origin + path,
		connections,
		duration: durationS,
		timeout: 10,
		// Bounded: autocannon stops by itself at the end of `duration`.
		headers: { accept: 'text/html' }
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
		timeouts: result.timeouts
	};
}
