/**
 * Reads a V8 .cpuprofile (node --cpu-prof) and says where the time went: self time per function
 * and total time (self + callees) per function, counted once per sample even under recursion.
 *
 *   npx tsx bench/lib/cpu-profile.ts FILE.cpuprofile [TOP]
 */
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
	hitCount?: number;
	children?: number[];
}
interface CpuProfile {
	nodes: ProfileNode[];
	startTime: number;
	endTime: number;
	samples: number[];
	timeDeltas: number[];
}

export interface FunctionTime {
	name: string;
	where: string;
	selfMs: number;
	totalMs: number;
}

export interface ProfileSummary {
	durationMs: number;
	idleMs: number;
	gcMs: number;
	functions: FunctionTime[];
}

function shortUrl(url: string): string {
	const clean = url.replace(/^file:\/\//, '');
	const nm = clean.lastIndexOf('node_modules/');
	if (nm !== -1) return clean.slice(nm + 'node_modules/'.length);
	const m = clean.match(/(?:^|\/)((?:build|src|scripts|bench)\/.*)/);
	return m ? m[1]! : clean || '(natif)';
}

/** Built files come with source maps: name the original module (e.g. devalue, @sveltejs/kit, src/…). */
const maps = new Map<string, SourceMap | null>();
function originalPosition(url: string, line: number, column: number): string | null {
	if (!url.startsWith('file://')) return null;
	let map = maps.get(url);
	if (map === undefined) {
		map = null;
		try {
			const file = fileURLToPath(url) + '.map';
			if (existsSync(file)) map = new SourceMap(JSON.parse(readFileSync(file, 'utf8')));
		} catch {
			map = null;
		}
		maps.set(url, map);
	}
	if (!map) return null;
	const entry = map.findEntry(line, column) as { originalSource?: string; originalLine?: number };
	if (!entry?.originalSource) return null;
	return `${shortUrl(entry.originalSource.replace(/^(\.\.\/)+/, ''))}:${(entry.originalLine ?? 0) + 1}`;
}

export function summarizeProfile(file: string): ProfileSummary {
	const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
	const byId = new Map(profile.nodes.map((n) => [n.id, n]));
	const parent = new Map<number, number>();
	for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

	const keys = new Map<number, string>();
	const keyOf = (n: ProfileNode) => {
		let key = keys.get(n.id);
		if (!key) {
			const f = n.callFrame;
			const where = originalPosition(f.url, f.lineNumber, f.columnNumber) ?? `${shortUrl(f.url)}:${f.lineNumber + 1}`;
			key = `${f.functionName || '(anonyme)'}\u0000${where}`;
			keys.set(n.id, key);
		}
		return key;
	};
	const self = new Map<string, number>();
	const total = new Map<string, number>();
	let idle = 0;
	let gc = 0;
	for (let i = 0; i < profile.samples.length; i++) {
		const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000; // the delta of the next sample closes this one
		const node = byId.get(profile.samples[i]!);
		if (!node) continue;
		const name = node.callFrame.functionName;
		if (name === '(idle)' || name === '(program)') {
			idle += dt;
			continue;
		}
		if (name === '(garbage collector)') gc += dt;
		const k = keyOf(node);
		self.set(k, (self.get(k) ?? 0) + dt);
		const seen = new Set<string>();
		for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
			const n = byId.get(id)!;
			if (n.callFrame.functionName === '(root)') break;
			const key = keyOf(n);
			if (seen.has(key)) continue;
			seen.add(key);
			total.set(key, (total.get(key) ?? 0) + dt);
		}
	}
	const functions = [...total].map(([k, totalMs]) => {
		const [name, where] = k.split('\u0000') as [string, string];
		return { name, where, selfMs: self.get(k) ?? 0, totalMs };
	});
	return { durationMs: (profile.endTime - profile.startTime) / 1000, idleMs: idle, gcMs: gc, functions };
}

export function formatProfile(summary: ProfileSummary, top = 15): string {
	const busy = summary.durationMs - summary.idleMs;
	const lines = [
		`Profil : ${(summary.durationMs / 1000).toFixed(1)} s enregistrées, ${(busy / 1000).toFixed(1)} s de calcul, dont ${(summary.gcMs / 1000).toFixed(1)} s de ramasse-miettes.`,
		'',
		'Temps propre (self) :'
	];
	const row = (f: FunctionTime, ms: number) =>
		`  ${((100 * ms) / busy).toFixed(1).padStart(5)} %  ${(ms / 1000).toFixed(2).padStart(7)} s  ${f.name}  (${f.where})`;
	for (const f of [...summary.functions].sort((a, b) => b.selfMs - a.selfMs).slice(0, top)) lines.push(row(f, f.selfMs));
	lines.push('', 'Temps total (fonction et appelées ; sans la mécanique interne de Node) :');
	const own = summary.functions.filter((f) => !f.where.startsWith('node:') && !f.where.startsWith('(natif)') && !f.name.startsWith('('));
	for (const f of own.sort((a, b) => b.totalMs - a.totalMs).slice(0, top)) lines.push(row(f, f.totalMs));
	return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	const [file, top] = process.argv.slice(2);
	if (!file) {
		console.error('Usage : npx tsx bench/lib/cpu-profile.ts FICHIER.cpuprofile [N]');
		process.exit(2);
	}
	console.log(formatProfile(summarizeProfile(file), Number(top ?? 20)));
}
