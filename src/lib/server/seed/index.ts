import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { migrate, type DB } from '../db/connect';
import * as areas from '../db/queries/areas';
import { importSchemaFile } from '../import/importer';
import { seedGeography } from './geography';
import { seedEditions } from './network';

export const SEED_PLACES_FILE = 'roubaix_lieux_mediation_numerique_2023.csv';

/**
 * First start: migrate, then load the geography and the 39 real places. Later starts only
 * migrate; the data is never re-seeded over what people have changed.
 */
export async function prepareDatabase(db: DB, seedDir: string, log: (line: string) => void = () => {}): Promise<void> {
	await migrate(db);
	// Every start: adds only the note's editions that are missing (a database made before them gets them).
	const editions = await seedEditions(db);
	if (editions > 0) log(`Petit-déjeuner : ${editions} éditions chargées.`);
	if ((await areas.count(db)) > 0) return;
	const count = await seedGeography(db, seedDir);
	log(`Géographie chargée : ${count} territoires.`);
	const content = readFileSync(join(seedDir, SEED_PLACES_FILE), 'utf8');
	const report = await importSchemaFile(db, SEED_PLACES_FILE, content);
	if (!report.ok) throw new Error(`Données initiales refusées : ${report.error}`);
	log(`Lieux chargés : ${report.summary.placesCreated} lieux, ${report.summary.offersCreated} offres, ${report.summary.flags} signalements.`);
}
