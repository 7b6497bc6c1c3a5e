/**
 * A door in front of work that holds the event loop for a long time (a « Et si… » recompute takes
 * about 150 ms of CPU). Node renders every page on one thread: without a bound, a few clients
 * looping on such a page keep that thread busy and every visitor of `/` waits behind them.
 *
 * - One piece of work at a time, and after each one the door stays shut for `restFactor` times
 *   its duration (the work and the rendering of its answer): the work and its answers can never
 *   take more than 1 / (1 + restFactor) of the thread.
 * - A small waiting room (`maxWaiting`); beyond it, and for a client who already has work
 *   waiting, the answer is « busy » at once, with the delay after which to retry.
 * - Per client, at most `perClient.limit` admissions per sliding window.
 *
 * The counters live in this process's memory on purpose: what they protect is this instance's
 * CPU, not a figure shared between instances (those limits are in the database, auth/rate-limit.ts).
 */

export interface GateOptions {
	maxWaiting: number;
	restFactor: number;
	perClient: { limit: number; windowMs: number };
	/** Milliseconds, monotonic; injected by the tests. */
	now?: () => number;
}

export type GateRefusal = { ok: false; reason: 'client' | 'busy'; retryAfterSeconds: number };
export type GateAnswer<T> = { ok: true; value: T } | GateRefusal;

interface Waiting {
	client: string;
	work: () => unknown;
	resolve: (value: unknown) => void;
	reject: (error: unknown) => void;
}

/** Clients remembered at most: an address flood cannot grow the map without bound. */
const MAX_CLIENTS = 10_000;

export class CostGate {
	private readonly queue: Waiting[] = [];
	private readonly admissions = new Map<string, number[]>();
	private running = false;
	private restUntil = 0;
	private lastCostMs = 100;
	private timer: ReturnType<typeof setTimeout> | null = null;
	private readonly now: () => number;

	constructor(private readonly options: GateOptions) {
		this.now = options.now ?? (() => performance.now());
	}

	/**
	 * Counts one request of `client` against its window, without running anything (for answers
	 * that are cheap but not free, such as a cached simulation). A refusal says when to retry.
	 */
	admit(client: string): GateRefusal | null {
		const { limit, windowMs } = this.options.perClient;
		const now = this.now();
		const recent = (this.admissions.get(client) ?? []).filter((t) => t > now - windowMs);
		if (recent.length >= limit) {
			this.admissions.set(client, recent);
			return { ok: false, reason: 'client', retryAfterSeconds: Math.max(1, Math.ceil((recent[0]! + windowMs - now) / 1000)) };
		}
		recent.push(now);
		this.admissions.delete(client);
		this.admissions.set(client, recent);
		if (this.admissions.size > MAX_CLIENTS) this.admissions.delete(this.admissions.keys().next().value!);
		return null;
	}

	/** Runs `work` (synchronous, costly) when the door opens, or refuses at once. */
	async run<T>(client: string, work: () => T): Promise<GateAnswer<T>> {
		if (this.queue.length >= this.options.maxWaiting || this.queue.some((w) => w.client === client)) {
			return { ok: false, reason: 'busy', retryAfterSeconds: this.busyDelaySeconds() };
		}
		const refused = this.admit(client);
		if (refused) return refused;
		const value = await new Promise<unknown>((resolve, reject) => {
			this.queue.push({ client, work, resolve, reject });
			this.pump();
		});
		return { ok: true, value: value as T };
	}

	/** Work waiting or running, for the tests and the bench. */
	get pending(): number {
		return this.queue.length + (this.running ? 1 : 0);
	}

	private busyDelaySeconds(): number {
		const turn = this.lastCostMs * (1 + this.options.restFactor);
		return Math.max(1, Math.ceil(((this.queue.length + 1) * turn + Math.max(0, this.restUntil - this.now())) / 1000));
	}

	private pump(): void {
		if (this.running || this.timer || this.queue.length === 0) return;
		const wait = this.restUntil - this.now();
		if (wait > 0) {
			this.timer = setTimeout(() => {
				this.timer = null;
				this.pump();
			}, Math.ceil(wait));
			return;
		}
		const next = this.queue.shift()!;
		this.running = true;
		const started = this.now();
		try {
			next.resolve(next.work());
		} catch (error) {
			next.reject(error);
		}
		// The caller renders its answer in the promise jobs that follow the resolution, all run
		// before the next turn of the event loop: the cost measured there includes that render,
		// which for « Et si… » costs about as much as the computation itself.
		setImmediate(() => {
			const cost = this.now() - started;
			this.lastCostMs = Math.max(1, cost);
			this.restUntil = this.now() + cost * this.options.restFactor;
			this.running = false;
			this.pump();
		});
	}
}
