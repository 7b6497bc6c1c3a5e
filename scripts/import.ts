/**
 * npm run import -- [--hors-territoire] FILE [FILE…]
 * Imports files in the national "lieux de médiation numérique" schema (CSV, JSON or GeoJSON)
 * into the database named by DATABASE_PATH. Valid rows come in; refused rows are listed with their
 * line, field and reason, and make the command exit 1 (said on the last line). Places outside
 * Roubaix are set aside and counted, unless `--hors-territoire` is given. A file from a source the
 * directory already holds writes nothing: it becomes an import review for the coordinator.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { config } from '../src/lib/server/config';
import * as places from '../src/lib/server/db/queries/places';
import { createReview } from '../src/lib/server/import-review/create';
import { importSchemaFile } from '../src/lib/server/import/importer';
import { mapSchemaFile } from '../src/lib/server/import/map-file';
import { directoryTerritory } from '../src/lib/server/import/territory';
import { prepareDatabase } from '../src/lib/server/seed/index';
import { openCommandDatabase } from './open-database';

const args = process.argv.slice(2).filter((a) => a !== '--');
const includeOutside = args.includes('--hors-territoire');
const files = args.filter((a) => a !== '--hors-territoire');
if (files.length === 0 || files.some((f) => f.startsWith('--'))) {
	console.error('Usage : npm run import -- [--hors-territoire] FICHIER [FICHIER…]');
	process.exit(2);
}
const territory = includeOutside ? null : directoryTerritory();

const { db } = openCommandDatabase('Import impossible');
await prepareDatabase(db, config.seedDir, (line) => console.log(line));
let failed = 0;
let refusedRows = 0;
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
	const mapped = mapSchemaFile(basename(file), content, { territory });
	if (mapped.ok) {
		const sources = [...new Set(mapped.places.map((p) => p.source))];
		if (await places.anyFromSources(db, sources)) {
			const review = await createReview(db, null, basename(file), content, new Date(), { includeOutside });
			if (review.ok) {
				const c = review.counts;
				console.log(
					`${file} : la source est déjà dans l'annuaire, rien n'a été écrit. Revue n° ${review.reviewId} créée ` +
						`(${c.new} nouveaux, ${c.changed} modifiés, ${c.gone} disparus, ${c.duplicate} doublons probables, ${c.unchanged} inchangés) : ` +
						`décidez sur /admin/imports/${review.reviewId}. ${mapped.rejected.length} ligne(s) refusée(s), ` +
						`${mapped.warned.length} avec avertissement, ${mapped.setAside.length} hors territoire mise(s) de côté.`
				);
				for (const row of mapped.rejected) {
					for (const e of row.errors) console.error(`  refusée · ${row.position} · ${e.field} : ${e.reason}`);
				}
				refusedRows += mapped.rejected.length;
				continue;
			}
		}
	}
	const report = await importSchemaFile(db, basename(file), content, {
		includeOutside,
		onProgress: (done, total) => process.stdout.write(`\r${basename(file)} : ${done}/${total} lieux`)
	});
	process.stdout.write('\n');
	if (report.ok) {
		const s = report.summary;
		for (const row of report.warned) {
			for (const w of row.warnings) console.log(`  avertissement · ${row.position} (${row.name}) · ${w.field} : ${w.reason}`);
		}
		for (const row of report.rejected) {
			for (const e of row.errors) console.error(`  refusée · ${row.position} · ${e.field} : ${e.reason}`);
		}
		refusedRows += report.rejected.length;
		console.log(
			`${file} : ${report.imported} lieux importés sur ${report.rows} lignes. Lieux : ${s.placesCreated} créés, ${s.placesUpdated} modifiés, ${s.placesUnchanged} inchangés. ` +
				`Offres : ${s.offersCreated} créées, ${s.offersUpdated} modifiées, ${s.offersRemoved} retirées. Signalements qualité : ${s.flags}. ` +
				`${report.warned.length} ligne(s) avec avertissement, ${report.rejected.length} refusée(s), ${report.setAside.length} hors territoire mise(s) de côté` +
				(report.setAside.length > 0 && !includeOutside ? ' (--hors-territoire pour les importer).' : '.')
		);
	} else {
		failed++;
		console.error(`${file} : ${report.error}`);
		for (const row of report.rejected) {
			for (const e of row.errors) console.error(`  refusée · ${row.position} · ${e.field} : ${e.reason}`);
		}
	}
}
await db.destroy();
// The last line says whether anything was refused: a script reading the exit code knows why.
if (failed > 0 || refusedRows > 0) {
	console.error(
		`Import terminé avec des refus : ${failed} fichier(s) refusé(s), ${refusedRows} ligne(s) refusée(s) ; les lignes valides ont été importées.`
	);
	process.exit(1);
}
console.log('Import terminé : aucune ligne refusée.');
process.exit(0);
