import { resolve } from 'node:path';

/**
 * Read from the process environment (not `$env`) so the command-line scripts share it.
 * Documented in the README.
 */
export const config = {
	databasePath: resolve(process.env.DATABASE_PATH ?? 'db/roubaix.sqlite'),
	seedDir: resolve(process.env.SEED_DIR ?? 'db/seed')
};
