import { AUTONOMY, type Autonomy } from './autonomy';
import type { WALK_LIMITS } from './choices';

/**
 * The walking limit step 4 proposes for each autonomy, which the worker can change. « Peu importe »
 * as the default listed 21 places from 5 to 51 minutes on foot for a senior who had never used a
 * computer: the less at ease someone is with digital tools, the more a long trip in an unknown
 * place is a reason not to go, so the first answers must be near. Someone autonomous but blocked
 * on one démarche goes once and can take the bus: no limit is proposed.
 */
const SUGGESTED: Record<Autonomy, (typeof WALK_LIMITS)[number] | null> = {
	jamais: 15,
	'pas-seul': 15,
	'un-peu': 20,
	bloque: null
};

export function suggestedWalkMinutes(autonomy: Autonomy | null): number | null {
	return autonomy ? SUGGESTED[autonomy] : null;
}

/** The sentence under the select: « Proposé : 15 minutes, modifiable (…). » */
export function walkSuggestionText(autonomy: Autonomy | null): string | null {
	if (!autonomy) return null;
	const minutes = SUGGESTED[autonomy];
	const who = AUTONOMY.find((a) => a.code === autonomy)!.label.toLowerCase();
	return minutes === null
		? `Proposé : peu importe, modifiable (la personne est autonome : un trajet plus long ne l'arrête pas).`
		: `Proposé : ${minutes} minutes, modifiable (pour une personne qui ${who}, un lieu proche d'abord).`;
}
