import type { Period } from './types';

/** The orientation form's fixed choices, free of the national vocabulary so the browser stays light. */

export const LANGUAGES = [
	{ code: 'ar', label: 'Arabe' },
	{ code: 'ber', label: 'Berbère / kabyle' },
	{ code: 'en', label: 'Anglais' },
	{ code: 'tr', label: 'Turc' },
	{ code: 'pt', label: 'Portugais' },
	{ code: 'es', label: 'Espagnol' },
	{ code: 'ro', label: 'Roumain' },
	{ code: 'ru', label: 'Russe' },
	{ code: 'uk', label: 'Ukrainien' }
] as const;

export const PERIODS: readonly { code: Period; label: string }[] = [
	{ code: 'matin', label: 'le matin' },
	{ code: 'apres-midi', label: "l'après-midi" },
	{ code: 'soir', label: 'le soir' }
];

export const WALK_LIMITS = [10, 15, 20, 30] as const;
/** « Peu importe » chosen by the worker, told apart from no answer (which takes the suggested limit). */
export const NO_WALK_LIMIT = 'peu-importe';

export const STEPS = [
	{ n: 1, title: 'Le besoin' },
	{ n: 2, title: "L'autonomie" },
	{ n: 3, title: 'Le quartier' },
	{ n: 4, title: 'Les contraintes' },
	{ n: 5, title: 'Les lieux' }
] as const;
