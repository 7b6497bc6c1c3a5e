import { resolve } from 'node:path';

const DEFAULT_DATABASE_PATH = resolve('db/roubaix.sqlite');

/**
 * Read from the process environment (not `$env`) so the command-line scripts share it.
 * Documented in the README.
 */
export const config = {
	databasePath: resolve(process.env.DATABASE_PATH || DEFAULT_DATABASE_PATH),
	/**
	 * A missing SQLite file is created only at the default path (a fresh clone's first start) or
	 * when DATABASE_CREATE=1 asks for it: a mistyped DATABASE_PATH must not start on an empty database.
	 */
	createDatabase: resolve(process.env.DATABASE_PATH || DEFAULT_DATABASE_PATH) === DEFAULT_DATABASE_PATH || process.env.DATABASE_CREATE === '1',
	/** `postgres://user:pass@host:5432/name`: when set, PostgreSQL is used instead of the SQLite file. */
	databaseUrl: process.env.DATABASE_URL || null,
	seedDir: resolve(process.env.SEED_DIR ?? 'db/seed'),
	/** `smtp://user:pass@host:587`; without it, mail goes to the local outbox table. */
	smtpUrl: process.env.SMTP_URL || null,
	/** The public address (adapter-node's ORIGIN): https there means the site is only ever served over https. */
	origin: process.env.ORIGIN || null,
	mailFrom: process.env.MAIL_FROM || 'Carte de l’inclusion numérique de Roubaix <ne-pas-repondre@localhost>',
	/**
	 * What only the City and its host can say, shown on /mentions-legales and /accessibilite; each
	 * empty one reads « à compléter » on the page rather than being made up.
	 */
	legal: {
		contactEmail: process.env.LEGAL_CONTACT_EMAIL || null,
		publisher: process.env.LEGAL_PUBLISHER || null,
		director: process.env.LEGAL_DIRECTOR || null,
		host: process.env.LEGAL_HOST || null
	}
};

/** What `openDatabase` is given: the PostgreSQL URL when there is one, else the SQLite file. */
export const databaseTarget = (): string => config.databaseUrl ?? config.databasePath;
