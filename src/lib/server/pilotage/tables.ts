import type { AreaIndicators, IndicatorsResult } from '$lib/domain/coverage/indicators';
import type { GapEntry, GapReport } from '$lib/domain/coverage/gaps';
import { LEVELS, LEVEL_FILTER_VALUES, LEVEL_INFO, type LevelOrUnknown } from '$lib/domain/levels';
import { NEEDS } from '$lib/domain/themes';
import type { TableCell, TableColumn, TableModel, TableRow } from '$lib/components/pilotage/types';
import { decimal, hoursText, MISSING, percent, plural, ratePct } from './format';
import { FIGURES, GROUP_LABELS, levelShort, type UnmetByIris } from './figures';
import { languageLabel, specificSupportLabel, themeLabel } from './labels';
import type { ChoroplethValue, MapIndicator } from './map-indicators';
import { DISTANCE_CLASSES, type DistanceLayer } from './distance';
import { CSV_ID_COLUMNS } from './csv';

/**
 * The tables of the planners' pages, built on the server as plain data: every cell already in
 * French (« 53 % », « 1 234 », « n.d. »), with its raw value beside it. The components only
 * lay them out as HTML tables with a caption and scoped headers.
 */

const cell = (text: string, value?: number | null, extra: Partial<TableCell> = {}): TableCell => ({ text, value: value ?? null, ...extra });
const count = (n: number | null) => cell(decimal(n), n);
const share = (s: number | null) => cell(percent(s), s);
const col = (key: string, label: string, numeric = true): TableColumn => ({ key, label, numeric });
const header = (key: string, label: string): TableColumn => ({ key, label, rowHeader: true });
const levelTitle = (level: LevelOrUnknown) => (level === 'unknown' ? 'Niveau à préciser' : `${LEVEL_INFO[level].rank}. ${LEVEL_INFO[level].label}`);

export type ZoneHref = (key: string) => string;

// ---------------------------------------------------------------------------------------------------
// One zone

export interface ZoneTables {
	offers: TableModel;
	coverage: TableModel;
	hours: TableModel;
	access: TableModel;
	context: TableModel;
}

export function zoneTables(area: AreaIndicators, walkingModel: string): ZoneTables {
	const o = area.metrics.offers;
	const name = area.name;

	const levelColumns = LEVEL_FILTER_VALUES.map((l) => col(`niveau-${LEVEL_INFO[l].rank}`, levelShort(l)));
	const offers: TableModel = {
		id: 'table-offres',
		caption: `Offres actives par niveau et par thème — ${name}`,
		columns: [header('theme', 'Thème'), ...levelColumns, col('total', 'Toutes')],
		rows: [
			...NEEDS.map(
				(need): TableRow => ({
					key: `theme:${need.code}`,
					cells: [cell(themeLabel(need.code)), ...LEVEL_FILTER_VALUES.map((l) => count(o.byLevelAndTheme[l][need.code] ?? 0)), count(o.byTheme[need.code] ?? 0)]
				})
			),
			{
				key: 'total',
				emphasis: true,
				cells: [cell('Toutes les offres'), ...LEVEL_FILTER_VALUES.map((l) => count(o.byLevel[l])), count(o.active)]
			}
		],
		notes: ['Une offre peut porter plusieurs thèmes : les lignes de thèmes ne s’additionnent pas ; la dernière ligne compte chaque offre une fois.']
	};

	const coverageNotes = [
		`Pondération : ${area.weighting.note}`,
		`Temps de marche : ${walkingModel}, en minutes entières arrondies au-dessus ; ${plural(area.samplePoints, 'point', 'points')} de grille dans la zone.`
	];
	if (area.samplingFallback) coverageNotes.push('Zone plus petite qu’une maille de la grille : un seul point la représente.');
	const coverage: TableModel = {
		id: 'table-couverture',
		caption: `Part de la zone à 10 et 15 minutes à pied d'une offre, par niveau — ${name}`,
		columns: [
			header('niveau', 'Niveau'),
			col('c10-ponderee', 'À 10 min, pondéré CAF'),
			col('c10-surface', 'À 10 min, part de la surface'),
			col('c15-ponderee', 'À 15 min, pondéré CAF'),
			col('c15-surface', 'À 15 min, part de la surface')
		],
		rows: LEVELS.map((level) => {
			const c = area.metrics.coverage[level];
			return {
				key: level,
				cells: [cell(levelTitle(level)), share(c.within10.weighted), share(c.within10.area), share(c.within15.weighted), share(c.within15.area)]
			};
		}),
		notes: coverageNotes
	};

	const hoursKeys = [...LEVEL_FILTER_VALUES, 'all'] as const;
	const hours: TableModel = {
		id: 'table-horaires',
		caption: `Horaires par niveau : volume d'ouverture, soir et samedi — ${name}`,
		columns: [
			header('niveau', 'Niveau'),
			col('offres', 'Offres'),
			col('avec', 'Avec horaires'),
			col('sans', 'Sans horaires'),
			col('cumulees', 'Heures par semaine, cumulées'),
			col('couvertes', 'Heures de la semaine couvertes'),
			col('soir', 'Ouvertes le soir (après 18 h)'),
			col('samedi', 'Ouvertes le samedi')
		],
		rows: hoursKeys.map((key) => {
			const h = area.metrics.hours[key];
			return {
				key,
				emphasis: key === 'all',
				cells: [
					cell(key === 'all' ? 'Toutes les offres' : levelTitle(key)),
					count(h.offers),
					count(h.withHours),
					count(h.withoutHours),
					cell(hoursText(h.offerMinutes), h.offerMinutes),
					cell(hoursText(h.openMinutes), h.openMinutes),
					count(h.evening),
					count(h.saturday)
				]
			};
		}),
		notes: [
			'Semaine type, heure de Paris. « Cumulées » : somme des heures de chaque offre ; « couvertes » : heures où au moins une offre est ouverte.',
			'Soir et samedi se lisent seulement sur les offres dont les horaires sont connus : une offre sans horaires n’est comptée ni ouverte ni fermée.'
		]
	};

	const ofActive = (n: number) => cell(o.active > 0 ? percent(n / o.active) : MISSING, o.active > 0 ? n / o.active : null);
	const accessRows: TableRow[] = [
		{ key: 'actives', emphasis: true, cells: [cell('Offres actives'), count(o.active), ofActive(o.active)] },
		{ key: 'gratuites', cells: [cell('Gratuites'), count(o.free), ofActive(o.free)] },
		{ key: 'gratuites-sous-condition', cells: [cell('Gratuites sous condition'), count(o.freeUnderCondition), ofActive(o.freeUnderCondition)] },
		{ key: 'autres-langues', cells: [cell('Dans une autre langue que le français'), count(o.otherLanguages), ofActive(o.otherLanguages)] },
		...Object.entries(o.byLanguage)
			.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
			.map(([code, n]): TableRow => ({ key: `langue:${code}`, cells: [cell(`dont ${languageLabel(code).toLowerCase()}`), count(n), ofActive(n)] })),
		{ key: 'prise-en-charge', cells: [cell('Avec une prise en charge spécifique'), count(o.specificSupport), ofActive(o.specificSupport)] },
		...Object.entries(o.bySpecificSupport)
			.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
			.map(([value, n]): TableRow => ({ key: `pec:${value}`, cells: [cell(`dont ${specificSupportLabel(value).toLowerCase()}`), count(n), ofActive(n)] })),
		{ key: 'verifiees', cells: [cell('Vérifiées il y a moins de 6 mois'), count(o.verifiedRecently), ofActive(o.verifiedRecently)] },
		{ key: 'a-preciser', cells: [cell('Niveau « à préciser »'), count(o.levelToSpecify), ofActive(o.levelToSpecify)] },
		{ key: 'a-distance', cells: [cell('Proposées (aussi) à distance'), count(o.remote), ofActive(o.remote)] },
		{ key: 'fermees-temporairement', cells: [cell('Fermées temporairement ce jour (hors offres actives)'), count(o.temporarilyClosed), cell(MISSING)] }
	];
	const access: TableModel = {
		id: 'table-acces',
		caption: `Gratuité, langues, accompagnement adapté et fraîcheur des fiches — ${name}`,
		columns: [header('indicateur', 'Indicateur'), col('nombre', 'Offres'), col('part', 'Part des offres actives')],
		rows: accessRows,
		notes: ['Langues et prises en charge telles que les structures les déclarent ; une offre peut en déclarer plusieurs.']
	};

	const ctx = area.context;
	const without = (codes: string[], what: string) => (codes.length ? `${what} : ${codes.join(', ')}` : '');
	const context: TableModel = {
		id: 'table-contexte',
		caption: `Contexte de la zone — ${name}`,
		columns: [header('indicateur', 'Indicateur'), col('valeur', 'Valeur'), col('remarque', 'Remarque', false)],
		rows: [
			{ key: 'surface', cells: [cell('Surface'), cell(`${decimal(ctx.areaKm2, 2)}\u00a0km²`, ctx.areaKm2), cell('')] },
			{
				key: 'caf',
				cells: [
					cell('Personnes couvertes par la CAF (2021)'),
					count(ctx.cafPersons.value === null ? null : Math.round(ctx.cafPersons.value)),
					cell(
						[
							area.kind === 'qpv' ? 'Au prorata de la surface de chaque IRIS dans le QPV.' : 'Seul indicateur de population disponible par IRIS.',
							without(ctx.cafPersons.irisWithoutValue, 'IRIS sans donnée')
						]
							.filter(Boolean)
							.join(' ')
					)
				]
			},
			{
				key: 'fragilite',
				cells: [
					cell('Indice de fragilité numérique (100 = région)'),
					cell(decimal(ctx.fragilityIndex.value, 1), ctx.fragilityIndex.value),
					cell(['Données d’environ 2016-2017, licence non établie.', without(ctx.fragilityIndex.irisWithoutValue, 'IRIS sans donnée')].filter(Boolean).join(' '))
				]
			},
			{
				key: 'pauvrete',
				cells: [
					cell('Taux de pauvreté (Filosofi 2021)'),
					cell(ratePct(ctx.povertyRatePct.value), ctx.povertyRatePct.value),
					cell(
						[
							'Moyenne pondérée CAF des IRIS connus.',
							without(ctx.povertyRatePct.irisWithoutValue, 'Sous secret statistique, non comptés')
						]
							.filter(Boolean)
							.join(' ')
					)
				]
			}
		]
	};
	return { offers, coverage, hours, access, context };
}

// ---------------------------------------------------------------------------------------------------
// Comparisons

export function comparisonTable(
	id: string,
	caption: string,
	areas: readonly AreaIndicators[],
	zoneHref: ZoneHref,
	selectedKey: string,
	options: { withContext?: boolean; inQpv?: ReadonlySet<string>; levelCounts?: boolean } = {}
): TableModel {
	const levelCounts = options.levelCounts ?? true;
	const columns: TableColumn[] = [
		header('zone', 'Zone'),
		...(levelCounts ? LEVEL_FILTER_VALUES.map((l) => col(`offres-${LEVEL_INFO[l].rank}`, `Offres ${l === 'unknown' ? 'à préciser' : `niv. ${LEVEL_INFO[l].rank}`}`)) : []),
		col('offres-total', levelCounts ? 'Offres, total' : 'Offres'),
		...LEVELS.map((l) => col(`c15-${LEVEL_INFO[l].rank}`, `À 15 min, niv. ${LEVEL_INFO[l].rank}`))
	];
	if (options.withContext) {
		columns.push(col('en-qpv', 'En QPV', false), col('fragilite', 'Fragilité (IFN)'), col('pauvrete', 'Pauvreté'));
	}
	return {
		id,
		caption,
		columns,
		rows: areas.map((area) => {
			const cells: TableCell[] = [
				cell(area.name, null, { href: zoneHref(area.key), hiddenSuffix: area.key === selectedKey ? ' (zone affichée)' : undefined }),
				...(levelCounts ? LEVEL_FILTER_VALUES.map((l) => count(area.metrics.offers.byLevel[l])) : []),
				count(area.metrics.offers.active),
				...LEVELS.map((l) => share(area.metrics.coverage[l].within15.weighted))
			];
			if (options.withContext) {
				cells.push(
					cell(options.inQpv?.has(area.code) ? 'oui' : 'non'),
					cell(decimal(area.context.fragilityIndex.value, 1), area.context.fragilityIndex.value),
					cell(ratePct(area.context.povertyRatePct.value), area.context.povertyRatePct.value)
				);
			}
			return { key: area.key, emphasis: area.key === selectedKey, cells };
		}),
		notes: [
			'« À 15 min » : part de la zone (pondérée par les personnes couvertes par la CAF, faute de population par IRIS) à 15 minutes à pied ou moins d’une offre du niveau.',
			'Cliquez sur une zone pour afficher tous ses chiffres.'
		]
	};
}

// ---------------------------------------------------------------------------------------------------
// Gaps

/**
 * The gap on a map: the zone outlined with the nearest offers of the missing level around it
 * (/pilotage/manque). The directory filtered on the zone and the level showed « 0 lieu ».
 */
export function gapMapHref(entry: Pick<GapEntry, 'areaKey' | 'level'>): string {
	return `/pilotage/manque?zone=${encodeURIComponent(entry.areaKey)}&niveau=${LEVEL_INFO[entry.level].rank}`;
}

export function gapTable(report: GapReport, zoneHref: ZoneHref, options: { id?: string; caption?: string; limit?: number } = {}): TableModel {
	const entries = options.limit ? report.entries.slice(0, options.limit) : report.entries;
	return {
		id: options.id ?? 'table-manques',
		caption: options.caption ?? `Manques classés : zones où un niveau manque à 15 minutes, les plus fragiles d'abord (${plural(report.entries.length, 'manque', 'manques')})`,
		columns: [
			col('rang', 'Rang'),
			header('zone', 'Zone'),
			col('type', 'Type', false),
			col('niveau', 'Niveau manquant', false),
			col('non-couvert', 'Part à plus de 15 min'),
			col('fragilite', 'Fragilité (IFN)'),
			col('pauvrete', 'Pauvreté'),
			col('score', 'Score'),
			col('explication', 'Explication', false),
			col('carte', 'Carte', false)
		],
		rows: entries.map((e) => ({
			key: `${e.areaKey}|${e.level}`,
			cells: [
				cell(decimal(e.rank), e.rank),
				cell(e.name, null, { href: zoneHref(e.areaKey) }),
				cell(e.kind === 'qpv' ? 'QPV' : 'IRIS'),
				cell(`${LEVEL_INFO[e.level].rank}. ${LEVEL_INFO[e.level].label}`),
				share(e.uncoveredShare),
				cell(e.fragility.value === null ? MISSING : decimal(e.fragility.value, 1), e.fragility.value),
				cell(e.poverty.value === null ? `${MISSING} (secret statistique)` : ratePct(e.poverty.value), e.poverty.value),
				cell(decimal(e.score, 2), e.score),
				cell(e.explanation),
				cell('Voir sur la carte', null, { href: gapMapHref(e), hiddenSuffix: ` : ${e.name}, niveau ${LEVEL_INFO[e.level].rank}` })
			]
		}))
	};
}

// ---------------------------------------------------------------------------------------------------
// Unmet demand

export function unmetTable(result: IndicatorsResult, unmet: UnmetByIris, zoneHref: ZoneHref): TableModel {
	const iris = result.areas.filter((a) => a.kind === 'iris' && (unmet.get(a.code)?.total ?? 0) > 0);
	const totals = [...unmet.values()].reduce((acc, c) => ({ total: acc.total + c.total, unmet: acc.unmet + c.unmet }), { total: 0, unmet: 0 });
	const row = (key: string, label: TableCell, c: { total: number; unmet: number }, emphasis = false): TableRow => ({
		key,
		emphasis,
		cells: [label, count(c.total), count(c.unmet), share(c.total > 0 ? c.unmet / c.total : null)]
	});
	return {
		id: 'table-demande',
		caption: 'Demande non satisfaite par IRIS de départ : orientations qui ont trouvé moins de trois lieux à 15 minutes',
		columns: [header('iris', 'IRIS'), col('orientations', 'Orientations'), col('non-satisfaites', 'Moins de 3 lieux à 15 min'), col('part', 'Part')],
		rows: [
			...iris
				.sort((a, b) => (unmet.get(b.code)!.unmet - unmet.get(a.code)!.unmet) || a.name.localeCompare(b.name, 'fr'))
				.map((a) => row(a.key, cell(a.name, null, { href: zoneHref(a.key) }), unmet.get(a.code)!)),
			row('total', cell('Toutes les IRIS'), totals, true)
		],
		notes: ['Orientations faites avec l’outil « Orienter une personne » ; seule l’IRIS du point de départ est enregistrée, jamais l’adresse.']
	};
}

// ---------------------------------------------------------------------------------------------------
// Maps' data

export function choroplethTable(indicator: MapIndicator, values: readonly ChoroplethValue[], zoneHref: ZoneHref): TableModel {
	return {
		id: 'table-carte',
		caption: `Valeurs de la carte, IRIS par IRIS : ${indicator.label}`,
		columns: [header('iris', 'IRIS'), col('valeur', 'Valeur'), col('classe', 'Classe de la légende', false)],
		rows: values.map((v) => ({
			key: `iris:${v.code}`,
			cells: [
				cell(v.name, null, { href: zoneHref(`iris:${v.code}`) }),
				cell(v.value === null ? MISSING : indicator.text(v.value), v.value),
				cell(v.cls < 0 ? 'donnée manquante' : indicator.classLabels[v.cls]!)
			]
		})),
		notes: indicator.caveat ? [indicator.caveat] : undefined
	};
}

export function distanceTables(layer: DistanceLayer, zoneHref: ZoneHref): { commune: TableModel; iris: TableModel } {
	const rank = LEVEL_INFO[layer.level].rank;
	return {
		commune: {
			id: 'table-distance',
			caption: `Roubaix : part de la surface selon le temps de marche jusqu'à l'offre de niveau ${rank} la plus proche`,
			columns: [header('classe', 'Temps de marche'), col('part', 'Part de la surface')],
			rows: DISTANCE_CLASSES.map((c, i) => ({ key: `classe-${i}`, cells: [cell(c.label), share(layer.communeShares[i]!)] })),
			notes: [`${plural(layer.points.length, 'point', 'points')} de grille (un tous les ${layer.spacingMetres} m) ; ${plural(layer.offerPoints.length, 'lieu', 'lieux')} avec une offre de niveau ${rank}.`]
		},
		iris: {
			id: 'table-distance-iris',
			caption: `Par IRIS : part de la surface selon le temps de marche jusqu'à l'offre de niveau ${rank} la plus proche`,
			columns: [header('iris', 'IRIS'), ...DISTANCE_CLASSES.map((c, i) => col(`classe-${i}`, c.label))],
			rows: layer.byIris.map((r) => ({
				key: `iris:${r.code}`,
				cells: [cell(r.name, null, { href: zoneHref(`iris:${r.code}`) }), ...r.shares.map((s) => share(s))]
			}))
		}
	};
}

// ---------------------------------------------------------------------------------------------------
// Exports' documentation

export function csvColumnsTable(): TableModel {
	return {
		id: 'table-colonnes',
		caption: 'Colonnes des exports CSV et GeoJSON',
		columns: [header('colonne', 'Colonne'), col('groupe', 'Groupe', false), col('sens', 'Signification et unité', false)],
		rows: [
			...CSV_ID_COLUMNS.map((c) => ({ key: c.id, cells: [cell(c.id), cell('Identification'), cell(c.description)] })),
			...FIGURES.map((f) => ({ key: f.id, cells: [cell(f.id), cell(GROUP_LABELS[f.group]), cell(f.description)] }))
		]
	};
}


/** The same table without some columns (the printed report has no room for the explanations). */
export function withoutColumns(table: TableModel, keys: readonly string[]): TableModel {
	const keep = table.columns.map((c, i) => (keys.includes(c.key) ? -1 : i)).filter((i) => i >= 0);
	return {
		...table,
		columns: keep.map((i) => table.columns[i]!),
		rows: table.rows.map((row) => ({ ...row, cells: keep.map((i) => row.cells[i]!) }))
	};
}
