import { config } from '../config';
import { database } from '../db';
import { checkWritable, redactedUrl } from '../db/connect';
import { StorageError, storageFault } from '../db/faults';
import { checkSqliteFile } from '../db/preflight';
import { prepareDatabase } from '../seed';
import { oneLine } from './log';

/**
 * The server's start: check the database can be written, then create, migrate and seed it.
 * Whatever goes wrong ends the process with one French line on stderr and a non-zero code: the
 * person reading it is installing the app, and a stack trace tells them nothing.
 */
export async function startDatabase(): Promise<void> {
	try {
		let created = false;
		if (!config.databaseUrl) created = checkSqliteFile(config.databasePath, config.createDatabase).created;
		const connection = database();
		await checkWritable(connection);
		if (created) console.log(`Base créée : ${config.databasePath}.`);
		// First start creates, migrates and seeds the database; later starts only migrate. Instances
		// starting together on one PostgreSQL database take turns.
		await connection.exclusive(() => prepareDatabase(connection.db, config.seedDir, (line) => console.log(line)));
		// adapter-node stops taking requests on SIGTERM, then says so: close the database so the
		// process ends at once (an idle PostgreSQL pool would keep it alive ten more seconds).
		process.once('sveltekit:shutdown', () => void connection.db.destroy());
	} catch (error) {
		console.error(startupFailure(error));
		process.exit(1);
	}
}

/** The one line said when the start fails. */
export function startupFailure(error: unknown): string {
	const where = config.databaseUrl ? redactedUrl(config.databaseUrl) : config.databasePath;
	if (error instanceof StorageError) return `Démarrage impossible : ${error.message}`;
	const fault = storageFault(error);
	if (fault) return `Démarrage impossible : ${fault} (${where}).`;
	const message = error instanceof Error ? error.message : String(error);
	return `Démarrage impossible : ${oneLine(message, 300)}`;
}
