import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { IndicatorsInput, IndicatorsResult } from '$lib/domain/coverage/indicators';
import { LEVEL_INFO } from '$lib/domain/levels';
import { renderChoroplethSvg, type IrisFill } from './choropleth-svg';
import { DISTANCE_CLASSES, DISTANCE_COLOURS, HATCHED_CLASS, distanceTitle, type DistanceLayer } from './distance';
import { NBSP, percent, plural } from './format';
import type { UnmetByIris } from './figures';
import { MISSING_COLOUR, RAMP, choroplethSummary, choroplethValues, irisLabelPoints, legendOf, type MapIndicator } from './map-indicators';

/** The two SVG maps of /pilotage (and of the QPV report), with the words that describe them. */

export interface MapFocus {
	name: string;
	geometry: Polygon | MultiPolygon;
}

export function choroplethSvg(
	input: IndicatorsInput,
	result: IndicatorsResult,
	unmet: UnmetByIris,
	areas: FeatureCollection,
	indicator: MapIndicator,
	focus: MapFocus | null = null,
	notice: string | null = null
): string {
	const values = choroplethValues(result, unmet, indicator);
	const points = irisLabelPoints(input.geography);
	const fills = new Map<string, IrisFill>(
		values.map((v) => {
			const text = v.value === null ? 'n.d.' : indicator.text(v.value);
			return [
				v.code,
				{
					colour: v.cls < 0 ? MISSING_COLOUR : RAMP[v.cls]!,
					hatched: v.cls < 0,
					text,
					title: `${v.name} : ${text}`,
					point: points.get(v.code) ?? [0, 0]
				}
			];
		})
	);
	const description = [
		notice,
		choroplethSummary(indicator, values),
		indicator.reading,
		'Les quartiers prioritaires (QPV) sont entourés de tirets.',
		focus ? `Vue centrée sur ${focus.name}, entouré d'un trait épais.` : null,
		indicator.caveat ?? null
	]
		.filter(Boolean)
		.join(' ');
	return renderChoroplethSvg({
		areas,
		title: indicator.label,
		description,
		legendTitle: `${indicator.label}${values.some((v) => v.cls < 0) ? ' — hachures : donnée manquante (n.d.)' : ''}`,
		legend: [...legendOf(indicator), ...(values.some((v) => v.cls < 0) ? [{ colour: MISSING_COLOUR, label: 'donnée manquante (n.d.)', hatched: true }] : [])],
		fills,
		focus: focus?.geometry ?? null
	});
}

/** The distance map in words: the share of Roubaix in each class. */
export function distanceSummary(layer: DistanceLayer): string {
	const rank = LEVEL_INFO[layer.level].rank;
	const parts = DISTANCE_CLASSES.map((c, i) => `${c.label} : ${percent(layer.communeShares[i]!)}`);
	return `${distanceTitle(layer.level)}, sur une grille d'un point tous les ${layer.spacingMetres}${NBSP}m. Part de la surface de Roubaix : ${parts.join(' ; ')}. ${plural(layer.offerPoints.length, 'lieu', 'lieux')} avec une offre de niveau ${rank}, marqués d'un rond numéroté ${rank}. Chaque IRIS porte sa part de surface à 15${NBSP}min ou moins ; les carrés à plus de 15${NBSP}min sont hachurés.`;
}

export function distanceSvg(input: IndicatorsInput, areas: FeatureCollection, layer: DistanceLayer, notice: string | null = null): string {
	const points = irisLabelPoints(input.geography);
	const fills = new Map<string, IrisFill>(
		layer.byIris.map((r) => {
			const within = r.shares[0]! + r.shares[1]! + r.shares[2]!;
			return [r.code, { colour: 'none', text: percent(within), title: `${r.name} : ${percent(within)} à 15 min ou moins`, point: points.get(r.code) ?? [0, 0] }];
		})
	);
	const info = LEVEL_INFO[layer.level];
	return renderChoroplethSvg({
		areas,
		title: distanceTitle(layer.level),
		description: [notice, distanceSummary(layer)].filter(Boolean).join(' '),
		legendTitle: `Temps de marche (carrés de ${layer.spacingMetres}${NBSP}m) ; nombre écrit : part de l'IRIS à 15${NBSP}min ou moins ; rond « ${info.rank} » : lieu de niveau ${info.rank}`,
		legend: DISTANCE_CLASSES.map((c, i) => ({ colour: DISTANCE_COLOURS[i]!, label: c.label, hatched: i === HATCHED_CLASS })),
		fills,
		distance: {
			points: layer.points,
			classes: layer.classes,
			colours: DISTANCE_COLOURS,
			spacingMetres: layer.spacingMetres,
			hatchedClass: HATCHED_CLASS,
			offerPoints: layer.offerPoints,
			offerColour: info.colour,
			offerLabel: String(info.rank)
		}
	});
}
