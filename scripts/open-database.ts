/**
 * The database of a command (import, user:create, purge), opened with the server's start-up rule:
 * a missing SQLite file is created only at the default path or with DATABASE_CREATE=1 (`create`
 * false: never), so a mistyped DATABASE_PATH stops the command with one French line instead of
 * filling a new empty file.
 */
import { config, databaseTarget } from '../src/lib/server/config';
import { openDatabase, type Connection } from '../src/lib/server/db/connect';
import { checkSqliteFile } from '../src/lib/server/db/preflight';

export function openCommandDatabase(refusal: string, create = config.createDatabase): Connection {
	if (!config.databaseUrl) {
		try {
			checkSqliteFile(config.databasePath, create);
		} catch (error) {
			console.error(`${refusal} : ${(error as Error).message}`);
			process.exit(1);
		}
	}
	return openDatabase(databaseTarget());
}
