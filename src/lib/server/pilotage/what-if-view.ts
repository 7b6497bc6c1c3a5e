import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { AreaIndicators, CoverageGeography } from '$lib/domain/coverage/indicators';
import type { GapEntry } from '$lib/domain/coverage/gaps';
import type { HypotheticalOffer, WhatIfResult } from '$lib/domain/coverage/what-if';
import { LEVEL_INFO } from '$lib/domain/levels';
import type { TableModel } from '$lib/components/pilotage/types';
import { changeText } from './change-text';
import { decimal, plural } from './format';
import { FIGURES, figureText, type UnmetByIris } from './figures';
import { KIND_LABELS } from './labels';
import type { ZoneHref } from './tables';

/**
 * « Et si… »: every figure of the areas the hypothetical offer touches, before and after, and the
 * gap list before and after. Built from the same figure list as the zone tables and the CSV.
 * Nothing here writes anywhere: the offer lives only in the recomputed indicators.
 */

/**
 * One area, before and after, in a compact form: `rows[i]` is [before, after, difference] of
 * FIGURES[i], already in French; the difference is « = » when the figure does not move. The page
 * lays out two tables from it (the changed rows, then all of them), so the data travels once.
 */
export interface WhatIfArea {
	key: string;
	kind: string;
	name: string;
	changedCount: number;
	rows: [before: string, after: string, delta: string][];
}

/** The figures' ids and labels, in the rows' order. */
export const WHAT_IF_FIGURES = FIGURES.map((f) => ({ id: f.id, label: f.label }));

export interface WhatIfView {
	summary: string;
	primary: WhatIfArea[];
	others: WhatIfArea[];
	gaps: TableModel;
	gapsSummary: string;
}

const EPSILON = 1e-9;

function differs(before: number | null, after: number | null): boolean {
	if (before === null || after === null) return before !== after;
	return Math.abs(after - before) > EPSILON;
}

function areaComparison(before: AreaIndicators, after: AreaIndicators, unmet: UnmetByIris): WhatIfArea {
	let changedCount = 0;
	const rows = FIGURES.map((figure): [string, string, string] => {
		const b = figure.get(before, unmet);
		const a = figure.get(after, unmet);
		// Written with the precision the change needs (change-text.ts): never « 49 % → 49 % ».
		const text = changeText(figure.format, b, a);
		if (text.changed) changedCount++;
		return [text.before, text.after, text.delta];
	});
	return { key: before.key, kind: KIND_LABELS[before.kind], name: before.name, changedCount, rows };
}

function locate(geography: CoverageGeography, offer: HypotheticalOffer) {
	const point: [number, number] = [offer.lon, offer.lat];
	return {
		iris: geography.iris.find((i) => booleanPointInPolygon(point, i.geometry)) ?? null,
		qpv: geography.qpv.find((q) => booleanPointInPolygon(point, q.geometry)) ?? null
	};
}

const gapKey = (e: Pick<GapEntry, 'areaKey' | 'level'>) => `${e.areaKey}|${e.level}`;

/** What the view reads of a simulation: the comparison of the domain's result is not needed. */
type Compared = Pick<WhatIfResult, 'before' | 'after' | 'gapsBefore' | 'gapsAfter'>;

function gapComparison(result: Compared, zoneHref: ZoneHref): { table: TableModel; summary: string } {
	const before = new Map(result.gapsBefore.entries.map((e) => [gapKey(e), e]));
	const after = new Map(result.gapsAfter.entries.map((e) => [gapKey(e), e]));
	const keys = [
		...result.gapsAfter.entries.map(gapKey),
		...result.gapsBefore.entries.filter((e) => !after.has(gapKey(e))).map(gapKey)
	];
	const rank = (e: GapEntry | undefined) => (e ? decimal(e.rank) : '—');
	const closed = keys.filter((k) => !after.has(k)).length;
	const table: TableModel = {
		id: 'table-manques-avant-apres',
		caption: `Manques avant et après l'offre imaginée (${plural(result.gapsBefore.entries.length, 'manque', 'manques')} avant, ${decimal(result.gapsAfter.entries.length)} après)`,
		columns: [
			{ key: 'zone', label: 'Zone', rowHeader: true },
			{ key: 'niveau', label: 'Niveau manquant' },
			{ key: 'rang-avant', label: 'Rang avant', numeric: true },
			{ key: 'rang-apres', label: 'Rang après', numeric: true },
			{ key: 'non-couvert-avant', label: 'Part à plus de 15 min, avant', numeric: true },
			{ key: 'non-couvert-apres', label: 'Part à plus de 15 min, après', numeric: true },
			{ key: 'score-avant', label: 'Score avant', numeric: true },
			{ key: 'score-apres', label: 'Score après', numeric: true },
			{ key: 'evolution', label: 'Évolution' }
		],
		rows: keys.map((key) => {
			const b = before.get(key);
			const a = after.get(key);
			const e = (a ?? b)!;
			const evolution = !a ? 'comblé' : !b ? 'nouveau' : differs(b.score, a.score) ? 'réduit' : 'inchangé';
			return {
				key,
				emphasis: evolution !== 'inchangé',
				cells: [
					{ text: `${e.name} (${e.kind === 'qpv' ? 'QPV' : 'IRIS'})`, href: zoneHref(e.areaKey) },
					{ text: `${LEVEL_INFO[e.level].rank}. ${LEVEL_INFO[e.level].label}` },
					{ text: rank(b), value: b?.rank ?? null },
					{ text: rank(a), value: a?.rank ?? null },
					{ text: b ? figureText('share', b.uncoveredShare) : '—', value: b?.uncoveredShare ?? null },
					{ text: a ? figureText('share', a.uncoveredShare) : '—', value: a?.uncoveredShare ?? null },
					{ text: b ? decimal(b.score, 2) : '—', value: b?.score ?? null },
					{ text: a ? decimal(a.score, 2) : '—', value: a?.score ?? null },
					{ text: evolution }
				]
			};
		}),
		notes: ['« Comblé » : moins de la moitié de la zone reste à plus de 15 minutes de ce niveau. Un tiret : pas dans la liste.']
	};
	const summary =
		closed === 0
			? 'Aucun manque n’est comblé par cette offre.'
			: `${plural(closed, 'manque est comblé', 'manques sont comblés')} par cette offre.`;
	return { table, summary };
}

export function whatIfView(
	result: Compared,
	geography: CoverageGeography,
	offer: HypotheticalOffer,
	unmet: UnmetByIris,
	zoneHref: ZoneHref
): WhatIfView {
	const afterByKey = new Map(result.after.areas.map((a) => [a.key, a]));
	const { iris, qpv } = locate(geography, offer);
	const compared = result.before.areas.flatMap((b) => {
		const a = afterByKey.get(b.key);
		return a ? [{ area: b, view: areaComparison(b, a, unmet) }] : [];
	});
	const isPrimary = ({ area, view }: (typeof compared)[number]) =>
		area.kind === 'commune' ||
		(area.kind === 'qpv' && (view.changedCount > 0 || area.code === qpv?.code)) ||
		(area.kind === 'iris' && (view.changedCount > 0 || area.code === iris?.code));
	// The IRIS holding the point first, then the others by name.
	const order = (x: (typeof compared)[number]) => (x.area.kind === 'commune' ? 0 : x.area.kind === 'qpv' ? 1 : x.area.code === iris?.code ? 2 : 3);
	const primary = compared
		.filter(isPrimary)
		.sort((x, y) => order(x) - order(y) || x.area.name.localeCompare(y.area.name, 'fr'))
		.map((x) => x.view);
	const others = compared.filter((x) => !isPrimary(x) && x.view.changedCount > 0).map((x) => x.view);

	const info = LEVEL_INFO[offer.level];
	const coords = `${offer.lat.toFixed(5).replace('.', ',')}, ${offer.lon.toFixed(5).replace('.', ',')}`;
	const location = iris
		? `dans l'IRIS « ${iris.name} »${qpv ? `, dans le quartier prioritaire « ${qpv.name} »` : ', hors quartier prioritaire'}`
		: 'hors de Roubaix (ses offres comptent pour les habitants proches de la limite)';
	const gaps = gapComparison(result, zoneHref);
	const touched = primary.filter((a) => a.changedCount > 0).length + others.length;
	return {
		summary: `Offre imaginée de niveau ${info.rank} (${info.label}) au point ${coords}, ${location}, ${offer.hours ? `ouverte « ${offer.hours} »` : 'sans horaires décidés'}. Elle change des chiffres dans ${plural(touched, 'zone', 'zones')}.`,
		primary,
		others,
		gaps: gaps.table,
		gapsSummary: gaps.summary
	};
}
