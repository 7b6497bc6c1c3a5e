import { areaByKey } from '$lib/domain/coverage/indicators';
import { LEVEL_INFO } from '$lib/domain/levels';
import { pilotageDistance, pilotageIndicators, unmetDemand } from '$lib/server/pilotage/data';
import { decimal, plural, ratePct } from '$lib/server/pilotage/format';
import { DISTANCE_CLASSES, DISTANCE_COLOURS, HATCHED_CLASS } from '$lib/server/pilotage/distance';
import { distanceSummary } from '$lib/server/pilotage/maps';
import { choroplethModel, choroplethSummary, choroplethValues, mapIndicator } from '$lib/server/pilotage/map-indicators';
import { GAP_FORMULA, LEVEL_CHOICES, MAP_CHOICES, kindLabel, sourceCaveats, zoneGroups, zoneHrefFactory } from '$lib/server/pilotage/page';
import { DEFAULT_ZONE, HOURS_EXAMPLE, parsePilotageParams, WHAT_IF_BOUNDS } from '$lib/server/pilotage/params';
import { gapsInZone } from '$lib/server/pilotage/zone-gaps';
import { comparerHref, light, lightAll } from '$lib/server/pilotage/light';
import { choroplethTable, comparisonTable, distanceTables, gapTable, unmetTable, zoneTables } from '$lib/server/pilotage/tables';
import type { PageServerLoad } from './$types';

/** Gaps listed before « Voir tous les manques » (the whole list: ?comparer=1 and the CSV). */
const GAP_PREVIEW = 10;

/**
 * /pilotage: public, aggregate-only figures for planners. Everything is computed from the
 * directory (no personal data; orientations are counted per IRIS only) and returned as plain
 * tables already written in French. The chosen zone's figures come first; the tables of every
 * zone open on demand (?comparer=1), so the page stays under 100 KB of HTML.
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

	// The gap list follows the chosen zone (issue 15): a QPV's planner reads the QPV's gaps.
	const isCommune = area.kind === 'commune';
	const zoneGaps = gapsInZone(gaps, area);

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
			tables: lightAll(zoneTables(area, result.walkingModel))
		},
		// Every zone's tables only on demand (?comparer=1): they made the page 377 KB (issue 15).
		comparisons: params.comparer
			? {
					priority: light(
						comparisonTable(
							'table-comparaison-qpv',
							'Commune, quartiers prioritaires et IRIS en / hors QPV : offres par niveau et part à 15 minutes',
							of('commune', 'qpv', 'iris_in_qpv', 'iris_outside_qpv'),
							zoneHref,
							area.key
						)
					),
					grandQuartiers: light(comparisonTable('table-comparaison-gq', 'Grands quartiers : offres par niveau et part à 15 minutes', of('grand_quartier'), zoneHref, area.key)),
					iris: light(
						comparisonTable('table-comparaison-iris', 'IRIS : offres par niveau, part à 15 minutes, fragilité et pauvreté', of('iris'), zoneHref, area.key, {
							withContext: true,
							inQpv
						})
					)
				}
			: null,
		comparer: {
			open: params.comparer,
			openHref: comparerHref(url, true, 'comparer'),
			closeHref: comparerHref(url, false, 'comparer'),
			allGapsHref: comparerHref(url, true, 'manques'),
			byIrisHref: comparerHref(url, true, 'carte-distance')
		},
		gaps: {
			table: light(
				gapTable(zoneGaps, zoneHref, {
				limit: params.comparer ? undefined : GAP_PREVIEW,
				caption: isCommune
					? undefined
					: `Manques classés de la zone ${area.name} : le niveau manque à 15 minutes dans la zone ou dans l'une de ses IRIS (${plural(zoneGaps.entries.length, 'manque', 'manques')} ; rang dans toute la commune)`
				})
			),
			zoneName: area.name,
			townWide: isCommune ? null : { count: gaps.entries.length, href: zoneHref(DEFAULT_ZONE).replace(/#zone$/, '#manques') },
			formula: GAP_FORMULA,
			threshold: `${decimal(gaps.uncoveredAbove * 100)}\u00a0%`,
			povertyReference: ratePct(gaps.povertyReferencePct),
			count: zoneGaps.entries.length,
			shown: params.comparer ? zoneGaps.entries.length : Math.min(GAP_PREVIEW, zoneGaps.entries.length)
		},
		unmet: { total: unmetTotal, table: unmetTotal > 0 ? light(unmetTable(result, unmet, zoneHref)) : null },
		map: {
			indicator: indicator.id,
			label: indicator.label,
			reading: indicator.reading,
			caveat: indicator.caveat ?? null,
			choices: MAP_CHOICES,
			svgSrc: `/pilotage/carte.svg?${mapParams}`,
			alt: choroplethSummary(indicator, values),
			table: light(choroplethTable(indicator, values, zoneHref)),
			model: choroplethModel(input, result, unmet, indicator)
		},
		distance: {
			level: String(LEVEL_INFO[params.niveau].rank),
			title: `Temps de marche jusqu'à l'offre de niveau ${LEVEL_INFO[params.niveau].rank} la plus proche`,
			svgSrc: `/pilotage/carte.svg?distance=${LEVEL_INFO[params.niveau].rank}`,
			alt: distanceSummary(distance),
			legend: DISTANCE_CLASSES.map((c, i) => ({ colour: DISTANCE_COLOURS[i]!, label: c.label, hatched: i === HATCHED_CLASS })),
			tables: { commune: light(distanceTables(distance, zoneHref).commune), iris: params.comparer ? light(distanceTables(distance, zoneHref).iris) : null }
		},
		levelChoices: LEVEL_CHOICES,
		whatIf: { hoursExample: HOURS_EXAMPLE, bounds: WHAT_IF_BOUNDS },
		caveats: sourceCaveats(result)
	};
};
