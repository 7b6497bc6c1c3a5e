/**
 * JavaScript a page loads, gzip level 9, read from the built client files.
 *
 * "Before the map": what the server-rendered HTML loads (modulepreload links, module scripts and
 * the inline bootstrap's import() calls), with the static imports of those chunks, recursively.
 * "The map": what the page's own code imports dynamically (SvelteKit's router in `entry/` is left
 * out: its dynamic imports are the other routes), with everything those chunks import in turn,
 * and the worker file they point to with `new URL(…, import.meta.url)`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const SHARED = 'chunk partagé';

/** What a shared chunk mostly holds, from the strings its minified code keeps. */
function guessLabel(file: string, text: string, maplibre: boolean): string {
	const count = (re: RegExp) => (text.match(re) ?? []).length;
	if (/worker/i.test(file)) return 'worker';
	if (maplibre) return 'maplibre-gl';
	if (file.includes('/entry/')) return 'runtime SvelteKit';
	if (count(/svelte\.dev\/e\//g) >= 5) return `${SHARED} : runtime Svelte (deviné)`;
	if (count(/__sveltekit|sveltekit:/g) >= 5) return `${SHARED} : client SvelteKit (deviné)`;
	if (text.includes('vite:preloadError')) return `${SHARED} : préchargement Vite (deviné)`;
	if (new RegExp(DYNAMIC_IMPORT.source).test(text)) return `${SHARED} : fait des import() à la demande (deviné)`;
	if (text.length < 200 && text.includes('__svelte')) return `${SHARED} : marque de version Svelte`;
	return SHARED;
}

export interface ChunkWeight {
	/** Path under build/client, e.g. _app/immutable/chunks/AbC123.js */
	file: string;
	/** What the chunk is, from the build's Vite manifest when it matches, or a guess from its content. */
	label: string;
	raw: number;
	gzip: number;
	maplibre: boolean;
}

export interface PageWeight {
	path: string;
	initial: ChunkWeight[];
	map: ChunkWeight[];
	initialGzip: number;
	mapGzip: number;
	maplibreGzip: number;
	mapAppGzip: number;
	totalGzip: number;
	initialRaw: number;
	totalRaw: number;
}

const STATIC_IMPORT = /(?:\bfrom|\bimport)\s*(["'`])(\.{1,2}\/[^"'`]+?\.m?js)\1/g;
const DYNAMIC_IMPORT = /\bimport\(\s*(["'`])(\.{1,2}\/[^"'`]+?\.m?js)\1\s*\)/g;
const URL_ASSET = /new URL\(\s*(["'`])(\.{0,2}\/?[^"'`]+?\.m?js)\1\s*,\s*import\.meta\.url\s*\)/g;
/** A `?url` import built with an absolute base: the chunk exports the asset's path as a string. */
const ABSOLUTE_ASSET = /(["'`])(\/_(?:app|enhance)\/[^"'`]+?\.m?js)\1/g;

function matches(re: RegExp, text: string): string[] {
	return [...text.matchAll(re)].map((m) => m[2]!);
}

function attr(tag: string, name: string): string | null {
	const m = tag.match(new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i'));
	return m ? (m[1] ?? m[2] ?? m[3] ?? '') : null;
}

/** URLs of the JS the HTML loads before any interaction. */
export function scriptsOfHtml(html: string, pageUrl: string, linkHeader: string | null = null): string[] {
	const found: string[] = [];
	for (const tag of html.match(/<link\b[^>]*>/gi) ?? []) {
		const rel = (attr(tag, 'rel') ?? '').toLowerCase().split(/\s+/);
		const as = (attr(tag, 'as') ?? '').toLowerCase();
		const href = attr(tag, 'href');
		if (href && (rel.includes('modulepreload') || (rel.includes('preload') && as === 'script'))) found.push(href);
	}
	for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
		const src = attr(`<script ${m[1]}>`, 'src');
		if (src) found.push(src);
		for (const spec of (m[2] ?? '').matchAll(/\bimport\(\s*(["'`])([^"'`]+)\1\s*\)/g)) found.push(spec[2]!);
	}
	for (const part of (linkHeader ?? '').split(',')) {
		const m = part.match(/<([^>]+)>\s*;(.*)$/);
		if (m && /rel\s*=\s*"?modulepreload/i.test(m[2]!)) found.push(m[1]!);
	}
	return [...new Set(found.map((u) => new URL(u, pageUrl).href))];
}

/** Labels from the build's Vite manifest (source module → output file), if it is the same build. */
export function manifestLabels(manifestPath: string, clientDir: string): Map<string, string> {
	const labels = new Map<string, string>();
	if (!existsSync(manifestPath)) return labels;
	try {
		const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, { file: string; src?: string; name?: string }>;
		for (const [key, entry] of Object.entries(manifest)) {
			if (!existsSync(join(clientDir, entry.file))) continue; // another build's file
			const source = entry.src ?? key;
			const short = source
				.replace(/^node_modules\//, '')
				.replace(/^\.svelte-kit\/generated\/client-optimized\/nodes\//, 'nœud de route ')
				.replace(/^\.svelte-kit\/generated\/client-optimized\/app\.js$/, 'routeur SvelteKit (app)')
				.replace(/^@sveltejs\/kit\/src\/runtime\/client\/entry\.js$/, 'runtime SvelteKit (start)');
			labels.set(entry.file, key.startsWith('_') ? SHARED : short);
		}
	} catch {
		// unreadable manifest: labels are guessed
	}
	return labels;
}

export class ClientFiles {
	private cache = new Map<string, Buffer>();
	constructor(
		readonly clientDir: string,
		private labels: Map<string, string> = new Map()
	) {}

	/** build/client-relative path of a same-origin URL under /_app/, or null. */
	fileOfUrl(url: string): string | null {
		const path = decodeURIComponent(new URL(url).pathname).replace(/^\/+/, '');
		// SvelteKit's own client (_app/) and the directory pages' island script (_enhance/).
		if (!path.startsWith('_app/') && !path.startsWith('_enhance/')) return null;
		return this.inside(join(this.clientDir, path));
	}

	private inside(absolute: string): string | null {
		const rel = relative(this.clientDir, absolute);
		if (rel.startsWith('..') || rel.startsWith(sep)) return null;
		return existsSync(absolute) ? rel.split(sep).join('/') : null;
	}

	read(file: string): Buffer {
		let buf = this.cache.get(file);
		if (!buf) {
			buf = readFileSync(join(this.clientDir, file));
			this.cache.set(file, buf);
		}
		return buf;
	}

	refs(file: string): { static: string[]; dynamic: string[]; assets: string[] } {
		const text = this.read(file).toString('utf8');
		const dir = dirname(join(this.clientDir, file));
		const res = (specs: string[]) =>
			specs.map((s) => this.inside(resolve(dir, s))).filter((f): f is string => f !== null);
		const absolute = matches(ABSOLUTE_ASSET, text)
			.map((p) => this.inside(join(this.clientDir, p.slice(1))))
			.filter((f): f is string => f !== null);
		return {
			static: res(matches(STATIC_IMPORT, text)),
			dynamic: res(matches(DYNAMIC_IMPORT, text)),
			assets: [...res(matches(URL_ASSET, text)), ...absolute]
		};
	}

	weigh(file: string): ChunkWeight {
		const buf = this.read(file);
		const text = buf.toString('utf8');
		const maplibreMentions = (text.match(/maplibre/gi) ?? []).length;
		const known = this.labels.get(file);
		// MapLibre: its files by name, by the manifest, or by content (its minified code names itself hundreds of times).
		const maplibre = /maplibre/i.test(file.split('/').pop()!) || /^maplibre-gl\//.test(known ?? '') || maplibreMentions >= 50;
		const label = (known && known !== SHARED ? known : null) ?? guessLabel(file, text, maplibre);
		return { file, label, raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length, maplibre };
	}

	/** The files and their static imports, recursively. */
	staticClosure(files: Iterable<string>, exclude: ReadonlySet<string> = new Set()): string[] {
		const seen = new Set<string>();
		const stack = [...files];
		while (stack.length) {
			const f = stack.pop()!;
			if (seen.has(f) || exclude.has(f)) continue;
			seen.add(f);
			if (/\.m?js$/.test(f)) stack.push(...this.refs(f).static);
		}
		return [...seen];
	}

	/** Everything reachable through static and dynamic imports and worker URLs. */
	fullClosure(files: Iterable<string>, exclude: ReadonlySet<string>): string[] {
		const seen = new Set<string>();
		const stack = [...files];
		while (stack.length) {
			const f = stack.pop()!;
			if (seen.has(f) || exclude.has(f)) continue;
			seen.add(f);
			const r = this.refs(f);
			stack.push(...r.static, ...r.dynamic, ...r.assets);
		}
		return [...seen];
	}
}

export function weighPage(files: ClientFiles, path: string, scriptUrls: string[]): PageWeight {
	const entries = scriptUrls.map((u) => files.fileOfUrl(u)).filter((f): f is string => f !== null);
	const initialFiles = files.staticClosure(entries);
	const initialSet = new Set(initialFiles);
	// The page's own dynamic imports (the map); the router's (other routes, error page) are not.
	const lazyRoots = initialFiles
		.filter((f) => !f.includes('/entry/'))
		.flatMap((f) => files.refs(f).dynamic)
		.filter((f) => !initialSet.has(f));
	const mapFiles = files.fullClosure(lazyRoots, initialSet);

	const initial = initialFiles.map((f) => files.weigh(f)).sort((a, b) => b.gzip - a.gzip);
	const map = mapFiles.map((f) => files.weigh(f)).sort((a, b) => b.gzip - a.gzip);
	const sum = (list: ChunkWeight[], key: 'gzip' | 'raw' = 'gzip') => list.reduce((s, c) => s + c[key], 0);
	const maplibre = map.filter((c) => c.maplibre);
	return {
		path,
		initial,
		map,
		initialGzip: sum(initial),
		mapGzip: sum(map),
		maplibreGzip: sum(maplibre),
		mapAppGzip: sum(map) - sum(maplibre),
		totalGzip: sum(initial) + sum(map),
		initialRaw: sum(initial, 'raw'),
		totalRaw: sum(initial, 'raw') + sum(map, 'raw')
	};
}
