/**
 * The Petit-déjeuner, as a person does it, with JavaScript on and off: the next edition is on
 * /reseau, a participant registers and gets the mail with the calendar file, a second one goes on
 * the waiting list, the same address twice is refused politely, the first cancels by the link in
 * the mail and the second gets the seat by mail. The coordinator creates an edition (a refused
 * form keeps what was typed) and sees the list. axe on every page and state.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Browser, Page } from '@playwright/test';
import { BASE_URL, dbInsertId, dbRow, dbRows, dbWrite, lastLinkTo, mailsTo, signInAs, uniqueEmail } from './accounts';
import { expectNoAxeViolations } from './axe';
import { expect, settled, test } from './fixtures';

/** axe on the page as it is now (after a POST too): without JavaScript, its HTML in a scriptable copy. */
async function axe(page: Page, browser: Browser) {
	if (test.info().project.use.javaScriptEnabled !== false) return expectNoAxeViolations(page);
	const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, '');
	const context = await browser.newContext({ javaScriptEnabled: true, baseURL: BASE_URL, locale: 'fr-FR' });
	const copy = await context.newPage();
	const url = page.url();
	await copy.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
	await copy.goto(url);
	try {
		await expectNoAxeViolations(copy);
	} finally {
		await context.close();
	}
}

/** A date `days` from today, YYYY-MM-DD: the server runs on the real clock, so the edition must be ahead of it. */
const daysAhead = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

const numberOf = () => (test.info().project.use.javaScriptEnabled === false ? 902 : 901);

async function removeEdition(number: number) {
	await dbWrite('delete from network_registrations where edition_id in (select id from network_editions where number = ?)', number);
	await dbWrite('delete from network_editions where number = ?', number);
}

test.describe('le Petit-déjeuner : inscription, liste d’attente, annulation', () => {
	test.afterEach(async () => {
		await removeEdition(numberOf());
		await removeEdition(numberOf() + 10);
	});

	test('une participante s’inscrit, reçoit l’invitation .ics, annule, et la première en attente obtient la place', async ({ page, browser, consoleErrors }, info) => {
		// A refused form answers 400, which Chromium logs.
		consoleErrors.allow(/status of 400 \(Bad Request\)/);
		const number = numberOf();
		await removeEdition(number);
		const stamp = new Date().toISOString();
		await dbInsertId(
			`insert into network_editions (number, held_on, starts_at, ends_at, theme, title, place_name, capacity, registration_open, created_at, updated_at)
			 values (?, ?, '09:00', '11:30', 'health', ?, 'Salle d’essai', 1, 1, ?, ?) returning id`,
			number,
			daysAhead(30),
			`Édition d’essai ${info.project.name}`,
			stamp,
			stamp
		);

		await page.goto('/reseau');
		await settled(page);
		const next = page.getByRole('region', { name: /Prochaine/ });
		await expect(next.getByRole('link', { name: `#${number} · Édition d’essai ${info.project.name}` })).toBeVisible();
		await expect(next).toContainText('1 place restante');
		await expect(page.getByRole('region', { name: 'Éditions passées' }).getByRole('link', { name: /^#10 · FORMATIONS ET MÉTIERS DU NUMÉRIQUE/ })).toBeVisible();
		await axe(page, browser);
		if (info.project.name === 'js') await page.screenshot({ path: 'docs/screenshots/reseau.png', fullPage: true });

		await page.goto(`/reseau/${number}`);
		await settled(page);
		await expect(page.getByText('Elles sont effacées 3 mois après la rencontre', { exact: false })).toBeVisible();
		await axe(page, browser);
		if (info.project.name === 'js') await page.screenshot({ path: 'docs/screenshots/reseau-inscription.png', fullPage: true });

		// A refused form keeps what was typed.
		const first = uniqueEmail('reseau-premiere', info);
		await page.getByLabel('Adresse e-mail').fill(first);
		await page.getByLabel('Besoins d’accessibilité ou alimentaires (facultatif)').fill('Accès en fauteuil');
		await page.getByRole('button', { name: 'M’inscrire' }).click();
		await expect(page.getByRole('alert').first()).toContainText('Indiquez vos nom et prénom.');
		await expect(page.getByLabel('Adresse e-mail')).toHaveValue(first);
		await expect(page.getByLabel('Besoins d’accessibilité ou alimentaires (facultatif)')).toHaveValue('Accès en fauteuil');
		await expect(page.getByText('Choisissez votre structure dans la liste').first()).toBeVisible();
		await axe(page, browser);

		await settled(page);
		await page.getByLabel('Nom et prénom').fill('Première Participante');
		await page.getByRole('combobox', { name: /^Votre structure/ }).selectOption({ label: 'Ville de Roubaix' });
		await page.getByRole('button', { name: 'M’inscrire' }).click();
		await expect(page.getByRole('status')).toContainText('Votre inscription est confirmée');
		await axe(page, browser);
		const confirmation = (await mailsTo(first)).at(-1)!;
		expect(confirmation.subject).toBe(`Inscription confirmée : Petit-déjeuner de l’inclusion numérique #${number}`);
		const raw = (await dbRow<{ raw: string }>('select raw from outbox where id = ?', confirmation.id))!.raw;
		expect(raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=PUBLISH/i);
		expect(raw).toContain(`filename=petit-dejeuner-${number}.ics`);

		// The same address again: refused politely, nothing written.
		await page.goto(`/reseau/${number}`);
		await settled(page);
		await page.getByLabel('Nom et prénom').fill('Première Participante');
		await page.getByLabel('Adresse e-mail').fill(first.toUpperCase());
		await page.getByLabel('Votre structure, si elle n’est pas dans la liste').fill('Association des essais');
		await page.getByRole('button', { name: 'M’inscrire' }).click();
		await expect(page.getByText('Cette adresse e-mail est déjà inscrite à cette édition').first()).toBeVisible();
		await expect(page.getByLabel('Votre structure, si elle n’est pas dans la liste')).toHaveValue('Association des essais');

		// The second goes on the waiting list.
		const second = uniqueEmail('reseau-seconde', info);
		await page.goto(`/reseau/${number}`);
		await settled(page);
		await expect(page.getByText('L’édition est complète')).toBeVisible();
		await page.getByLabel('Nom et prénom').fill('Seconde Participante');
		await page.getByLabel('Adresse e-mail').fill(second);
		await page.getByLabel('Votre structure, si elle n’est pas dans la liste').fill('Association des essais');
		await page.getByRole('button', { name: 'M’inscrire' }).click();
		await expect(page.getByRole('status')).toContainText('vous êtes sur la liste d’attente');
		expect((await mailsTo(second)).at(-1)!.subject).toBe(`Liste d’attente : Petit-déjeuner de l’inclusion numérique #${number}`);

		// The first cancels by the link of her mail: the page shows a button, the POST cancels.
		const cancel = await lastLinkTo(first, '/reseau/annuler/');
		await page.goto(new URL(cancel).pathname);
		await settled(page);
		await axe(page, browser);
		await page.getByRole('button', { name: 'Annuler mon inscription' }).click();
		await expect(page.getByRole('status')).toContainText('Votre inscription est annulée');
		await axe(page, browser);
		const promoted = (await mailsTo(second)).at(-1)!;
		expect(promoted.subject).toBe(`Une place s’est libérée : Petit-déjeuner de l’inclusion numérique #${number}`);
		expect((await dbRow<{ raw: string }>('select raw from outbox where id = ?', promoted.id))!.raw).toContain(`filename=petit-dejeuner-${number}.ics`);
		const statuses = await dbRows<{ email: string; status: string }>(
			'select email, status from network_registrations where edition_id = (select id from network_editions where number = ?) order by id',
			number
		);
		expect(statuses).toEqual([
			{ email: first, status: 'cancelled' },
			{ email: second, status: 'confirmed' }
		]);

		// The link served once.
		await page.goto(new URL(cancel).pathname);
		await expect(page.getByRole('alert')).toContainText('déjà annulée');
	});

	test('la coordination crée une édition (un formulaire refusé garde la saisie) et voit les inscrits', async ({ page, context, browser, consoleErrors }, info) => {
		consoleErrors.allow(/status of 400 \(Bad Request\)/);
		const number = numberOf() + 10;
		await removeEdition(number);
		await signInAs(context, uniqueEmail('reseau-coord', info), 'coordinator');
		await page.goto('/admin/reseau');
		await settled(page);
		await axe(page, browser);
		await page.getByRole('link', { name: 'Créer une édition' }).click();
		await settled(page);
		await axe(page, browser);
		await page.getByLabel('Numéro de l’édition').fill(String(number));
		await page.getByLabel('Titre').fill(`Essai de création ${info.project.name}`);
		await page.getByLabel('Date').fill(daysAhead(60));
		await page.getByLabel('Programme (facultatif)').fill('Accueil, puis ateliers');
		await page.getByLabel('Inscriptions ouvertes').check();
		await page.getByRole('button', { name: 'Créer l’édition' }).click();
		await expect(page.getByText('Indiquez le nombre de places pour ouvrir les inscriptions.').first()).toBeVisible();
		await expect(page.getByLabel('Programme (facultatif)')).toHaveValue('Accueil, puis ateliers');
		await expect(page.getByLabel('Titre')).toHaveValue(`Essai de création ${info.project.name}`);
		await axe(page, browser);
		await settled(page);
		await page.getByLabel('Nombre de places (facultatif)').fill('40');
		await page.getByLabel('Thématique du réseau').selectOption({ label: 'Numérique en santé' });
		await page.getByRole('button', { name: 'Créer l’édition' }).click();
		await expect(page.getByRole('status')).toHaveText('L’édition est créée.');
		await expect(page.getByText('Personne n’est inscrit pour l’instant.')).toBeVisible();
		await axe(page, browser);
		const row = await dbRow<{ capacity: number; registration_open: number; theme: string }>('select capacity, registration_open, theme from network_editions where number = ?', number);
		expect(row).toEqual({ capacity: 40, registration_open: 1, theme: 'health' });
	});

	test('une ressource publiée se trouve par thématique et par mots ; un fichier qui n’est pas ce que dit son nom est refusé en français', async ({ page, context, browser, request, consoleErrors }, info) => {
		consoleErrors.allow(/status of 400 \(Bad Request\)/);
		const title = `Guide Mon Espace Santé ${info.project.name} ${Date.now().toString(36)}`;
		await signInAs(context, uniqueEmail('reseau-ressources', info), 'coordinator');
		const before = (await dbRow<{ n: number }>('select count(*) as n from network_resources'))!.n;
		await page.goto('/admin/reseau/ressources');
		await settled(page);
		await axe(page, browser);

		// A PNG named .pdf: refused, in French, what was typed kept, nothing written.
		await page.getByLabel('Titre').fill(title);
		await page.getByLabel('Description (facultatif)').fill('Le support de l’atelier santé');
		await page.getByRole('checkbox', { name: 'Numérique en santé' }).check();
		const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
		await page.getByLabel('Fichier', { exact: true }).setInputFiles({ name: 'compte-rendu.pdf', mimeType: 'application/pdf', buffer: png });
		await page.getByRole('button', { name: 'Publier la ressource' }).click();
		await expect(page.getByText('Ce fichier n’est pas un PDF comme son nom l’indique : son contenu est une image PNG.').first()).toBeVisible();
		await expect(page.getByLabel('Titre')).toHaveValue(title);
		await expect(page.getByLabel('Description (facultatif)')).toHaveValue('Le support de l’atelier santé');
		await expect(page.getByRole('checkbox', { name: 'Numérique en santé' })).toBeChecked();
		expect((await dbRow<{ n: number }>('select count(*) as n from network_resources'))!.n).toBe(before);
		await axe(page, browser);

		// The real PDF.
		await settled(page);
		const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
		await page.getByLabel('Fichier', { exact: true }).setInputFiles({ name: 'guide-santé.pdf', mimeType: 'application/pdf', buffer: pdf });
		await page.getByRole('button', { name: 'Publier la ressource' }).click();
		await expect(page.getByRole('status')).toHaveText('La ressource est publiée.');
		const id = (await dbRow<{ id: number }>('select id from network_resources where title = ?', title))!.id;

		try {
			// Found by theme, then by words (accents and case aside), with and without JavaScript: a GET form.
			await page.goto('/reseau/ressources');
			await settled(page);
			await page.getByLabel('Thématique').selectOption({ label: 'Numérique en santé' });
			await page.getByRole('button', { name: 'Chercher' }).click();
			await expect(page).toHaveURL(/theme=health/);
			await expect(page.getByRole('link', { name: title })).toBeVisible();
			await axe(page, browser);
			await page.goto(`/reseau/ressources?q=${encodeURIComponent('mon espace sante ' + info.project.name.toUpperCase())}`);
			await expect(page.getByRole('link', { name: title })).toBeVisible();
			await page.goto('/reseau/ressources?theme=cybersecurity&q=' + encodeURIComponent(title));
			await expect(page.getByRole('heading', { name: 'Aucune ressource pour cette recherche' })).toBeVisible();
			await axe(page, browser);

			// A place whose offers meet the health need links to the resources of that theme.
			const place = (await dbRow<{ place_id: number }>("select place_id from offers where tags like '%\"health\"%' and place_id is not null order by place_id limit 1"))!.place_id;
			await page.goto(`/lieux/${place}`);
			await page.getByRole('region', { name: 'Ressources du réseau' }).getByRole('link', { name: 'Numérique en santé' }).click();
			await expect(page).toHaveURL(/\/reseau\/ressources\?theme=health$/);
			await expect(page.getByRole('link', { name: title })).toBeVisible();

			const file = await request.get(`/reseau/ressources/${id}`);
			expect(file.status()).toBe(200);
			expect(file.headers()['content-type']).toBe('application/pdf');
			expect(file.headers()['x-content-type-options']).toBe('nosniff');
			expect(file.headers()['content-disposition']).toBe(`inline; filename="guide-sant_.pdf"; filename*=UTF-8''guide-sant%C3%A9.pdf`);
			expect(Buffer.from(await file.body())).toEqual(pdf);
		} finally {
			await dbWrite('delete from network_resources where id = ?', id);
		}
	});

	test('l’enquête sur les priorités : la coordination l’ouvre, une membre et une participante répondent une fois, les résultats sont publics une fois close', async ({ page, context, browser, consoleErrors }, info) => {
		consoleErrors.allow(/status of 400 \(Bad Request\)/);
		const title = `Enquête d’essai ${info.project.name} ${Date.now().toString(36)}`;
		const coordinator = await context.browser()!.newContext({ javaScriptEnabled: info.project.use.javaScriptEnabled !== false, baseURL: BASE_URL, locale: 'fr-FR' });
		const admin = await coordinator.newPage();
		await signInAs(coordinator, uniqueEmail('reseau-enquete-coord', info), 'coordinator');
		let surveyId = 0;
		try {
			await admin.goto('/admin/reseau/enquete');
			await settled(admin);
			await axe(admin, browser);
			await admin.getByLabel('Titre de l’enquête').fill(title);
			await admin.getByLabel('Nombre de thématiques que chacun peut choisir').fill('2');
			await admin.getByRole('button', { name: 'Ouvrir l’enquête' }).click();
			await expect(admin.getByRole('status')).toHaveText('L’enquête est ouverte.');
			surveyId = (await dbRow<{ id: number }>('select id from network_surveys where title = ?', title))!.id;
			await axe(admin, browser);

			// A member answers signed in; too many ticks are refused and kept.
			await signInAs(context, uniqueEmail('reseau-enquete-membre', info), 'member');
			await page.goto('/reseau/enquete');
			await settled(page);
			await axe(page, browser);
			for (const label of ['Numérique en santé', 'Cybersécurité et culture des médias', 'Accès aux droits']) await page.getByRole('checkbox', { name: label }).check();
			await page.getByRole('button', { name: 'Envoyer ma réponse' }).click();
			await expect(page.getByRole('alert')).toHaveText('Cochez 2 thématiques au plus.');
			await expect(page.getByRole('checkbox', { name: 'Accès aux droits' })).toBeChecked();
			await axe(page, browser);
			await settled(page);
			await page.getByRole('checkbox', { name: 'Accès aux droits' }).uncheck();
			await page.getByRole('button', { name: 'Envoyer ma réponse' }).click();
			await expect(page.getByRole('status')).toContainText('Votre réponse est enregistrée');
			await page.goto('/reseau/enquete');
			await expect(page.getByRole('status')).toHaveText('Vous avez déjà répondu à cette enquête. Merci !');

			// A past participant answers by the link of her invitation, once.
			const raw = randomBytes(32).toString('base64url');
			await dbInsertId('insert into network_survey_invitations (survey_id, email, token_hash, created_at) values (?, ?, ?, ?) returning id', surveyId, uniqueEmail('reseau-enquete-invitee', info), createHash('sha256').update(raw).digest('hex'), new Date().toISOString());
			await page.goto(`/reseau/enquete/${raw}`);
			await settled(page);
			await axe(page, browser);
			await page.getByRole('checkbox', { name: 'Numérique en santé' }).check();
			await page.getByRole('button', { name: 'Envoyer ma réponse' }).click();
			await expect(page.getByRole('status')).toContainText('Votre réponse est enregistrée');
			await page.goto(`/reseau/enquete/${raw}`);
			await expect(page.getByRole('alert')).toContainText('Vous avez déjà répondu');

			// Closed: the results are public.
			await admin.goto('/admin/reseau/enquete');
			await settled(admin);
			await admin.getByRole('button', { name: 'Clôturer et publier les résultats' }).click();
			await expect(admin.getByRole('status')).toContainText('L’enquête est close');
			await page.goto('/reseau');
			const table = page.getByRole('table', { name: new RegExp(`Résultats de l’enquête « ${title} » \\(2 réponses\\)`) });
			await expect(table.getByRole('row', { name: 'Numérique en santé 2 personnes' })).toBeVisible();
			await expect(table.getByRole('row', { name: 'Cybersécurité et culture des médias 1 personne' })).toBeVisible();
			await axe(page, browser);
		} finally {
			await dbWrite('delete from network_survey_answers where survey_id = ?', surveyId);
			await dbWrite('delete from network_survey_invitations where survey_id = ?', surveyId);
			await dbWrite('delete from network_surveys where id = ?', surveyId);
			await coordinator.close();
		}
	});
});
