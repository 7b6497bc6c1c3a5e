/**
 * `npm run import`: the valid rows come in, and the command exits 1 when a row was refused,
 * saying so on its last line; `--hors-territoire` takes the places outside Roubaix in.
 * Runs the real script on a temporary SQLite file (the command-line import is SQLite's or
 * DATABASE_URL's; the importer itself is tested on both engines).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'import-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function importCli(databaseName: string, ...args: string[]) {
	const env = { ...process.env, DATABASE_PATH: join(dir, databaseName), DATABASE_CREATE: '1' } as Record<string, string | undefined>;
	delete env.DATABASE_URL;
	const run = spawnSync('npx', ['tsx', 'scripts/import.ts', ...args], { env, encoding: 'utf8', timeout: 120_000 });
	const lines = `${run.stdout}\n${run.stderr}`.split(/[\r\n]+/).filter(Boolean);
	return { status: run.status, stdout: run.stdout, stderr: run.stderr, lines };
}

const fixture = (name: string) => join(import.meta.dirname, 'fixtures', name);

describe('npm run import', () => {
	it('imports the valid rows, lists the refused ones, exits 1 and says so last', () => {
		const run = importCli('a.sqlite', fixture('broken.csv'));
		expect(run.status).toBe(1);
		expect(run.stdout).toContain('broken.csv : 2 lieux importés sur 4 lignes.');
		expect(run.stderr).toContain('  refusée · ligne 4 · nom : nom est obligatoire');
		expect(run.stdout).toContain('  avertissement · ligne 5 (Caf du Nord) · services : valeur inconnue « Faire du vélo »');
		expect(run.stderr.trim().split('\n').at(-1)).toBe(
			'Import terminé avec des refus : 0 fichier(s) refusé(s), 2 ligne(s) refusée(s) ; les lignes valides ont été importées.'
		);
	}, 120_000);

	it('sets the places outside Roubaix aside, and takes them with --hors-territoire', () => {
		const aside = importCli('b.sqlite', fixture('anct-api-lieux.json'));
		expect(aside.status).toBe(0);
		expect(aside.stdout).toContain('15 hors territoire mise(s) de côté (--hors-territoire pour les importer).');
		expect(aside.stdout.trim().split('\n').at(-1)).toBe('Import terminé : aucune ligne refusée.');
		const all = importCli('c.sqlite', '--hors-territoire', fixture('anct-api-lieux.json'));
		expect(all.status).toBe(0);
		expect(all.stdout).toContain('anct-api-lieux.json : 45 lieux importés sur 45 lignes.');
	}, 120_000);
});
