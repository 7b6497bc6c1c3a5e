/**
 * The directory of structures (issue 13, part 1) and the public-service pages (part 7), with and
 * without JavaScript: a visitor finds a structure by its filters and sees its places and offers;
 * the contact for professionals never reaches a visitor's pages (every path of the API and the
 * open-data exports: tests/http/pro-contact.spec.ts) and shows to a signed-in member; a member edits the presentation, kind and
 * contact through moderation, a half-typed contact being refused with nothing lost; the
 * accessibility statement and the legal notices are reached from the footer. axe on every new
 * page and state. Each project works on its own structure; everything written is put back.
 */
import type { Page, TestInfo } from '@playwright/test';
import { actorIdByName, BASE_URL, dbRow, dbRows, dbWrite, signInAs, uniqueEmail } from './accounts';
import { analyzablePage, expectNoAxeViolations } from './axe';
import { expect, settled, test } from './fixtures';

const project = (info: TestInfo) => info.project.name as 'js' | 'nojs';
/** The structure whose contact for professionals each project sets, and the one a member edits. */
const CONTACT_ACTOR = { js: 'CCAS de Roubaix', nojs: 'Ville de Roubaix' } as const;
const EDITED_ACTOR = { js: 'Emmaüs Connect', nojs: 'Formation numérique - Simplon Roubaix' } as const;
const REFERENT = { js: 'Ariane Référente-Essai', nojs: 'Basile Référent-Essai' } as const;
const LINE = { js: '03 20 98 76 51', nojs: '03 20 98 76 52' } as const;
/** Where each one's reinforced help is (its IRIS, from the seeded data). */
const QUARTIER = { js: 'Sainte-Élisabeth Nord', nojs: 'Hommelet Centre' } as const;

async function audit(page: Page, browser: import('@playwright/test').Browser, baseURL: string, javaScriptEnabled: boolean) {
	const analyzed = await analyzablePage(page, browser, baseURL, javaScriptEnabled);
	try {
		await expectNoAxeViolations(analyzed);
	} finally {
		if (analyzed !== page) await analyzed.context().close();
	}
}

/** The page fits a 320-pixel screen without scrolling sideways (RGAA 10.11). */
async function expectReflow(page: Page) {
	await page.setViewportSize({ width: 320, height: 800 });
	expect(await page.evaluate(() => document.documentElement.scrollWidth), page.url()).toBeLessThanOrEqual(320);
	await page.setViewportSize({ width: 1280, height: 720 });
}

async function withContact<T>(info: TestInfo, run: (actorId: number) => Promise<T>): Promise<T> {
	const actorId = await actorIdByName(CONTACT_ACTOR[project(info)]);
	await dbWrite('update actors set pro_contact_name = ?, pro_contact_phone = ? where id = ?', REFERENT[project(info)], LINE[project(info)], actorId);
	try {
		return await run(actorId);
	} finally {
		await dbWrite('update actors set pro_contact_name = null, pro_contact_phone = null where id = ?', actorId);
	}
}

/** Neither the name nor the line, in any of the ways a phone number is written. */
function expectNoContact(text: string, info: TestInfo, where: string) {
	const digits = LINE[project(info)].replace(/\D/g, '');
	expect(text, where).not.toContain(REFERENT[project(info)]);
	expect(text, where).not.toContain(LINE[project(info)]);
	expect(text.replace(/\D/g, ' '), where).not.toContain(digits);
	expect(text, where).not.toContain(`+33${digits.slice(1)}`);
}

test('un visiteur trouve une structure par ses filtres, voit ses lieux et ses offres, jamais le contact professionnel ; axe', async ({
	page,
	browser,
	baseURL,
	javaScriptEnabled
}, info) => {
	await withContact(info, async (actorId) => {
		const name = CONTACT_ACTOR[project(info)];
		await page.goto('/');
		await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Structures', exact: true }).click();
		await expect(page).toHaveURL(/\/structures$/);
		await settled(page);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Annuaire des structures');
		await audit(page, browser, baseURL!, javaScriptEnabled);

		await page.getByRole('checkbox', { name: 'Accompagnement renforcé' }).check();
		await page.getByRole('combobox', { name: 'Quartier', exact: true }).selectOption({ label: QUARTIER[project(info)] });
		await page.getByRole('combobox', { name: 'Type de structure' }).selectOption({ label: name === 'CCAS de Roubaix' ? 'CCAS (centre communal d’action sociale)' : 'Service de la Ville' });
		await page.getByRole('button', { name: 'Afficher les structures' }).click();
		await expect(page).toHaveURL(/[?&]niveau=renforce/);
		await expect(page).toHaveURL(/[?&]type=(ccas|city_service)/);
		await expect(page).toHaveURL(/[?&]quartier=\d+/);
		await settled(page);
		const results = page.getByRole('list', { name: /structures? sur \d+ correspond/ });
		await expect(results.getByRole('heading', { level: 3 })).toHaveText([name]);
		await expect(results.getByRole('article')).toContainText('(déduit du nom)');
		await expect(results.getByRole('article')).toContainText('Accompagnement renforcé');
		await audit(page, browser, baseURL!, javaScriptEnabled);
		expectNoContact(await page.content(), info, 'liste filtrée');

		await results.getByRole('link', { name }).click();
		await expect(page).toHaveURL(new RegExp(`/structures/${actorId}$`));
		await settled(page);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
		const places = await dbRows<{ id: number; name: string }>('select id, name from places where actor_id = ? order by id', actorId);
		const placesSection = page.getByRole('region', { name: /^Ses lieux et ce qu.elle y propose$/ });
		for (const p of places) await expect(placesSection.getByRole('link', { name: p.name, exact: true })).toHaveAttribute('href', `/lieux/${p.id}`);
		await expect(placesSection.getByRole('list', { name: /^Offres de / }).first().getByRole('listitem').first()).toContainText(/Découvrir|Apprendre|accompagné|renforcé|préciser/);
		const pro = page.getByRole('region', { name: 'Contact pour les professionnel·les' });
		await expect(pro).toContainText('une fois connectés');
		await expect(pro.getByRole('link', { name: 'Se connecter' })).toHaveAttribute('href', `/connexion?retour=/structures/${actorId}`);
		expectNoContact(await page.content(), info, 'fiche de la structure');
		await audit(page, browser, baseURL!, javaScriptEnabled);
		await expectReflow(page);

		// Every place page links back to its structure.
		await placesSection.getByRole('link', { name: places[0]!.name, exact: true }).click();
		await settled(page);
		await expect(page.getByText('Structure :')).toBeVisible();
		await page.getByRole('link', { name, exact: true }).click();
		await expect(page).toHaveURL(new RegExp(`/structures/${actorId}$`));
		expectNoContact(await page.content(), info, 'retour depuis le lieu');
	});
});

test('un membre connecté, même d’une autre structure, voit le contact professionnel ; la coordination aussi ; axe', async ({
	page,
	browser,
	baseURL,
	javaScriptEnabled,
	context,
	request
}, info) => {
	await withContact(info, async (actorId) => {
		const other = await actorIdByName(EDITED_ACTOR[project(info)]);
		await signInAs(context, uniqueEmail('structures-membre', info), 'member', [other]);
		const response = await page.goto(`/structures/${actorId}`);
		expect(response?.headers()['cache-control']).toBe('private, no-store');
		await settled(page);
		const pro = page.getByRole('region', { name: 'Contact pour les professionnel·les' });
		await expect(pro).toContainText(REFERENT[project(info)]);
		await expect(pro.getByRole('link', { name: LINE[project(info)] })).toHaveAttribute('href', `tel:${LINE[project(info)].replace(/\D/g, '')}`);
		await expect(pro).toContainText('ne pas le transmettre au public');
		await audit(page, browser, baseURL!, javaScriptEnabled);
		// Still not in the public list, signed in or not: only the structure's page shows it.
		await page.goto('/structures');
		expectNoContact(await page.content(), info, 'liste, connecté');

		const coordinator = await signInAs(context, uniqueEmail('structures-coordination', info), 'coordinator');
		expect(coordinator).toBeGreaterThan(0);
		const cookies = await context.cookies(BASE_URL);
		const asCoordinator = await request.get(`/structures/${actorId}`, { headers: { Cookie: cookies.map((c) => `${c.name}=${c.value}`).join('; ') } });
		expect(await asCoordinator.text()).toContain(REFERENT[project(info)]);
	});
});

test('un membre modifie présentation, type et contact professionnel : contact à moitié refusé sans rien perdre, puis proposé à la modération ; axe', async ({
	page,
	browser,
	baseURL,
	javaScriptEnabled,
	context,
	consoleErrors
}, info) => {
	// The refused form comes back with its 400 status, which Chromium logs.
	consoleErrors.allow(/status of 400 \(Bad Request\) \(http:\/\/[^/]+\/espace\/structures\/\d+\)$/);
	const name = EDITED_ACTOR[project(info)];
	const actorId = await actorIdByName(name);
	const before = await dbRow<Record<string, unknown>>('select * from actors where id = ?', actorId);
	const userId = await signInAs(context, uniqueEmail('structures-edition', info), 'member', [actorId]);
	const presentation = `Ateliers et aide aux démarches, sur rendez-vous (${project(info)}).`;
	try {
		await page.goto(`/espace/structures/${actorId}`);
		await settled(page);
		await page.getByLabel('Type de structure').selectOption('association');
		await page.getByLabel('Présentation').fill(presentation);
		await page.getByLabel('Personne à joindre (prénom et nom)', { exact: true }).fill(REFERENT[project(info)]);
		await page.getByRole('button', { name: 'Enregistrer' }).click();
		await settled(page);
		const summary = page.getByRole('alert').filter({ hasText: 'rien n’a été enregistré' });
		await expect(summary).toContainText('Ligne directe : Indiquez la ligne directe de cette personne, ou effacez son nom.');
		await expect(page.getByLabel('Présentation')).toHaveValue(presentation);
		await expect(page.getByLabel('Type de structure')).toHaveValue('association');
		await expect(page.getByLabel('Personne à joindre (prénom et nom)', { exact: true })).toHaveValue(REFERENT[project(info)]);
		await audit(page, browser, baseURL!, javaScriptEnabled);
		expect(await dbRow('select * from actors where id = ?', actorId)).toEqual(before);

		await page.getByLabel('Ligne directe').fill(LINE[project(info)]);
		await page.getByRole('button', { name: 'Enregistrer' }).click();
		await expect(page).toHaveURL(new RegExp(`/espace/structures/${actorId}\\?etat=propose$`));
		const revision = await dbRow<{ status: string; after: string }>(
			"select status, after from revisions where entity = 'actor' and entity_id = ? and author_id = ? order by id desc",
			actorId,
			userId
		);
		expect(revision?.status).toBe('proposed');
		expect(JSON.parse(revision!.after)).toMatchObject({ kind: 'association', presentation, pro_contact_name: REFERENT[project(info)], pro_contact_phone: LINE[project(info)] });
		// Nothing is public before the coordination approves.
		expect(await dbRow('select * from actors where id = ?', actorId)).toEqual(before);
		await page.goto(`/structures/${actorId}`);
		await expect(page.getByRole('region', { name: 'Présentation' })).toContainText('pas encore écrit sa présentation');
	} finally {
		await dbWrite("delete from revisions where entity = 'actor' and entity_id = ? and author_id = ?", actorId, userId);
	}
});

test('déclaration d’accessibilité, mentions légales et plan du site depuis le pied de page ; axe', async ({ page, browser, baseURL, javaScriptEnabled }) => {
	await page.goto('/structures');
	const footer = page.getByRole('contentinfo');
	await footer.getByRole('link', { name: 'Accessibilité : partiellement conforme' }).click();
	await expect(page).toHaveURL(/\/accessibilite$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Déclaration d’accessibilité');
	await expect(page.getByRole('region', { name: 'État de conformité' })).toContainText('partiellement conforme');
	for (const heading of ['Résultats des tests', 'Contenus non accessibles', 'Retour d’information et contact', 'Voies de recours']) {
		await expect(page.getByRole('heading', { name: heading, level: 2 })).toBeVisible();
	}
	await expect(page.getByRole('region', { name: 'Voies de recours' }).getByRole('link', { name: 'Défenseur des droits', exact: true })).toBeVisible();
	await audit(page, browser, baseURL!, javaScriptEnabled);
	await expectReflow(page);

	await page.getByRole('contentinfo').getByRole('link', { name: 'Mentions légales' }).click();
	await expect(page).toHaveURL(/\/mentions-legales$/);
	await expect(page.getByRole('region', { name: 'Éditeur' })).toContainText('Ville de Roubaix');
	// Unconfigured, the host is plainly marked as missing, not made up.
	await expect(page.getByRole('region', { name: 'Hébergement' })).toContainText('[À compléter : nom, adresse et téléphone de l\'hébergeur');
	await expect(page.getByRole('table', { name: 'Sources reprises et licences' })).toContainText('Licence Ouverte 2.0');
	await audit(page, browser, baseURL!, javaScriptEnabled);
	await expectReflow(page);

	await page.getByRole('contentinfo').getByRole('link', { name: 'Plan du site' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Plan du site');
	await expect(page.getByRole('main').getByRole('link', { name: 'Annuaire des structures' })).toHaveAttribute('href', '/structures');
	await audit(page, browser, baseURL!, javaScriptEnabled);
});

test('annuaire : filtres incompris dits en français, liste vide ; axe', async ({ page, browser, baseURL, javaScriptEnabled }) => {
	await page.goto('/structures?niveau=expert&type=entreprise-fantome');
	await settled(page);
	await expect(page.getByRole('alert')).toContainText('Niveau inconnu : « expert ».');
	await expect(page.getByRole('alert')).toContainText('Type de structure inconnu : « entreprise-fantome ».');
	await audit(page, browser, baseURL!, javaScriptEnabled);
	await page.goto('/structures?type=company');
	await settled(page);
	await expect(page.getByRole('heading', { name: /^Aucune structure/ })).toBeVisible();
	await audit(page, browser, baseURL!, javaScriptEnabled);
	await expectReflow(page);
});
