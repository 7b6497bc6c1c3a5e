import { GAP_FORMULA } from '$lib/domain/coverage/gaps';
import type { AreaIndicators, IndicatorsResult } from '$lib/domain/coverage/indicators';
import { LEVELS, LEVEL_INFO, type Level } from '$lib/domain/levels';
import { decimal, frenchDateTime, ratePct } from './format';
import { KIND_LABELS, KIND_ORDER } from './labels';
import { DEFAULT_DISTANCE_LEVEL, DEFAULT_ZONE } from './params';
import { DEFAULT_MAP_INDICATOR, MAP_INDICATORS } from './map-indicators';

/** Small pieces shared by the planners' pages: links, choices and the words about the sources. */

export interface ZoneChoice {
	key: string;
	name: string;
}

export interface ZoneGroup {
	label: string;
	zones: ZoneChoice[];
}

/** The zone select's groups, in the page's order. */
export function zoneGroups(result: IndicatorsResult): ZoneGroup[] {
	const label: Record<string, string> = {
		commune: 'Commune',
		qpv: 'Quartiers prioritaires (QPV 2024)',
		iris_in_qpv: 'IRIS en QPV / hors QPV',
		iris_outside_qpv: 'IRIS en QPV / hors QPV',
		grand_quartier: 'Grands quartiers',
		iris: 'IRIS'
	};
	const groups = new Map<string, ZoneGroup>();
	for (const kind of KIND_ORDER) {
		for (const area of result.areas.filter((a) => a.kind === kind)) {
			const group = groups.get(label[kind]!) ?? { label: label[kind]!, zones: [] };
			group.zones.push({ key: area.key, name: area.name });
			groups.set(label[kind]!, group);
		}
	}
	return [...groups.values()];
}

/** Links between zones keep the chosen maps, and land on the zone's figures. */
export function zoneHrefFactory(carte: string, niveau: Level): (key: string) => string {
	return (key) => {
		const params = new URLSearchParams();
		if (key !== DEFAULT_ZONE) params.set('zone', key);
		if (carte !== DEFAULT_MAP_INDICATOR) params.set('carte', carte);
		if (niveau !== DEFAULT_DISTANCE_LEVEL) params.set('niveau', String(LEVEL_INFO[niveau].rank));
		const query = params.toString();
		return `/pilotage${query ? `?${query}` : ''}#zone`;
	};
}

export const LEVEL_CHOICES = LEVELS.map((l) => ({ value: String(LEVEL_INFO[l].rank), label: `${LEVEL_INFO[l].rank}. ${LEVEL_INFO[l].label}` }));
export const MAP_CHOICES = MAP_INDICATORS.map((m) => ({ value: m.id as string, label: m.label }));

export function kindLabel(area: AreaIndicators): string {
	return KIND_LABELS[area.kind];
}

/** What the planners must know about the figures' sources before using them. */
export function sourceCaveats(result: IndicatorsResult): string[] {
	const commune = result.areas.find((a) => a.kind === 'commune');
	const povertyMissing = commune?.context.povertyRatePct.irisWithoutValue ?? [];
	return [
		'Offres : annuaire de l’application (cartographie nationale des lieux de médiation numérique 2023, puis fiches tenues à jour par les structures). Le niveau d’accompagnement est parfois déduit des services déclarés ; « à préciser » quand il ne peut pas l’être.',
		`Population : aucune population par IRIS n’est disponible ici ; les parts « pondérées CAF » pondèrent chaque IRIS par ses personnes couvertes par la CAF (2021), un indicateur indirect (${decimal(commune?.context.cafPersons.value ?? null)} personnes à Roubaix).`,
		'Indice de fragilité numérique (IFN) : données d’environ 2016-2017, licence de réutilisation non établie ; à lire comme un ordre de grandeur.',
		`Taux de pauvreté : INSEE Filosofi 2021 ; ${povertyMissing.length ? `${povertyMissing.length} IRIS sous secret statistique (${povertyMissing.join(', ')}) n’ont pas de valeur : ils ne sont jamais comptés 0, et leur score de manque est calculé sans ce facteur` : 'toutes les IRIS ont une valeur'}. Taux moyen de la commune (pondéré CAF) : ${ratePct(commune?.context.povertyRatePct.value ?? null)}.`,
		`Temps de marche : ${result.walkingModel}, depuis des points de grille tous les ${result.spacingMetres} m (${decimal(result.samplePoints)} points) ; un QPV ou une IRIS est couvert là où ses points le sont. Les rues, rivières et voies ferrées ne sont pas modélisées.`,
		`Calculé le ${frenchDateTime(result.computedAt)} ; recalculé dès qu’une fiche change.`
	];
}

/** The same, in one paragraph: the printed report's footer. */
export function shortSources(result: IndicatorsResult): string {
	return [
		'Sources : annuaire de l’application (cartographie nationale des lieux de médiation numérique 2023, fiches mises à jour par les structures ; niveaux parfois déduits)',
		'CAF 2021, personnes couvertes (seul indicateur de population par IRIS, utilisé pour pondérer)',
		'indice de fragilité numérique (données d’environ 2016-2017, licence non établie)',
		'INSEE Filosofi 2021, taux de pauvreté (n.d. : secret statistique, jamais compté 0)',
		`IGN/INSEE (IRIS), ANCT (QPV 2024). Marche : ${result.walkingModel}, grille de ${result.spacingMetres} m. Calculé le ${frenchDateTime(result.computedAt)}.`
	].join(' ; ');
}

export { GAP_FORMULA };
