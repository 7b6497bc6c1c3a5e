/**
 * npm run purge
 * Erases the personal data kept past its retention (src/lib/domain/retention.ts, shown on
 * /donnees-personnelles), on the database the app uses (DATABASE_PATH or DATABASE_URL). Run it
 * once a day (README, « Données personnelles »); running it twice erases nothing more.
 */
import { RETENTION, describeErased } from '../src/lib/domain/retention';
import { config, databaseTarget } from '../src/lib/server/config';
import { openDatabase } from '../src/lib/server/db/connect';
import { checkSqliteFile } from '../src/lib/server/db/preflight';
import { purgePersonalData } from '../src/lib/server/privacy/purge';

// A mistyped DATABASE_PATH must not purge (and create) an empty file.
if (!config.databaseUrl) {
	try {
		checkSqliteFile(config.databasePath, false);
	} catch (error) {
		console.error(`Purge impossible : ${(error as Error).message}`);
		process.exit(1);
	}
}
const connection = openDatabase(databaseTarget());
try {
	const report = await purgePersonalData(connection.db);
	for (const rule of RETENTION) console.log(describeErased(rule, report[rule.key]));
	const total = Object.values(report).reduce((a, b) => a + b, 0);
	console.log(`Données personnelles : ${total.toLocaleString('fr-FR')} ${total > 1 ? 'effacements' : 'effacement'} au total.`);
} catch (error) {
	console.error(`Purge impossible, rien n’a été effacé : ${(error as Error).message}`);
	process.exitCode = 1;
} finally {
	await connection.db.destroy();
}
