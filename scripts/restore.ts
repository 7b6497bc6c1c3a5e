/**
 * npm run restore -- FICHIER
 * Replaces the SQLite database (DATABASE_PATH) with a backup made by npm run backup, once the app
 * is stopped. Checks first that FICHIER is a database of this app; the replaced database is kept
 * as DATABASE_PATH.avant-restauration. PostgreSQL: pg_restore (README, « Sauvegarde »).
 */
import { resolve } from 'node:path';
import { BackupRefusal, formatSize, restoreSqlite } from '../src/lib/server/db/backup';
import { databaseTarget } from '../src/lib/server/config';

const files = process.argv.slice(2).filter((a) => a !== '--');
if (files.length !== 1) {
	console.error('Usage : npm run restore -- FICHIER   (application arrêtée)');
	process.exit(2);
}
try {
	const restored = restoreSqlite(resolve(files[0]!), databaseTarget());
	console.log(
		`Base ${restored.file} restaurée depuis ${resolve(files[0]!)} : ${formatSize(restored.bytes)}, ${restored.places} lieux, ${restored.offers} offres.` +
			(restored.previous ? `\nL'ancienne base est gardée dans ${restored.previous}.` : '') +
			`\nVous pouvez redémarrer l'application.`
	);
} catch (error) {
	console.error(error instanceof BackupRefusal ? `Restauration refusée : ${error.message}` : `Restauration impossible : ${(error as Error).message}`);
	process.exit(1);
}
