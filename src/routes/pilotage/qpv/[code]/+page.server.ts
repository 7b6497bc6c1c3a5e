import { error } from '@sveltejs/kit';
import { areaByKey } from '$lib/domain/coverage/indicators';
import { LEVELS, LEVEL_INFO } from '$lib/domain/levels';
import type { TableModel } from '$lib/components/pilotage/types';
import { pilotageIndicators, unmetDemand } from '$lib/server/pilotage/data';
import { decimal, frenchDate, percent, ratePct } from '$lib/server/pilotage/format';
import { choroplethSummary, choroplethValues, legendOf, mapIndicator } from '$lib/server/pilotage/map-indicators';
import { shortSources, sourceCaveats, zoneHrefFactory } from '$lib/server/pilotage/page';
import { DEFAULT_DISTANCE_LEVEL } from '$lib/server/pilotage/params';
import { comparisonTable, gapTable, withoutColumns, zoneTables } from '$lib/server/pilotage/tables';
import type { PageServerLoad } from './$types';

/** One printable A4 page per priority district: its figures, its IRIS, its gaps, a map, the date and the sources. */
export const load: PageServerLoad = async ({ params }) => {
	const { input, result, gaps } = await pilotageIndicators();
	const qpv = /^[A-Z0-9]{4,12}$/.test(params.code) ? areaByKey(result, `qpv:${params.code}`) : undefined;
	if (!qpv) error(404, `Quartier prioritaire inconnu : « ${params.code.slice(0, 40)} ». Les rapports existent pour les QPV listés sur la page Pilotage.`);

	// The map shows the level the district lacks most (lowest share within 15 minutes).
	const weakest = [...LEVELS].sort(
		(a, b) => (qpv.metrics.coverage[a].within15.weighted ?? 1) - (qpv.metrics.coverage[b].within15.weighted ?? 1) || LEVEL_INFO[b].rank - LEVEL_INFO[a].rank
	)[0]!;
	const indicator = mapIndicator(`couverture-15-${LEVEL_INFO[weakest].rank}`)!;
	const unmet = await unmetDemand();
	const values = choroplethValues(result, unmet, indicator).filter((v) => qpv.irisCodes.includes(v.code));
	const zoneHref = (key: string) => zoneHrefFactory(indicator.id, DEFAULT_DISTANCE_LEVEL)(key);
	// The report's title names the district: its tables' captions need not repeat it.
	const tables = Object.fromEntries(
		Object.entries(zoneTables(qpv, result.walkingModel)).map(([k, t]) => [k, { ...t, caption: t.caption.replace(` — ${qpv.name}`, '') }])
	) as ReturnType<typeof zoneTables>;
	const irisCodes = new Set(qpv.irisCodes);
	const inQpv = new Set(result.areas.find((a) => a.kind === 'iris_in_qpv')?.irisCodes ?? []);
	const qpvGaps = { ...gaps, entries: gaps.entries.filter((e) => e.areaKey === qpv.key || (e.kind === 'iris' && irisCodes.has(e.code))) };
	const GAP_LIMIT = 6;

	const iris = comparisonTable(
		'rapport-iris',
		`Les ${qpv.irisCodes.length} IRIS que recoupe le quartier : offres et part à 15 minutes par niveau`,
		result.areas.filter((a) => a.kind === 'iris' && irisCodes.has(a.code)),
		zoneHref,
		'',
		{ withContext: true, inQpv, levelCounts: false }
	);
	iris.notes = ['IRIS entière (y compris sa partie hors du QPV). « En QPV » : plus de la moitié de sa surface l’est.'];
	const coverage: TableModel = { ...tables.coverage, notes: [tables.coverage.notes![0]!] };
	// The page must fit one A4 sheet: the access table keeps its totals, not the per-language lines.
	const ACCESS_ROWS = ['actives', 'gratuites', 'autres-langues', 'prise-en-charge', 'verifiees', 'a-preciser'];
	const access: TableModel = { ...tables.access, rows: tables.access.rows.filter((r) => ACCESS_ROWS.includes(r.key)), notes: undefined };
	const hours: TableModel = { ...tables.hours, notes: [tables.hours.notes![1]!] };

	return {
		qpv: { code: qpv.code, name: qpv.name, key: qpv.key },
		date: frenchDate(result.computedAt),
		headline: {
			offers: qpv.metrics.offers.active,
			caf: decimal(qpv.context.cafPersons.value === null ? null : Math.round(qpv.context.cafPersons.value)),
			fragility: decimal(qpv.context.fragilityIndex.value, 1),
			poverty: ratePct(qpv.context.povertyRatePct.value),
			areaKm2: decimal(qpv.context.areaKm2, 2),
			weakest: `${LEVEL_INFO[weakest].rank}. ${LEVEL_INFO[weakest].label}`,
			weakestShare: percent(qpv.metrics.coverage[weakest].within15.weighted)
		},
		tables: { coverage, hours, access, iris },
		gaps: {
			table: withoutColumns(
				gapTable(qpvGaps, zoneHref, {
					id: 'rapport-manques',
					caption: `Manques du quartier et de ses IRIS (${qpvGaps.entries.length}${qpvGaps.entries.length > GAP_LIMIT ? `, les ${GAP_LIMIT} premiers` : ''})`,
					limit: GAP_LIMIT
				}),
				['explication', 'carte']
			),
			count: qpvGaps.entries.length,
			formula: gaps.formula
		},
		map: {
			src: `/pilotage/carte.svg?${new URLSearchParams({ indicateur: indicator.id, zone: qpv.key })}`,
			title: indicator.label,
			alt: `${choroplethSummary(indicator, values).replace(/^Carte des \d+ IRIS de Roubaix/, `Carte des ${values.length} IRIS du quartier`)} Le quartier est entouré d'un trait épais.`,
			legend: legendOf(indicator)
		},
		caveats: sourceCaveats(result),
		sources: shortSources(result)
	};
};
