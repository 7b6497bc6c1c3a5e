/**
 * The built app, copied aside and started on 127.0.0.1 with its own database.
 *
 * The copy (a "snapshot") keeps one run consistent when someone rebuilds `build/` meanwhile:
 * the JS weighed and the server measured come from the same build. It lives in the bench's
 * temporary folder with a link to the project's node_modules (for the server's external
 * packages) and a package.json saying ESM; the server runs from the project folder, so
 * `db/seed` is found as with `node build`. Its database is a SQLite file or a postgres:// URL.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { databaseEnv } from './databases';

export interface Snapshot {
	dir: string;
	buildDir: string;
	clientDir: string;
}

export function snapshotBuild(projectDir: string, workDir: string): Snapshot {
	const dir = join(workDir, 'app');
	const buildDir = join(dir, 'build');
	cpSync(join(projectDir, 'build'), buildDir, { recursive: true });
	writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module', private: true }));
	symlinkSync(join(projectDir, 'node_modules'), join(dir, 'node_modules'), 'dir');
	return { dir, buildDir, clientDir: join(buildDir, 'client') };
}

export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}

export interface RunningServer {
	origin: string;
	pid: number;
	/** Time from spawn to the first answered request (migrations and, on a fresh database, seeding). */
	startMs: number;
	/** Duration of that first answered request: it builds the in-memory catalogue. */
	firstRequestMs: number;
	log: () => string;
	/** SIGTERM, then SIGKILL after 10 s: how long the server took to go, and whether it had to be killed. */
	stop: () => Promise<{ ms: number; killed: boolean }>;
}

const running = new Set<ChildProcess>();

/** Stops every server still running (used on exit and on a signal). */
export function killAllServers(): void {
	for (const child of running) {
		if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
	}
	running.clear();
}

export async function startServer(options: {
	snapshot: Snapshot;
	projectDir: string;
	/** A SQLite file or a postgres:// URL (DATABASE_PATH or DATABASE_URL for the server). */
	database: string;
	nodeArgs?: string[];
	timeoutMs?: number;
}): Promise<RunningServer> {
	const port = await freePort();
	const origin = `http://127.0.0.1:${port}`;
	const started = performance.now();
	const child = spawn(process.execPath, [...(options.nodeArgs ?? []), options.snapshot.buildDir], {
		cwd: options.projectDir,
		env: {
			...process.env,
			NODE_ENV: 'production',
			...databaseEnv(options.database),
			HOST: '127.0.0.1',
			PORT: String(port),
			ORIGIN: origin,
			SHUTDOWN_TIMEOUT: '2'
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	running.add(child);
	let output = '';
	const keep = (chunk: Buffer) => {
		output = (output + chunk.toString('utf8')).slice(-20_000);
	};
	child.stdout!.on('data', keep);
	child.stderr!.on('data', keep);
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

	const deadline = started + (options.timeoutMs ?? 60_000);
	let startMs = 0;
	let firstRequestMs = 0;
	for (;;) {
		if (child.exitCode !== null || child.signalCode !== null) {
			running.delete(child);
			throw new Error(`Le serveur s'est arrêté au démarrage (code ${child.exitCode ?? child.signalCode}) :\n${output}`);
		}
		try {
			const asked = performance.now();
			const res = await fetch(`${origin}/api/v1/offers?limit=1`, { signal: AbortSignal.timeout(30_000) });
			await res.arrayBuffer();
			if (res.ok) {
				startMs = performance.now() - started;
				firstRequestMs = performance.now() - asked;
				break;
			}
		} catch {
			// not listening yet
		}
		if (performance.now() > deadline) {
			child.kill('SIGKILL');
			running.delete(child);
			throw new Error(`Le serveur n'a pas répondu en ${Math.round((options.timeoutMs ?? 60_000) / 1000)} s :\n${output}`);
		}
		await new Promise((r) => setTimeout(r, 100));
	}

	return {
		origin,
		pid: child.pid!,
		startMs,
		firstRequestMs,
		log: () => output,
		stop: async () => {
			const asked = performance.now();
			let killed = false;
			if (child.exitCode === null && child.signalCode === null) {
				// SIGTERM lets adapter-node close and Node write a --cpu-prof profile; SIGKILL if it lingers.
				child.kill('SIGTERM');
				const timer = setTimeout(() => {
					killed = true;
					child.kill('SIGKILL');
				}, 10_000);
				await exited;
				clearTimeout(timer);
			}
			running.delete(child);
			return { ms: performance.now() - asked, killed };
		}
	};
}

export function hasBuild(projectDir: string): boolean {
	return existsSync(join(projectDir, 'build', 'index.js')) && existsSync(join(projectDir, 'build', 'client', '_app'));
}
