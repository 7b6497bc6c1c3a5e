/**
 * The personal-data page: reached from every page's footer, it lists each kind of personal data
 * the app keeps with its purpose and retention (the register the purge applies), says what is
 * never kept, and passes axe with and without JavaScript.
 */
import { RETENTION } from '../src/lib/domain/retention';
import { analyzablePage, expectNoAxeViolations } from './axe';
import { expect, test } from './fixtures';

test('« Données personnelles » : chaque donnée gardée, pourquoi et combien de temps ; aucune violation axe', async ({ page, browser, baseURL, javaScriptEnabled }) => {
	await page.goto('/orienter');
	await page.getByRole('contentinfo').getByRole('link', { name: 'Données personnelles' }).click();
	await expect(page).toHaveURL(/\/donnees-personnelles$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Données personnelles');
	await expect(page).toHaveTitle('Données personnelles · Inclusion numérique à Roubaix');

	for (const rule of RETENTION) {
		const section = page.getByRole('region', { name: rule.title });
		await expect(section, rule.key).toBeVisible();
		await expect(section.locator('dt')).toHaveText(['Données', 'Pourquoi', 'Durée']);
		await expect(section.locator('dd').nth(2)).toHaveText(rule.keptFor);
	}
	await expect(page.getByRole('listitem').filter({ hasText: 'Les orientations' })).toContainText('Ni nom, ni adresse, ni adresse IP.');

	const analyzed = await analyzablePage(page, browser, baseURL!, javaScriptEnabled);
	try {
		await expectNoAxeViolations(analyzed);
	} finally {
		if (analyzed !== page) await analyzed.context().close();
	}
});
