import { config } from '../config';
import { openDatabase, type Connection } from './connect';

let connection: Connection | null = null;

/** One connection per process: better-sqlite3 is synchronous, so sharing it is safe and fastest. */
export function database(): Connection {
	connection ??= openDatabase(config.databasePath);
	return connection;
}
