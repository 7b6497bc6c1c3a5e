/**
 * What a storage failure means to a person, from the error SQLite or PostgreSQL gave. Used at start
 * (one French line, then exit) and at runtime (a French error page): neither shows a stack trace.
 * No SQL here: only the engines' error codes.
 */

/** A failure the app cannot recover from by itself, with what to tell the person. */
export class StorageError extends Error {}

const SQLITE_CODES: Record<string, string> = {
	SQLITE_READONLY: 'la base de données est en lecture seule',
	SQLITE_FULL: 'le disque de la base de données est plein',
	SQLITE_IOERR: 'le disque de la base de données ne répond pas (erreur d’entrée-sortie)',
	SQLITE_BUSY: 'la base de données est occupée par un autre programme',
	SQLITE_LOCKED: 'la base de données est verrouillée',
	SQLITE_CANTOPEN: 'le fichier de la base de données ne peut pas être ouvert',
	SQLITE_CORRUPT: 'le fichier de la base de données est endommagé',
	SQLITE_NOTADB: 'le fichier de DATABASE_PATH n’est pas une base SQLite',
	SQLITE_PERM: 'l’accès au fichier de la base de données est refusé'
};

// https://www.postgresql.org/docs/current/errcodes-appendix.html, by class or exact code.
const POSTGRES_CODES: Record<string, string> = {
	'25006': 'la base PostgreSQL est en lecture seule',
	'53100': 'le disque du serveur PostgreSQL est plein',
	'53300': 'le serveur PostgreSQL refuse de nouvelles connexions (trop de connexions)',
	'57P01': 'le serveur PostgreSQL s’est arrêté',
	'57P03': 'le serveur PostgreSQL démarre ou s’arrête',
	'28P01': 'PostgreSQL refuse l’utilisateur ou le mot de passe de DATABASE_URL',
	'28000': 'PostgreSQL refuse la connexion de cet utilisateur',
	'3D000': 'la base nommée dans DATABASE_URL n’existe pas (créez-la, par exemple avec createdb)',
	'08006': 'la connexion au serveur PostgreSQL a été perdue'
};

const NETWORK_CODES: Record<string, string> = {
	ECONNREFUSED: 'le serveur PostgreSQL refuse la connexion (arrêté, ou mauvais port dans DATABASE_URL ?)',
	ENOTFOUND: 'le serveur PostgreSQL de DATABASE_URL est introuvable (nom d’hôte inconnu)',
	EAI_AGAIN: 'le serveur PostgreSQL de DATABASE_URL est introuvable (nom d’hôte inconnu)',
	ETIMEDOUT: 'le serveur PostgreSQL ne répond pas',
	ECONNRESET: 'la connexion au serveur PostgreSQL a été coupée',
	EHOSTUNREACH: 'le serveur PostgreSQL est injoignable',
	ENOSPC: 'le disque est plein',
	EROFS: 'le disque est en lecture seule',
	EACCES: 'l’accès au fichier est refusé'
};

/** The French cause of a storage failure, or null when `error` is not one (a bug: keep its trace). */
export function storageFault(error: unknown): string | null {
	if (error instanceof StorageError) return error.message;
	if (!error || typeof error !== 'object') return null;
	const code = String((error as { code?: unknown }).code ?? '');
	if (code.startsWith('SQLITE_')) return SQLITE_CODES[code] ?? SQLITE_CODES[code.split('_').slice(0, 2).join('_')] ?? null;
	if (POSTGRES_CODES[code]) return POSTGRES_CODES[code];
	if (NETWORK_CODES[code]) return NETWORK_CODES[code];
	// pg wraps the reason when the connection closes while connecting.
	if (error instanceof Error && /Connection terminated|timeout exceeded when trying to connect/i.test(error.message)) {
		return 'le serveur PostgreSQL ne répond pas';
	}
	// Several addresses tried (localhost as ::1 and 127.0.0.1): the first cause speaks for all.
	const errors = (error as { errors?: unknown }).errors;
	if (Array.isArray(errors) && errors.length > 0) return storageFault(errors[0]);
	return null;
}
