/**
 * The planners' pages (/pilotage and below), with and without JavaScript (projects `js` and
 * `nojs`): facts a planner can check by eye on the real data, computed here independently of the
 * app (straight line × 1.3 at 4.5 km/h with turf, the read API for places and areas), the exports
 * against the page, the « Et si… » simulation that saves nothing, the printed QPV report, bad
 * addresses, and axe on every page.
 */
import { createHash } from 'node:crypto';
import type { APIRequestContext, Page } from '@playwright/test';
import bbox from '@turf/bbox';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import centroid from '@turf/centroid';
import distance from '@turf/distance';
import { dbRows } from './accounts';
import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { analyzablePage, expectNoAxeViolations } from './axe';
import { apiOffers, expect, hydrated, test, LEVEL_KEYS } from './fixtures';

// ---------------------------------------------------------------------------------------------------
// Reference data, from the read API and a walking model written again here

/** 15 minutes at 4.5 km/h is 1,125 m on foot, i.e. 865.4 m in a straight line (× 1.3). */
const REACH_15_MIN_METRES = (15 * 4500) / 60 / 1.3;
/** Margins so the rounding of the app's grid never decides: « surely out », « surely in ». */
const SURELY_OUT_METRES = REACH_15_MIN_METRES + 15;
const SURELY_IN_METRES = REACH_15_MIN_METRES - 15;

interface Iris {
	code: string;
	name: string;
	geometry: Polygon | MultiPolygon;
	box: [number, number, number, number];
}

interface PlacePoint {
	id: number;
	lon: number;
	lat: number;
	ranks: number[];
}

async function irisAreas(request: APIRequestContext): Promise<Iris[]> {
	const response = await request.get('/api/v1/areas.geojson?type=iris');
	expect(response.status()).toBe(200);
	const body = (await response.json()) as FeatureCollection<Polygon | MultiPolygon, { code: string; name: string }>;
	return body.features.map((f) => ({ code: f.properties.code, name: f.properties.name, geometry: f.geometry, box: bbox(f) as Iris['box'] }));
}

async function placePoints(request: APIRequestContext): Promise<PlacePoint[]> {
	const response = await request.get('/api/v1/places.geojson');
	expect(response.status()).toBe(200);
	const body = (await response.json()) as FeatureCollection<Point, { id: number; ranks: number[] }>;
	return body.features.map((f) => ({ id: f.properties.id, lon: f.geometry.coordinates[0]!, lat: f.geometry.coordinates[1]!, ranks: f.properties.ranks }));
}

const metres = (a: [number, number], b: [number, number]) => distance(a, b, { units: kilometresUnit }) * 1000;
const kilometresUnit = 'kilometers' as const;

/** Straight-line metres from a place to the nearest point of an IRIS's bounding box: no point of the IRIS is nearer. */
function metresToBox(place: PlacePoint, box: Iris['box']): number {
	const lon = Math.min(Math.max(place.lon, box[0]), box[2]);
	const lat = Math.min(Math.max(place.lat, box[1]), box[3]);
	return metres([place.lon, place.lat], [lon, lat]);
}

/** Straight-line metres from a place to the farthest corner of the box: every point of the IRIS is nearer. */
function metresToFarthestCorner(place: PlacePoint, box: Iris['box']): number {
	const corners: [number, number][] = [
		[box[0], box[1]],
		[box[0], box[3]],
		[box[2], box[1]],
		[box[2], box[3]]
	];
	return Math.max(...corners.map((c) => metres([place.lon, place.lat], c)));
}

interface Level4Facts {
	/** Every point of the IRIS (centroid and box corners included) is more than 15 minutes from every level-4 place. */
	uncovered: Iris[];
	/** Every point of the IRIS is within 15 minutes of one level-4 place. */
	covered: Iris[];
}

async function level4Facts(request: APIRequestContext): Promise<Level4Facts> {
	const [iris, places] = await Promise.all([irisAreas(request), placePoints(request)]);
	const level4 = places.filter((p) => p.ranks.includes(4));
	expect(level4.length, 'places with a level-4 offer').toBeGreaterThan(0);
	return {
		uncovered: iris.filter((i) => level4.every((p) => metresToBox(p, i.box) > SURELY_OUT_METRES)),
		covered: iris.filter((i) => level4.some((p) => metresToFarthestCorner(p, i.box) < SURELY_IN_METRES))
	};
}

/** A point inside the IRIS: its centroid, or the middle of its box when the centroid falls outside. */
function pointIn(iris: Iris): [number, number] {
	const c = centroid(iris.geometry).geometry.coordinates as [number, number];
	if (booleanPointInPolygon(c, iris.geometry)) return c;
	const middle: [number, number] = [(iris.box[0] + iris.box[2]) / 2, (iris.box[1] + iris.box[3]) / 2];
	expect(booleanPointInPolygon(middle, iris.geometry), `a point inside ${iris.name}`).toBe(true);
	return middle;
}

// ---------------------------------------------------------------------------------------------------
// Reading the pages

/** « 53 % » → 53; « n.d. » → null. */
function percentOf(text: string): number | null {
	const m = /(-?\d+)\s*%/.exec(text.replace(/\s/g, ' '));
	return m ? Number(m[1]) : null;
}

const intOf = (text: string) => Number(text.replace(/\s/g, ''));

function cell(page: Page, table: string, rowKey: string, column: string) {
	return page.locator(`table#${table} tr[data-key="${rowKey}"] [data-col="${column}"]`);
}

/**
 * The comparison tables and the whole gap list are on demand since issue 15 (the page was 377 KB):
 * open them as a planner would, through the link of « Comparer les zones ».
 */
async function openComparisons(page: Page) {
	await page.goto('/pilotage');
	await page.getByRole('link', { name: 'Afficher les tableaux de comparaison' }).click();
	await expect(page).toHaveURL(/comparer=1/);
	await expect(page.locator('table#table-comparaison-iris')).toBeVisible();
}

async function parseCsv(request: APIRequestContext): Promise<{ raw: string; rows: Record<string, string>[] }> {
	const response = await request.get('/pilotage/indicateurs.csv');
	expect(response.status()).toBe(200);
	expect(response.headers()['content-type']).toContain('text/csv');
	const buffer = await response.body();
	const raw = buffer.toString('utf8');
	const [head, ...lines] = raw.replace(/^\ufeff/, '').trimEnd().split('\r\n');
	const names = head!.split(';');
	return { raw, rows: lines.map((line) => Object.fromEntries(line.split(';').map((v, i) => [names[i]!, v]))) };
}

/**
 * The directory as stored in the test server's database (playwright.config.ts), read only: every
 * row of the places and offers tables, so any write a simulation made would show.
 */
async function directoryRows(): Promise<{ places: number; offers: number; digest: string }> {
	const places = await dbRows('select * from places order by id');
	const offers = await dbRows('select * from offers order by id');
	return { places: places.length, offers: offers.length, digest: createHash('sha256').update(JSON.stringify([places, offers])).digest('hex') };
}

async function orientationCounts(irisCode: string): Promise<{ total: number; unmet: number }> {
	const [row] = await dbRows<{ total: number; unmet: number }>(
		'select count(*) as total, coalesce(sum(case when within_15_min < 3 then 1 else 0 end), 0) as unmet from orientations where iris_code = ?',
		irisCode
	);
	return { total: Number(row!.total), unmet: Number(row!.unmet) };
}

async function expectPageBasics(page: Page, title: RegExp) {
	await expect(page).toHaveTitle(title);
	await expect(page.locator('h1')).toHaveCount(1);
	// Every table of figures is a real table with a caption and scoped headers.
	const tables = await page.locator('main table').evaluateAll((list) =>
		list.map((t) => ({
			id: t.id,
			caption: (t.querySelector('caption')?.textContent ?? '').trim(),
			unscoped: [...t.querySelectorAll('th')].filter((th) => !['col', 'row'].includes(th.getAttribute('scope') ?? '')).length,
			rowHeaders: t.querySelectorAll('tbody th[scope="row"]').length,
			rows: t.querySelectorAll('tbody tr').length
		}))
	);
	expect(tables.length).toBeGreaterThan(0);
	for (const t of tables) {
		expect(t.caption, `caption of table ${t.id}`).not.toBe('');
		expect(t.unscoped, `th without scope in table ${t.id}`).toBe(0);
		expect(t.rowHeaders, `row headers of table ${t.id}`).toBe(t.rows);
	}
}

async function audit(page: Page, browser: Parameters<typeof analyzablePage>[1], baseURL: string | undefined, js: boolean) {
	const target = await analyzablePage(page, browser, baseURL!, js);
	await expectNoAxeViolations(target);
	if (target !== page) await target.context().close();
}

// ---------------------------------------------------------------------------------------------------

test.describe('pilotage : la page et ses chiffres', () => {
	test('la page s’affiche, ses tableaux sont de vrais tableaux, axe ne trouve rien', async ({ page, browser, baseURL, javaScriptEnabled }) => {
		await page.goto('/pilotage');
		await expectPageBasics(page, /^Pilotage : .* · Inclusion numérique à Roubaix$/);
		await expect(page.getByRole('heading', { level: 2, name: 'Chiffres de la zone : Roubaix' })).toBeVisible();
		for (const name of ['Comparer les zones', 'Manques prioritaires', 'Demande non satisfaite', 'Cartes', 'Exporter', 'Sources et limites']) {
			await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
		}
		await expect(page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Pilotage' })).toHaveAttribute('aria-current', 'page');
		// The weighting is said next to the coverage table.
		await expect(page.locator('#table-couverture').locator('xpath=../following-sibling::ul[1]')).toContainText('personnes couvertes par la CAF');
		// The map has an alt text that summarises it, and its data as a table beside it.
		const img = page.locator('img[src^="/pilotage/carte.svg?indicateur=couverture-15-4"]');
		await expect(img).toHaveAttribute('alt', /^Carte des 38 IRIS de Roubaix : part de la surface à 15 min à pied d'une offre de niveau 4/);
		await expect(page.locator('table#table-carte tbody tr')).toHaveCount(38);
		await audit(page, browser, baseURL, javaScriptEnabled);
	});

	test('les offres de la commune par niveau sont celles de l’API', async ({ page, request }) => {
		const api = await apiOffers(request);
		await openComparisons(page);
		const ranks: Record<(typeof LEVEL_KEYS)[number], number> = { discover: 1, learn: 2, support: 3, reinforced: 4, unknown: 0 };
		for (const key of LEVEL_KEYS) {
			await expect(cell(page, 'table-offres', 'total', `niveau-${ranks[key]}`), `offers of level ${key}`).toHaveText(String(api.level_counts[key]));
		}
		await expect(cell(page, 'table-offres', 'total', 'total')).toHaveText(String(api.total));
		await expect(cell(page, 'table-comparaison-qpv', 'commune:59512', 'offres-total')).toHaveText(String(api.total));
	});

	test('les IRIS sans aucun lieu de niveau 4 à 15 minutes affichent 0 %, celles entièrement à portée 100 %', async ({ page, request }) => {
		const { uncovered, covered } = await level4Facts(request);
		// Checkable by eye on the map: several IRIS of the edges have no level-4 place within 865 m.
		expect(uncovered.length, 'IRIS surely out of reach of level 4').toBeGreaterThan(0);
		expect(covered.length, 'IRIS surely within reach of level 4').toBeGreaterThan(0);
		await openComparisons(page);
		for (const iris of uncovered) {
			await expect(cell(page, 'table-comparaison-iris', `iris:${iris.code}`, 'c15-4'), iris.name).toHaveText(/^0\s%$/);
			await expect(cell(page, 'table-carte', `iris:${iris.code}`, 'valeur'), iris.name).toHaveText(/^0\s%$/);
		}
		for (const iris of covered) {
			await expect(cell(page, 'table-comparaison-iris', `iris:${iris.code}`, 'c15-4'), iris.name).toHaveText(/^100\s%$/);
		}
		// The gap list names the uncovered IRIS with a link to its gap page (issue 15, item 7: the
		// directory filtered on the zone and the level showed « 0 lieu » by construction).
		const first = uncovered[0]!;
		const gapRow = page.locator(`table#table-manques tr[data-key="iris:${first.code}|reinforced"]`);
		await expect(gapRow.locator('[data-col="non-couvert"]')).toHaveText(/^100\s%$/);
		await expect(gapRow.getByRole('link', { name: /Voir sur la carte/ })).toHaveAttribute('href', `/pilotage/manque?zone=iris%3A${first.code}&niveau=4`);
	});

	test('une zone choisie dans la liste montre ses propres chiffres, et axe ne trouve rien', async ({ page, request, browser, baseURL, javaScriptEnabled }) => {
		const { uncovered } = await level4Facts(request);
		const iris = uncovered[0]!;
		await page.goto('/pilotage');
		await hydrated(page, javaScriptEnabled);
		await page.getByLabel('Zone', { exact: true }).selectOption(`iris:${iris.code}`);
		await page.getByRole('button', { name: 'Afficher la zone' }).click();
		await expect(page).toHaveURL(new RegExp(`zone=iris%3A${iris.code}`));
		await expect(page.getByRole('heading', { level: 2, name: `Chiffres de la zone : ${iris.name}` })).toBeVisible();
		await expect(cell(page, 'table-couverture', 'reinforced', 'c15-ponderee')).toHaveText(/^0\s%$/);
		await expect(cell(page, 'table-couverture', 'reinforced', 'c15-surface')).toHaveText(/^0\s%$/);
		await audit(page, browser, baseURL, javaScriptEnabled);
	});

	// Its own test: each audit of this long page takes seconds, two in one test crowd its timeout.
	test('un quartier prioritaire choisi par l’adresse montre ses chiffres et son rapport, et axe ne trouve rien', async ({ page, browser, baseURL, javaScriptEnabled }) => {
		await page.goto('/pilotage?zone=qpv:QN05980M');
		await expect(page.getByRole('heading', { level: 2, name: /^Chiffres de la zone : Quartier Intercommunal Roubaix-Tourcoing/ })).toBeVisible();
		await expect(page.getByRole('link', { name: 'Rapport imprimable de ce quartier prioritaire' })).toHaveAttribute('href', '/pilotage/qpv/QN05980M');
		await expectPageBasics(page, /Pilotage/);
		await audit(page, browser, baseURL, javaScriptEnabled);
	});

	test('des valeurs inconnues dans l’adresse : un message en français et les valeurs par défaut', async ({ page }) => {
		const response = await page.goto('/pilotage?zone=iris:000&carte=magie&niveau=9');
		expect(response?.status()).toBe(200);
		const alert = page.getByRole('alert');
		await expect(alert).toContainText('Zone inconnue : « iris:000 »');
		await expect(alert).toContainText('Indicateur de carte inconnu : « magie »');
		await expect(alert).toContainText('Niveau inconnu : « 9 »');
		await expect(page.getByRole('heading', { level: 2, name: 'Chiffres de la zone : Roubaix' })).toBeVisible();
		await expect(page.locator('img[src="/pilotage/carte.svg?distance=4"]')).toHaveCount(1);
	});
});

test.describe('pilotage : cartes', () => {
	test('les cartes SVG se dessinent sans JavaScript, avec la valeur écrite dans chaque IRIS', async ({ request }) => {
		const choropleth = await request.get('/pilotage/carte.svg?indicateur=fragilite');
		expect(choropleth.status()).toBe(200);
		expect(choropleth.headers()['content-type']).toContain('image/svg+xml');
		const svg = await choropleth.text();
		expect(svg).toContain('<title id="carte-titre">Indice de fragilité numérique');
		const values = /<g class="valeurs"[^>]*>([\s\S]*?)<\/g>/.exec(svg)?.[1] ?? '';
		expect((values.match(/<text /g) ?? []).length, 'one value per IRIS').toBe(38);
		// The legend spells each class out.
		expect(svg).toContain('>120 et plus</text>');

		const distanceMap = await (await request.get('/pilotage/carte.svg?distance=4')).text();
		expect(distanceMap).toContain('class="classe-3"');
		expect(distanceMap).toContain('plus de 15\u00a0min');

		// An unknown value draws the default map and says so, never a broken image.
		const bad = await request.get('/pilotage/carte.svg?indicateur=magie');
		expect(bad.status()).toBe(200);
		expect(await bad.text()).toContain('Indicateur inconnu : « magie »');
	});

	test('changer d’indicateur redessine la carte et son tableau', async ({ page, javaScriptEnabled }) => {
		await page.goto('/pilotage');
		await hydrated(page, javaScriptEnabled);
		await page.getByLabel('Indicateur de la carte des IRIS').selectOption('pauvrete');
		await page.getByLabel('Niveau de la carte des temps de marche').selectOption('2');
		await page.getByRole('button', { name: 'Afficher les cartes' }).click();
		await expect(page).toHaveURL(/carte=pauvrete/);
		await expect(page.getByRole('heading', { level: 3, name: 'Taux de pauvreté (Filosofi 2021)' })).toBeVisible();
		await expect(page.locator('img[src="/pilotage/carte.svg?indicateur=pauvrete"]')).toHaveCount(1);
		await expect(page.locator('img[src="/pilotage/carte.svg?distance=2"]')).toHaveCount(1);
		// Statistical secrecy: shown as « n.d. », never as 0.
		await expect(page.locator('table#table-carte td[data-col="valeur"]', { hasText: 'n.d.' }).first()).toBeVisible();
		if (javaScriptEnabled) {
			const map = page.locator('.panel div.map[data-status]').first();
			await expect(map).toHaveAttribute('data-status', /^(loaded|error)$/, { timeout: 30_000 });
			await expect(map).toHaveAttribute('data-indicator', 'pauvrete');
		}
	});

	test('avec JavaScript, la carte interactive remplace l’image, qui reste si WebGL ou JavaScript manque', async ({ page, javaScriptEnabled }) => {
		await page.goto('/pilotage');
		if (!javaScriptEnabled) {
			// Without JavaScript the server-rendered map is the map: visible, described, no empty map frame.
			const still = page.locator('img[src^="/pilotage/carte.svg?indicateur="]');
			await expect(still).toBeVisible();
			await expect(still).toHaveAttribute('alt', /IRIS/);
			await expect(page.locator('.panel div.map[data-status="loaded"]')).toHaveCount(0);
			return;
		}
		const map = page.locator('.panel div.map[data-status]').first();
		await expect(map).toHaveAttribute('data-status', /^(loaded|error)$/, { timeout: 30_000 });
		const img = page.locator('img[src^="/pilotage/carte.svg?indicateur="]');
		if ((await map.getAttribute('data-status')) === 'loaded') {
			await expect(img).toHaveCSS('visibility', 'hidden');
			const drawn = await map.evaluate((el) => {
				const m = (el as unknown as { __map?: { queryRenderedFeatures(o: unknown): { properties: { code: string } }[] } }).__map;
				return new Set(m!.queryRenderedFeatures({ layers: ['iris-fill'] }).map((f) => f.properties.code)).size;
			});
			expect(drawn, 'IRIS drawn by the interactive map').toBeGreaterThan(30);
		} else {
			await expect(img).toBeVisible();
		}
	});
});

test.describe('pilotage : exports', () => {
	test('le CSV a une ligne par zone et les mêmes chiffres que la page', async ({ page, request }) => {
		const { raw, rows } = await parseCsv(request);
		expect(raw.charCodeAt(0), 'UTF-8 byte-order mark').toBe(0xfeff);
		expect(raw.split('\r\n')[0]).toMatch(/^\ufeffcle;type;type_libelle;code;nom;/);
		await openComparisons(page);
		const zoneKeys = await page.locator('#choix-zone option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
		expect(rows.map((r) => r.cle)).toEqual(zoneKeys);
		expect(new Set(rows.map((r) => r.cle)).size).toBe(rows.length);

		// Each IRIS: offers and 15-minute coverage per level as the comparison table shows them.
		for (const row of rows.filter((r) => r.type === 'iris')) {
			const tr = page.locator(`table#table-comparaison-iris tr[data-key="${row.cle}"]`);
			expect(intOf(await tr.locator('[data-col="offres-total"]').innerText()), row.nom).toBe(Number(row.offres_actives));
			for (const rank of [1, 2, 3, 4]) {
				const shown = percentOf(await tr.locator(`[data-col="c15-${rank}"]`).innerText());
				// The page rounds the exact share, the CSV keeps two decimals: at most half a point apart.
				const exported = Number(row[`couverture_15min_niveau_${rank}_ponderee_pct`]);
				expect(Math.abs(exported - shown!), `${row.nom}, level ${rank}: ${exported} in the CSV, ${shown} % on the page`).toBeLessThanOrEqual(0.505);
			}
		}
		// The commune's offer counts.
		const commune = rows.find((r) => r.type === 'commune')!;
		for (const [column, key] of [
			['offres_niveau_1', 'niveau-1'],
			['offres_niveau_4', 'niveau-4'],
			['offres_a_preciser', 'niveau-0']
		] as const) {
			await expect(cell(page, 'table-offres', 'total', key)).toHaveText(commune[column]!);
		}
		// The page says the decimal mark is a dot.
		await expect(page.locator('#exports').locator('xpath=..')).toContainText('point décimal');
	});

	test('le GeoJSON se lit, avec autant d’entités que de lignes au CSV', async ({ request }) => {
		const response = await request.get('/pilotage/indicateurs.geojson');
		expect(response.status()).toBe(200);
		expect(response.headers()['content-type']).toContain('application/geo+json');
		const collection = (await response.json()) as FeatureCollection;
		const { rows } = await parseCsv(request);
		expect(collection.type).toBe('FeatureCollection');
		expect(collection.features).toHaveLength(rows.length);
		for (const [i, feature] of collection.features.entries()) {
			expect(feature.id).toBe(rows[i]!.cle);
			expect(feature.geometry?.type, `${rows[i]!.cle} has a polygon`).toMatch(/Polygon$/);
			expect(feature.properties!.offres_actives).toBe(Number(rows[i]!.offres_actives));
		}
	});

	test('un rapport imprimable d’une page A4 par quartier prioritaire, et axe ne trouve rien', async ({ page, browser, baseURL, javaScriptEnabled }) => {
		await page.goto('/pilotage');
		const qpvKeys = await page.locator('#choix-zone optgroup[label^="Quartiers prioritaires"] option').evaluateAll((options) =>
			options.map((o) => (o as HTMLOptionElement).value)
		);
		expect(qpvKeys).toHaveLength(3);
		for (const [i, key] of qpvKeys.entries()) {
			const code = key.slice('qpv:'.length);
			await page.goto(`/pilotage/qpv/${code}`);
			await expectPageBasics(page, /^Rapport QPV .* · Pilotage · Inclusion numérique à Roubaix$/);
			await expect(page.locator('h1')).toContainText('Quartier prioritaire');
			await expect(page.locator('article.report')).toContainText(`Code ${code}`);
			await expect(page.locator('article.report')).toContainText(/chiffres au \d{1,2}\s\S+\s\d{4}/);
			await expect(page.locator(`img[src*="zone=qpv%3A${code}"]`)).toHaveAttribute('alt', /^Carte des \d+ IRIS du quartier/);
			await expect(page.getByRole('heading', { level: 2, name: 'Sources et limites' })).toBeVisible();
			const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
			expect((pdf.match(/\/Type\s*\/Page[^s]/g) ?? []).length, `${code}: pages of the PDF`).toBe(1);
			if (i === 0) await audit(page, browser, baseURL, javaScriptEnabled);
		}
	});

	test('un quartier prioritaire inconnu : page 404 en français', async ({ page, consoleErrors }) => {
		consoleErrors.allow(/404/);
		const response = await page.goto('/pilotage/qpv/QN00000X');
		expect(response?.status()).toBe(404);
		await expect(page.locator('h1')).toHaveText('Page introuvable');
		await expect(page.locator('main')).toContainText('Quartier prioritaire inconnu : « QN00000X »');
	});
});

test.describe('pilotage : et si…', () => {
	test('une offre de niveau 4 au centre d’une IRIS non couverte la couvre, et rien n’est enregistré', async ({ page, request, browser, baseURL, javaScriptEnabled }) => {
		const { uncovered } = await level4Facts(request);
		const iris = uncovered[0]!;
		const [lon, lat] = pointIn(iris);
		const before = await directoryRows();
		const apiBefore = (await apiOffers(request)).total;

		await page.goto('/pilotage');
		await hydrated(page, javaScriptEnabled);
		const form = page.locator('form.what-if');
		await form.getByLabel("Niveau d'accompagnement").selectOption('4');
		await form.getByLabel('Latitude').fill(lat.toFixed(6));
		await form.getByLabel('Longitude').fill(lon.toFixed(6));
		await form.getByLabel('Horaires (facultatif)').fill('Mo-Fr 09:00-12:00; Sa 09:00-12:00');
		await form.getByRole('button', { name: "Voir l'effet de cette offre" }).click();

		// Two recomputes of every indicator on a machine busy drawing three WebGL maps in software: give it time.
		await expect(page.getByRole('heading', { level: 2, name: 'Ce qui change' })).toBeVisible({ timeout: 30_000 });
		await expect(page).toHaveURL(/\/pilotage\/et-si\?/);
		await expectPageBasics(page, /^Et si… une nouvelle offre · Pilotage · Inclusion numérique à Roubaix$/);
		await expect(page.getByRole('status').filter({ hasText: "rien n'a été enregistré" })).toBeVisible();
		await expect(page.locator('.summary')).toContainText(`dans l'IRIS « ${iris.name} »`);
		const section = page.locator(`section[data-area="iris:${iris.code}"]`);
		const changed = section.locator('table[id^="change-"] tr[data-key="couverture_15min_niveau_4_ponderee_pct"]');
		await expect(changed.locator('[data-col="avant"]')).toHaveText(/^0\s%$/);
		expect(percentOf(await changed.locator('[data-col="apres"]').innerText()), `${iris.name} after`).toBeGreaterThan(0);
		// The commune gains one level-4 offer, the gap of this IRIS at level 4 closes or shrinks.
		await expect(page.locator('section[data-area="commune:59512"] table[id^="change-"] tr[data-key="offres_niveau_4"] [data-col="ecart"]')).toHaveText('+1');
		const gap = page.locator(`table#table-manques-avant-apres tr[data-key="iris:${iris.code}|reinforced"] [data-col="evolution"]`);
		await expect(gap).toHaveText(/^(comblé|réduit)$/);
		await audit(page, browser, baseURL, javaScriptEnabled);

		// Nothing was written: same rows in the database, same offers in the API and on /pilotage.
		expect(await directoryRows()).toEqual(before);
		expect((await apiOffers(request)).total).toBe(apiBefore);
		await openComparisons(page);
		await expect(cell(page, 'table-comparaison-iris', `iris:${iris.code}`, 'c15-4')).toHaveText(/^0\s%$/);
	});

	test('des champs invalides : une erreur en français à côté de chacun, et axe ne trouve rien', async ({ page, browser, baseURL, javaScriptEnabled }) => {
		const response = await page.goto("/pilotage/et-si?niveau=9&lat=abc&lon=2.35&horaires=n'importe quand");
		expect(response?.status()).toBe(200);
		await expect(page).toHaveTitle(/^Erreur : Et si…/);
		await expect(page.locator('#champ-niveau-erreur')).toContainText("Choisissez le niveau de l'offre imaginée : 1, 2, 3 ou 4.");
		await expect(page.locator('#champ-lat-erreur')).toContainText('Latitude illisible');
		await expect(page.locator('#champ-lon-erreur')).toContainText('Ce point est loin de Roubaix');
		await expect(page.locator('#champ-horaires-erreur')).toContainText('Horaires illisibles');
		await expect(page.locator('#champ-lat')).toHaveAttribute('aria-invalid', 'true');
		await expect(page.locator('#champ-lat')).toHaveAttribute('aria-describedby', /champ-lat-erreur/);
		// What was typed stays in the fields.
		await expect(page.locator('#champ-lat')).toHaveValue('abc');
		await expect(page.locator('#champ-horaires')).toHaveValue("n'importe quand");
		await expect(page.getByRole('heading', { name: 'Ce qui change' })).toHaveCount(0);
		await audit(page, browser, baseURL, javaScriptEnabled);
	});

	test('chercher une rue place l’offre sur cette rue', async ({ page, javaScriptEnabled }) => {
		await page.goto('/pilotage/et-si?niveau=4');
		// With JavaScript, type only once the page is hydrated, or hydration empties the field.
		await hydrated(page, javaScriptEnabled);
		await page.getByLabel('Chercher une rue de Roubaix').fill('av verdun');
		await page.getByRole('button', { name: 'Chercher la rue' }).click();
		await page.getByRole('link', { name: "Placer l'offre sur Avenue de Verdun" }).click();
		await expect(page.getByRole('heading', { level: 2, name: 'Ce qui change' })).toBeVisible();
		await expect(page.locator('#champ-lat')).not.toHaveValue('');
		await expect(page.locator('section[data-area="commune:59512"]')).toBeVisible();
	});

	test('avec JavaScript, un clic sur la carte remplit la latitude et la longitude ; sans, les champs restent le moyen', async ({ page, javaScriptEnabled }) => {
		await page.goto('/pilotage');
		if (!javaScriptEnabled) {
			await expect(page.locator('form.what-if div.map[data-status]')).toHaveCount(0);
			await page.locator('#champ-lat').fill('50,6905');
			await page.locator('#champ-lon').fill('3,1790');
			await expect(page.locator('#champ-lat')).toHaveValue('50,6905');
			return;
		}
		const map = page.locator('form.what-if div.map[data-status]');
		// SwiftShader gives this machine and CI a WebGL: the map must load here.
		await expect(map).toHaveAttribute('data-status', 'loaded', { timeout: 30_000 });
		// Near the top-left corner: outside the commune, where no place marker can take the click.
		await map.locator('canvas').click({ position: { x: 40, y: 60 } });
		await expect(page.locator('#champ-lat')).toHaveValue(/^50\.\d{5}$/);
		await expect(page.locator('#champ-lon')).toHaveValue(/^3\.\d{5}$/);
	});
});

test.describe('pilotage : demande non satisfaite', () => {
	test('une orientation partie d’une IRIS est comptée pour cette IRIS, comme en base', async ({ page, request }) => {
		const { uncovered } = await level4Facts(request);
		// The orientation starts from the IRIS's centroid (the app's « centre du quartier »): one inside it.
		const iris = uncovered.find((i) => booleanPointInPolygon(centroid(i.geometry).geometry.coordinates, i.geometry))!;
		// The last step's button records the orientation (opening the results' address does not).
		await page.goto(`/orienter?besoin=demarches&autonomie=pas-seul&territoire=${iris.code}&etape=4`);
		await page.locator('section.question').getByRole('button', { name: 'Voir les lieux', exact: true }).click();
		await expect(page.locator('#titre-etape')).toContainText('5.');
		const expected = await orientationCounts(iris.code);
		expect(expected.total, 'orientations recorded for the IRIS').toBeGreaterThan(0);

		await page.goto('/pilotage');
		const row = page.locator(`table#table-demande tr[data-key="iris:${iris.code}"]`);
		await expect(row.locator('[data-col="orientations"]')).toHaveText(String(expected.total));
		await expect(row.locator('[data-col="non-satisfaites"]')).toHaveText(String(expected.unmet));
		const { rows } = await parseCsv(request);
		const csvRow = rows.find((r) => r.cle === `iris:${iris.code}`)!;
		expect(Number(csvRow.orientations)).toBe(expected.total);
		expect(Number(csvRow.orientations_moins_de_3_lieux_15min)).toBe(expected.unmet);
	});
});
