/**
 * npm run import -- FILE [FILE…]
 * Imports files in the national "lieux de médiation numérique" schema (CSV, JSON or GeoJSON)
 * into the database named by DATABASE_PATH. Each file is all-or-nothing.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { config } from '../src/lib/server/config';
import { openDatabase } from '../src/lib/server/db/connect';
import { importSchemaFile } from '../src/lib/server/import/importer';
import { prepareDatabase } from '../src/lib/server/seed/index';

const files = process.argv.slice(2).filter((a) => a !== '--');
if (files.length === 0) {
	console.error('Usage : npm run import -- FICHIER [FICHIER…]');
	process.exit(2);
}

const { db } = openDatabase(config.databasePath);
await prepareDatabase(db, config.seedDir, (line) => console.log(line));
let failed = 0;
for (const file of files) {
	let content: string;
	try {
		content = readFileSync(file, 'utf8');
	} catch (e) {
		console.error(`${file} : lecture impossible (${(e as Error).message})`);
		failed++;
		continue;
	}
	const report = await importSchemaFile(db, basename(file), content, {
		onProgress: (done, total) => process.stdout.write(`\r${basename(file)} : ${done}/${total} lieux`)
	});
	process.stdout.write('\n');
	if (report.ok) {
		const s = report.summary;
		console.log(
			`${file} : ${report.rows} lignes acceptées. Lieux : ${s.placesCreated} créés, ${s.placesUpdated} modifiés, ${s.placesUnchanged} inchangés. ` +
				`Offres : ${s.offersCreated} créées, ${s.offersUpdated} modifiées, ${s.offersRemoved} retirées. Signalements qualité : ${s.flags}.`
		);
	} else {
		failed++;
		console.error(`${file} : ${report.error}`);
		for (const row of report.rejected) {
			for (const e of row.errors) console.error(`  ${row.position} · ${e.field} : ${e.reason}`);
		}
	}
}
await db.destroy();
process.exit(failed > 0 ? 1 : 0);
