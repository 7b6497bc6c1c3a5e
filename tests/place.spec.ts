/**
 * A place's page (/lieux/ID), with and without JavaScript: what it says, its data-quality flags,
 * hours in plain French, the 404 page and the printed sheet.
 */
import type { Page } from '@playwright/test';
import { apiOffers, expect, hydrated, placeCards, placesOf, test, type ApiOffer, type ApiPlace } from './fixtures';

function section(page: Page, title: string) {
	return page.locator('section', { has: page.getByRole('heading', { level: 2, name: title, exact: true }) });
}

/** 'HH:MM' as the page writes it: « 8 h », « 9 h 30 ». */
function frenchClock(hhmm: string): string {
	const [h, m] = hhmm.split(':').map(Number) as [number, number];
	return m === 0 ? `${h} h` : `${h} h ${String(m).padStart(2, '0')}`;
}

const DAYS: Record<string, string> = { Mo: 'Lundi', Tu: 'Mardi', We: 'Mercredi', Th: 'Jeudi', Fr: 'Vendredi', Sa: 'Samedi', Su: 'Dimanche' };

test.describe('fiche d’un lieu', () => {
	test('on ouvre une fiche depuis la liste', async ({ page, request, javaScriptEnabled }) => {
		const places = placesOf(await apiOffers(request));
		await page.goto('/');
		await hydrated(page, javaScriptEnabled);
		const card = placeCards(page).nth(2);
		const id = Number(await card.getAttribute('data-place-id'));
		const place = places.find((p) => p.id === id)!;
		expect(place, `place ${id} of the list is in the API`).toBeDefined();
		const name = ((await card.locator('h3').textContent()) ?? '').trim();
		expect(name).toBe(place.name.trim());

		await card.getByRole('link', { name }).click();
		await expect(page).toHaveURL(new RegExp(`/lieux/${id}$`));
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
		await expect(page).toHaveTitle(new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} · `));
		await expect(page.locator('.address')).toContainText(place.address.trim());

		// Neighbourhood, as the API gives it.
		const where = section(page, 'Quartier');
		await expect(where.locator('dt:has-text("IRIS") + dd')).toHaveText(place.iris?.name ?? 'Hors de Roubaix');
		await expect(where.locator('dt:has-text("Grand quartier") + dd')).toHaveText(place.grand_quartier?.name ?? '—');
		await expect(where.locator('dt:has-text("Quartier prioritaire") + dd')).toHaveText(place.qpv?.name ?? 'Non');
		// Freshness badge, contact and a small map of the place.
		await expect(page.locator('.fresh .badge')).toHaveText(/À jour|À revérifier bientôt|Plus de \d+ ans? sans vérification|Date de mise à jour inconnue/);
		await expect(section(page, 'Contact').locator('ul.contact > li').first()).toBeVisible();
		if (javaScriptEnabled) {
			await expect(page.locator('div.map[data-status]')).toHaveAttribute('data-status', 'loaded', { timeout: 30_000 });
		} else {
			await expect(page.locator('.small-map img.static')).toHaveAttribute('src', `/carte.svg?lieu=${id}`);
		}

		// And back to the list.
		await page.getByRole('link', { name: '← Retour à la carte et à l\'annuaire' }).click();
		await expect(page).toHaveURL(/\/$/);
		await expect(placeCards(page)).toHaveCount(places.length);
	});

	test('le CCAS du 9 rue Pellart est signalé « Point éloigné de la rue indiquée »', async ({ page, request }) => {
		const places = placesOf(await apiOffers(request));
		const ccas = places.filter((p) => p.name === 'CCAS de Roubaix' && /^9 rue pellart$/i.test(p.address.trim()));
		expect(ccas, 'exactly one « CCAS de Roubaix » at 9 RUE PELLART').toHaveLength(1);
		const place = ccas[0]!;
		expect(place.quality_flags.map((f) => f.code)).toContain('far_from_street');

		await page.goto(`/lieux/${place.id}`);
		const quality = section(page, 'Qualité des données');
		await expect(quality.locator('ul.flags > li').filter({ hasText: 'Point éloigné de la rue indiquée' })).toContainText(
			/Le point est à [\d\s  ]+ m de la rue de l'adresse/
		);
		// The list card says it too.
		await page.goto('/');
		await expect(page.locator(`article[data-place-id="${place.id}"]`)).toContainText('Point éloigné de la rue indiquée');
	});

	test('les quatre lieux du 71 avenue de Verdun sont signalés « Doublon probable » et se renvoient l’un à l’autre', async ({
		page,
		request
	}) => {
		const places = placesOf(await apiOffers(request));
		const verdun = places.filter((p) => /^71 (avenue|rue) de verdun$/i.test(p.address.trim()));
		expect(verdun.map((p) => p.name).sort()).toEqual(
			[
				'CPAM de Roubaix Tourcoing',
				'Emmaüs Connect',
				'France services Mairie de Roubaix Quartier des 3 Ponts',
				'MAIRIE DE ROUBAIX QUARTIER DES 3 PONTS'
			].sort()
		);
		for (const place of verdun) {
			await page.goto(`/lieux/${place.id}`);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(place.name);
			const duplicates = section(page, 'Qualité des données').locator('ul.flags > li').filter({ hasText: 'Doublon probable' });
			await expect(duplicates).toHaveCount(verdun.length - 1);
			const hrefs = await duplicates.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
			const others = verdun.filter((p) => p.id !== place.id).map((p) => `/lieux/${p.id}`);
			expect(hrefs.sort(), `« Voir … » links of ${place.name}`).toEqual(others.sort());
		}
	});

	test('un niveau déduit est dit « niveau déduit », un niveau déclaré ne l’est pas', async ({ page, request }) => {
		const offers = (await apiOffers(request)).offers;
		const byPlace = new Map<number, ApiOffer[]>();
		for (const o of offers) byPlace.set(o.place.id, [...(byPlace.get(o.place.id) ?? []), o]);
		const inferred = [...byPlace.values()].find((list) => list.length > 1 && list.every((o) => o.level_inferred))!;
		const declared = [...byPlace.values()].find((list) => list.length > 1 && list.every((o) => !o.level_inferred))!;
		expect(inferred, 'a place whose levels are all inferred').toBeDefined();
		expect(declared, 'a place whose levels are all declared').toBeDefined();

		await page.goto(`/lieux/${inferred[0]!.place.id}`);
		const offersSection = section(page, 'Ce que propose ce lieu');
		for (const o of inferred) {
			await expect(offersSection.getByRole('heading', { level: 3, name: new RegExp(o.level_label) })).toContainText('(niveau déduit)');
		}
		await expect(offersSection.getByText('(niveau déduit)')).toHaveCount(inferred.length);
		await expect(offersSection.getByText('déduit des services déclarés par la source')).toHaveCount(inferred.length);

		await page.goto(`/lieux/${declared[0]!.place.id}`);
		for (const o of declared) {
			await expect(section(page, 'Ce que propose ce lieu').getByRole('heading', { level: 3, name: new RegExp(o.level_label) })).toBeVisible();
		}
		await expect(page.getByText('niveau déduit')).toHaveCount(0);
	});

	test('les horaires sont écrits en français, jour par jour', async ({ page, request }) => {
		const offers = (await apiOffers(request)).offers;
		const withHours = new Map<number, { place: ApiPlace; hours: string }>();
		for (const o of offers) if (o.hours && !withHours.has(o.place.id)) withHours.set(o.place.id, { place: o.place, hours: o.hours });
		expect(withHours.size).toBeGreaterThan(0);
		expect([...withHours.values()].map((p) => p.hours)).toContain('Sa 08:00-11:00');

		for (const { place, hours } of withHours.values()) {
			const m = /^(Mo|Tu|We|Th|Fr|Sa|Su) (\d\d:\d\d)-(\d\d:\d\d)$/.exec(hours);
			expect(m, `hours « ${hours} » of the data are one slot on one day`).not.toBeNull();
			const [, day, from, to] = m as unknown as [string, string, string, string];
			await page.goto(`/lieux/${place.id}`);
			const week = page.locator('table.week').first();
			await expect(week.locator('tr')).toHaveCount(7);
			for (const [code, label] of Object.entries(DAYS)) {
				const row = week.locator('tr', { has: page.locator('th', { hasText: new RegExp(`^${label}$`) }) });
				const expected = code === day ? `${frenchClock(from)} – ${frenchClock(to)}` : 'fermé';
				await expect(row.locator('td'), `${place.name}, ${label}`).toHaveText(expected);
			}
			await expect(page.locator('p.osm code').first()).toHaveText(hours);
		}
		// « Sa 08:00-11:00 » reads « Samedi 8 h – 11 h ».
		const ccas = [...withHours.values()].find((p) => p.hours === 'Sa 08:00-11:00')!;
		await page.goto(`/lieux/${ccas.place.id}`);
		await expect(page.locator('table.week tr', { hasText: 'Samedi' }).first()).toHaveText(/Samedi\s*8 h – 11 h/);
	});

	test('sans horaires, la fiche le dit', async ({ page, request }) => {
		const offers = (await apiOffers(request)).offers;
		const without = offers.find((o) => !offers.some((x) => x.place.id === o.place.id && x.hours))!;
		await page.goto(`/lieux/${without.place.id}`);
		await expect(page.getByText('Horaires non renseignés : téléphonez avant de vous déplacer.').first()).toBeVisible();
		await expect(page.locator('table.week')).toHaveCount(0);
	});

	for (const path of ['/lieux/999999', '/lieux/abc']) {
		test(`${path} répond 404 avec un message en français`, async ({ page, consoleErrors }) => {
			// Chromium logs the document's own 404, and only that one is expected.
			consoleErrors.allow(new RegExp(`status of 404 .*\\(http://[^/]+${path}\\)$`));
			const response = await page.goto(path);
			expect(response?.status()).toBe(404);
			await expect(page).toHaveTitle(/^Page introuvable · /);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page introuvable');
			await expect(page.getByRole('main')).toContainText('Ce lieu n’existe pas.');
			await expect(page.getByRole('link', { name: 'Carte et annuaire' })).toBeVisible();
		});
	}

	test('la fiche d’un lieu mène à sa fiche d’orientation à remettre', async ({ page, request }) => {
		const place = placesOf(await apiOffers(request))[0]!;
		await page.goto(`/lieux/${place.id}`);
		await page.getByRole('link', { name: "Préparer une fiche d'orientation pour ce lieu" }).click();
		await expect(page).toHaveURL(new RegExp(`/orienter/fiche\\?lieux=${place.id}$`));
		await expect(page.locator('article.sheet')).toContainText(place.name);
	});

	test('un identifiant écrit avec des zéros mène à l’adresse unique du lieu', async ({ page, request }) => {
		const place = placesOf(await apiOffers(request))[0]!;
		await page.goto(`/lieux/00${place.id}`);
		await expect(page).toHaveURL(new RegExp(`/lieux/${place.id}$`));
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(place.name);
	});

	test('une adresse inconnue répond 404 « Page introuvable »', async ({ page, consoleErrors }) => {
		consoleErrors.allow(/status of 404 .*\(http:\/\/[^/]+\/nulle-part\)$/);
		const response = await page.goto('/nulle-part');
		expect(response?.status()).toBe(404);
		await expect(page).toHaveTitle(/^Page introuvable · /);
		await expect(page.getByRole('main')).toContainText('Page introuvable.');
	});

	test('la fiche imprimée cache la navigation', async ({ page, request, javaScriptEnabled }) => {
		const place = placesOf(await apiOffers(request))[0]!;
		if (javaScriptEnabled) {
			await page.addInitScript(() => {
				(window as unknown as { printed: number }).printed = 0;
				window.print = () => void ((window as unknown as { printed: number }).printed += 1);
			});
		}
		await page.goto(`/lieux/${place.id}`);
		await hydrated(page, javaScriptEnabled);
		const nav = page.getByRole('navigation', { name: 'Navigation principale' });
		// Without JavaScript a button could do nothing: the page names the browser's command instead.
		const printControl = javaScriptEnabled
			? page.getByRole('button', { name: 'Imprimer cette fiche' })
			: page.getByText('utilisez la commande Imprimer de votre navigateur');
		await expect(nav).toBeVisible();
		await expect(printControl).toBeVisible();
		if (javaScriptEnabled) {
			await printControl.click();
			expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
		} else {
			await expect(page.getByRole('button', { name: 'Imprimer cette fiche' })).toHaveCount(0);
		}

		await page.emulateMedia({ media: 'print' });
		await expect(nav).toBeHidden();
		await expect(printControl).toBeHidden();
		await expect(page.getByRole('link', { name: '← Retour à la carte et à l\'annuaire' })).toBeHidden();
		await expect(page.locator('footer.site')).toBeHidden();
		// What the sheet is for stays.
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(place.name);
		await expect(page.getByRole('heading', { level: 2, name: 'Contact' })).toBeVisible();
		await expect(page.getByRole('heading', { level: 2, name: 'Ce que propose ce lieu' })).toBeVisible();
	});
});
