import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { areaByKey, computeIndicators, type IndicatorsInput } from '$lib/domain/coverage/indicators';
import { rankGaps } from '$lib/domain/coverage/gaps';
import { whatIf } from '$lib/domain/coverage/what-if';
import { GRID_SPACING, NOW, at, directory, rectangle, town } from '$lib/domain/coverage/test-city.fixtures';
import { distanceLayer } from './distance';
import { choroplethSvg, distanceSvg } from './maps';
import { choroplethSummary, choroplethValues, mapIndicator } from './map-indicators';
import { comparisonTable, gapMapHref, gapTable, withoutColumns, zoneTables } from './tables';
import { WHAT_IF_FIGURES, whatIfView } from './what-if-view';
import { NBSP } from './format';

/**
 * The planners' tables, maps and « Et si… » view on the square town of the coverage tests
 * (test-city.fixtures.ts, 250 m grid, hand-computed values in indicators.test.ts).
 */

const input = (): IndicatorsInput => ({ geography: town(), places: directory() });
const compute = (i: IndicatorsInput = input()) => computeIndicators(i, NOW, { spacingMetres: GRID_SPACING });
const n = (text: string) => text.replace(/ /g, NBSP);
const href = (key: string) => `/pilotage?zone=${key}#zone`;
const areas: FeatureCollection = {
	type: 'FeatureCollection',
	features: [
		{ type: 'Feature', properties: { code: 'T', kind: 'commune', name: 'Carréville' }, geometry: rectangle(0, 0, 1000, 1000) },
		{ type: 'Feature', properties: { code: 'Q', kind: 'qpv', name: 'Q' }, geometry: rectangle(0, 0, 750, 750) },
		{ type: 'Feature', properties: { code: 'A', kind: 'iris', name: 'Ouest' }, geometry: rectangle(0, 0, 500, 1000) },
		{ type: 'Feature', properties: { code: 'B', kind: 'iris', name: 'Est' }, geometry: rectangle(500, 0, 1000, 1000) }
	]
};

describe('zone tables', () => {
	it('give the coverage per level, weighted and by area, in French', () => {
		const tables = zoneTables(areaByKey(compute(), 'commune:T')!, 'vol d’oiseau');
		const support = tables.coverage.rows.find((r) => r.key === 'support')!;
		// Within 10 min: A 6/8, B 2/8 → CAF (3000·¾ + 1000·¼) / 4000 = 62.5 %, area 8/16; within 15: 90.6 %, 13/16.
		expect(support.cells.map((c) => c.text)).toEqual(['3. Être accompagné', n('63 %'), n('50 %'), n('91 %'), n('81 %')]);
		expect(tables.coverage.notes![0]).toContain('personnes couvertes par la CAF');
		expect(tables.coverage.columns.filter((c) => c.rowHeader)).toHaveLength(1);
	});

	it('count offers by level and theme, with a total row', () => {
		const tables = zoneTables(areaByKey(compute(), 'commune:T')!, '');
		const admin = tables.offers.rows.find((r) => r.key === 'theme:admin')!;
		// Two « être accompagné » offers carry « admin » (11 and 12).
		expect(admin.cells.map((c) => c.text)).toEqual(['Démarches administratives', '0', '0', '2', '0', '0', '2']);
		const total = tables.offers.rows.at(-1)!;
		expect(total.cells.map((c) => c.text)).toEqual(['Toutes les offres', '0', '1', '3', '0', '2', '6']);
	});

	it('say how many offers have hours, open in the evening and on Saturday', () => {
		const tables = zoneTables(areaByKey(compute(), 'commune:T')!, '');
		const support = tables.hours.rows.find((r) => r.key === 'support')!;
		// 3 support offers with hours: Mo-Fr 9-12 (15 h), Sa 10-12 + Tu 17-19 (4 h), Mo 10-13 (3 h): 22 h
		// cumulated; together they cover Mo 9-13, Tu-Fr 9-12, Tu 17-19 and Sa 10-12: 20 h of the week.
		expect(support.cells.map((c) => c.text)).toEqual(['3. Être accompagné', '3', '3', '0', n('22 h'), n('20 h'), '1', '1']);
	});
});

describe('comparison and gap tables', () => {
	it('link every zone to its figures', () => {
		const result = compute();
		const table = comparisonTable('t', 'IRIS', result.areas.filter((a) => a.kind === 'iris'), href, 'iris:A');
		expect(table.rows.map((r) => r.cells[0]!.href)).toEqual(['/pilotage?zone=iris:A#zone', '/pilotage?zone=iris:B#zone']);
		expect(table.rows[0]!.emphasis).toBe(true);
		expect(table.rows[1]!.cells.find((_, i) => table.columns[i]!.key === 'c15-4')!.text).toBe(n('0 %'));
	});

	it('rank gaps with a link to the directory filtered on the area and level', () => {
		const report = rankGaps(compute());
		const table = gapTable(report, href);
		const first = report.entries[0]!;
		expect(table.rows).toHaveLength(report.entries.length);
		expect(table.rows[0]!.cells[0]!.text).toBe('1');
		expect(table.rows[0]!.cells.at(-1)!.href).toBe(gapMapHref(first));
		expect(gapMapHref({ areaKey: 'iris:B', level: 'reinforced' })).toBe('/pilotage/manque?zone=iris%3AB&niveau=4');
		expect(withoutColumns(table, ['explication', 'carte']).columns.map((c) => c.key)).not.toContain('explication');
		expect(withoutColumns(table, ['explication']).rows[0]!.cells).toHaveLength(table.columns.length - 1);
	});
});

describe('maps', () => {
	it('write the value in each IRIS and spell out the classes', () => {
		const result = compute();
		const indicator = mapIndicator('couverture-15-4')!;
		const values = choroplethValues(result, new Map(), indicator);
		expect(values.map((v) => [v.code, v.value, v.cls])).toEqual([
			['A', 0.625, 2],
			['B', 0, 0]
		]);
		const svg = choroplethSvg(input(), result, new Map(), areas, indicator);
		expect(svg).toContain(`<text x=`);
		expect(svg).toContain(`>${n('63 %')}</text>`);
		expect(svg).toContain(`>${n('0 %')}</text>`);
		expect(svg).toContain(`>50 à 74${NBSP}%</text>`);
		expect(svg).toContain('<title id="carte-titre">Part de la surface à 15 min à pied');
		expect(choroplethSummary(indicator, values)).toContain(`« 0 à 24${NBSP}% » : 1${NBSP}IRIS ; « 50 à 74${NBSP}% » : 1${NBSP}IRIS.`);
	});

	it('hatch and name a missing value', () => {
		const svg = choroplethSvg(input(), compute(), new Map(), areas, mapIndicator('pauvrete')!);
		expect(svg).toContain('>n.d.</text>');
		expect(svg).toContain('donnée manquante (n.d.)');
		expect(svg).toContain('fill="url(#hachures)"');
	});

	it('escape names in the SVG', () => {
		const geography = town({ name: 'Ouest <&> "haut"' });
		const svg = choroplethSvg({ geography, places: directory() }, compute({ geography, places: directory() }), new Map(), areas, mapIndicator('offres')!);
		expect(svg).toContain('Ouest &lt;&amp;&gt; &quot;haut&quot;');
		expect(svg).not.toContain('<&>');
	});
});

describe('distance layer', () => {
	it('classes every grid point by minutes to the nearest offer, as computed by hand', () => {
		// « Être accompagné » at P1 (125, 125): A's points are 0, 250, 250, 354, 500, 559, 750 and
		// 791 m away → 0, 5, 5, 7, 9, 10, 13, 14 min; B's 500, 559, 707, 750, 791, 901, 901, 1061 m →
		// 9, 10, 13, 13, 14, 16, 16, 18 min.
		const layer = distanceLayer(input(), 'support', NOW, GRID_SPACING);
		expect(layer.points).toHaveLength(16);
		expect(layer.byIris).toEqual([
			{ code: 'A', name: 'Ouest', shares: [3 / 8, 3 / 8, 2 / 8, 0] },
			{ code: 'B', name: 'Est', shares: [0, 2 / 8, 3 / 8, 3 / 8] }
		]);
		[3 / 16, 5 / 16, 5 / 16, 3 / 16].forEach((share, i) => expect(layer.communeShares[i]).toBeCloseTo(share, 12));
		// The same ground as the coverage figures: within 15 min = the first three classes.
		const commune = areaByKey(compute(), 'commune:T')!;
		expect(1 - layer.communeShares[3]!).toBeCloseTo(commune.metrics.coverage.support.within15.area!, 12);
	});

	it('leaves closed offers out', () => {
		// The only « découvrir » offer is temporarily closed now.
		expect(distanceLayer(input(), 'discover', NOW, GRID_SPACING).communeShares).toEqual([0, 0, 0, 1]);
	});

	it('draws the cells by class, hatches « plus de 15 min » and numbers the places', () => {
		const svg = distanceSvg(input(), areas, distanceLayer(input(), 'support', NOW, GRID_SPACING));
		expect(svg).toContain('class="classe-0"');
		expect(svg).toContain('class="classe-3"');
		expect(svg.match(/<circle /g)).toHaveLength(1);
		expect(svg).toContain(`>plus de 15${NBSP}min</text>`);
	});
});

describe('« Et si… » view', () => {
	const offer = () => {
		const [lon, lat] = at(875, 625);
		return { level: 'reinforced' as const, lon, lat, hours: 'Sa 09:00-12:00' };
	};

	it('shows the commune, the QPV and the IRIS that change, the IRIS of the point first', () => {
		const view = whatIfView(whatIf(input(), offer(), NOW, { spacingMetres: GRID_SPACING }), town(), offer(), new Map(), href);
		expect(view.primary.map((a) => a.key)).toEqual(['commune:T', 'qpv:Q', 'iris:B', 'iris:A']);
		expect(view.summary).toContain("dans l'IRIS « Est », hors quartier prioritaire");
		expect(view.summary).toContain('ouverte « Sa 09:00-12:00 »');
	});

	it('gives every figure before and after, the changed ones with their difference', () => {
		const view = whatIfView(whatIf(input(), offer(), NOW, { spacingMetres: GRID_SPACING }), town(), offer(), new Map(), href);
		const b = view.primary.find((a) => a.key === 'iris:B')!;
		expect(b.rows).toHaveLength(WHAT_IF_FIGURES.length);
		const row = (id: string) => b.rows[WHAT_IF_FIGURES.findIndex((f) => f.id === id)]!;
		// Every point of B is within 865 m of (875, 625): from 0 % to 100 %.
		expect(row('couverture_15min_niveau_4_surface_pct')).toEqual([n('0 %'), n('100 %'), n('+100,0 points')]);
		expect(row('offres_niveau_4')).toEqual(['0', '1', '+1']);
		expect(row('horaires_niveau_4_samedi')).toEqual(['0', '1', '+1']);
		expect(row('offres_niveau_1')).toEqual(['0', '0', '=']);
		expect(b.changedCount).toBe(b.rows.filter((r) => r[2] !== '=').length);
	});

	it('lists the gaps before and after, and says which are closed', () => {
		const view = whatIfView(whatIf(input(), offer(), NOW, { spacingMetres: GRID_SPACING }), town(), offer(), new Map(), href);
		const closed = view.gaps.rows.find((r) => r.key === 'iris:B|reinforced')!;
		expect(closed.cells.at(-1)!.text).toBe('comblé');
		expect(closed.cells[3]!.text).toBe('—');
		expect(view.gapsSummary).toMatch(/comblés? par cette offre/);
	});
});
