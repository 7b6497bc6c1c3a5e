/**
 * npm run purge
 * Erases the personal data kept past its retention (src/lib/domain/retention.ts, shown on
 * /donnees-personnelles), on the database the app uses (DATABASE_PATH or DATABASE_URL). Run it
 * once a day (README, « Données personnelles »); running it twice erases nothing more.
 */
import { RETENTION, describeErased } from '../src/lib/domain/retention';
import { purgePersonalData } from '../src/lib/server/privacy/purge';
import { openCommandDatabase } from './open-database';

// Never creates a database: a mistyped DATABASE_PATH has nothing to purge.
const connection = openCommandDatabase('Purge impossible', false);
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
