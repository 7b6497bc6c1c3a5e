import type { Level } from '../levels';
import type { EverydayNeed } from './needs';

export const AUTONOMY = [
	{ code: 'jamais', label: "N'a jamais utilisé d'ordinateur ni de smartphone" },
	{ code: 'un-peu', label: 'Se débrouille un peu' },
	{ code: 'bloque', label: 'Autonome, mais bloqué sur une démarche' },
	{ code: 'pas-seul', label: 'Ne peut pas ou ne veut pas faire seul' }
] as const;

export type Autonomy = (typeof AUTONOMY)[number]['code'];

export function isAutonomy(value: string): value is Autonomy {
	return AUTONOMY.some((a) => a.code === value);
}

/**
 * The parcours goes from awareness (1) to reinforced support (4). A task to get done calls for
 * help with it now; a skill calls for learning. Someone who cannot or will not act alone needs
 * a person who does it for them, whatever the need.
 */
const BY_KIND: Record<Autonomy, Record<EverydayNeed['kind'], Level[]>> = {
	jamais: { task: ['support', 'reinforced'], skill: ['discover', 'learn'] },
	'un-peu': { task: ['support'], skill: ['learn'] },
	bloque: { task: ['support'], skill: ['learn', 'support'] },
	'pas-seul': { task: ['reinforced'], skill: ['support'] }
};

export function recommendedLevels(autonomy: Autonomy, needs: readonly EverydayNeed[]): Level[] {
	const kinds = needs.length ? [...new Set(needs.map((n) => n.kind))] : (['task'] as const);
	const levels = new Set<Level>(kinds.flatMap((k) => BY_KIND[autonomy][k]));
	return (['discover', 'learn', 'support', 'reinforced'] as const).filter((l) => levels.has(l));
}

/** One sentence per autonomy and kind of need, so it always matches the levels recommended. */
const EXPLANATIONS: Record<Autonomy, Record<EverydayNeed['kind'], string>> = {
	jamais: {
		task: "Pour une démarche urgente, un accompagnement individuel ou renforcé la fait avec ou pour la personne ; ensuite, des ateliers l'aident à faire seule.",
		skill: "D'abord découvrir, avec un médiateur à côté, puis apprendre en atelier collectif, à son rythme."
	},
	'un-peu': {
		task: 'Un accompagnement individuel débloque la situation ; des ateliers collectifs permettent ensuite de gagner en autonomie.',
		skill: 'Des ateliers collectifs pour consolider ce que la personne sait déjà faire.'
	},
	bloque: {
		task: "Une aide ponctuelle, en tête-à-tête, sur la démarche qui bloque : la personne sait déjà se servir de l'outil.",
		skill: "Un atelier ou une aide en tête-à-tête sur le point précis qui bloque."
	},
	'pas-seul': {
		task: 'Une personne habilitée (Aidants Connect, France services, travailleur social) fait la démarche à sa place, avec son accord et un mandat.',
		skill: "Un accompagnement individuel, à côté de la personne, sans lui demander de faire seule."
	}
};

/** The sentence for the needs given; a démarche comes first when needs of both kinds are mixed. */
export function parcoursExplanation(autonomy: Autonomy, needs: readonly EverydayNeed[] = []): string {
	const kind = needs.length === 0 || needs.some((n) => n.kind === 'task') ? 'task' : 'skill';
	return EXPLANATIONS[autonomy][kind];
}

/** After being helped with a task, the step towards autonomy: workshops; after workshops, free access. */
export function nextStepLevels(levels: readonly Level[]): Level[] {
	if (levels.includes('reinforced') || levels.includes('support')) return ['learn'];
	if (levels.includes('learn')) return ['discover'];
	return [];
}
