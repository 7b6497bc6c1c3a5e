import type { LevelOrUnknown } from './levels';

/**
 * The filters' fixed values, apart from filters.ts so the browser can use them without pulling
 * the national schema's vocabulary (a few kilobytes the list pages must not carry).
 */

export const LEVEL_SLUGS: Record<LevelOrUnknown, string> = {
	discover: 'decouvrir',
	learn: 'apprendre',
	support: 'etre-accompagne',
	reinforced: 'renforce',
	unknown: 'a-preciser'
};

export const WHEN_VALUES = ['maintenant', 'soir', 'samedi', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'dimanche'] as const;
export type When = (typeof WHEN_VALUES)[number];

export const WEEKDAYS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'] as const;

export const WHEN_LABELS: Record<When, string> = {
	maintenant: 'Ouvert maintenant',
	soir: 'Ouvert le soir (après 18 h)',
	samedi: 'Ouvert le samedi',
	lundi: 'Ouvert le lundi',
	mardi: 'Ouvert le mardi',
	mercredi: 'Ouvert le mercredi',
	jeudi: 'Ouvert le jeudi',
	vendredi: 'Ouvert le vendredi',
	dimanche: 'Ouvert le dimanche'
};

/** A code and its French label: what a select or a checkbox list needs. */
export interface Choice {
	code: string;
	label: string;
}
