/**
 * npm run orientations:suivi [-- --maintenant=2027-01-15T09:00]
 * The referrals' follow-up, on the database the app uses (DATABASE_PATH or DATABASE_URL): one
 * reminder to a structure silent for five working days, expiry after 30 days, erasure of the
 * resident's fields 90 days after closing. Run it every hour or every day (README, « Adressages »);
 * running it twice does nothing more. The clock is `--maintenant=…` or REFERRALS_NOW (an ISO
 * instant, read as UTC without an offset), so tests choose the date; the links in the mails start
 * with ORIGIN.
 */
import { runFollowUp } from '../src/lib/server/referrals/follow';
import { config } from '../src/lib/server/config';
import { openCommandDatabase } from './open-database';

function clock(): Date {
	const arg = process.argv.find((a) => a.startsWith('--maintenant='))?.slice('--maintenant='.length) ?? process.env.REFERRALS_NOW;
	if (!arg) return new Date();
	const text = /([zZ]|[+-]\d\d:?\d\d)$/.test(arg) ? arg : `${arg}Z`;
	const now = new Date(text);
	if (Number.isNaN(now.getTime())) {
		console.error(`Suivi impossible : date illisible « ${arg} » (attendu par exemple 2027-01-15T09:00).`);
		process.exit(1);
	}
	return now;
}

const now = clock();
const connection = openCommandDatabase('Suivi impossible', false);
try {
	const report = await runFollowUp(connection.db, config.origin ?? 'http://localhost:3000', now);
	console.log(`Adressages au ${now.toISOString()} : ${report.reminded} rappel(s), ${report.expired} expiration(s), ${report.erased} effacement(s).`);
} catch (error) {
	console.error(`Suivi impossible : ${(error as Error).message}`);
	process.exitCode = 1;
} finally {
	await connection.db.destroy();
}
