/**
 * npm run import -- FILE [FILE…]
 * Imports files in the national "lieux de médiation numérique" schema (CSV, JSON or GeoJSON)
 * into the database named by DATABASE_PATH. Each file is all-or-nothing. A file from a source the
 * directory already holds writes nothing: it becomes an import review for the coordinator.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { config } from '../src/lib/server/config';
import * as places from '../src/lib/server/db/queries/places';
import { createReview } from '../src/lib/server/import-review/create';
import { importSchemaFile } from '../src/lib/server/import/importer';
import { mapSchemaFile } from '../src/lib/server/import/map-file';
import { prepareDatabase } from '../src/lib/server/seed/index';
import { openCommandDatabase } from './open-database';

const files = process.argv.slice(2).filter((a) => a !== '--');
if (files.length === 0) {
	console.error('Usage : npm run import -- FICHIER [FICHIER…]');
	process.exit(2);
}

const { db } = openCommandDatabase('Import impossible');
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
	// A source already in the directory is never overwritten: its newer extract goes to review.
	const mapped = mapSchemaFile(basename(file), content);
	if (mapped.ok) {
		const sources = [...new Set(mapped.places.map((p) => p.source))];
		if (await places.anyFromSources(db, sources)) {
			const review = await createReview(db, null, basename(file), content);
			if (review.ok) {
				const c = review.counts;
				console.log(
					`${file} : la source est déjà dans l'annuaire, rien n'a été écrit. Revue n° ${review.reviewId} créée ` +
						`(${c.new} nouveaux, ${c.changed} modifiés, ${c.gone} disparus, ${c.duplicate} doublons probables, ${c.unchanged} inchangés) : ` +
						`décidez sur /admin/imports/${review.reviewId}.`
				);
				continue;
			}
		}
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
