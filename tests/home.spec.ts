/**
 * The home page: the filterable list of places and its map, with and without JavaScript
 * (projects `js` and `nojs`). The read API is the reference every page count is compared with.
 */
import type { Page } from '@playwright/test';
import {
	LEVEL_KEYS,
	LEVEL_SLUG,
	apiOffers,
	countsText,
	hydrated,
	expect,
	listedPlaceIds,
	placeCards,
	placesOf,
	renderedIdsOf,
	renderedPoints,
	resultsHeading,
	settleMap,
	sortedIds,
	test
} from './fixtures';

/**
 * Submits the filter form. In both modes the user presses the button: submitting on each change
 * would reload the page under a keyboard user's feet (WCAG 3.2.2).
 */
async function submitFilters(page: Page, javaScriptEnabled: boolean) {
	await page.getByRole('button', { name: 'Afficher les lieux' }).click();
	await hydrated(page, javaScriptEnabled);
}

function levelCheckbox(page: Page, slug: string) {
	return page.locator(`input[type=checkbox][name=niveau][value="${slug}"]`);
}

/** The « (N offres) » beside each level checkbox, by level key. */
async function levelCountsShown(page: Page): Promise<Record<string, number>> {
	const shown: Record<string, number> = {};
	for (const key of LEVEL_KEYS) {
		const label = page.locator('label.level', { has: levelCheckbox(page, LEVEL_SLUG[key]) });
		const text = (await label.locator('.count').textContent()) ?? '';
		// The number is what is checked here; the spoken wording is checked by its own test.
		const match = /^\((\d+)\s*offres\)$/.exec(text.trim());
		expect(match, `count beside level ${key}: « ${text} »`).not.toBeNull();
		shown[key] = Number(match![1]);
	}
	return shown;
}

/** Places drawn on the server's SVG map: the link of every point, and the number of circles. */
async function staticMapPoints(page: Page, src: string) {
	const response = await page.request.get(src);
	expect(response.status(), `GET ${src}`).toBe(200);
	expect(response.headers()['content-type']).toContain('image/svg+xml');
	const svg = await response.text();
	const pointsGroup = /<g class="points"[^>]*>([\s\S]*?)<\/g>/.exec(svg)?.[1] ?? '';
	const ids = [...pointsGroup.matchAll(/<a href="\/lieux\/(\d+)">/g)].map((m) => Number(m[1]));
	const circles = (pointsGroup.match(/<circle /g) ?? []).length;
	return { ids: sortedIds(ids), circles, svg };
}

/** Checks that the map shows exactly the listed places, as MapLibre (JS) or as the static SVG (no JS). */
async function expectMapMatchesList(page: Page, javaScriptEnabled: boolean) {
	const listed = await listedPlaceIds(page);
	if (javaScriptEnabled) {
		await expect.poll(async () => (await renderedPoints(page)).represented, {
			message: `places represented on the map (single points + cluster counts) should be the ${listed.length} listed`,
			timeout: 15_000
		}).toBe(listed.length);
		const { singles } = await renderedPoints(page);
		expect(singles.filter((id) => !listed.includes(id)), 'points drawn for places absent from the list').toEqual([]);
	} else {
		const img = page.locator('.map-panel img.static');
		await expect(img).toBeVisible();
		const src = (await img.getAttribute('src')) ?? '';
		const mapUrl = new URL(src, page.url());
		expect(mapUrl.pathname).toBe('/carte.svg');
		// Same filters as the page's own address (order and empty fields aside).
		const pageParams = new URL(page.url()).searchParams;
		for (const [name, value] of pageParams) {
			if (value === '') continue;
			expect(mapUrl.searchParams.getAll(name), `map URL ${src} keeps ${name}=${value}`).toContain(value);
		}
		const drawn = await staticMapPoints(page, src);
		expect(drawn.circles, 'one circle per listed place').toBe(listed.length);
		expect(drawn.ids).toEqual(listed);
		expect(drawn.svg).toContain(`Carte des ${listed.length} lieux`);
	}
}

test.describe('page d’accueil', () => {
	test('la liste montre tous les lieux, sans pagination', async ({ page, request }) => {
		const all = await apiOffers(request);
		const places = placesOf(all);
		await page.goto('/');
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Où se faire aider avec le numérique');
		await expect(placeCards(page)).toHaveCount(places.length);
		expect(await listedPlaceIds(page)).toEqual(sortedIds(places.map((p) => p.id)));
		await expect(resultsHeading(page)).toHaveText(countsText(places.length, all.total));
		// Each card links to its place page through its heading.
		const first = places[0]!;
		const card = page.locator(`article[data-place-id="${first.id}"]`);
		await expect(card.getByRole('heading', { level: 3 }).getByRole('link')).toHaveAttribute('href', `/lieux/${first.id}`);
		// The whole data set fits on one page: no pager.
		await expect(page.getByRole('navigation', { name: 'Pages de résultats' })).toHaveCount(0);
		await expect(page.getByText(/Page \d+ sur \d+/)).toHaveCount(0);
	});

	test('cocher un niveau réduit la liste et l’adresse garde niveau=…', async ({ page, request, javaScriptEnabled }) => {
		const all = placesOf(await apiOffers(request));
		const reinforced = await apiOffers(request, 'niveau=renforce');
		const expected = sortedIds(placesOf(reinforced).map((p) => p.id));
		expect(expected.length).toBeGreaterThan(0);
		expect(expected.length).toBeLessThan(all.length);

		await page.goto('/');
		await hydrated(page, javaScriptEnabled);
		await expect(placeCards(page)).toHaveCount(all.length);
		await levelCheckbox(page, 'renforce').check();
		await submitFilters(page, javaScriptEnabled);

		await expect(page).toHaveURL(/[?&]niveau=renforce(&|$)/);
		await expect(placeCards(page)).toHaveCount(expected.length);
		expect(await listedPlaceIds(page)).toEqual(expected);
		await expect(resultsHeading(page)).toHaveText(countsText(expected.length, reinforced.total));
		await expect(levelCheckbox(page, 'renforce')).toBeChecked();
		// Every offer badge shown is the chosen level.
		const badges = page.locator('article[data-place-id] ul.offers > li');
		await expect(badges).toHaveCount(reinforced.total);
		for (const text of await badges.allTextContents()) expect(text).toContain('Accompagnement renforcé');
	});

	for (const query of ['', 'gratuit=1', 'niveau=apprendre&territoire=qpv']) {
		test(`les nombres d’offres par niveau sont ceux de l’API (${query || 'sans filtre'})`, async ({ page, request }) => {
			const api = await apiOffers(request, query);
			await page.goto(query ? `/?${query}` : '/');
			const shown = await levelCountsShown(page);
			expect(shown).toEqual(api.level_counts);
		});
	}

	test('chaque case de niveau annonce son nombre d’offres en mots', async ({ page, request }) => {
		const api = await apiOffers(request);
		await page.goto('/');
		// What a screen reader says for the checkbox: its label, « … (13 offres) », words apart.
		for (const key of LEVEL_KEYS) {
			const box = levelCheckbox(page, LEVEL_SLUG[key]);
			await expect(box).toHaveAccessibleName(new RegExp(`\\(${api.level_counts[key]} offres\\s*\\)$`));
		}
	});

	test('quand=samedi ne garde que les lieux de l’API ouverts le samedi', async ({ page, request }) => {
		const saturday = await apiOffers(request, 'quand=samedi');
		const expected = sortedIds(placesOf(saturday).map((p) => p.id));
		// The data set: only the places whose offers have hours open on Saturday.
		const all = await apiOffers(request);
		const placesWithHours = sortedIds(new Set(all.offers.filter((o) => o.hours).map((o) => o.place.id)));
		expect(expected).toEqual(placesWithHours);
		expect(expected.length).toBeGreaterThan(0);
		expect(expected.length).toBeLessThan(placesOf(all).length);

		await page.goto('/?quand=samedi');
		await expect(placeCards(page)).toHaveCount(expected.length);
		expect(await listedPlaceIds(page)).toEqual(expected);
		await expect(page.getByLabel('Quand')).toHaveValue('samedi');
		await expect(page.getByText('Les lieux dont les horaires ne sont pas renseignés ne sont pas comptés')).toBeVisible();
		// No card of this list says its hours are unknown.
		await expect(placeCards(page).getByText('Horaires non renseignés')).toHaveCount(0);
	});

	test('territoire=<IRIS> ne montre que les lieux de cet IRIS', async ({ page, request, javaScriptEnabled }) => {
		const all = placesOf(await apiOffers(request));
		// The IRIS with the most places, taken from the API.
		const byIris = new Map<string, { name: string; ids: number[] }>();
		for (const p of all) {
			if (!p.iris) continue;
			const entry = byIris.get(p.iris.code) ?? { name: p.iris.name, ids: [] };
			entry.ids.push(p.id);
			byIris.set(p.iris.code, entry);
		}
		const [code, iris] = [...byIris].sort((a, b) => b[1].ids.length - a[1].ids.length)[0]!;
		expect(iris.ids.length).toBeGreaterThan(1);
		expect(iris.ids.length).toBeLessThan(all.length);
		const api = sortedIds(placesOf(await apiOffers(request, `territoire=${code}`)).map((p) => p.id));
		expect(api).toEqual(sortedIds(iris.ids));

		await page.goto('/');
		await hydrated(page, javaScriptEnabled);
		await page.getByLabel('Quartier', { exact: true }).selectOption(code);
		await submitFilters(page, javaScriptEnabled);
		await expect(page).toHaveURL(new RegExp(`[?&]territoire=${code}(&|$)`));
		await expect(placeCards(page)).toHaveCount(api.length);
		expect(await listedPlaceIds(page)).toEqual(api);
		for (const card of await placeCards(page).all()) await expect(card).toContainText(`Quartier : ${iris.name}`);
	});

	test('la recherche par nom (q=) trouve les lieux de l’API', async ({ page, request, javaScriptEnabled }) => {
		const term = 'utpas';
		const api = placesOf(await apiOffers(request, `q=${term}`));
		const all = placesOf(await apiOffers(request));
		expect(api.length).toBeGreaterThan(0);
		expect(api.length).toBeLessThan(all.length);

		await page.goto('/');
		await hydrated(page, javaScriptEnabled);
		const field = page.getByLabel('Nom ou adresse');
		await field.fill(term);
		await field.press('Enter');
		await expect(page).toHaveURL(new RegExp(`[?&]q=${term}(&|$)`));
		await expect(placeCards(page)).toHaveCount(api.length);
		expect(await listedPlaceIds(page)).toEqual(sortedIds(api.map((p) => p.id)));
		for (const name of await placeCards(page).locator('h3').allTextContents()) expect(name.toLowerCase()).toContain(term);
		await expect(field).toHaveValue(term);
	});

	test('des paramètres inconnus affichent une alerte en français et la liste reste là', async ({ page, request }) => {
		const all = placesOf(await apiOffers(request));
		await page.goto('/?foo=1&niveau=xx&quand=demain');
		const alert = page.getByRole('alert');
		await expect(alert).toBeVisible();
		await expect(alert).toContainText('Certains filtres de l\'adresse n\'ont pas été compris et sont ignorés');
		await expect(alert).toContainText('Paramètre inconnu : « foo »');
		await expect(alert).toContainText('Niveau inconnu : « xx »');
		await expect(alert).toContainText('Moment inconnu : « demain »');
		// Ignored, not applied: every place is still listed.
		await expect(placeCards(page)).toHaveCount(all.length);

		// A correct address shows no alert.
		await page.goto('/?niveau=renforce');
		await expect(page.getByRole('alert')).toHaveCount(0);
	});

	test('la carte montre les lieux de la liste, avant et après un filtre', async ({ page, javaScriptEnabled }) => {
		await page.goto('/');
		if (javaScriptEnabled) expect(await settleMap(page), 'MapLibre map status').toBe('loaded');
		await expect(placeCards(page)).not.toHaveCount(0);
		await expectMapMatchesList(page, javaScriptEnabled);
		const before = (await listedPlaceIds(page)).length;

		await levelCheckbox(page, 'renforce').check();
		await submitFilters(page, javaScriptEnabled);
		await expect(page).toHaveURL(/[?&]niveau=renforce(&|$)/);
		await expect.poll(async () => (await listedPlaceIds(page)).length).toBeLessThan(before);
		if (javaScriptEnabled) {
			// A new page: the map is built again, with the filtered points.
			expect(await settleMap(page), 'MapLibre map status').toBe('loaded');
			await expect(page.locator('div.map[data-status]')).toHaveAttribute('data-points', String((await listedPlaceIds(page)).length));
		}
		await expectMapMatchesList(page, javaScriptEnabled);
	});

	test('un lieu de la liste se retrouve sur la carte', async ({ page, javaScriptEnabled }) => {
		await page.goto('/');
		if (javaScriptEnabled) {
			expect(await settleMap(page)).toBe('loaded');
			await expect.poll(async () => (await renderedPoints(page)).singles.length, { timeout: 15_000 }).toBeGreaterThan(0);
			const id = (await renderedPoints(page)).singles[0]!;
			expect(await renderedIdsOf(page, 'point-hover')).toEqual([]);
			// Hovering the card rings its point on the map…
			await page.locator(`article[data-place-id="${id}"] h3`).hover();
			await expect.poll(() => renderedIdsOf(page, 'point-hover')).toEqual([id]);
			// …and leaving it removes the ring.
			await page.getByRole('heading', { level: 1 }).hover();
			await expect.poll(() => renderedIdsOf(page, 'point-hover')).toEqual([]);
		} else {
			// The static map is a set of links: each point leads to its place, named in its tooltip.
			const card = placeCards(page).first();
			const id = Number(await card.getAttribute('data-place-id'));
			const name = ((await card.locator('h3').textContent()) ?? '').trim();
			const src = (await page.locator('.map-panel img.static').getAttribute('src')) ?? '';
			const { svg } = await staticMapPoints(page, src);
			const link = new RegExp(`<a href="/lieux/${id}">\\s*<title>([^<]*)</title>`).exec(svg);
			expect(link, `point of place ${id} on the static map`).not.toBeNull();
			const unescape = (s: string) =>
				s.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
			expect(unescape(link![1]!)).toContain(name);
		}
	});
});
