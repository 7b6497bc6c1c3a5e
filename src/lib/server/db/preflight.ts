import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { StorageError } from './faults';

/**
 * Before the SQLite file is opened at start: better-sqlite3 would open a read-only file without a
 * word (and every write would then fail), and create a new empty database at any mistyped path.
 * Each refusal says, in French, what is wrong and what to do. Returns whether the file is new.
 */
export function checkSqliteFile(path: string, create: boolean): { created: boolean } {
	const folder = dirname(path);
	if (existsSync(path)) {
		if (statSync(path).isDirectory()) throw new StorageError(`DATABASE_PATH désigne un dossier, pas un fichier SQLite : ${path}.`);
		if (!writable(path)) {
			throw new StorageError(
				`La base ${path} est en lecture seule : donnez le droit d’écriture sur ce fichier à l’utilisateur qui lance l’application, ou corrigez DATABASE_PATH.`
			);
		}
		if (!writable(folder)) {
			throw new StorageError(
				`La base ${path} ne peut pas être modifiée : SQLite doit écrire ses fichiers -wal et -shm dans le dossier ${folder}, où l’on ne peut pas écrire.`
			);
		}
		return { created: false };
	}
	if (!create) {
		throw new StorageError(
			existsSync(folder)
				? `Aucune base à ${path} : vérifiez DATABASE_PATH (faute de frappe ?) ; pour créer une base neuve à cet endroit, relancez avec DATABASE_CREATE=1.`
				: `Aucune base à ${path}, et le dossier ${folder} n’existe pas : vérifiez DATABASE_PATH, ou relancez avec DATABASE_CREATE=1 pour créer le dossier et une base neuve.`
		);
	}
	try {
		mkdirSync(folder, { recursive: true });
	} catch (error) {
		throw new StorageError(`Impossible de créer le dossier ${folder} de la base (${(error as NodeJS.ErrnoException).code ?? 'erreur'}) : créez-le, ou choisissez un autre DATABASE_PATH.`);
	}
	if (!writable(folder)) {
		throw new StorageError(`Impossible de créer la base ${path} : on ne peut pas écrire dans le dossier ${folder}. Donnez-en le droit à l’utilisateur qui lance l’application, ou choisissez un autre DATABASE_PATH.`);
	}
	return { created: true };
}

function writable(path: string): boolean {
	try {
		accessSync(path, constants.W_OK);
		return true;
	} catch {
		return false;
	}
}
