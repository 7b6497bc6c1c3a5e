import type { AreaIndicators, IndicatorsInput, IndicatorsResult } from '$lib/domain/coverage/indicators';
import { pointOnSurface } from '$lib/domain/coverage/grid';
import { LEVELS, LEVEL_INFO, type Level } from '$lib/domain/levels';
import type { ChoroplethModel, LegendClass } from '$lib/components/pilotage/types';
import { decimal, NBSP, percent, plural } from './format';
import type { UnmetByIris } from './figures';

/**
 * The indicators a planner can map, IRIS by IRIS, with fixed classes (the same on every visit,
 * so two maps can be compared) and the text written in each IRIS, so the map never relies on
 * colour alone.
 */

/** ColorBrewer YlGnBu, five classes: sequential, readable by the common colour-vision deficiencies. */
export const RAMP = ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'] as const;
export const MISSING_COLOUR = '#ffffff';

export type MapIndicatorId =
	| `couverture-15-${1 | 2 | 3 | 4}`
	| `couverture-10-${1 | 2 | 3 | 4}`
	| 'fragilite'
	| 'pauvrete'
	| 'demande-non-satisfaite'
	| 'offres';

export interface MapIndicator {
	id: MapIndicatorId;
	/** What the map shows, as a sentence start: the select's option and the map's title. */
	label: string;
	/** How to read the colours. */
	reading: string;
	classLabels: readonly string[];
	classOf(value: number): number;
	value(area: AreaIndicators, unmet: UnmetByIris): number | null;
	/** Short text drawn in the IRIS. */
	text(value: number): string;
	/** The source's caveat, when there is one. */
	caveat?: string;
}

const coverageClass = (share: number) => {
	const pct = Math.round(share * 100);
	return pct >= 100 ? 4 : pct >= 75 ? 3 : pct >= 50 ? 2 : pct >= 25 ? 1 : 0;
};
const byBreaks = (breaks: readonly number[]) => (value: number) => {
	let cls = 0;
	for (const b of breaks) if (value >= b) cls++;
	return cls;
};

function coverageIndicator(minutes: 10 | 15, level: Level): MapIndicator {
	const rank = LEVEL_INFO[level].rank;
	return {
		id: `couverture-${minutes}-${rank}` as MapIndicatorId,
		label: `Part de la surface à ${minutes} min à pied d'une offre de niveau ${rank} (${LEVEL_INFO[level].label})`,
		reading: 'Plus la couleur est foncée, plus la part de l’IRIS à portée est grande.',
		classLabels: [`0 à 24${NBSP}%`, `25 à 49${NBSP}%`, `50 à 74${NBSP}%`, `75 à 99${NBSP}%`, `100${NBSP}%`],
		classOf: coverageClass,
		value: (area) => area.metrics.coverage[level][minutes === 10 ? 'within10' : 'within15'].area,
		text: (value) => percent(value)
	};
}

export const MAP_INDICATORS: readonly MapIndicator[] = [
	...LEVELS.map((level) => coverageIndicator(15, level)),
	...LEVELS.map((level) => coverageIndicator(10, level)),
	{
		id: 'fragilite',
		label: 'Indice de fragilité numérique (IFN, 100 = niveau régional)',
		reading: 'Plus la couleur est foncée, plus l’IRIS est fragile face au numérique.',
		classLabels: ['moins de 90', '90 à moins de 100', '100 à moins de 110', '110 à moins de 120', '120 et plus'],
		classOf: byBreaks([90, 100, 110, 120]),
		value: (area) => area.context.fragilityIndex.value,
		text: (value) => decimal(value),
		caveat: 'Données d’environ 2016-2017 ; licence de réutilisation non établie.'
	},
	{
		id: 'pauvrete',
		label: 'Taux de pauvreté (Filosofi 2021)',
		reading: 'Plus la couleur est foncée, plus le taux de pauvreté est élevé.',
		classLabels: [`moins de 20${NBSP}%`, `20 à moins de 30${NBSP}%`, `30 à moins de 40${NBSP}%`, `40 à moins de 50${NBSP}%`, `50${NBSP}% et plus`],
		classOf: byBreaks([20, 30, 40, 50]),
		value: (area) => area.context.povertyRatePct.value,
		text: (value) => `${decimal(value)}${NBSP}%`,
		caveat: 'Les IRIS sous secret statistique n’ont pas de valeur (n.d.), jamais comptée 0.'
	},
	{
		id: 'demande-non-satisfaite',
		label: 'Demande non satisfaite : orientations avec moins de 3 lieux à 15 min',
		reading: 'Plus la couleur est foncée, plus d’orientations parties de l’IRIS ont trouvé moins de trois lieux à 15 minutes.',
		classLabels: ['0', '1', '2 à 4', '5 à 9', '10 et plus'],
		classOf: byBreaks([1, 2, 5, 10]),
		value: (area, unmet) => unmet.get(area.code)?.unmet ?? 0,
		text: (value) => decimal(value)
	},
	{
		id: 'offres',
		label: 'Offres actives situées dans l’IRIS',
		reading: 'Plus la couleur est foncée, plus l’IRIS compte d’offres.',
		classLabels: ['0', '1 à 2', '3 à 5', '6 à 9', '10 et plus'],
		classOf: byBreaks([1, 3, 6, 10]),
		value: (area) => area.metrics.offers.active,
		text: (value) => decimal(value)
	}
];

export const DEFAULT_MAP_INDICATOR: MapIndicatorId = 'couverture-15-4';
const BY_ID = new Map(MAP_INDICATORS.map((m) => [m.id as string, m]));

export function mapIndicator(id: string | null | undefined): MapIndicator | undefined {
	return id ? BY_ID.get(id) : undefined;
}

export function legendOf(indicator: MapIndicator): LegendClass[] {
	return indicator.classLabels.map((label, i) => ({ colour: RAMP[i]!, label }));
}

const labelPoints = new WeakMap<IndicatorsInput['geography'], Map<string, [number, number]>>();

/** A point on each IRIS's surface, where its value is written; computed once per geography. */
export function irisLabelPoints(geography: IndicatorsInput['geography']): Map<string, [number, number]> {
	let points = labelPoints.get(geography);
	if (!points) {
		points = new Map(geography.iris.map((iris) => [iris.code, pointOnSurface(iris.geometry)]));
		labelPoints.set(geography, points);
	}
	return points;
}

export interface ChoroplethValue {
	code: string;
	name: string;
	value: number | null;
	cls: number;
}

export function choroplethValues(result: IndicatorsResult, unmet: UnmetByIris, indicator: MapIndicator): ChoroplethValue[] {
	return result.areas
		.filter((area) => area.kind === 'iris')
		.map((area) => {
			const value = indicator.value(area, unmet);
			return { code: area.code, name: area.name, value, cls: value === null ? -1 : indicator.classOf(value) };
		});
}

export function choroplethModel(
	input: IndicatorsInput,
	result: IndicatorsResult,
	unmet: UnmetByIris,
	indicator: MapIndicator
): ChoroplethModel {
	const points = irisLabelPoints(input.geography);
	return {
		indicator: indicator.id,
		title: indicator.label,
		legend: legendOf(indicator),
		missingColour: MISSING_COLOUR,
		iris: choroplethValues(result, unmet, indicator).map((v) => ({
			code: v.code,
			name: v.name,
			cls: v.cls,
			colour: v.cls < 0 ? MISSING_COLOUR : RAMP[v.cls]!,
			text: v.value === null ? 'n.d.' : indicator.text(v.value),
			point: points.get(v.code) ?? [0, 0]
		}))
	};
}

/** The map in words, for the image's alt text: how many IRIS in each class. */
export function choroplethSummary(indicator: MapIndicator, values: readonly ChoroplethValue[]): string {
	const counts = indicator.classLabels.map((label, i) => ({ label, n: values.filter((v) => v.cls === i).length })).filter((c) => c.n > 0);
	const missing = values.filter((v) => v.cls < 0).length;
	const parts = counts.map((c) => `« ${c.label} » : ${plural(c.n, 'IRIS', 'IRIS')}`);
	if (missing) parts.push(`${plural(missing, 'IRIS', 'IRIS')} sans donnée`);
	return `Carte des ${values.length} IRIS de Roubaix : ${indicator.label.charAt(0).toLowerCase()}${indicator.label.slice(1)}. ${parts.join(' ; ')}. Chaque IRIS porte sa valeur écrite ; le tableau à côté donne les mêmes valeurs.`;
}
