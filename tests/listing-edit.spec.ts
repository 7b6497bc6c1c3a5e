/**
 * Actors keep their listing true, from /espace: editing a place and an offer (hours table
 * included), moderation or direct publication, French errors that change nothing, lost updates,
 * hostile text rendered as text everywhere, « Signaler une erreur », the claim form and the
 * « toujours à jour » confirmation. With and without JavaScript, on the same database: each test
 * takes its own structure for its project and reads the current values first; what a test
 * publishes is rolled back at its end, so the public data set stays the real one.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { APIRequestContext, Browser, BrowserContext, Page, PlaywrightWorkerArgs, TestInfo } from '@playwright/test';
import { actorIdByName, BASE_URL, createUser, dbRow, dbRows, dbWrite, mailsTo, sessionCookie, signInAs, uniqueEmail } from './accounts';
import { analyzablePage, expectNoAxeViolations } from './axe';
import { expect, test } from './fixtures';

// ---------------------------------------------------------------------------------------------------
// The structures each test works on, one per project so the js and nojs runs never share a record.

const ACTORS = {
	moderated: { js: 'Centre social ECHO', nojs: 'Caf du Nord' },
	trusted: { js: 'Centre Social Nautilus', nojs: 'Socopira' },
	invalid: { js: 'BE SQUARE', nojs: 'La Parcelle Collective' },
	conflict: { js: 'PARKOUR 59', nojs: 'AD3S' },
	hostile: { js: 'Accompagnement numérique - ARCADIS', nojs: 'Médiathèque de Roubaix' },
	report: { js: 'ENTREPRISE OUVERTE', nojs: 'fablab Lille' },
	create: { js: 'Agence Pôle Emploi ROUBAIX LES PRES', nojs: 'Agence Pôle Emploi ROUBAIX CENTRE' },
	claim: { js: 'La maison d\'Alfred', nojs: 'Ateliers numériques - Humanis' },
	confirmHere: { js: 'la bobine', nojs: "B'CoWorker Roubaix" },
	weekHours: { js: 'CPAM de Roubaix Tourcoing', nojs: 'MAIRIE DE ROUBAIX QUARTIER DES 3 PONTS' },
	confirmLink: { js: 'Finances Publiques', nojs: 'Borne Esp@ce Internet  - Métro Eurotéléport - Métropole Européenne de Lille' }
} as const;

async function actorFor(kind: keyof typeof ACTORS, info: TestInfo): Promise<{ id: number; name: string }> {
	const name = ACTORS[kind][info.project.name as 'js' | 'nojs'];
	return { id: await actorIdByName(name), name };
}

// ---------------------------------------------------------------------------------------------------
// The database, read as the source of truth.

interface PlaceRow {
	id: number;
	actor_id: number;
	name: string;
	address: string;
	address_complement: string | null;
	postal_code: string;
	commune: string;
	lat: number;
	lon: number;
	phone: string | null;
	email: string | null;
	website: string | null;
	description: string | null;
	version: number;
	updated_at: string;
}

interface OfferRow {
	id: number;
	actor_id: number;
	place_id: number | null;
	hours: string | null;
	description: string | null;
	booking_url: string | null;
	status: string;
	version: number;
	updated_at: string;
	verified_at: string | null;
	verified_how: string | null;
}

// Each read is the row the record has (the tests pick existing ones), hence the casts.
const placeRow = (id: number) => dbRow('select * from places where id = ?', id) as Promise<PlaceRow>;
const offerRow = (id: number) => dbRow('select * from offers where id = ?', id) as Promise<OfferRow>;
const actorRow = (id: number) =>
	dbRow('select id, name, email, website, phone, version, updated_at, trusted from actors where id = ?', id) as Promise<{
		id: number;
		name: string;
		email: string | null;
		website: string | null;
		phone: string | null;
		version: number;
		updated_at: string;
		trusted: number;
	}>;
const placeOf = (actorId: number) => dbRow('select * from places where actor_id = ? order by id limit 1', actorId) as Promise<PlaceRow>;
const offerAt = (placeId: number) => dbRow('select * from offers where place_id = ? order by id limit 1', placeId) as Promise<OfferRow>;
const lastRevisionId = async () => (await dbRow<{ id: number }>('select coalesce(max(id), 0) as id from revisions'))!.id;
const revisionsOf = (entity: string, id: number) =>
	dbRows<{
		id: number;
		status: string;
		author_id: number | null;
		reason: string | null;
	}>('select id, status, author_id, reason from revisions where entity = ? and entity_id = ? order by id', entity, id);
const setTrusted = (actorId: number, trusted: boolean) => dbWrite('update actors set trusted = ? where id = ?', trusted ? 1 : 0, actorId);

/** The date as the public page writes « Vérifié le … ». */
function frenchDate(iso: string): string {
	return new Date(`${iso.slice(0, 10)}T12:00:00Z`).toLocaleDateString('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

// ---------------------------------------------------------------------------------------------------
// The coordinator, through HTTP: approving, and putting the public data back as it was.

const FORM_HEADERS = { Origin: BASE_URL, Accept: 'text/html' };

async function coordinatorApi(playwright: PlaywrightWorkerArgs['playwright'], info: TestInfo): Promise<APIRequestContext> {
	const userId = await createUser(uniqueEmail('coordination', info), 'coordinator');
	const cookie = await sessionCookie(userId);
	return playwright.request.newContext({ baseURL: BASE_URL, extraHTTPHeaders: { ...FORM_HEADERS, Cookie: `session=${cookie.value}` } });
}

/**
 * Rolls back, through the coordinator's history page, every record this test published since
 * `since`: the earliest published version's « before » is what the record looked like.
 */
async function undoPublished(api: APIRequestContext, since: number) {
	const published = await dbRows<{ entity: string; entity_id: number; id: number }>(
		"select entity, entity_id, min(id) as id from revisions where id > ? and status = 'published' and operation = 'update' group by entity, entity_id",
		since
	);
	for (const r of published) {
		const response = await api.post(`/admin/historique/${r.entity}/${r.entity_id}?/rollback`, {
			form: { revision: String(r.id) },
			maxRedirects: 0
		});
		expect([200, 409], `rollback of ${r.entity} ${r.entity_id} to before version ${r.id}`).toContain(response.status());
	}
}

async function memberPage(browser: Browser, baseURL: string, javaScriptEnabled: boolean, email: string, actorIds: number[]) {
	const context = await browser.newContext({ baseURL, locale: 'fr-FR', timezoneId: 'Europe/Paris', javaScriptEnabled });
	await signInAs(context, email, 'member', actorIds);
	return { context, page: await context.newPage() };
}

/**
 * Until SvelteKit has hydrated a page, what is typed may be lost and `use:enhance` is not attached:
 * wait for its modules (network idle) after each navigation. Without JavaScript it costs little.
 */
async function settle(page: Page) {
	await page.waitForLoadState('networkidle');
}

async function open(page: Page, path: string) {
	await page.goto(path);
	await settle(page);
}

function section(page: Page, title: string) {
	return page.locator('section', { has: page.getByRole('heading', { level: 2, name: title, exact: true }) });
}

/** Every time field of the hours table emptied and every day « Non renseigné », so the test decides the whole week. */
async function clearHours(page: Page) {
	for (const field of await page.locator('input[name^="hours_"][type="text"]').all()) await field.fill('');
	for (const day of await page.locator('input[type="radio"][name$="_state"][value="unknown"]').all()) await day.check();
}

async function expectNothingWrittenPlace(before: PlaceRow, revisions: number) {
	const after = await placeRow(before.id);
	expect(after.version, 'version unchanged').toBe(before.version);
	expect(after.updated_at, 'updated_at unchanged').toBe(before.updated_at);
	expect(after).toEqual(before);
	expect(await revisionsOf('place', before.id), 'no revision written').toHaveLength(revisions);
}

// ---------------------------------------------------------------------------------------------------

test.describe('modifier sa fiche depuis /espace', () => {
	test('structure modérée : le lieu et une offre (tableau des horaires) sont envoyés à la coordination, publiés après validation', async ({
		page,
		browser,
		baseURL,
		javaScriptEnabled,
		playwright
	}, info) => {
		const actor = await actorFor('moderated', info);
		await setTrusted(actor.id, false);
		const place = await placeOf(actor.id);
		const offer = await offerAt(place.id);
		const since = await lastRevisionId();
		const coordinator = await coordinatorApi(playwright, info);
		const tag = randomBytes(3).toString('hex');
		const description = `Accueil sans rendez-vous le mardi, salle du premier étage (${info.project.name} ${tag}).`;
		const member = await memberPage(browser, baseURL!, javaScriptEnabled, uniqueEmail('modere', info), [actor.id]);
		try {
			const p = member.page;
			await open(p, '/espace');
			const mine = p.getByRole('region', { name: actor.name });
			await expect(mine).toContainText('Vos modifications sont relues par la coordination de la Ville avant d’être publiées.');
			await mine.getByRole('link', { name: place.name, exact: true }).click();
			await expect(p).toHaveURL(new RegExp(`/espace/lieux/${place.id}$`));
			await settle(p);
			await expect(p.getByRole('heading', { level: 1 })).toHaveText(`Modifier le lieu « ${place.name} »`);
			await expect(p.getByLabel(/^Nom du lieu/)).toHaveValue(place.name);
			await p.getByLabel('Présentation').fill(description);
			await p.getByRole('button', { name: 'Enregistrer', exact: true }).click();
			await expect(p).toHaveURL(new RegExp(`/espace/lieux/${place.id}\\?etat=propose$`));
			await settle(p);
			await expect(p.getByRole('status').filter({ hasText: 'envoyée à la coordination' })).toContainText(
				'Merci : votre modification est envoyée à la coordination de la Ville, qui la relit avant de la publier.'
			);
			await expect(p.getByText(/attend la validation de la coordination/)).toBeVisible();
			await expect(p.getByLabel('Présentation'), 'the form shows the proposal').toHaveValue(description);

			// The offer: the week typed in the table.
			await open(p, `/espace/offres/${offer.id}`);
			await expect(p.getByRole('heading', { level: 1 })).toHaveText(/^Modifier l’offre « .+ »$/);
			await clearHours(p);
			await p.getByLabel('Lundi, plage 1, début').fill('9h');
			await p.getByLabel('Lundi, plage 1, fin').fill('12h');
			await p.getByLabel('Lundi, plage 2, début').fill('14:00');
			await p.getByLabel('Lundi, plage 2, fin').fill('17 h');
			await p.getByLabel('Mercredi, plage 1, début').fill('9 h 30');
			await p.getByLabel('Mercredi, plage 1, fin').fill('1200');
			await p.getByLabel('Fermé les jours fériés').check();
			await p.getByRole('button', { name: 'Vérifier les horaires en clair' }).click();
			await settle(p);
			await expect(p.getByRole('status').filter({ hasText: 'En clair' })).toHaveText(
				'En clair : Lundi : 9 h – 12 h et 14 h – 17 h ; mercredi : 9 h 30 – 12 h ; non renseigné : mardi, jeudi, vendredi, samedi et dimanche ; fermé : jours fériés'
			);
			expect(await offerRow(offer.id), 'the preview writes nothing').toEqual(offer);
			await p.getByRole('button', { name: 'Enregistrer', exact: true }).click();
			await expect(p).toHaveURL(new RegExp(`/espace/offres/${offer.id}\\?etat=propose$`));
			await settle(p);
			await expect(p.getByRole('status').filter({ hasText: 'envoyée à la coordination' })).toBeVisible();
			// The table shows the proposal back, as stored.
			await expect(p.getByLabel('Lundi, plage 2, début')).toHaveValue('14:00');
			await expect(p.getByLabel('Mercredi, plage 1, début')).toHaveValue('09:30');

			// Nothing public yet.
			expect(await placeRow(place.id)).toEqual(place);
			expect(await offerRow(offer.id)).toEqual(offer);
			const placeRevision = (await revisionsOf('place', place.id)).at(-1)!;
			const offerRevision = (await revisionsOf('offer', offer.id)).at(-1)!;
			expect(placeRevision.status).toBe('proposed');
			expect(offerRevision.status).toBe('proposed');
			const proposed = JSON.parse(
				(await dbRow<{ after: string }>('select after from revisions where id = ?', offerRevision.id))!.after
			) as { hours: string };
			expect(proposed.hours).toBe('Mo 09:00-12:00,14:00-17:00; We 09:30-12:00; Tu,Th-Su unknown; PH off');
			await open(page, `/lieux/${place.id}`);
			await expect(page.getByText(description)).toHaveCount(0);
			await expect(page.getByText('Mo 09:00-12:00,14:00-17:00; We 09:30-12:00; Tu,Th-Su unknown; PH off')).toHaveCount(0);

			// The coordinator approves both.
			for (const revision of [placeRevision, offerRevision]) {
				const response = await coordinator.post(`/admin/revisions/${revision.id}?/approve`, { form: {}, maxRedirects: 0 });
				expect(response.status()).toBe(200);
				expect(await response.text()).toContain('Modification acceptée et publiée.');
			}
			expect((await offerRow(offer.id)).hours).toBe('Mo 09:00-12:00,14:00-17:00; We 09:30-12:00; Tu,Th-Su unknown; PH off');
			expect((await offerRow(offer.id)).version).toBe(offer.version + 1);
			expect((await placeRow(place.id)).description).toBe(description);

			// The public page, in plain French.
			await open(page, `/lieux/${place.id}`);
			await expect(section(page, 'Présentation')).toContainText(description);
			const offerSection = page.locator(`section[aria-labelledby="offre-${offer.id}"]`);
			const week = offerSection.locator('table.week');
			await expect(week.locator('tr')).toHaveCount(7);
			const expected: Record<string, string> = {
				// Left empty in the table: « non renseigné », not « fermé » (issue 15).
				Lundi: '9 h – 12 h et 14 h – 17 h',
				Mardi: 'non renseigné',
				Mercredi: '9 h 30 – 12 h',
				Jeudi: 'non renseigné',
				Vendredi: 'non renseigné',
				Samedi: 'non renseigné',
				Dimanche: 'non renseigné'
			};
			for (const [day, text] of Object.entries(expected)) {
				await expect(week.locator('tr', { has: page.locator('th', { hasText: new RegExp(`^${day}$`) }) }).locator('td'), day).toHaveText(text);
			}
			await expect(offerSection.locator('p.osm code')).toHaveText('Mo 09:00-12:00,14:00-17:00; We 09:30-12:00; Tu,Th-Su unknown; PH off');
		} finally {
			await member.context.close();
			await undoPublished(coordinator, since);
			await coordinator.dispose();
		}
		expect((await placeRow(place.id)).description, 'rolled back').toBe(place.description);
		expect((await offerRow(offer.id)).hours).toBe(offer.hours);
	});

	test('horaires : « Fermé » et « Non renseigné » se distinguent, une semaine presque fermée est demandée avant publication', async ({
		page,
		browser,
		baseURL,
		javaScriptEnabled,
		playwright
	}, info) => {
		const actor = await actorFor('weekHours', info);
		await setTrusted(actor.id, true);
		const place = await placeOf(actor.id);
		const offer = await offerAt(place.id);
		const since = await lastRevisionId();
		const coordinator = await coordinatorApi(playwright, info);
		const member = await memberPage(browser, baseURL!, javaScriptEnabled, uniqueEmail('semaine', info), [actor.id]);
		const day = (p: Page, name: string) => p.getByRole('group', { name, exact: true });
		try {
			const p = member.page;
			await open(p, `/espace/offres/${offer.id}`);
			await clearHours(p);
			// Monday and Wednesday open, the weekend closed, the other days unknown.
			await day(p, 'Lundi').getByLabel('Horaires').check();
			await p.getByLabel('Lundi, plage 1, début').fill('9h');
			await p.getByLabel('Lundi, plage 1, fin').fill('12h');
			await day(p, 'Mercredi').getByLabel('Horaires').check();
			await p.getByLabel('Mercredi, plage 1, début').fill('14h');
			await p.getByLabel('Mercredi, plage 1, fin').fill('17h');
			for (const name of ['Mardi', 'Jeudi', 'Vendredi']) await day(p, name).getByLabel('Non renseigné').check();
			for (const name of ['Samedi', 'Dimanche']) await day(p, name).getByLabel('Fermé').check();
			await p.getByRole('button', { name: 'Vérifier les horaires en clair' }).click();
			await settle(p);
			await expect(p.getByRole('status').filter({ hasText: 'En clair' })).toHaveText(
				'En clair : Lundi : 9 h – 12 h ; mercredi : 14 h – 17 h ; non renseigné : mardi, jeudi et vendredi ; fermé : samedi et dimanche'
			);
			await expect(day(p, 'Mardi').getByLabel('Non renseigné')).toBeChecked();
			await expect(day(p, 'Samedi').getByLabel('Fermé')).toBeChecked();
			await expectNoAxeViolations(await analyzablePage(p, browser, baseURL!, javaScriptEnabled));
			if (javaScriptEnabled) await p.locator('#horaires').screenshot({ path: 'docs/screenshots/horaires-editeur.png' });
			await p.getByRole('button', { name: 'Enregistrer', exact: true }).click();
			await expect(p).toHaveURL(new RegExp(`/espace/offres/${offer.id}\\?etat=publie$`));
			expect((await offerRow(offer.id)).hours).toBe('Mo 09:00-12:00; We 14:00-17:00; Tu,Th,Fr unknown');

			// The public page says « fermé » only for the days declared closed.
			await open(page, `/lieux/${place.id}`);
			const week = page.locator(`section[aria-labelledby="offre-${offer.id}"]`).locator('table.week');
			const expected: Record<string, string> = {
				Lundi: '9 h – 12 h',
				Mardi: 'non renseigné',
				Mercredi: '14 h – 17 h',
				Jeudi: 'non renseigné',
				Vendredi: 'non renseigné',
				Samedi: 'fermé',
				Dimanche: 'fermé'
			};
			for (const [name, text] of Object.entries(expected)) {
				await expect(week.locator('tr', { has: page.locator('th', { hasText: new RegExp(`^${name}$`) }) }).locator('td'), name).toHaveText(text);
			}

			// Five days closed: the server asks first, and writes nothing.
			const before = await offerRow(offer.id);
			await open(p, `/espace/offres/${offer.id}`);
			await expect(day(p, 'Mardi').getByLabel('Non renseigné'), 'the stored week reads back').toBeChecked();
			for (const name of ['Mardi', 'Jeudi', 'Vendredi']) await day(p, name).getByLabel('Fermé').check();
			await p.getByRole('button', { name: 'Enregistrer', exact: true }).click();
			await settle(p);
			const question = p.getByRole('region', { name: 'Publier une semaine fermée 5 jours sur 7 ?' });
			await expect(question).toContainText('« Fermé » le mardi, jeudi, vendredi, samedi et dimanche');
			expect(await offerRow(offer.id), 'nothing written before the answer').toEqual(before);
			await expect(day(p, 'Jeudi').getByLabel('Fermé'), 'the form is kept as typed').toBeChecked();
			await expectNoAxeViolations(await analyzablePage(p, browser, baseURL!, javaScriptEnabled));
			if (javaScriptEnabled) await p.screenshot({ path: 'docs/screenshots/horaires-confirmation.png' });
			await question.getByRole('button', { name: 'Oui, publier' }).click();
			await expect(p).toHaveURL(new RegExp(`/espace/offres/${offer.id}\\?etat=publie$`));
			expect((await offerRow(offer.id)).hours).toBe('Mo 09:00-12:00; We 14:00-17:00');
		} finally {
			await member.context.close();
			await undoPublished(coordinator, since);
			await coordinator.dispose();
			await setTrusted(actor.id, false);
		}
		expect((await offerRow(offer.id)).hours, 'rolled back').toBe(offer.hours);
	});

	test('structure vérifiée : la modification est publiée tout de suite', async ({ page, browser, baseURL, javaScriptEnabled, playwright }, info) => {
		const actor = await actorFor('trusted', info);
		const place = await placeOf(actor.id);
		const since = await lastRevisionId();
		const coordinator = await coordinatorApi(playwright, info);
		await setTrusted(actor.id, true);
		const complement = `Bâtiment B, ${info.project.name} ${randomBytes(3).toString('hex')}`;
		const member = await memberPage(browser, baseURL!, javaScriptEnabled, uniqueEmail('verifiee', info), [actor.id]);
		try {
			const p = member.page;
			await open(p, '/espace');
			await expect(p.getByRole('region', { name: actor.name })).toContainText('Vos modifications sont publiées tout de suite.');
			await open(p, `/espace/lieux/${place.id}`);
			await p.getByLabel('Complément d’adresse').fill(complement);
			await p.getByRole('button', { name: 'Enregistrer', exact: true }).click();
			await expect(p).toHaveURL(new RegExp(`/espace/lieux/${place.id}\\?etat=publie$`));
			await settle(p);
			await expect(p.getByRole('status').filter({ hasText: 'Enregistré' })).toHaveText(
				'Enregistré : la modification est publiée sur la carte.'
			);
			await expect(p.getByText(/attend la validation/)).toHaveCount(0);

			const now = await placeRow(place.id);
			expect(now.address_complement).toBe(complement);
			expect(now.version).toBe(place.version + 1);
			const revision = (await revisionsOf('place', place.id)).at(-1)!;
			expect(revision.status).toBe('published');
			await open(page, `/lieux/${place.id}`);
			await expect(page.locator('.address')).toContainText(complement);
		} finally {
			await member.context.close();
			await setTrusted(actor.id, false);
			await undoPublished(coordinator, since);
			await coordinator.dispose();
		}
		expect((await placeRow(place.id)).address_complement).toBe(place.address_complement);
	});

	test('une saisie fausse : erreurs en français à côté des champs, saisie gardée, rien d’écrit', async ({ page, context, consoleErrors }, info) => {
		// Without JavaScript the refused form comes back as a 400 page; the structure form never uses fetch.
		consoleErrors.allow(/status of 400/);
		const actor = await actorFor('invalid', info);
		const place = await placeOf(actor.id);
		const offer = await offerAt(place.id);
		const actorBefore = await actorRow(actor.id);
		const placeRevisions = (await revisionsOf('place', place.id)).length;
		const offerRevisions = (await revisionsOf('offer', offer.id)).length;
		const actorRevisions = (await revisionsOf('actor', actor.id)).length;
		await signInAs(context, uniqueEmail('fautes', info), 'member', [actor.id]);

		// The place.
		await open(page, `/espace/lieux/${place.id}`);
		await page.getByLabel(/^Nom du lieu/).fill('');
		await page.getByLabel(/^Code postal/).fill('591');
		await page.getByLabel(/^Latitude/).fill('48,8566');
		await page.getByLabel(/^Longitude/).fill('2,3522');
		await page.getByLabel('Téléphone').fill('12 34');
		await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
		await settle(page);
		const summary = page.getByRole('alert').filter({ hasText: 'rien n’a été enregistré' });
		await expect(summary.getByRole('heading')).toHaveText('5 champs sont à corriger ; rien n’a été enregistré.');
		const fields: [RegExp | string, string, string][] = [
			[/^Nom du lieu/, '', 'Indiquez le nom du lieu.'],
			[/^Code postal/, '591', 'Le code postal compte 5 chiffres (exemple : 59100).'],
			[/^Latitude/, '48,8566', 'Ce point est en dehors de Roubaix : choisissez-le sur la carte ou vérifiez l’adresse.'],
			[/^Longitude/, '2,3522', 'Ce point est en dehors de Roubaix : choisissez-le sur la carte ou vérifiez l’adresse.'],
			['Téléphone', '12 34', 'Numéro de téléphone français attendu, à 10 chiffres (exemple : 03 20 00 00 00).']
		];
		for (const [label, value, message] of fields) {
			const field = page.getByLabel(label);
			await expect(field, String(label)).toHaveValue(value);
			await expect(field, String(label)).toHaveAttribute('aria-invalid', 'true');
			await expect(field, String(label)).toHaveAccessibleDescription(new RegExp(message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
		}
		// Fields without a mistake keep what was there.
		await expect(page.getByLabel(/^Adresse/)).toHaveValue(place.address);
		await expectNothingWrittenPlace(place, placeRevisions);

		// The offer: « 25h » is no time.
		await open(page, `/espace/offres/${offer.id}`);
		await clearHours(page);
		await page.getByLabel('Mardi, plage 1, début').fill('25h');
		await page.getByLabel('Mardi, plage 1, fin').fill('12h');
		await page.getByLabel('Lien de prise de rendez-vous (facultatif)').fill('rendez-vous chez nous');
		await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
		await settle(page);
		await expect(page.getByRole('alert').filter({ hasText: 'rien n’a été enregistré' }).getByRole('heading')).toHaveText(
			'2 champs sont à corriger ; rien n’a été enregistré.'
		);
		const from = page.getByLabel('Mardi, plage 1, début');
		await expect(from).toHaveValue('25h');
		await expect(from).toHaveAttribute('aria-invalid', 'true');
		await expect(from).toHaveAccessibleDescription('Heure invalide : écrivez par exemple 9 h 30 ou 09:30.');
		await expect(page.getByLabel('Mardi, plage 1, fin')).toHaveValue('12h');
		const booking = page.getByLabel('Lien de prise de rendez-vous (facultatif)');
		await expect(booking).toHaveValue('rendez-vous chez nous');
		await expect(booking).toHaveAccessibleDescription(/Lien de rendez-vous invalide : il commence par https:\/\/ ou http:\/\//);
		expect(await offerRow(offer.id), 'offer unchanged').toEqual(offer);
		expect(await revisionsOf('offer', offer.id)).toHaveLength(offerRevisions);

		// The structure.
		await open(page, `/espace/structures/${actor.id}`);
		await page.getByLabel(/^Nom/).fill('   ');
		await page.getByLabel('E-mail de contact').fill('contact@');
		await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
		await settle(page);
		await expect(page.getByLabel(/^Nom/)).toHaveAccessibleDescription('Indiquez le nom de la structure.');
		await expect(page.getByLabel('E-mail de contact')).toHaveValue('contact@');
		await expect(page.getByLabel('E-mail de contact')).toHaveAccessibleDescription(
			/Adresse e-mail invalide \(exemple : contact@association-roubaix\.fr\)\./
		);
		expect(await actorRow(actor.id)).toEqual(actorBefore);
		expect(await revisionsOf('actor', actor.id)).toHaveLength(actorRevisions);
		await expectNothingWrittenPlace(place, placeRevisions);
	});

	test('deux personnes modifient le même lieu : la seconde est refusée, voit ce qui a changé, rien n’est écrasé', async ({
		browser,
		baseURL,
		javaScriptEnabled,
		playwright
	}, info) => {
		const actor = await actorFor('conflict', info);
		const place = await placeOf(actor.id);
		const since = await lastRevisionId();
		const coordinator = await coordinatorApi(playwright, info);
		await setTrusted(actor.id, true);
		const tag = `${info.project.name} ${randomBytes(3).toString('hex')}`;
		const first = await memberPage(browser, baseURL!, javaScriptEnabled, uniqueEmail('premiere', info), [actor.id]);
		const second = await memberPage(browser, baseURL!, javaScriptEnabled, uniqueEmail('seconde', info), [actor.id]);
		const consoleErrors: string[] = [];
		second.page.on('console', (m) => {
			if (m.type() === 'error' && !/status of 409/.test(m.text())) consoleErrors.push(m.text());
		});
		try {
			await open(first.page, `/espace/lieux/${place.id}`);
			await open(second.page, `/espace/lieux/${place.id}`);

			await first.page.getByLabel('Présentation').fill(`Première version ${tag}`);
			await first.page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
			await expect(first.page).toHaveURL(/\?etat=publie$/);
			await settle(first.page);
			const afterFirst = await placeRow(place.id);
			expect(afterFirst.description).toBe(`Première version ${tag}`);
			expect(afterFirst.version).toBe(place.version + 1);

			await second.page.getByLabel('Présentation').fill(`Seconde version ${tag}`);
			await second.page.getByLabel('Complément d’adresse').fill(`Porte 2 ${tag}`);
			const [response] = await Promise.all([
				second.page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes(`/espace/lieux/${place.id}`)),
				second.page.getByRole('button', { name: 'Enregistrer', exact: true }).click()
			]);
			if (!javaScriptEnabled) expect(response.status()).toBe(409);
			const box = second.page.getByRole('alert').filter({ hasText: 'Quelqu’un a modifié cette fiche' });
			await expect(box.getByRole('heading')).toHaveText('Quelqu’un a modifié cette fiche pendant que vous la remplissiez');
			await expect(box).toContainText('Rien n’a été enregistré');
			const changed = box.getByRole('table');
			const row = changed.getByRole('row').filter({ has: second.page.getByRole('rowheader', { name: 'Description', exact: true }) });
			await expect(row.locator('del')).toHaveText(new RegExp(`${place.description ?? '\\(vide\\)'}$`));
			await expect(row.locator('ins')).toHaveText(new RegExp(`Première version ${tag}$`));
			await box.getByText('Ce que vous aviez saisi').click();
			await expect(box.locator('dl')).toContainText(`Seconde version ${tag}`);
			await expect(box.locator('dl')).toContainText(`Porte 2 ${tag}`);
			const now = await placeRow(place.id);
			expect(now, 'the first person’s values are kept, nothing of the second written').toEqual(afterFirst);
			expect((await revisionsOf('place', place.id)).filter((r) => r.id > since)).toHaveLength(1);

			// As the notice says, the form now starts from the current record: redoing the change on it works.
			await expect(second.page.getByLabel('Présentation')).toHaveValue(`Première version ${tag}`);
			await expect(second.page.locator('input[type="hidden"][name="version"]')).toHaveValue(String(afterFirst.version));
			await second.page.getByLabel('Présentation').fill(`Première version ${tag}, complétée`);
			await second.page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
			await expect(second.page).toHaveURL(/\?etat=publie$/);
			await settle(second.page);
			expect((await placeRow(place.id)).description).toBe(`Première version ${tag}, complétée`);
			expect((await placeRow(place.id)).version).toBe(afterFirst.version + 1);
			expect(consoleErrors).toEqual([]);
		} finally {
			await first.context.close();
			await second.context.close();
			await setTrusted(actor.id, false);
			await undoPublished(coordinator, since);
			await coordinator.dispose();
		}
	});

	test('un membre propose un nouveau lieu, puis une nouvelle offre dans ce lieu', async ({ page, context, consoleErrors }, info) => {
		consoleErrors.allow(/status of 404/);
		const actor = await actorFor('create', info);
		await setTrusted(actor.id, false);
		const place = await placeOf(actor.id);
		const since = await lastRevisionId();
		const tag = `${info.project.name} ${randomBytes(3).toString('hex')}`;
		await signInAs(context, uniqueEmail('nouveau', info), 'member', [actor.id]);
		const creations = () =>
			dbRows<{ entity: string; status: string; after: string }>(
				"select entity, status, after from revisions where id > ? and actor_id = ? and operation = 'create' order by id",
				since,
				actor.id
			);

		await open(page, `/espace/structures/${actor.id}`);
		await page.getByRole('link', { name: 'Ajouter un lieu' }).click();
		await expect(page).toHaveURL(new RegExp(`/espace/lieux/nouveau\\?structure=${actor.id}$`));
		await settle(page);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Ajouter un lieu à « ${actor.name} »`);
		await page.getByLabel(/^Nom du lieu/).fill(`Antenne du quartier ${tag}`);
		await page.getByLabel(/^Adresse/).fill('45 rue de l’Épeule');
		await page.getByLabel(/^Latitude/).fill('50,6870');
		await page.getByLabel(/^Longitude/).fill('3,1640');
		await page.getByRole('button', { name: 'Proposer ce lieu' }).click();
		await expect(page).toHaveURL(new RegExp(`/espace/structures/${actor.id}\\?etat=propose$`));
		await settle(page);
		await expect(page.getByRole('status').filter({ hasText: 'envoyée à la coordination' })).toBeVisible();
		expect((await creations()).map((r) => [r.entity, r.status])).toEqual([['place', 'proposed']]);
		expect(JSON.parse((await creations())[0]!.after)).toMatchObject({ name: `Antenne du quartier ${tag}`, postal_code: '59100', lat: 50.687, lon: 3.164 });

		await open(page, `/espace/structures/${actor.id}`);
		await page
			.getByRole('listitem')
			.filter({ has: page.getByRole('link', { name: place.name, exact: true }) })
			.getByRole('link', { name: 'Ajouter une offre dans ce lieu' })
			.click();
		await expect(page).toHaveURL(new RegExp(`/espace/offres/nouvelle\\?lieu=${place.id}$`));
		await settle(page);
		await page.getByRole('radio', { name: /^Niveau 2/ }).check();
		await page.getByRole('group', { name: 'Besoins auxquels l’offre répond' }).getByRole('checkbox').first().check();
		await page.getByLabel('Vendredi, plage 1, début').fill('14h');
		await page.getByLabel('Vendredi, plage 1, fin').fill('16h30');
		await page.getByRole('button', { name: 'Proposer cette offre' }).click();
		await expect(page).toHaveURL(new RegExp(`/espace/structures/${actor.id}\\?etat=propose$`));
		await settle(page);
		expect((await creations()).map((r) => [r.entity, r.status])).toEqual([
			['place', 'proposed'],
			['offer', 'proposed']
		]);
		expect(JSON.parse((await creations())[1]!.after)).toMatchObject({ place_id: place.id, level: 'learn', hours: 'Fr 14:00-16:30; Mo-Th,Sa,Su unknown' });
	});

	test('du texte hostile reste du texte : fiche publique, formulaire, modération, journal', async ({
		page,
		context,
		browser,
		baseURL,
		javaScriptEnabled,
		playwright,
		consoleErrors
	}, info) => {
		if (!javaScriptEnabled) consoleErrors.allow(/status of 400/);
		const A = '<script>alert(1)</script>';
		const B = '"><img src=x onerror=alert(1)>';
		const actor = await actorFor('hostile', info);
		await setTrusted(actor.id, false);
		const place = await placeOf(actor.id);
		const offer = await offerAt(place.id);
		const since = await lastRevisionId();
		const tag = `${info.project.name}-${randomBytes(3).toString('hex')}`;
		const api = await coordinatorApi(playwright, info);
		const dialogs: string[] = [];
		const watch = (p: Page) => p.on('dialog', (d) => void (dialogs.push(`${p.url()}: ${d.message()}`), d.dismiss()));
		watch(page);
		const member = await memberPage(browser, baseURL!, javaScriptEnabled, uniqueEmail('hostile', info), [actor.id]);
		watch(member.page);
		const coordinatorEmail = uniqueEmail('coordination-hostile', info);
		await signInAs(context, coordinatorEmail, 'coordinator');
		const noInjectedMarkup = async (p: Page, where: string) => {
			await expect(p.locator('img[src="x"]'), `${where}: no injected image`).toHaveCount(0);
			// SvelteKit's own data script may carry the text, escaped as JSON; an injected one would be `alert(1)` alone.
			expect(await p.locator('script').evaluateAll((s) => s.filter((e) => e.textContent?.trim() === 'alert(1)').length), `${where}: no injected script`).toBe(0);
			expect(await p.locator('[onerror]').count(), `${where}: no injected handler`).toBe(0);
		};

		const names = {
			actor: `${A} Structure ${tag}`,
			place: `Lieu ${A} ${tag}`,
			address: `12 rue ${B}`,
			complement: A,
			commune: B,
			description: `${A} puis ${B}`,
			labels: [A, B],
			offerDescription: `${B} ${A}`,
			closure: `Fermé pour ${A} ${B}`
		};
		try {
			const p = member.page;
			// Structure: a hostile name; hostile contact fields are refused and echoed as text.
			await open(p, `/espace/structures/${actor.id}`);
			const website = await p.getByLabel('Site web').inputValue();
			const email = await p.getByLabel('E-mail de contact').inputValue();
			await p.getByLabel(/^Nom/).fill(names.actor);
			await p.getByLabel('Site web').fill(B);
			await p.getByLabel('E-mail de contact').fill(A);
			await p.getByRole('button', { name: 'Enregistrer', exact: true }).click();
			await settle(p);
			await expect(p.getByLabel('Site web')).toHaveAccessibleDescription(/Adresse web invalide/);
			await expect(p.getByLabel('Site web')).toHaveValue(B);
			await expect(p.getByLabel('E-mail de contact')).toHaveValue(A);
			await expect(p.getByLabel(/^Nom/)).toHaveValue(names.actor);
			await noInjectedMarkup(p, 'structure form with errors');
			await p.getByLabel('Site web').fill(website);
			await p.getByLabel('E-mail de contact').fill(email);
			await p.getByRole('button', { name: 'Enregistrer', exact: true }).click();
			await expect(p).toHaveURL(/\?etat=propose$/);
			await settle(p);

			// Place: every free-text field.
			await open(p, `/espace/lieux/${place.id}`);
			await p.getByLabel(/^Nom du lieu/).fill(names.place);
			await p.getByLabel(/^Adresse/).fill(names.address);
			await p.getByLabel('Complément d’adresse').fill(names.complement);
			await p.getByLabel('Commune').fill(names.commune);
			await p.getByLabel('Présentation').fill(names.description);
			const phone = await p.getByLabel('Téléphone').inputValue();
			await p.getByLabel('Téléphone').fill(B);
			await p.getByRole('button', { name: 'Enregistrer', exact: true }).click();
			await settle(p);
			await expect(p.getByLabel('Téléphone')).toHaveAccessibleDescription(/Numéro de téléphone français attendu/);
			await expect(p.getByLabel('Téléphone')).toHaveValue(B);
			await expect(p.getByLabel(/^Nom du lieu/)).toHaveValue(names.place);
			await expect(p.getByRole('alert').filter({ hasText: 'rien n’a été enregistré' })).toBeVisible();
			await noInjectedMarkup(p, 'place form with errors');
			await p.getByLabel('Téléphone').fill(phone);
			await p.getByRole('button', { name: 'Enregistrer', exact: true }).click();
			await expect(p).toHaveURL(/\?etat=propose$/);
			await settle(p);
			// The edit page shows the proposal back, as text in the fields.
			await expect(p.getByLabel(/^Nom du lieu/)).toHaveValue(names.place);
			await expect(p.getByLabel(/^Adresse/)).toHaveValue(names.address);
			await expect(p.getByLabel('Complément d’adresse')).toHaveValue(names.complement);
			await expect(p.getByLabel('Commune')).toHaveValue(names.commune);
			await expect(p.getByLabel('Présentation')).toHaveValue(names.description);
			await noInjectedMarkup(p, 'place form');

			// Offer: labels, description, closure message; a hostile language is refused as text.
			await open(p, `/espace/offres/${offer.id}`);
			await p.getByLabel('Autres labels (un par ligne)').fill(names.labels.join('\n'));
			await p.getByLabel('Description (facultatif)').fill(names.offerDescription);
			await p.getByRole('radio', { name: 'Fermée temporairement' }).check();
			await p.getByLabel('Fermée à partir du').fill(new Date().toISOString().slice(0, 10));
			await p.getByLabel('Message affiché (facultatif)').fill(names.closure);
			await p.getByLabel('Autres langues (facultatif)').fill(A);
			await p.getByRole('button', { name: 'Enregistrer', exact: true }).click();
			await settle(p);
			await expect(p.getByRole('alert').filter({ hasText: 'rien n’a été enregistré' })).toContainText(`Langue inconnue : « ${A.split(/[\s,;/]+/)[0]}`);
			await expect(p.getByLabel('Message affiché (facultatif)')).toHaveValue(names.closure);
			await noInjectedMarkup(p, 'offer form with errors');
			await p.getByLabel('Autres langues (facultatif)').fill('');
			await p.getByRole('button', { name: 'Enregistrer', exact: true }).click();
			await expect(p).toHaveURL(/\?etat=propose$/);
			await settle(p);
			await expect(p.getByLabel('Autres labels (un par ligne)')).toHaveValue(names.labels.join('\n'));
			await expect(p.getByLabel('Description (facultatif)')).toHaveValue(names.offerDescription);
			await noInjectedMarkup(p, 'offer form');

			// The member’s own list of changes names them as text.
			await open(p, '/espace');
			await expect(p.getByRole('cell', { name: `lieu « ${names.place} »` })).toBeVisible();
			await noInjectedMarkup(p, '/espace');

			// Moderation: the queue, each diff, then approval.
			const revisions = await dbRows<{ id: number; entity: string }>(
				"select id, entity from revisions where id > ? and status = 'proposed' and actor_id = ? order by id",
				since,
				actor.id
			);
			expect(revisions.map((r) => r.entity)).toEqual(['actor', 'place', 'offer']);
			await open(page, '/admin/revisions');
			await expect(page.getByRole('link', { name: `lieu « ${names.place} »` })).toBeVisible();
			await expect(page.getByRole('link', { name: `structure « ${names.actor} »` })).toBeVisible();
			await noInjectedMarkup(page, '/admin/revisions');
			const shown: Record<string, string[]> = {
				actor: [names.actor],
				place: [names.place, names.address, names.complement, names.commune, names.description],
				offer: [names.offerDescription, names.closure, A, B]
			};
			for (const revision of revisions) {
				await open(page, `/admin/revisions/${revision.id}`);
				const diff = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Proposé' }) });
				for (const text of shown[revision.entity]!) {
					await expect(diff.locator('ins').filter({ hasText: text }).first(), `${revision.entity}: ${text}`).toBeVisible();
				}
				await noInjectedMarkup(page, `/admin/revisions/${revision.id}`);
				await page.getByRole('button', { name: 'Accepter et publier' }).click();
				await settle(page);
				await expect(page.getByRole('status').filter({ hasText: 'Modification acceptée' })).toBeVisible();
			}

			// The public page.
			await open(page, `/lieux/${place.id}`);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(names.place);
			await expect(page).toHaveTitle(`${names.place} · Inclusion numérique à Roubaix`);
			await expect(page.locator('.address')).toContainText(`${names.address}, ${names.complement}`);
			await expect(page.locator('.address')).toContainText(names.commune);
			await expect(section(page, 'Présentation')).toContainText(names.description);
			const offerSection = page.locator(`section[aria-labelledby="offre-${offer.id}"]`);
			await expect(offerSection.getByRole('status')).toContainText(names.closure);
			await expect(offerSection).toContainText(`${A} · ${B}`);
			await noInjectedMarkup(page, 'public page');

			// The journal and the outbox name the records as text.
			await open(page, '/admin/journal');
			await expect(page.getByRole('link', { name: `lieu « ${names.place} »` }).first()).toBeVisible();
			await expect(page.getByRole('link', { name: `structure « ${names.actor} »` }).first()).toBeVisible();
			await noInjectedMarkup(page, '/admin/journal');
			await open(page, '/admin/courriels');
			await expect(page.getByText(`Modification publiée : lieu « ${names.place} »`).first()).toBeVisible();
			await noInjectedMarkup(page, '/admin/courriels');
			expect((await mailsTo(coordinatorEmail)).some((m) => m.subject.includes(names.place))).toBe(true);
			expect(dialogs, 'no dialog ever opened').toEqual([]);
		} finally {
			await member.context.close();
			await undoPublished(api, since);
			await api.dispose();
		}
		expect((await actorRow(actor.id)).name).toBe(actor.name);
		expect((await placeRow(place.id)).name).toBe(place.name);
		expect((await offerRow(offer.id)).status).toBe(offer.status);
	});
});

test.describe('signaler, demander, confirmer', () => {
	test('« Signaler une erreur » arrive dans /admin/signalements', async ({ page, browser, baseURL, consoleErrors, javaScriptEnabled }, info) => {
		consoleErrors.allow(/status of 400/);
		const actor = await actorFor('report', info);
		const place = await placeOf(actor.id);
		const message = `Le samedi c’est fermé depuis septembre (${info.project.name} ${randomBytes(3).toString('hex')}).`;
		await open(page, `/lieux/${place.id}`);
		await page.getByRole('link', { name: 'Signaler une erreur sur ce lieu' }).click();
		await expect(page).toHaveURL(new RegExp(`/lieux/${place.id}/signaler$`));
		await settle(page);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Signaler une erreur');
		await expect(page.getByRole('main')).toContainText(`Lieu : ${place.name}`);

		// Nothing chosen: a French error, nothing stored.
		const reports = () => dbRows('select reason, message, status from error_reports where place_id = ? order by id', place.id);
		const before = (await reports()).length;
		await page.getByRole('button', { name: 'Envoyer le signalement' }).click();
		await settle(page);
		await expect(page.getByRole('group', { name: /Qu’est-ce qui est faux/ })).toContainText('Choisissez ce qui est faux.');
		await page.getByRole('radio', { name: 'Autre chose' }).check();
		await page.getByRole('button', { name: 'Envoyer le signalement' }).click();
		await settle(page);
		await expect(page.getByLabel('Précisions (facultatif)')).toHaveAccessibleDescription(/Dites en quelques mots ce qui est faux\./);
		expect(await reports()).toHaveLength(before);

		await page.getByRole('radio', { name: 'Les horaires' }).check();
		await page.getByLabel('Précisions (facultatif)').fill(message);
		await page.getByRole('button', { name: 'Envoyer le signalement' }).click();
		await settle(page);
		await expect(page.getByRole('status')).toContainText('Merci ! Votre signalement est transmis à la coordination');
		expect((await reports()).at(-1)).toEqual({ reason: 'hours', message, status: 'open' });

		const coordinator = await coordinatorPage(browser, baseURL!, javaScriptEnabled, info);
		try {
			await open(coordinator.page, '/admin/signalements');
			const item = coordinator.page.getByRole('article').filter({ hasText: message });
			await expect(item.getByRole('heading')).toHaveText(`${place.name} : Les horaires`);
			await expect(item.getByRole('link', { name: place.name, exact: true })).toHaveAttribute('href', `/lieux/${place.id}`);
		} finally {
			await coordinator.context.close();
		}
	});

	test('la demande de gestion d’une fiche arrive dans /admin/demandes', async ({ page, browser, baseURL, javaScriptEnabled, consoleErrors }, info) => {
		consoleErrors.allow(/status of 400/);
		const actor = await actorFor('claim', info);
		const place = await placeOf(actor.id);
		const coordinator = await coordinatorPage(browser, baseURL!, javaScriptEnabled, info);
		const email = uniqueEmail('demande', info);
		const name = `Camille Martin, médiatrice ${randomBytes(2).toString('hex')}`;
		try {
			await open(page, `/lieux/${place.id}`);
			await page.getByRole('link', { name: 'demander à la gérer' }).click();
			await expect(page).toHaveURL(new RegExp(`/espace/demande\\?structure=${actor.id}$`));
			await settle(page);
			await expect(page.getByLabel(/^Structure/)).toHaveValue(String(actor.id));
			await page.getByLabel('Votre nom et votre fonction').fill(name);
			await page.getByLabel('Votre adresse e-mail professionnelle').fill('pas une adresse');
			await page.getByRole('button', { name: 'Envoyer la demande' }).click();
			await settle(page);
			await expect(page.getByLabel('Votre adresse e-mail professionnelle')).toHaveAccessibleDescription(/Adresse e-mail invalide/);
			await expect(page.getByLabel('Votre nom et votre fonction')).toHaveValue(name);
			expect(await dbRow('select count(*) as n from claims where email = ?', email)).toEqual({ n: 0 });

			await page.getByLabel('Votre adresse e-mail professionnelle').fill(email);
			await page.getByLabel('Message pour la coordination (facultatif)').fill('Je m’occupe de l’accueil numérique.');
			await page.getByRole('button', { name: 'Envoyer la demande' }).click();
			await settle(page);
			await expect(page.getByRole('status')).toContainText(`Votre demande pour « ${actor.name} » est envoyée à la coordination`);
			const claim = (await dbRow<{ id: number; actor_id: number; name: string; status: string }>('select id, actor_id, name, status from claims where email = ?', email))!;
			expect(claim).toMatchObject({ actor_id: actor.id, name, status: 'pending' });
			expect((await mailsTo(coordinator.email)).map((m) => m.subject)).toContain(`Demande de gestion : ${actor.name}`);

			await open(coordinator.page, '/admin/demandes');
			const item = coordinator.page.locator(`#demande-${claim.id}`);
			await expect(item.getByRole('heading')).toHaveText(`${name} pour « ${actor.name} »`);
			await expect(item).toContainText(email);
			await expect(item).toContainText('Je m’occupe de l’accueil numérique.');
			await expect(item.getByRole('button', { name: /^Accepter/ })).toBeVisible();
		} finally {
			await coordinator.context.close();
		}
	});

	test('« Mes informations sont toujours à jour » depuis /espace met à jour « Vérifié le … (par la structure) »', async ({ page, context }, info) => {
		const actor = await actorFor('confirmHere', info);
		const place = await placeOf(actor.id);
		await dbWrite("update offers set verified_at = '2021-03-01T10:00:00.000Z', verified_how = 'import' where actor_id = ?", actor.id);
		await open(page, `/lieux/${place.id}`);
		await expect(page.locator('.fresh')).toContainText('Vérifié le 1 mars 2021 (import de la cartographie nationale).');

		const userId = await signInAs(context, uniqueEmail('a-jour', info), 'member', [actor.id]);
		await open(page, '/espace');
		const mine = page.getByRole('region', { name: actor.name });
		await mine.getByRole('button', { name: 'Mes informations sont toujours à jour' }).click();
		await settle(page);
		await expect(page.getByRole('status')).toHaveText(`Merci : les informations de « ${actor.name} » sont marquées comme vérifiées aujourd’hui.`);

		const offers = await dbRows<{ verified_at: string; verified_how: string }>('select verified_at, verified_how from offers where actor_id = ?', actor.id);
		expect(offers.length).toBeGreaterThan(0);
		for (const o of offers) {
			expect(o.verified_how).toBe('structure');
			expect(Date.now() - new Date(o.verified_at).getTime()).toBeLessThan(120_000);
		}
		const today = offers[0]!.verified_at;
		await open(page, `/lieux/${place.id}`);
		await expect(page.locator('.fresh .badge')).toHaveText('À jour');
		await expect(page.locator('.fresh')).toContainText(`Vérifié le ${frenchDate(today)} (par la structure).`);
		expect(await dbRow("select count(*) as n from audit_log where action = 'actor.confirmed' and entity_id = ? and user_id = ?", actor.id, userId)).toEqual({ n: 1 });
	});

	test('« Mes informations sont toujours à jour » depuis le lien d’une campagne (/confirmer/…)', async ({ page }, info) => {
		const actor = await actorFor('confirmLink', info);
		const place = await placeOf(actor.id);
		await dbWrite("update offers set verified_at = '2020-06-15T10:00:00.000Z', verified_how = 'import' where actor_id = ?", actor.id);
		const raw = randomBytes(32).toString('base64url');
		const now = new Date();
		await dbWrite(
			'insert into tokens (hash, purpose, actor_id, created_at, expires_at) values (?, ?, ?, ?, ?)',
			createHash('sha256').update(raw).digest('hex'),
			'confirm',
			actor.id,
			now.toISOString(),
			new Date(now.getTime() + 60 * 86_400_000).toISOString()
		);
		await open(page, `/lieux/${place.id}`);
		await expect(page.locator('.fresh')).toContainText('Vérifié le 15 juin 2020 (import de la cartographie nationale).');

		await open(page, `/confirmer/${raw}`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mes informations sont-elles à jour ?');
		await expect(page.getByRole('main')).toContainText(`Structure : ${actor.name}`);
		await expect(page.getByRole('link', { name: place.name })).toHaveAttribute('href', `/lieux/${place.id}`);
		await page.getByRole('button', { name: 'Mes informations sont toujours à jour' }).click();
		await settle(page);
		await expect(page.getByRole('status')).toHaveText(
			`Merci ! Les informations de « ${actor.name} » sont marquées comme vérifiées aujourd’hui par la structure.`
		);
		const verified = (await dbRow<{ verified_at: string; verified_how: string }>('select verified_at, verified_how from offers where actor_id = ? order by id', actor.id))!;
		expect(verified.verified_how).toBe('structure');
		await open(page, `/lieux/${place.id}`);
		await expect(page.locator('.fresh .badge')).toHaveText('À jour');
		await expect(page.locator('.fresh')).toContainText(`Vérifié le ${frenchDate(verified.verified_at)} (par la structure).`);

		// The link served once.
		await open(page, `/confirmer/${raw}`);
		await expect(page.getByRole('alert')).toHaveText(/^Ce lien a déjà servi/);
		await expect(page.getByRole('button', { name: 'Mes informations sont toujours à jour' })).toHaveCount(0);
	});
});

/** A coordinator's browser page of their own, next to the test's page. */
async function coordinatorPage(browser: Browser, baseURL: string, javaScriptEnabled: boolean, info: TestInfo) {
	const email = uniqueEmail('coordination', info);
	const context: BrowserContext = await browser.newContext({ baseURL, locale: 'fr-FR', timezoneId: 'Europe/Paris', javaScriptEnabled });
	await signInAs(context, email, 'coordinator');
	return { context, email, page: await context.newPage() };
}
