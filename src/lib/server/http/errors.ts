import type { HandleServerError } from '@sveltejs/kit';
import { storageFault } from '../db/faults';
import { logRefused, oneLine } from './log';

export const STORAGE_FAILURE =
	'L’enregistrement est impossible pour le moment : la base de données ne répond pas comme il faut. ' +
	'Rien n’a été enregistré. Réessayez dans quelques minutes ; si cela dure, prévenez la coordination de la Ville.';

/**
 * What SvelteKit calls for an unexpected error, and for its own refusals (400 malformed, 405 no
 * action, 415 not a form…). A refusal is one log line; a storage fault is one French line (every
 * write would otherwise print the same trace); only a real bug keeps its full stack trace.
 * The person always gets French, never the error's own text.
 */
export const handleServerError: HandleServerError = ({ error, event, status, message }) => {
	if (status === 404) return { message: 'Page introuvable.' };
	if (status < 500) {
		logRefused(event, status, error instanceof Error ? error.message : message);
		return { message: 'Cette requête ne peut pas être traitée : rechargez la page et réessayez.' };
	}
	const fault = storageFault(error);
	if (fault) {
		const detail = error instanceof Error ? ` (${oneLine(error.message, 120)})` : '';
		console.error(`Écriture ou lecture impossible : ${fault}${detail} : ${event.request.method} ${event.url.pathname}`);
		return { message: STORAGE_FAILURE };
	}
	console.error(error);
	return { message: 'Une erreur inattendue est survenue.' };
};
