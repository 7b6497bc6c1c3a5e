import { databaseTarget } from '../config';
import { openDatabase, type Connection } from './connect';

let connection: Connection | null = null;

/**
 * One connection per process: better-sqlite3 is synchronous, so sharing it is safe and fastest;
 * on PostgreSQL it is one pool.
 */
export function database(): Connection {
	connection ??= openDatabase(databaseTarget());
	return connection;
}
