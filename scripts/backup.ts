/**
 * npm run backup -- FICHIER
 * A consistent copy of the SQLite database (DATABASE_PATH), taken while the app keeps serving.
 * Refuses, writing nothing, when FICHIER exists or when DATABASE_URL names a PostgreSQL database
 * (pg_dump does that job). Restore: npm run restore -- FICHIER (README, « Sauvegarde »).
 */
import { resolve } from 'node:path';
import { BackupRefusal, backupSqlite, formatSize } from '../src/lib/server/db/backup';
import { config, databaseTarget } from '../src/lib/server/config';

const files = process.argv.slice(2).filter((a) => a !== '--');
if (files.length !== 1) {
	console.error('Usage : npm run backup -- FICHIER   (par exemple sauvegardes/roubaix-2026-12-01.sqlite)');
	process.exit(2);
}
const file = resolve(files[0]!);
const started = performance.now();
try {
	const copy = await backupSqlite(databaseTarget(), file);
	const secondsTaken = ((performance.now() - started) / 1000).toLocaleString('fr-FR', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
	console.log(
		`Sauvegarde de ${config.databasePath} écrite dans ${copy.file} : ${formatSize(copy.bytes)}, ` +
			`${copy.places} lieux, ${copy.offers} offres (${secondsTaken} s).`
	);
} catch (error) {
	console.error(error instanceof BackupRefusal ? `Sauvegarde refusée : ${error.message}` : `Sauvegarde impossible : ${(error as Error).message}`);
	process.exit(1);
}
