/**
 * A built app (`node scripts/start.js`, as `npm start` runs it) started by a test with its own
 * environment, for what the shared e2e server cannot show: start-up faults (exit code and stderr),
 * its log lines, another ORIGIN. HTTP only: no browser.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

export interface Spawned {
	child: ChildProcess;
	origin: string;
	port: number;
	/** stdout and stderr as written so far. */
	stdout: () => string;
	stderr: () => string;
	/** Resolves with the exit code (or the signal's name) once the process has ended. */
	exited: Promise<number | string>;
	stop: () => Promise<number | string>;
}

/** A port nobody listens on right now (the kernel picks it), so parallel runs never clash. */
export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
		});
	});
}

/**
 * `fileModesApply`: as root (CI, containers), file modes do not stop a write, so the app then runs
 * without root's capabilities (util-linux's setpriv, in every Debian): still root, reading the
 * clone wherever it is, but refused what the modes refuse, like any service account.
 */
export async function spawnApp(env: Record<string, string>, options: { fileModesApply?: boolean } = {}): Promise<Spawned> {
	const port = await freePort();
	const origin = `http://127.0.0.1:${port}`;
	const node = [process.execPath, 'scripts/start.js'];
	const [command, ...args] = options.fileModesApply && process.getuid?.() === 0 ? ['setpriv', '--bounding-set=-all', '--', ...node] : node;
	const child = spawn(command!, args, {
		env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', HOST: '127.0.0.1', PORT: String(port), DATABASE_URL: '', ORIGIN: origin, ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let out = '';
	let err = '';
	child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
	child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
	const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
	const stop = async () => {
		if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
		return exited;
	};
	return { child, origin, port, stdout: () => out, stderr: () => err, exited, stop };
}

/**
 * Waits until the app answers, or until it exits: 'ready' or 'exited'. A start-up fault must end
 * the process; a server that starts instead is the defect.
 */
export async function readyOrExit(app: Spawned, timeoutMs = 45_000): Promise<'ready' | 'exited'> {
	const deadline = Date.now() + timeoutMs;
	let done = false;
	void app.exited.then(() => (done = true));
	while (Date.now() < deadline) {
		if (done) return 'exited';
		try {
			const response = await fetch(`${app.origin}/api/v1/areas.geojson?type=commune`, { signal: AbortSignal.timeout(5_000) });
			await response.arrayBuffer();
			if (response.ok) return 'ready';
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	throw new Error(`ni prêt ni arrêté après ${timeoutMs} ms :\n${app.stderr()}`);
}

/** A stack trace's frame line ("    at fn (file:1:2)"): what a refused start or request must not print. */
export const STACK_FRAME = /^\s+at\s/m;
