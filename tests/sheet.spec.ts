/**
 * The orientation sheet (/orienter/fiche), with and without JavaScript: what it says about real
 * places in its four languages, the structure's French texts kept and marked, the QR codes, the
 * share link, one printed A4 page for one or two places, axe, and the French 400 page on bad links.
 */
import type { Page } from '@playwright/test';
import QRCode from 'qrcode';
import { apiOffers, expect, placesOf, test, type ApiOffers, type ApiPlace } from './fixtures';
import { analyzablePage, expectNoAxeViolations } from './axe';

type Lang = 'fr' | 'falc' | 'en' | 'ar';
const LANGS: Lang[] = ['fr', 'falc', 'en', 'ar'];

/** What each sheet must say, written out here rather than imported, so a lost translation fails. */
const EXPECTED: Record<
	Lang,
	{
		lang: string;
		dir: 'ltr' | 'rtl';
		title: string;
		labels: string[];
		qr: string;
		givenOn: string;
		legend: string | null;
		saturday: [day: string, hours: string];
		callFirst: string;
		bring: string;
	}
> = {
	fr: {
		lang: 'fr',
		dir: 'ltr',
		title: "Fiche d'orientation",
		labels: ['Adresse', 'Comment y aller', 'Horaires', 'Accompagnement proposé', 'À apporter'],
		qr: 'Scannez pour voir la fiche du lieu',
		givenOn: 'Fiche remise le',
		legend: null,
		saturday: ['Samedi', '8 h – 11 h'],
		callFirst: 'Téléphonez avant de venir :',
		bring: "Votre pièce d'identité"
	},
	falc: {
		lang: 'fr',
		dir: 'ltr',
		title: "Où aller pour avoir de l'aide",
		labels: ['Allez à cette adresse.', 'Comment faire ?', 'Quand venir ?', 'Ce que le lieu fait pour vous', 'Ce que vous devez apporter'],
		qr: 'Prenez ce carré en photo avec votre téléphone.',
		givenOn: 'Fiche donnée le',
		legend: "Texte écrit par le lieu. Il n'est pas en facile à lire.",
		saturday: ['Samedi', 'de 8 h à 11 h'],
		callFirst: 'Téléphonez avant de venir.',
		bring: "Votre pièce d'identité"
	},
	en: {
		lang: 'en',
		dir: 'ltr',
		title: 'Where to get help',
		labels: ['Address', 'How to get in', 'Opening hours', 'Kind of help', 'What to bring'],
		qr: "Scan to see the place's page",
		givenOn: 'Sheet given on',
		legend: 'Text from the organisation, in French',
		saturday: ['Saturday', '8:00 – 11:00'],
		callFirst: 'Phone before you go:',
		bring: 'Your ID'
	},
	ar: {
		lang: 'ar',
		dir: 'rtl',
		title: 'ورقة التوجيه',
		labels: ['العنوان', 'طريقة الوصول', 'أوقات الاستقبال', 'نوع المساعدة', 'ما يجب إحضاره'],
		qr: 'امسحوا الرمز لرؤية صفحة المكان',
		givenOn: 'سُلّمت هذه الورقة في',
		legend: 'نص من الجهة، باللغة الفرنسية',
		saturday: ['السبت', '8:00 – 11:00'],
		callFirst: 'اتصلوا قبل الذهاب:',
		bring: 'وثيقة هوية'
	}
};

const DATE_LOCALE: Record<Lang, string> = { fr: 'fr-FR', falc: 'fr-FR', en: 'en-GB', ar: 'ar-u-nu-latn' };

/** Today in Paris, as the sheet words it (French writes the first of the month « 1er »). */
function today(lang: Lang): string {
	const parts = new Intl.DateTimeFormat(DATE_LOCALE[lang], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' }).formatToParts(new Date());
	return parts.map((p) => (lang !== 'en' && lang !== 'ar' && p.type === 'day' && p.value === '1' ? '1er' : p.value)).join('');
}

function sheetUrl(ids: number[], lang: Lang, needs: string[] = []): string {
	return `/orienter/fiche?lieux=${ids.join(',')}&langue=${lang}${needs.map((n) => `&besoin=${n}`).join('')}`;
}

interface SheetPlaces {
	/** The place whose hours are « Sa 08:00-11:00 » (CCAS de Roubaix, rue Pellart). */
	withHours: ApiPlace & { phone: string | null };
	/** A place with a phone and no hours. */
	withoutHours: ApiPlace & { phone: string | null };
	/** A place with neither phone nor hours. */
	unreachable: (ApiPlace & { phone: string | null }) | undefined;
}

async function realPlaces(body: ApiOffers): Promise<SheetPlaces> {
	const places = placesOf(body) as (ApiPlace & { phone: string | null })[];
	const hoursOf = (id: number) => body.offers.find((o) => o.place.id === id && o.hours)?.hours ?? null;
	const withHours = places.find((p) => hoursOf(p.id) === 'Sa 08:00-11:00' && p.phone);
	const withoutHours = places.find((p) => !hoursOf(p.id) && p.phone);
	expect(withHours, 'a real place open on Saturday 8–11 with a phone').toBeDefined();
	expect(withoutHours, 'a real place without hours but with a phone').toBeDefined();
	return { withHours: withHours!, withoutHours: withoutHours!, unreachable: places.find((p) => !hoursOf(p.id) && !p.phone) };
}

const sheet = (page: Page) => page.locator('article.sheet');
const placeSection = (page: Page, id: number) => page.locator(`section.place[data-place-id="${id}"]`);

test.describe('fiche d’orientation', () => {
	test('en français : le lieu, son adresse, comment y aller, ses horaires, quoi apporter, le QR code, la date', async ({
		page,
		request
	}) => {
		const { withHours: place } = await realPlaces(await apiOffers(request));
		const response = await page.goto(sheetUrl([place.id], 'fr', ['demarches', 'sante']));
		expect(response?.status()).toBe(200);
		// Nothing is stored, not even a cookie.
		expect(response?.headers()['set-cookie']).toBeUndefined();

		await expect(page.getByRole('heading', { level: 1 })).toHaveText("Fiche d'orientation");
		await expect(sheet(page)).toContainText(`Fiche remise le ${today('fr')}`);
		const section = placeSection(page, place.id);
		await expect(section.getByRole('heading', { level: 2 })).toContainText(place.name.trim());
		await expect(section.locator('.address')).toContainText(place.address.trim());
		// No access mode in the source and a phone: call first, with a tappable number.
		await expect(section.locator('ul.access')).toContainText(/Téléphonez avant de venir : 0\d( \d\d){4}/);
		await expect(section.locator('ul.access a[href^="tel:"]')).toHaveCount(1);
		// Hours in words, the other days closed.
		await expect(section.locator('.week')).toContainText(/Samedi\s*8 h – 11 h/);
		await expect(section.locator('.week')).toContainText(/Les autres jours\s*fermé/);
		// What to bring for both needs, each item once.
		const bring = page.locator('section.bring');
		await expect(bring.getByRole('heading', { level: 2 })).toHaveText('À apporter');
		await expect(bring).toContainText('Pour : Démarches administratives, Santé');
		await expect(bring.locator('li', { hasText: "Votre pièce d'identité" })).toHaveCount(1);
		await expect(bring.locator('li', { hasText: 'Votre carte Vitale' })).toHaveCount(1);
		// No « French text » legend on a French sheet.
		await expect(page.locator('.legend')).toHaveCount(0);
		await expect(section.locator('.fr-mark')).toHaveCount(0);

		// The small map is the server's SVG map of the place.
		const map = section.locator('.map img');
		await expect(map).toHaveAttribute('src', `/carte.svg?lieu=${place.id}`);
		const svg = await request.get(`/carte.svg?lieu=${place.id}`);
		expect(svg.status()).toBe(200);
		expect(svg.headers()['content-type']).toContain('image/svg+xml');
		await expect(section.locator('.map .marker')).toHaveCount(1);
	});

	test('le QR code est un SVG qui mène à la page du lieu', async ({ page, request }) => {
		const { withHours, withoutHours } = await realPlaces(await apiOffers(request));
		await page.goto(sheetUrl([withHours.id, withoutHours.id], 'fr'));
		const shareUrl = await page.getByLabel('Lien à partager').inputValue();
		const origin = new URL(shareUrl).origin;
		for (const place of [withHours, withoutHours]) {
			const img = placeSection(page, place.id).locator('figure.qr img');
			await expect(img).toHaveAttribute('alt', 'QR code vers la fiche du lieu');
			const src = (await img.getAttribute('src')) ?? '';
			expect(src).toMatch(/^data:image\/svg\+xml;base64,/);
			const markup = Buffer.from(src.split(',')[1]!, 'base64').toString('utf8');
			expect(markup).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
			expect(markup).toMatch(/<path[^>]+d="M/);
			// Same library, same options: the very code of the place's URL.
			const expected = await QRCode.toString(`${origin}/lieux/${place.id}`, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
			expect(markup, `QR code of place ${place.id}`).toBe(expected);
		}
	});

	for (const lang of LANGS) {
		test(`en ${lang} : titre, libellés, horaires et date traduits ; le texte de la structure reste en français`, async ({
			page,
			request
		}) => {
			const expected = EXPECTED[lang];
			const { withHours, withoutHours } = await realPlaces(await apiOffers(request));
			await page.goto(sheetUrl([withHours.id, withoutHours.id], lang, ['demarches']));

			const article = sheet(page);
			await expect(article).toHaveAttribute('lang', expected.lang);
			await expect(article).toHaveAttribute('dir', expected.dir);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(expected.title);
			for (const label of expected.labels) await expect(article.getByRole('heading', { name: label, exact: true }).first()).toBeVisible();
			await expect(article).toContainText(`${expected.givenOn} ${today(lang)}`);
			await expect(article.locator('figcaption').first()).toContainText(expected.qr);
			await expect(page.locator('section.bring li').first()).toHaveText(expected.bring);

			const hours = placeSection(page, withHours.id).locator('.week');
			await expect(hours.locator('dt').first()).toHaveText(expected.saturday[0]);
			await expect(hours.locator('dd').first()).toHaveText(expected.saturday[1]);
			await expect(placeSection(page, withoutHours.id).locator('ul.access')).toContainText(expected.callFirst);

			// The listing's name is the structure's French, whatever the sheet's language.
			for (const place of [withHours, withoutHours]) {
				const name = placeSection(page, place.id).locator('h2 [lang="fr"]');
				await expect(name).toHaveText(place.name.trim());
				await expect(name).toHaveAttribute('dir', 'ltr');
				await expect(placeSection(page, place.id).locator('.address [lang="fr"]').first()).toHaveText(place.address.trim());
			}
			if (expected.legend) {
				await expect(page.locator('.legend')).toHaveCount(1);
				await expect(page.locator('.legend')).toContainText(expected.legend);
				await expect(placeSection(page, withHours.id).locator('h2 .fr-mark')).toHaveText('FR');
			} else {
				await expect(page.locator('.legend')).toHaveCount(0);
			}
		});
	}

	test('en arabe : de droite à gauche, jours en arabe, nom du lieu en français de gauche à droite', async ({ page, request }) => {
		const { withHours } = await realPlaces(await apiOffers(request));
		await page.goto(sheetUrl([withHours.id], 'ar'));
		await expect(sheet(page)).toHaveAttribute('dir', 'rtl');
		await expect(sheet(page)).toHaveAttribute('lang', 'ar');
		expect(await sheet(page).textContent()).toMatch(/[\u0600-\u06FF]{3,}/);
		expect(await page.locator('.sheet-head').evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
		await expect(placeSection(page, withHours.id).locator('.week dt').first()).toHaveText('السبت');
		const name = placeSection(page, withHours.id).locator('h2 [lang="fr"]');
		expect(await name.evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
		// The phone number stays left to right inside Arabic.
		await expect(placeSection(page, withHours.id).locator('ul.access a[href^="tel:"]')).toHaveAttribute('dir', 'ltr');
	});

	test('sans téléphone ni horaires : « Présentez-vous aux heures d’ouverture » et « Horaires non renseignés »', async ({
		page,
		request
	}) => {
		const { unreachable } = await realPlaces(await apiOffers(request));
		// The real data has such places (no phone, no hours); this test needs one.
		expect(unreachable, 'a real place with neither phone nor hours').toBeDefined();
		await page.goto(sheetUrl([unreachable!.id], 'fr'));
		const section = placeSection(page, unreachable!.id);
		await expect(section.locator('ul.access')).toContainText("Présentez-vous aux heures d'ouverture");
		await expect(section).toContainText('Horaires non renseignés : téléphonez avant de vous déplacer');
	});

	test('changer de langue garde les lieux et les besoins ; le lien à partager ne dit rien de la personne', async ({
		page,
		request,
		javaScriptEnabled
	}) => {
		const { withHours, withoutHours } = await realPlaces(await apiOffers(request));
		const ids = [withHours.id, withoutHours.id];
		// A form's checkboxes send `lieux` twice; the sheet reads both forms.
		await page.goto(`/orienter/fiche?lieux=${ids[0]}&lieux=${ids[1]}&besoin=sante`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText("Fiche d'orientation");

		const languages = page.getByRole('navigation', { name: 'Langue de la fiche' });
		await expect(languages.getByRole('link')).toHaveText(['Français', 'Facile à lire (FALC)', 'English', 'العربية']);
		await expect(languages.getByRole('link', { name: 'Français' })).toHaveAttribute('aria-current', 'page');
		await expect(languages.getByRole('link', { name: 'العربية' })).toHaveAttribute('lang', 'ar');

		const share = page.getByLabel('Lien à partager');
		await expect(share).toHaveAttribute('readonly', '');
		const shared = new URL(await share.inputValue());
		expect(shared.pathname).toBe('/orienter/fiche');
		expect([...shared.searchParams.keys()].sort()).toEqual(['besoin', 'langue', 'lieux']);
		expect(shared.searchParams.get('lieux')).toBe(ids.join(','));
		expect(shared.searchParams.get('langue')).toBe('fr');

		await languages.getByRole('link', { name: 'English' }).click();
		await expect(page).toHaveURL(new RegExp(`/orienter/fiche\\?lieux=${ids.join(',')}&langue=en&besoin=sante$`));
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Where to get help');
		await expect(page.locator('section.place')).toHaveCount(2);
		await expect(page.locator('section.bring')).toContainText('For: Health');
		await expect(languages.getByRole('link', { name: 'English' })).toHaveAttribute('aria-current', 'page');

		if (javaScriptEnabled) {
			await expect(page.getByRole('button', { name: 'Imprimer' })).toBeVisible();
			await expect(page.getByText('Utilisez la fonction Imprimer de votre navigateur')).toHaveCount(0);
		} else {
			await expect(page.getByText('Utilisez la fonction Imprimer de votre navigateur.')).toBeVisible();
			await expect(page.getByRole('button', { name: 'Imprimer' })).toHaveCount(0);
		}
	});

	test('à l’impression : ni outils, ni menu du site, ni pied de page', async ({ page, request }) => {
		const { withHours } = await realPlaces(await apiOffers(request));
		await page.goto(sheetUrl([withHours.id], 'fr'));
		await page.emulateMedia({ media: 'print' });
		await expect(page.locator('.tools')).toBeHidden();
		await expect(page.locator('header.site')).toBeHidden();
		await expect(page.locator('footer.site')).toBeHidden();
		await expect(sheet(page)).toBeVisible();
		await expect(placeSection(page, withHours.id).locator('figure.qr img')).toBeVisible();
	});

	// Printing needs no JavaScript: the sheet is server-rendered, so both projects print it.
	test('une ou deux fiches tiennent sur une seule page A4, dans chaque langue', async ({ page, request }) => {
		const body = await apiOffers(request);
		// The two richest real places: most levels, with hours.
		const levels = (id: number) => body.offers.filter((o) => o.place.id === id).length;
		const rich = placesOf(body).sort((a, b) => levels(b.id) - levels(a.id) || a.id - b.id);
		const withHours = rich.filter((p) => body.offers.some((o) => o.place.id === p.id && o.hours));
		const sets = [[withHours[0]!.id], [withHours[0]!.id, rich.find((p) => p.id !== withHours[0]!.id)!.id]];
		for (const ids of sets) {
			for (const lang of LANGS) {
				await page.goto(sheetUrl(ids, lang, ['demarches', 'sante', 'emploi']));
				await expect(sheet(page)).toBeVisible();
				const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
				const pages = pdf.match(/\/Type\s*\/Page[^s]/g) ?? [];
				expect(pages.length, `${ids.length} place(s) in ${lang}: pages of the PDF`).toBe(1);
			}
		}
	});

	test('plus de deux lieux : chacun reste entier', async ({ page, request }) => {
		const ids = placesOf(await apiOffers(request))
			.slice(0, 4)
			.map((p) => p.id);
		await page.goto(sheetUrl(ids, 'fr'));
		await expect(page.locator('section.place')).toHaveCount(4);
		expect(await page.locator('section.place').evaluateAll((s) => s.map((el) => Number(el.getAttribute('data-place-id'))))).toEqual(ids);
		await page.emulateMedia({ media: 'print' });
		expect(await page.locator('section.place').first().evaluate((el) => getComputedStyle(el).breakInside)).toBe('avoid');
	});

	for (const [name, query, message] of [
		['lieux=abc', 'lieux=abc', '« abc » n’est pas un numéro de lieu.'],
		['lieux=999999', 'lieux=999999', 'Le lieu n° 999999 n’existe pas.'],
		['langue=xx', 'lieux=1&langue=xx', 'Langue inconnue : « xx ». Choisissez fr, falc, en ou ar.'],
		['besoin inconnu', 'lieux=1&besoin=magie', 'Besoin inconnu : « magie ».'],
		['aucun lieu', '', 'Choisissez au moins un lieu pour la fiche'],
		['cinq lieux', 'lieux=1,2,3,4,5', 'Une fiche contient au plus 4 lieux.']
	] as const) {
		test(`lien invalide (${name}) : erreur 400 expliquée en français`, async ({ page, consoleErrors }) => {
			consoleErrors.allow(/Failed to load resource: the server responded with a status of 400/);
			const response = await page.goto(`/orienter/fiche${query ? `?${query}` : ''}`);
			expect(response?.status()).toBe(400);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText('Une erreur est survenue');
			await expect(page.locator('main')).toContainText('Impossible de préparer la fiche.');
			await expect(page.locator('main')).toContainText(message);
		});
	}
});

// ---------------------------------------------------------------------------------------------------
// Accessibility

test.describe('fiche d’orientation : accessibilité (axe, WCAG 2.1 AA)', () => {
	for (const lang of LANGS) {
		test(`en ${lang} : aucune violation`, async ({ page, request, browser, baseURL, javaScriptEnabled }) => {
			const { withHours, withoutHours } = await realPlaces(await apiOffers(request));
			await page.goto(sheetUrl([withHours.id, withoutHours.id], lang, ['demarches', 'sante']));
			if (javaScriptEnabled) await expect(page.getByRole('button', { name: 'Imprimer' })).toBeVisible();
			const analyzed = await analyzablePage(page, browser, baseURL!, javaScriptEnabled);
			try {
				await expectNoAxeViolations(analyzed);
			} finally {
				if (analyzed !== page) await analyzed.context().close();
			}
		});
	}
});
