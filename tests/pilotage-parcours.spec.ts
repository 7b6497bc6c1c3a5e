/**
 * The planner's journey through /pilotage as issue 15 found it (items 8 to 12): the gap list of
 * the chosen zone, « Et si… » landing on its results, the hypothetical offer drawn with its
 * level, changes written with the precision they need, and pages light enough to parse.
 * Each test drives the page through its labels, with JavaScript on and off (projects js, nojs).
 */
import type { Page } from '@playwright/test';
import { analyzablePage, expectNoAxeViolations } from './axe';
import { expect, hydrated, test } from './fixtures';

/** A point in the middle of Roubaix (near the town hall): a real simulation, cheap to compute. */
const CENTRE = { lat: '50,6905', lon: '3,1790' };
const SMALL_QPV = 'qpv:QN05981M';

async function audit(page: Page, browser: Parameters<typeof analyzablePage>[1], baseURL: string | undefined, js: boolean) {
	const target = await analyzablePage(page, browser, baseURL!, js);
	await expectNoAxeViolations(target);
	if (target !== page) await target.context().close();
}

async function imagine(page: Page, javaScriptEnabled: boolean, level: string) {
	await hydrated(page, javaScriptEnabled);
	const form = page.locator('form.what-if');
	await form.getByLabel("Niveau d'accompagnement").selectOption(level);
	await form.getByLabel('Latitude').fill(CENTRE.lat);
	await form.getByLabel('Longitude').fill(CENTRE.lon);
	await form.getByRole('button', { name: "Voir l'effet de cette offre" }).click();
}

test.describe('pilotage : le parcours du planificateur (issue 15)', () => {
	test('8. la liste des manques suit la zone choisie, et le dit', async ({ page, browser, baseURL, javaScriptEnabled }) => {
		await page.goto('/pilotage');
		// The town's first gaps, then all of them (folded since item 12).
		await page.getByRole('link', { name: /^Voir tous les manques/ }).click();
		await expect(page).toHaveURL(/comparer=1/);
		const townWide = await page.locator('table#table-manques tbody tr').count();
		expect(townWide, 'gaps of the whole town').toBeGreaterThan(10);

		await hydrated(page, javaScriptEnabled);
		const zone = page.getByLabel('Zone', { exact: true });
		await zone.selectOption(SMALL_QPV);
		const name = (await zone.locator(`option[value="${SMALL_QPV}"]`).innerText()).trim();
		await page.getByRole('button', { name: 'Afficher la zone' }).click();
		await expect(page.getByRole('heading', { level: 2, name: `Chiffres de la zone : ${name}` })).toBeVisible();

		await expect(page.getByRole('heading', { level: 2, name: `Manques prioritaires : ${name}` })).toBeVisible();
		await expect(page.locator('table#table-manques caption')).toContainText(name);
		const keys = await page.locator('table#table-manques tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-key') ?? ''));
		expect(keys.length, 'gaps of the chosen QPV').toBeGreaterThan(0);
		expect(keys.length, 'fewer than the town-wide list').toBeLessThan(townWide);
		// The QPV's own gaps, and its IRIS's: never another QPV's.
		expect(keys).toContain(`${SMALL_QPV}|discover`);
		for (const key of keys) expect(key, 'a gap of this QPV or of one of its IRIS').toMatch(new RegExp(`^(${SMALL_QPV}|iris:\\d+)\\|`));
		// The town-wide list stays one click away.
		await expect(page.locator('#manques').locator('xpath=..').getByRole('link', { name: /manques de toute la commune/ })).toBeVisible();
		await audit(page, browser, baseURL, javaScriptEnabled);
	});

	test('9. « Et si… » amène le planificateur à « Ce qui change »', async ({ page, javaScriptEnabled }) => {
		await page.goto('/pilotage');
		await imagine(page, javaScriptEnabled, '4');
		const heading = page.getByRole('heading', { level: 2, name: 'Ce qui change' });
		await expect(heading).toBeVisible({ timeout: 30_000 });
		await expect(page).toHaveURL(/\/pilotage\/et-si\?.*#resultats$/);
		await expect(heading).toBeInViewport();
		// With JavaScript the focus moves to the results; without, the browser's own jump to #resultats.
		if (javaScriptEnabled) await expect(heading).toBeFocused();

		// A second simulation from the results page lands on the results again.
		await imagine(page, javaScriptEnabled, '3');
		await expect(page.locator('.summary')).toContainText('niveau 3', { timeout: 30_000 });
		await expect(heading).toBeInViewport();
		if (javaScriptEnabled) await expect(heading).toBeFocused();
	});

	test('10. l’offre imaginée est dessinée avec le repère de son niveau, pas « ? »', async ({ page, javaScriptEnabled }) => {
		await page.goto(`/pilotage/et-si?niveau=3&lat=50.6905&lon=3.1790`);
		if (!javaScriptEnabled) {
			// No map to draw on without JavaScript: the offer is placed by its coordinates, kept in the form.
			await expect(page.locator('form.what-if div.map')).toHaveCount(0);
			await expect(page.locator('form.what-if').getByLabel('Latitude')).toHaveValue('50.6905');
			await expect(page.locator('form.what-if').getByLabel('Longitude')).toHaveValue('3.1790');
			return;
		}
		const map = page.locator('form.what-if div.map[data-status]');
		await expect(map).toHaveAttribute('data-status', 'loaded', { timeout: 30_000 });
		const labels = () =>
			map.evaluate((el) => {
				const m = (el as unknown as { __map?: { queryRenderedFeatures(o: unknown): { properties: { label: string } }[] } }).__map;
				return [...new Set(m!.queryRenderedFeatures({ layers: ['points'] }).map((f) => f.properties.label))];
			});
		await expect.poll(labels, { timeout: 15_000 }).toEqual(['3']);
		await page.locator('form.what-if').getByLabel("Niveau d'accompagnement").selectOption('1');
		await expect.poll(labels, { timeout: 15_000 }).toEqual(['1']);
	});

	test('11. « Indicateurs qui changent » : aucune ligne ne se lit inchangée', async ({ page, browser, baseURL, javaScriptEnabled }) => {
		await page.goto('/pilotage/et-si');
		await imagine(page, javaScriptEnabled, '4');
		await expect(page.getByRole('heading', { level: 2, name: 'Ce qui change' })).toBeVisible({ timeout: 30_000 });
		const rows = await page.locator('table[id^="change-"] tbody tr').evaluateAll((list) =>
			list.map((tr) => ({
				table: tr.closest('table')!.id,
				key: tr.getAttribute('data-key'),
				before: tr.querySelector('[data-col="avant"]')!.textContent!.trim(),
				after: tr.querySelector('[data-col="apres"]')!.textContent!.trim(),
				delta: tr.querySelector('[data-col="ecart"]')!.textContent!.trim()
			}))
		);
		expect(rows.length).toBeGreaterThan(5);
		for (const row of rows) {
			expect(row.after, `${row.table} ${row.key}: ${row.before} → ${row.after} (${row.delta})`).not.toBe(row.before);
			expect(row.delta, `${row.table} ${row.key}`).not.toMatch(/^[+\u2212]?0(,0+)?(\s|$)/);
		}
		// The page says how it writes them.
		await expect(page.locator('.hint').filter({ hasText: 'décimale' })).toContainText('inchangé');
		await audit(page, browser, baseURL, javaScriptEnabled);
	});

	test('12. les pages pèsent moins de 100 Ko de HTML ; les comparaisons s’ouvrent à la demande', async ({ page, request, browser, baseURL, javaScriptEnabled }) => {
		const query = `niveau=4&lat=${CENTRE.lat.replace(',', '.')}&lon=${CENTRE.lon.replace(',', '.')}`;
		for (const path of ['/pilotage', `/pilotage?zone=${SMALL_QPV}`, '/pilotage?zone=qpv:QN05980M', `/pilotage/et-si?${query}`]) {
			const response = await request.get(path);
			expect(response.status(), path).toBe(200);
			// Bytes as sent before compression: Playwright's request asks for no encoding it would not undo.
			expect((await response.body()).length, `HTML of ${path}`).toBeLessThan(100_000);
		}

		// /pilotage: the chosen zone's figures, the comparisons one link away.
		await page.goto(`/pilotage?zone=${SMALL_QPV}`);
		await expect(page.locator('table#table-couverture')).toBeVisible();
		await expect(page.locator('table#table-comparaison-iris')).toHaveCount(0);
		await page.getByRole('link', { name: 'Afficher les tableaux de comparaison' }).click();
		await expect(page).toHaveURL(/comparer=1/);
		await expect(page.locator('table#table-comparaison-iris tbody tr')).toHaveCount(38);
		await expect(page.locator(`table#table-comparaison-qpv tr[data-key="${SMALL_QPV}"]`)).toHaveClass(/emphasis/);
		await expect(page.getByRole('heading', { level: 2, name: /^Chiffres de la zone : / })).not.toHaveText('Chiffres de la zone : Roubaix');
		await audit(page, browser, baseURL, javaScriptEnabled);

		// « Et si… »: the figures that change, every figure one link away.
		await page.goto(`/pilotage/et-si?${query}`);
		await expect(page.locator('table[id^="tous-"]')).toHaveCount(0);
		await hydrated(page, javaScriptEnabled);
		await page.getByRole('link', { name: 'Voir tous les indicateurs avant et après, et tous les manques' }).click();
		await expect(page.locator('table#tous-commune-59512 tbody tr').first()).toBeVisible({ timeout: 30_000 });
		expect(await page.locator('table#tous-commune-59512 tbody tr').count()).toBeGreaterThan(50);
		await expect(page.getByRole('link', { name: 'Ne montrer que les indicateurs qui changent' })).toBeVisible();
	});

	test('7. « Voir sur la carte » d’un manque montre la zone et les offres les plus proches de ce niveau', async ({ page, browser, baseURL, javaScriptEnabled }) => {
		await page.goto('/pilotage');
		const row = page.locator('table#table-manques tbody tr').filter({ hasText: 'Accompagnement renforcé' }).first();
		const zone = (await row.locator('[data-col="zone"]').innerText()).trim();
		await row.getByRole('link', { name: /Voir sur la carte/ }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Niveau 4 (Accompagnement renforcé) dans ${zone}`);
		// The zone outlined, the nearest level-4 offers numbered on a server-drawn map.
		const map = page.locator('.map svg');
		await expect(map.locator('path.zone')).toHaveCount(1);
		// Five at most (Roubaix has four places with a level-4 offer): one numbered circle per row of the table.
		const offers = page.locator('table#table-offres-proches tbody tr');
		const count = await offers.count();
		expect(count).toBeGreaterThan(0);
		expect(count).toBeLessThanOrEqual(5);
		await expect(map.locator('g.marqueurs circle')).toHaveCount(count);
		const minutes = await offers.locator('[data-col="minutes"]').allInnerTexts();
		const values = minutes.map((m) => Number(/(\d+)\smin/.exec(m)?.[1]));
		// A gap: most of the zone is over 15 minutes away, so the nearest offer is at least a few minutes from its edge.
		expect(values.every((v) => v > 0), minutes.join(', ')).toBe(true);
		expect([...values].sort((a, b) => a - b)).toEqual(values);
		await expect(offers.first().getByRole('link')).toHaveAttribute('href', /^\/lieux\/\d+$/);
		await audit(page, browser, baseURL, javaScriptEnabled);
	});

	test('7. un manque inconnu dans l’adresse : un message en français, jamais une erreur 500', async ({ page }) => {
		const response = await page.goto('/pilotage/manque?zone=iris:000&niveau=9');
		expect(response?.status()).toBe(200);
		await expect(page.getByRole('alert')).toContainText('Manque introuvable');
	});
});
