#!/usr/bin/env node
/**
 * node scripts/check-data-layer.mjs
 *
 * The data layer's guard: SQL lives in src/lib/server/db only (query modules, one per table
 * group). Routes and services call those modules; they never build a Kysely query, open a
 * transaction, write a raw `sql` template or reach a database driver. Fails (exit 1) with the
 * file:line of each finding. Plain Node, no dependency, so it runs before `npm ci` has finished.
 *
 * Scanned: src/routes/** (its *.test.ts too: route tests set up and read rows through the
 * helpers of src/lib/server/testing/database.ts) and src/lib/server/** except db/, testing/ and
 * *.test.ts (the library's tests check the database with those same helpers' SQL strings).
 * Lines are read as text, comments included: a comment quoting a builder call is reported too.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const ROOTS = ['src/routes', 'src/lib/server'];
const EXCLUDED_DIRS = ['src/lib/server/db', 'src/lib/server/testing'];
const EXTENSIONS = ['.ts', '.js', '.mjs', '.cjs', '.svelte'];

/** What only the query modules may write, each with the words of the report. */
const PATTERNS = [
	[/\.(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto|selectNoFrom)\s*\(/, 'Kysely query builder'],
	[/\.(transaction|connection)\s*\(\s*\)/, 'Kysely transaction or connection (use inTransaction from src/lib/server/db/transaction.ts)'],
	[/\bsql\s*(`|<|\.(raw|ref|lit|id|join|table|val)\b)/, 'raw sql template'],
	[/\b(executeQuery|CompiledQuery)\b/, 'compiled query'],
	[/\.sqlite\??\.(prepare|exec|pragma|transaction|backup)\b/, 'raw SQLite handle'],
	[/\b(?:from|import|require)\s*\(?\s*['"](better-sqlite3|pg)['"]/, 'database driver import']
];

function sourceFiles(dir) {
	const out = [];
	let entries;
	try {
		entries = readdirSync(join(root, dir));
	} catch {
		return out;
	}
	for (const name of entries) {
		const path = `${dir}/${name}`;
		if (EXCLUDED_DIRS.includes(path) || name === 'node_modules') continue;
		const stats = statSync(join(root, path));
		if (stats.isDirectory()) out.push(...sourceFiles(path));
		else if (EXTENSIONS.some((ext) => name.endsWith(ext))) out.push(path);
	}
	return out;
}

const isScanned = (path) => path.startsWith('src/routes/') || !path.endsWith('.test.ts');

const lineOf = (text, index) => text.slice(0, index).split('\n').length;

/**
 * Value imports of Kysely (`import { sql } from 'kysely'`, `export { sql } from 'kysely'`, a
 * dynamic import): `import type { … }`, or braces whose every name is `type X`, only bring types.
 */
function kyselyValueImports(text) {
	const found = [];
	const statement = /\b(import|export)\s+(type\s+)?([^;'"]*?)\s*from\s*['"]kysely['"]/g;
	for (const match of text.matchAll(statement)) {
		if (match[2]) continue;
		const clause = match[3].trim();
		const braces = /^\{([\s\S]*)\}$/.exec(clause);
		const names = braces ? braces[1].split(',').map((n) => n.trim()).filter(Boolean) : null;
		if (names && names.every((n) => /^type\s/.test(n))) continue;
		found.push({ line: lineOf(text, match.index), what: "value import from 'kysely' (only `import type` is allowed here)" });
	}
	for (const match of text.matchAll(/\b(import|require)\s*\(\s*['"]kysely['"]\s*\)/g)) {
		found.push({ line: lineOf(text, match.index), what: "dynamic import of 'kysely'" });
	}
	return found;
}

function findings(path, text) {
	const found = kyselyValueImports(text);
	text.split('\n').forEach((line, i) => {
		for (const [pattern, what] of PATTERNS) if (pattern.test(line)) found.push({ line: i + 1, what, code: line.trim() });
	});
	return found.sort((a, b) => a.line - b.line).map((f) => ({ path, ...f }));
}

const files = ROOTS.flatMap(sourceFiles).filter(isScanned).sort();
const all = files.flatMap((path) => findings(path, readFileSync(join(root, path), 'utf8')));

if (all.length === 0) {
	console.log(`Couche de données : aucune requête hors de src/lib/server/db (${files.length} fichiers lus).`);
	process.exit(0);
}
for (const f of all) console.log(`${f.path.split('/').join(sep)}:${f.line}: ${f.what}${f.code ? `\n    ${f.code.slice(0, 160)}` : ''}`);
const byFile = new Set(all.map((f) => f.path)).size;
console.error(
	`\nCouche de données : ${all.length} requête(s) hors de src/lib/server/db, dans ${byFile} fichier(s).` +
		'\nÉcrivez-les dans un module de src/lib/server/db/queries/ et appelez-le (espace de noms : `import * as users from …`).'
);
process.exit(1);
