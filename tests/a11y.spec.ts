/**
 * Accessibility: axe-core (every rule: WCAG A and AA and the best practices) on every kind of page, with and without
 * JavaScript, and the keyboard path through the skip link.
 */
import { apiOffers, expect, hydrated, placesOf, settleMap, test } from './fixtures';
import { analyzablePage, expectNoAxeViolations } from './axe';

const PAGES: { name: string; path: string | 'place'; map: boolean; status?: number }[] = [
	{ name: 'accueil', path: '/', map: true },
	{ name: 'accueil filtré', path: '/?niveau=renforce&gratuit=1', map: true },
	{ name: 'fiche d’un lieu', path: 'place', map: true },
	{ name: 'les données', path: '/a-propos', map: false },
	{ name: 'documentation de l’API', path: '/api/v1', map: false },
	{ name: 'page 404', path: '/lieux/999999', map: false, status: 404 }
];

test.describe('accessibilité (axe, toutes les règles)', () => {
	for (const { name, path, map, status } of PAGES) {
		test(`${name} : aucune violation`, async ({ page, request, browser, baseURL, javaScriptEnabled, consoleErrors }) => {
			let url = path;
			if (path === 'place') {
				// A place with hours, several offers and flags: the richest page.
				const place = placesOf(await apiOffers(request, 'quand=samedi')).find((p) => p.quality_flags.length > 0);
				expect(place, 'a place open on Saturday with data-quality flags').toBeDefined();
				url = `/lieux/${place!.id}`;
			}
			if (status === 404) consoleErrors.allow(new RegExp(`status of 404 .*\\(http://[^/]+${url}\\)$`));
			const response = await page.goto(url);
			expect(response?.status()).toBe(status ?? 200);
			if (javaScriptEnabled && map) await settleMap(page);
			const analyzed = await analyzablePage(page, browser, baseURL!, javaScriptEnabled);
			try {
				await expectNoAxeViolations(analyzed);
			} finally {
				if (analyzed !== page) await analyzed.context().close();
			}
		});
	}
});

test.describe('clavier', () => {
	test('Tab atteint d’abord le lien d’évitement, Entrée amène au contenu', async ({ page, javaScriptEnabled }) => {
		await page.goto('/');
		await hydrated(page, javaScriptEnabled);
		await page.keyboard.press('Tab');
		const skip = page.getByRole('link', { name: 'Aller au contenu' });
		await expect(skip).toBeFocused();
		await expect(skip).toBeInViewport();
		await page.keyboard.press('Enter');
		await expect(page.locator('main#contenu')).toBeFocused();
		// The next Tab goes on inside the main content, not back to the header.
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true);
	});
});
