import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { computeIndicators } from '$lib/domain/coverage/indicators';
import { GRID_SPACING, NOW, directory, rectangle, town } from '$lib/domain/coverage/test-city.fixtures';
import { csvHeader, indicatorsCsv, indicatorsGeoJson } from './csv';
import { FIGURES } from './figures';

/**
 * The exports on the square town of the coverage tests (test-city.fixtures.ts, 250 m grid): the
 * figures come from the hand-computed values documented in indicators.test.ts.
 */

const result = () => computeIndicators({ geography: town(), places: directory() }, NOW, { spacingMetres: GRID_SPACING });

function parse(csv: string): Record<string, string>[] {
	const [head, ...rows] = csv.replace(/^\ufeff/, '').trimEnd().split('\r\n');
	const names = head!.split(';');
	return rows.map((row) => Object.fromEntries(row.split(';').map((v, i) => [names[i]!, v])));
}

describe('indicators CSV', () => {
	it('is UTF-8 with a BOM, « ; » between fields, CRLF, one row per area', () => {
		const csv = indicatorsCsv(result(), new Map());
		expect(csv.startsWith('\ufeffcle;type;type_libelle;code;nom;iris;ponderation;surface_km2;')).toBe(true);
		expect(csv.endsWith('\r\n')).toBe(true);
		const rows = parse(csv);
		expect(rows.map((r) => r.cle)).toEqual([
			'commune:T',
			'qpv:Q',
			'iris_in_qpv:iris_in_qpv',
			'iris_outside_qpv:iris_outside_qpv',
			'grand_quartier:G1',
			'iris:A',
			'iris:B'
		]);
		expect(csvHeader()).toHaveLength(7 + FIGURES.length);
		expect(new Set(csvHeader()).size).toBe(csvHeader().length);
		for (const row of rows) expect(Object.keys(row)).toHaveLength(csvHeader().length);
	});

	it('writes shares in per cent with a dot, as computed by hand', () => {
		const [commune, , , , , a, b] = parse(indicatorsCsv(result(), new Map()));
		// « Être accompagné » (P1 at 125, 125): A 8/8 within 15 min, B 5/8. CAF A 3,000, B 1,000.
		expect(commune!.couverture_15min_niveau_3_surface_pct).toBe('81.25'); // 13/16
		expect(commune!.couverture_15min_niveau_3_ponderee_pct).toBe('90.63'); // (3000·1 + 1000·⅝) / 4000 = 90.625 %
		expect(b!.couverture_10min_niveau_3_surface_pct).toBe('25'); // 2/8
		// « Renforcé » from P4 outside the town: A 5/8 within 15, B nothing.
		expect(a!.couverture_15min_niveau_4_ponderee_pct).toBe('62.5');
		expect(b!.couverture_15min_niveau_4_ponderee_pct).toBe('0');
		// « Découvrir » is temporarily closed: 0 everywhere.
		expect(commune!.couverture_15min_niveau_1_ponderee_pct).toBe('0');
	});

	it('counts offers and hours, and leaves unknown values empty rather than 0', () => {
		const [commune, , , , , a, b] = parse(indicatorsCsv(result(), new Map()));
		// P1: 3 support (one temporarily closed « découvrir », one closed « renforcé » left out), 1 unknown; P2: 1 learn; P3: 1 unknown.
		expect(commune!.offres_actives).toBe('6');
		expect(commune!.offres_niveau_3).toBe('3');
		expect(commune!.offres_a_preciser).toBe('2');
		expect(commune!.offres_fermees_temporairement).toBe('1');
		expect(commune!.offres_langue_ar).toBe('1');
		// Support hours: Mo-Fr 9-12 (15 h), Sa 10-12 + Tu 17-19 (4 h), Mo 10-13 (3 h): 22 h cumulated.
		expect(commune!.horaires_niveau_3_heures_cumulees).toBe('22');
		expect(commune!.horaires_niveau_3_soir).toBe('1');
		expect(a!.taux_pauvrete_pct).toBe('50');
		expect(b!.taux_pauvrete_pct).toBe('');
		expect(b!.indice_fragilite_numerique).toBe('100');
		// A QPV cuts IRIS: orientations, counted per IRIS, have no exact figure there.
		const withDemand = parse(indicatorsCsv(result(), new Map([['A', { total: 4, unmet: 3 }]])));
		expect(withDemand[0]!.orientations).toBe('4');
		expect(withDemand[0]!.orientations_moins_de_3_lieux_15min).toBe('3');
		expect(withDemand[1]!.orientations).toBe('');
		expect(withDemand[6]!.orientations).toBe('0');
	});

	it('quotes a field holding the separator or a quote', () => {
		const geography = town({ name: 'Ouest ; « dit "le Haut" »' });
		const csv = indicatorsCsv(computeIndicators({ geography, places: directory() }, NOW, { spacingMetres: GRID_SPACING }), new Map());
		expect(csv).toContain(';"Ouest ; « dit ""le Haut"" »";');
	});
});

describe('indicators CSV: no formula runs when the file is opened (OWASP CSV injection)', () => {
	it('prefixes a name starting with =, +, -, @ with an apostrophe; the GeoJSON keeps it as it is', () => {
		const geography = town({ name: '=HYPERLINK("https://evil.example")' }, { name: '@SUM(A1)' });
		const computed = computeIndicators({ geography, places: directory() }, NOW, { spacingMetres: GRID_SPACING });
		const csv = indicatorsCsv(computed, new Map());
		expect(csv).toContain(`;"'=HYPERLINK(""https://evil.example"")";`);
		expect(csv).toContain(";'@SUM(A1);");
		expect(csv).not.toMatch(/;[=+@-][A-Z]/);
		const geojson = indicatorsGeoJson(computed, new Map(), { type: 'FeatureCollection', features: [] }, NOW.toISOString());
		expect(geojson.features.map((f) => f.properties!.nom)).toContain('=HYPERLINK("https://evil.example")');
	});
});

describe('indicators GeoJSON', () => {
	const stored: FeatureCollection = {
		type: 'FeatureCollection',
		features: [
			{ type: 'Feature', properties: { code: 'T', kind: 'commune' }, geometry: rectangle(0, 0, 1000, 1000) },
			{ type: 'Feature', properties: { code: 'Q', kind: 'qpv' }, geometry: rectangle(0, 0, 750, 750) },
			{ type: 'Feature', properties: { code: 'A', kind: 'iris' }, geometry: rectangle(0, 0, 500, 1000) },
			{ type: 'Feature', properties: { code: 'B', kind: 'iris' }, geometry: rectangle(500, 0, 1000, 1000) }
		]
	};

	it('has one feature per CSV row, with the same columns as numbers', () => {
		const r = result();
		const collection = indicatorsGeoJson(r, new Map(), stored, r.computedAt);
		expect(collection.features).toHaveLength(r.areas.length);
		const commune = collection.features[0]!;
		expect(commune.id).toBe('commune:T');
		expect(Object.keys(commune.properties!)).toEqual(csvHeader());
		expect(commune.properties!.couverture_15min_niveau_3_surface_pct).toBe(81.25);
		expect(collection.features[6]!.properties!.taux_pauvrete_pct).toBeNull();
		// Round trip through JSON, as a client reads it.
		expect(JSON.parse(JSON.stringify(collection)).features).toHaveLength(7);
	});

	it('draws an area without a stored polygon as the union of its IRIS', () => {
		const r = result();
		const features = indicatorsGeoJson(r, new Map(), stored, r.computedAt).features;
		const inQpv = features.find((f) => f.id === 'iris_in_qpv:iris_in_qpv')!;
		expect(inQpv.geometry).toEqual({ type: 'MultiPolygon', coordinates: [rectangle(0, 0, 500, 1000).coordinates] });
		const gq = features.find((f) => f.id === 'grand_quartier:G1')!;
		expect(gq.geometry.type).toBe('MultiPolygon');
	});
});
