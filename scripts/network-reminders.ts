/**
 * npm run reseau:rappels
 * Mails the reminder of the Petit-déjeuner to everyone with a confirmed seat at an edition held
 * two days from now (Roubaix's date). Run it once a day (cron); running it again the same day
 * sends nothing more. RESEAU_MAINTENANT=2026-03-11T08:00:00Z runs it as of another instant (tests,
 * catching up a missed day). The links in the mail use ORIGIN (the public address of the site).
 */
import { config } from '../src/lib/server/config';
import { sendReminders } from '../src/lib/server/network/registrations';
import { openCommandDatabase } from './open-database';

const typed = process.env.RESEAU_MAINTENANT;
const now = typed ? new Date(typed) : new Date();
if (Number.isNaN(now.getTime())) {
	console.error(`Rappels impossibles : RESEAU_MAINTENANT="${typed}" n’est pas une date (exemple : 2026-03-11T08:00:00Z).`);
	process.exit(1);
}
const origin = config.origin ?? 'http://localhost:3000';
const connection = openCommandDatabase('Rappels impossibles', false);
try {
	const { sent, failed, heldOn } = await sendReminders(connection.db, origin, now);
	console.log(`Rappels des éditions du ${heldOn} : ${sent} envoyé${sent > 1 ? 's' : ''}${failed ? `, ${failed} en échec (renvoyés au prochain passage)` : ''}.`);
	if (failed) process.exitCode = 1;
} catch (error) {
	console.error(`Rappels impossibles : ${(error as Error).message}`);
	process.exitCode = 1;
} finally {
	await connection.db.destroy();
}
