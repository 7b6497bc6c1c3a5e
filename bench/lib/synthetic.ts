/**
 * Synthetic data for the bench: the file comes from scripts/generate-synthetic.ts (every row says
 * it is synthetic) and goes into a bench database through the app's real importer, the command
 * `npm run import` runs (scripts/import.ts), timed from its own output.
 */
import { statSync } from 'node:fs';
import { databaseEnv } from './databases';
import { runCommand } from './process';

export interface GeneratedFile {
	file: string;
	places: number;
	offers: number;
	streets: number;
	bytes: number;
	ms: number;
}

export async function generateSynthetic(projectDir: string, file: string, places: number, streets?: number): Promise<GeneratedFile> {
	const args = ['tsx', 'scripts/generate-synthetic.ts', String(places), '--out', file, ...(streets ? ['--voies', String(streets)] : [])];
	const gen = await runCommand(projectDir, 'npx', args, { timeoutMs: 180_000 });
	if (gen.code !== 0) throw new Error(`Génération impossible :\n${gen.output}`);
	const generated = gen.output.match(/(\d+) lieux synthétiques, (\d+) offres.*?(\d+) voies/);
	return {
		file,
		places: Number(generated?.[1] ?? places),
		offers: Number(generated?.[2] ?? NaN),
		streets: Number(generated?.[3] ?? streets ?? 20),
		bytes: statSync(file).size,
		ms: gen.ms
	};
}

export interface ImportTiming {
	/** The whole command, Node and tsx start included. */
	totalMs: number;
	/** When the base was empty: until the real data was loaded (« Lieux chargés »). */
	seedMs: number | null;
	/** Until the first place is written: start, migrations, the real data when the base was empty, reading and mapping the file. */
	beforeWriteMs: number | null;
	/** Writing the places and their offers, one by one (progress "n/N lieux"). */
	writeMs: number | null;
	/** From the last place to the summary: quality flags of every place, then the commit. */
	qualityAndCommitMs: number | null;
	offersCreated: number;
	summary: string;
}

export async function importFile(projectDir: string, file: string, target: string, timeoutMs: number): Promise<ImportTiming> {
	const imp = await runCommand(projectDir, 'npx', ['tsx', 'scripts/import.ts', file], { env: databaseEnv(target), timeoutMs });
	if (imp.code !== 0) throw new Error(`Import refusé :\n${imp.output.slice(-4000)}`);
	const summary = imp.lines.map((l) => l.text).find((t) => t.includes('lignes acceptées')) ?? '';
	const firstProgress = imp.lines.find((l) => /: 1\/\d+ lieux/.test(l.text));
	const lastProgress = [...imp.lines].reverse().find((l) => /: (\d+)\/\1 lieux/.test(l.text));
	const end = imp.lines.find((l) => l.text.includes('lignes acceptées'));
	return {
		totalMs: imp.ms,
		seedMs: imp.lines.find((l) => l.text.startsWith('Lieux chargés'))?.at ?? null,
		beforeWriteMs: firstProgress?.at ?? null,
		writeMs: firstProgress && lastProgress ? lastProgress.at - firstProgress.at : null,
		qualityAndCommitMs: lastProgress && end ? end.at - lastProgress.at : null,
		offersCreated: Number(summary.match(/Offres : (\d+) créées/)?.[1] ?? NaN),
		summary: summary.replace(/^.*?: /, '')
	};
}
