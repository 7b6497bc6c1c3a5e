/**
 * What a frontline worker tripped on in /orienter (issue 15, items 1 to 3), with and without
 * JavaScript: « Préparer la fiche » with no place ticked, the button 5,000 px below the first box,
 * and 21 places « conseillés » from 5 to 51 minutes on foot for a senior. Driven through the labels.
 */
import type { APIRequestContext, Page } from '@playwright/test';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { analyzablePage, expectNoAxeViolations } from './axe';
import { expect, test } from './fixtures';

test.use({ actionTimeout: 10_000, navigationTimeout: 15_000 });

async function iris(request: APIRequestContext, name: string): Promise<{ code: string; name: string }> {
	const body = (await (await request.get('/api/v1/areas.geojson?type=iris')).json()) as FeatureCollection<
		Polygon | MultiPolygon,
		{ code: string; name: string }
	>;
	const found = body.features.find((f) => f.properties.name === name);
	expect(found, `IRIS « ${name} »`).toBeDefined();
	return found!.properties;
}

/** With JavaScript, a click is the app's only once SvelteKit's router listens (after hydration). */
async function watchRouter(page: Page) {
	await page.addInitScript(() => {
		const add = EventTarget.prototype.addEventListener;
		EventTarget.prototype.addEventListener = function (this: EventTarget, type: string, ...rest: unknown[]) {
			if (type === 'submit' && this === document.documentElement) (window as unknown as { __routerStarted: boolean }).__routerStarted = true;
			return (add as (...args: unknown[]) => void).call(this, type, ...rest);
		} as typeof EventTarget.prototype.addEventListener;
	});
}

async function open(page: Page, path: string, js: boolean) {
	const response = await page.goto(path);
	expect(response?.status()).toBe(200);
	if (js) await page.waitForFunction(() => (window as unknown as { __routerStarted?: boolean }).__routerStarted === true, null, { timeout: 15_000 });
}

const results = (page: Page) => page.locator('section.results');
const sheetButton = (page: Page) => page.getByRole('button', { name: 'Préparer la fiche', exact: true });
const boxes = (page: Page) => results(page).getByRole('checkbox', { name: 'Mettre sur la fiche' });
const minutesOf = async (page: Page) =>
	(await page.locator('#lieux-conseilles .reasons').allTextContents()).map((t) => Number(/(\d+) min à pied/.exec(t)?.[1] ?? NaN));

/** The count as a reader gets it: without JavaScript it is a CSS counter, which only the rendering knows. */
async function spokenCount(page: Page): Promise<string> {
	const cdp = await page.context().newCDPSession(page);
	try {
		const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { role?: { value: string }; name?: { value: string } }[] };
		const texts = nodes.filter((n) => n.role?.value === 'StaticText').map((n) => n.name?.value ?? '');
		const at = texts.findIndex((t) => /lieux? cochés?|Aucun lieu coché|Lieux cochés/.test(t));
		return texts.slice(at, at + 4).join('').replace(/\s+/g, ' ').trim();
	} finally {
		await cdp.detach();
	}
}

test.beforeEach(async ({ page, javaScriptEnabled }) => {
	if (javaScriptEnabled) await watchRouter(page);
});

test.describe('orienter : la fiche et le choix des lieux (issue 15)', () => {
	test('« Préparer la fiche » sans lieu coché : on reste sur les résultats, un message en français à côté du bouton, les réponses gardées', async ({
		page,
		request,
		browser,
		baseURL,
		javaScriptEnabled,
		consoleErrors
	}) => {
		consoleErrors.allow(/Failed to load resource: the server responded with a status of 400/);
		const epeule = await iris(request, 'Épeule Centre');
		const answers = `etape=5&besoin=sante&autonomie=jamais&territoire=${epeule.code}&gratuit=1`;
		await open(page, `/orienter?${answers}`, javaScriptEnabled);
		const heading = await page.locator('#titre-lieux').textContent();
		await page.getByLabel('Langue de la fiche').selectOption({ label: 'Arabe' });
		await sheetButton(page).click();

		const message = page.getByText('Aucun lieu n’est coché. Cochez « Mettre sur la fiche » sur un à quatre lieux, puis préparez la fiche.');
		await expect(message).toBeVisible();
		await expect(message).toBeInViewport();
		await expect(sheetButton(page)).toBeInViewport();
		await expect(sheetButton(page)).toHaveAccessibleDescription(/Aucun lieu n’est coché/);
		// The orientation is still there: the same answers, the same places, the sheet's language.
		expect(new URL(page.url()).pathname).toBe('/orienter');
		const params = new URL(page.url()).searchParams;
		for (const [name, value] of new URLSearchParams(answers)) expect(params.getAll(name), name).toContain(value);
		await expect(page.locator('#titre-lieux')).toHaveText(heading!);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Orienter une personne');
		await expect(page.getByLabel('Langue de la fiche')).toHaveValue('ar');
		await expect(page.getByRole('alert').filter({ hasText: 'pas été comprises' })).toHaveCount(0);

		const analyzed = await analyzablePage(page, browser, baseURL!, javaScriptEnabled);
		try {
			await expectNoAxeViolations(analyzed);
		} finally {
			if (analyzed !== page) await analyzed.context().close();
		}

		// Then one place ticked: the sheet, in Arabic.
		const box = boxes(page).first();
		const id = await box.getAttribute('value');
		await box.check();
		if (javaScriptEnabled) await expect(message, 'the message goes once a place is ticked').toHaveCount(0);
		await sheetButton(page).click();
		await expect(page).toHaveURL((u) => u.pathname === '/orienter/fiche' && u.searchParams.get('lieux') === id && u.searchParams.get('langue') === 'ar');
	});

	test('plus de quatre lieux cochés : le message le dit, les cases restent cochées', async ({ page, request, javaScriptEnabled, consoleErrors }) => {
		consoleErrors.allow(/Failed to load resource: the server responded with a status of 400/);
		const epeule = await iris(request, 'Épeule Centre');
		await open(page, `/orienter?etape=5&besoin=sante&autonomie=jamais&territoire=${epeule.code}&marche=peu-importe`, javaScriptEnabled);
		await page.locator('#lieux-conseilles details > summary').click();
		for (let i = 0; i < 5; i++) await boxes(page).nth(i).check();
		await sheetButton(page).click();
		await expect(page.getByText('Une fiche contient au plus 4 lieux : 5 sont cochés. Décochez-en 1.')).toBeInViewport();
		expect(new URL(page.url()).pathname).toBe('/orienter');
		await expect(results(page).locator('input[name="lieux"]:checked')).toHaveCount(5);
		// The fifth, in the folded rest, is shown ticked, and counted.
		await expect(page.locator('#lieux-conseilles details')).toHaveAttribute('open', '');
		if (!javaScriptEnabled) expect(await spokenCount(page)).toMatch(/^Lieux cochés : 5 sur 4 au plus/);
		else await expect(page.getByText('5 lieux cochés sur 4 au plus')).toBeVisible();
	});

	test('le nombre de lieux cochés et « Préparer la fiche » restent à portée tout le long de la liste, sans cacher ce qui a le focus', async ({
		page,
		request,
		browser,
		baseURL,
		javaScriptEnabled
	}) => {
		const epeule = await iris(request, 'Épeule Centre');
		await open(page, `/orienter?etape=5&besoin=sante&autonomie=jamais&territoire=${epeule.code}&marche=peu-importe`, javaScriptEnabled);
		const count = boxes(page);
		const first = count.first();
		await first.scrollIntoViewIfNeeded();
		await expect(sheetButton(page), 'the button is in view next to the first box').toBeInViewport();
		await first.check();
		await boxes(page).nth(1).check();
		if (javaScriptEnabled) {
			const live = page.getByText('2 lieux cochés sur 4 au plus');
			await expect(live).toBeInViewport();
			await expect(page.locator('[aria-live="polite"]').filter({ hasText: '2 lieux cochés sur 4 au plus' })).toHaveCount(1);
		} else {
			expect(await spokenCount(page)).toMatch(/^Lieux cochés : 2 sur 4 au plus/);
		}

		// The folded rest, down to the last box: the count and the button are still in view.
		await page.locator('#lieux-conseilles details > summary').click();
		const last = count.last();
		await last.scrollIntoViewIfNeeded();
		await expect(sheetButton(page)).toBeInViewport();
		await last.check();
		if (javaScriptEnabled) await expect(page.getByText('3 lieux cochés sur 4 au plus')).toBeInViewport();

		// Tabbing down the list: the bar never covers the element that has the focus, and comes after the list.
		await first.focus();
		const bar = page.locator('#fiche-actions');
		let reachedBar = false;
		// Three stops per place: its name, « Mettre sur la fiche », « Adresser la personne à ce lieu » (issue 14).
		for (let i = 0; i < 100 && !reachedBar; i++) {
			await page.keyboard.press('Tab');
			const focused = page.locator(':focus');
			reachedBar = await focused.evaluate((el) => el.closest('#fiche-actions') !== null);
			if (reachedBar) break;
			const box = (await focused.boundingBox())!;
			const barBox = (await bar.boundingBox())!;
			expect(box.y + box.height, `focused « ${await focused.textContent()} » is above the bar`).toBeLessThanOrEqual(barBox.y + 1);
		}
		expect(reachedBar, 'Tab reaches the bar after the list').toBe(true);
		await expect(page.locator(':focus')).toHaveAccessibleName('Langue de la fiche');

		const analyzed = await analyzablePage(page, browser, baseURL!, javaScriptEnabled);
		try {
			await expectNoAxeViolations(analyzed);
		} finally {
			if (analyzed !== page) await analyzed.context().close();
		}
	});

	test('une senior qui n’a jamais utilisé d’ordinateur : 15 minutes à pied proposées, les meilleurs lieux d’abord, les autres repliés', async ({
		page,
		request,
		browser,
		baseURL,
		javaScriptEnabled
	}) => {
		const epeule = await iris(request, 'Épeule Centre');
		await open(page, '/orienter', javaScriptEnabled);
		const waitUrl = async (check: (p: URLSearchParams) => boolean) => {
			if (javaScriptEnabled) await expect(page).toHaveURL((u) => check(u.searchParams));
		};
		await page.getByText('Santé', { exact: true }).click();
		await waitUrl((p) => p.get('besoin') === 'sante');
		await page.getByRole('button', { name: 'Étape suivante' }).click();
		await page.getByText("N'a jamais utilisé d'ordinateur ni de smartphone", { exact: true }).click();
		await waitUrl((p) => p.get('autonomie') === 'jamais');
		await page.getByRole('button', { name: 'Étape suivante' }).click();
		await page.getByLabel('Ou son quartier').selectOption({ label: epeule.name });
		await waitUrl((p) => p.get('territoire') === epeule.code);
		await page.getByRole('button', { name: 'Étape suivante' }).click();

		// Step 4 proposes a short walk, says so, and lets the worker change it.
		const walk = page.getByLabel('Temps de marche au plus');
		await expect(walk).toHaveValue('15');
		await expect(walk).toHaveAccessibleDescription(/^Proposé : 15 minutes, modifiable/);
		await expect(page.getByText(/Proposé : 15 minutes, modifiable/)).toBeVisible();
		const axeStep4 = await analyzablePage(page, browser, baseURL!, javaScriptEnabled);
		try {
			await expectNoAxeViolations(axeStep4);
		} finally {
			if (axeStep4 !== page) await axeStep4.context().close();
		}
		await page.getByRole('button', { name: 'Voir les lieux' }).click();
		await expect(page.locator('#titre-etape')).toContainText('5. Les lieux conseillés');
		await expect(page.getByRole('definition').filter({ hasText: '15 min à pied au plus' })).toBeVisible();
		const near = await minutesOf(page);
		expect(near.length).toBeGreaterThan(0);
		for (const m of near) expect(m, 'every place within the proposed 15 minutes').toBeLessThanOrEqual(15);

		// « Peu importe », chosen by the worker, is kept: many places, the best three first, the rest folded.
		await page.getByRole('link', { name: 'Modifier les contraintes' }).click();
		await walk.selectOption({ label: 'Peu importe' });
		await waitUrl((p) => p.get('marche') === 'peu-importe');
		await page.getByRole('button', { name: 'Voir les lieux' }).click();
		await expect(page).toHaveURL((u) => u.searchParams.get('marche') === 'peu-importe' && u.searchParams.get('etape') === '5');
		const all = await minutesOf(page);
		expect(all.length, 'the senior’s 21 places').toBeGreaterThan(4);
		await expect(page.locator('#titre-lieux')).toHaveText(new RegExp(`^\\s*${all.length}\\s+lieux conseillés\\s*$`));
		const shown = page.locator('#lieux-conseilles > ol > li');
		await expect(shown).toHaveCount(3);
		await expect(shown.locator('.reasons').first()).toContainText('Pourquoi');
		const folded = page.locator('#lieux-conseilles details');
		await expect(folded.locator('summary')).toHaveText(`Voir les ${all.length - 3} autres lieux conseillés`);
		await expect(folded).not.toHaveAttribute('open');
		await expect(folded.locator('article').first()).toBeHidden();
		await folded.locator('summary').click();
		await expect(folded.locator('article')).toHaveCount(all.length - 3);
		await expect(folded.locator('article').first()).toBeVisible();
		const axeResults = await analyzablePage(page, browser, baseURL!, javaScriptEnabled);
		try {
			await expectNoAxeViolations(axeResults);
		} finally {
			if (axeResults !== page) await axeResults.context().close();
		}
		// Back on step 4, « Peu importe » is still the answer.
		await page.getByRole('link', { name: 'Modifier les contraintes' }).click();
		await expect(walk).toHaveValue('peu-importe');
	});
});
