import { areaByKey } from '$lib/domain/coverage/indicators';
import { LEVEL_INFO } from '$lib/domain/levels';
import { pilotageDistance, pilotageIndicators, unmetDemand } from '$lib/server/pilotage/data';
import { decimal, ratePct } from '$lib/server/pilotage/format';
import { DISTANCE_CLASSES, DISTANCE_COLOURS, HATCHED_CLASS } from '$lib/server/pilotage/distance';
import { distanceSummary } from '$lib/server/pilotage/maps';
import { choroplethModel, choroplethSummary, choroplethValues, mapIndicator } from '$lib/server/pilotage/map-indicators';
import { GAP_FORMULA, LEVEL_CHOICES, MAP_CHOICES, kindLabel, sourceCaveats, zoneGroups, zoneHrefFactory } from '$lib/server/pilotage/page';
import { HOURS_EXAMPLE, parsePilotageParams, WHAT_IF_BOUNDS } from '$lib/server/pilotage/params';
import { choroplethTable, comparisonTable, csvColumnsTable, distanceTables, gapTable, unmetTable, zoneTables } from '$lib/server/pilotage/tables';
import type { PageServerLoad } from './$types';

/**
 * /pilotage: public, aggregate-only figures for planners. Everything is computed from the
 * directory (no personal data; orientations are counted per IRIS only) and returned as plain
 * tables already written in French.
 */
export const load: PageServerLoad = async ({ url }) => {
	const { input, result, gaps } = await pilotageIndicators();
	const unmet = await unmetDemand();
	const params = parsePilotageParams(url.searchParams, new Set(result.areas.map((a) => a.key)));
	const zoneHref = zoneHrefFactory(params.carte, params.niveau);
	const area = areaByKey(result, params.zone)!;
	const indicator = mapIndicator(params.carte)!;
	const values = choroplethValues(result, unmet, indicator);
	const distance = await pilotageDistance(params.niveau);
	const inQpv = new Set(result.areas.find((a) => a.kind === 'iris_in_qpv')?.irisCodes ?? []);
	const of = (...kinds: string[]) => result.areas.filter((a) => kinds.includes(a.kind));

	const mapParams = new URLSearchParams({ indicateur: indicator.id });
	const unmetTotal = [...unmet.values()].reduce((sum, c) => sum + c.total, 0);

	return {
		errors: params.errors,
		params: { zone: params.zone, carte: params.carte, niveau: String(LEVEL_INFO[params.niveau].rank) },
		zoneGroups: zoneGroups(result),
		zone: {
			key: area.key,
			name: area.name,
			kind: kindLabel(area),
			irisCount: area.irisCodes.length,
			tables: zoneTables(area, result.walkingModel)
		},
		comparisons: {
			priority: comparisonTable(
				'table-comparaison-qpv',
				'Commune, quartiers prioritaires et IRIS en / hors QPV : offres par niveau et part à 15 minutes',
				of('commune', 'qpv', 'iris_in_qpv', 'iris_outside_qpv'),
				zoneHref,
				area.key
			),
			grandQuartiers: comparisonTable(
				'table-comparaison-gq',
				'Grands quartiers : offres par niveau et part à 15 minutes',
				of('grand_quartier'),
				zoneHref,
				area.key
			),
			iris: comparisonTable('table-comparaison-iris', 'IRIS : offres par niveau, part à 15 minutes, fragilité et pauvreté', of('iris'), zoneHref, area.key, {
				withContext: true,
				inQpv
			})
		},
		gaps: {
			table: gapTable(gaps, zoneHref),
			formula: GAP_FORMULA,
			threshold: `${decimal(gaps.uncoveredAbove * 100)}\u00a0%`,
			povertyReference: ratePct(gaps.povertyReferencePct),
			count: gaps.entries.length
		},
		unmet: { total: unmetTotal, table: unmetTotal > 0 ? unmetTable(result, unmet, zoneHref) : null },
		map: {
			indicator: indicator.id,
			label: indicator.label,
			reading: indicator.reading,
			caveat: indicator.caveat ?? null,
			choices: MAP_CHOICES,
			svgSrc: `/pilotage/carte.svg?${mapParams}`,
			alt: choroplethSummary(indicator, values),
			table: choroplethTable(indicator, values, zoneHref),
			model: choroplethModel(input, result, unmet, indicator)
		},
		distance: {
			level: String(LEVEL_INFO[params.niveau].rank),
			title: `Temps de marche jusqu'à l'offre de niveau ${LEVEL_INFO[params.niveau].rank} la plus proche`,
			svgSrc: `/pilotage/carte.svg?distance=${LEVEL_INFO[params.niveau].rank}`,
			alt: distanceSummary(distance),
			legend: DISTANCE_CLASSES.map((c, i) => ({ colour: DISTANCE_COLOURS[i]!, label: c.label, hatched: i === HATCHED_CLASS })),
			tables: distanceTables(distance, zoneHref)
		},
		levelChoices: LEVEL_CHOICES,
		whatIf: { hoursExample: HOURS_EXAMPLE, bounds: WHAT_IF_BOUNDS },
		exports: { columns: csvColumnsTable() },
		caveats: sourceCaveats(result)
	};
};
