/**
 * Child commands of the bench (build, generator, importer): each in its own process group with a
 * time limit, so a stuck one is killed with everything it started.
 */
import { spawn } from 'node:child_process';

export interface CommandResult {
	code: number | null;
	output: string;
	/** Output lines, each stamped (ms from the start) when its first characters arrived. */
	lines: { at: number; text: string }[];
	ms: number;
}

const children = new Set<ReturnType<typeof spawn>>();

function killGroup(pid: number | undefined): void {
	if (!pid) return;
	try {
		process.kill(-pid, 'SIGKILL');
	} catch {
		// already gone
	}
}

/** Kills every command still running (on exit, on a signal, past the bench's time limit). */
export function killAllCommands(): void {
	for (const child of children) if (child.exitCode === null) killGroup(child.pid);
	children.clear();
}

export function runCommand(
	cwd: string,
	command: string,
	args: string[],
	{ env = {}, timeoutMs }: { env?: Record<string, string>; timeoutMs: number }
): Promise<CommandResult> {
	return new Promise((resolvePromise, reject) => {
		const started = performance.now();
		const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
		children.add(child);
		let output = '';
		const lines: { at: number; text: string }[] = [];
		// A line is stamped when its first characters arrive: progress lines ("\r… 4000/4000 lieux")
		// end only when the next output comes, maybe much later.
		let partial = '';
		let partialAt = 0;
		const onData = (chunk: Buffer) => {
			const text = chunk.toString('utf8');
			output += text;
			const at = performance.now() - started;
			const parts = (partial + text).split(/[\r\n]/);
			const firstAt = partial ? partialAt : at;
			const rest = parts.pop() ?? '';
			parts.forEach((p, i) => {
				if (p.trim()) lines.push({ at: i === 0 ? firstAt : at, text: p });
			});
			partialAt = parts.length === 0 ? firstAt : at;
			partial = rest;
		};
		child.stdout!.on('data', onData);
		child.stderr!.on('data', onData);
		const timer = setTimeout(() => {
			killGroup(child.pid);
			reject(new Error(`${command} ${args.join(' ')} : plus de ${timeoutMs / 1000} s, arrêté.\n${output.slice(-3000)}`));
		}, timeoutMs);
		child.on('error', reject);
		child.on('close', (code) => {
			clearTimeout(timer);
			children.delete(child);
			if (partial.trim()) lines.push({ at: partialAt, text: partial });
			resolvePromise({ code, output, lines, ms: performance.now() - started });
		});
	});
}
