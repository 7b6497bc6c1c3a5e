/**
 * Passwordless accounts: a sign-in link by e-mail (15 minutes, single use), the session cookie,
 * signing out, the guards of /espace and /admin, and the `retour` parameter. With and without
 * JavaScript; mail is read from the local outbox the test server writes to.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Page } from '@playwright/test';
import { actorIdByName, BASE_URL, createUser, dbRow, dbWrite, lastLinkTo, mailsTo, sessionCookie, uniqueEmail } from './accounts';
import { expect, settled, test } from './fixtures';

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** The token of a /connexion/lien link. */
function tokenOf(link: string): string {
	const token = new URL(link).searchParams.get('jeton');
	if (!token) throw new Error(`pas de jeton dans ${link}`);
	return token;
}

/** A sign-in token written as the app writes it, for the tests that need one without a mail. */
async function issueSignInToken(userId: number): Promise<string> {
	const raw = randomBytes(32).toString('base64url');
	const now = new Date();
	await dbWrite(
		'insert into tokens (hash, purpose, user_id, created_at, expires_at) values (?, ?, ?, ?, ?)',
		sha256(raw),
		'sign_in',
		userId,
		now.toISOString(),
		new Date(now.getTime() + 15 * 60_000).toISOString()
	);
	return raw;
}

function tokenRow(raw: string) {
	return dbRow<{ id: number; used_at: string | null; expires_at: string }>('select id, used_at, expires_at from tokens where hash = ?', sha256(raw));
}

async function sessionsOf(userId: number): Promise<number> {
	return (await dbRow<{ n: number }>('select count(*) as n from sessions where user_id = ?', userId))!.n;
}

/** Asks for a sign-in link through the page, as a person would. */
async function requestLink(page: Page, email: string, path = '/connexion') {
	await page.goto(path);
	// Typed before hydration, the address is wiped when the page hydrates: the form then goes empty.
	await settled(page);
	await page.getByLabel('Adresse e-mail').fill(email);
	// Wait for the server's answer (a fetch with JavaScript, a page without): the mail is written before it.
	const answered = page.waitForResponse((r) => r.request().method() === 'POST');
	await page.getByRole('button', { name: 'Recevoir un lien de connexion' }).click();
	await answered;
}

const nav = (page: Page) => page.getByRole('navigation', { name: 'Navigation principale' });

test.describe('connexion par lien', () => {
	test('on demande un lien, on le lit dans le courriel, on l’ouvre et on arrive connecté·e sur /espace', async ({ page, context }, info) => {
		const email = uniqueEmail('lien', info);
		const userId = await createUser(email, 'member');
		await page.goto('/');
		await nav(page).getByRole('link', { name: 'Espace structures' }).click();
		await expect(page).toHaveURL(/\/connexion$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Espace des structures');

		await settled(page);
		await page.getByLabel('Adresse e-mail').fill(`  ${email.toUpperCase()} `);
		await page.getByRole('button', { name: 'Recevoir un lien de connexion' }).click();
		const sent = page.getByRole('status');
		await expect(sent).toContainText('Regardez votre messagerie');
		await expect(sent).toContainText(`Si un compte existe pour ${email}, un lien de connexion vient d’y être envoyé.`);
		await expect(sent).toContainText('Il fonctionne une seule fois, pendant 15 minutes.');

		const mails = await mailsTo(email);
		expect(mails).toHaveLength(1);
		expect(mails[0]!.subject).toBe('Votre lien de connexion');
		expect(mails[0]!.text).toContain('Il fonctionne une seule fois, pendant 15 minutes.');
		const link = await lastLinkTo(email, '/connexion/lien');
		expect(new URL(link).origin, 'the link points to this site').toBe(BASE_URL);
		const token = tokenOf(link);
		const stored = await tokenRow(token);
		expect(stored, 'the token is stored (hashed) in the database').toBeDefined();
		const lifetime = new Date(stored!.expires_at).getTime() - Date.now();
		expect(lifetime).toBeGreaterThan(14 * 60_000);
		expect(lifetime).toBeLessThanOrEqual(15 * 60_000);

		// Opening the link only shows a button (a mail scanner following it spends nothing).
		await page.goto(link);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Connexion');
		expect((await tokenRow(token))!.used_at, 'opening the link does not use it').toBeNull();
		expect(await sessionsOf(userId)).toBe(0);
		await page.getByRole('button', { name: 'Me connecter' }).click();

		await expect(page).toHaveURL(/\/espace$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mon espace');
		await expect(nav(page).getByRole('link', { name: 'Mon espace' })).toBeVisible();
		await expect(nav(page).getByRole('button', { name: /Se déconnecter/ })).toBeVisible();
		await expect(nav(page).getByRole('link', { name: 'Espace structures' })).toHaveCount(0);
		await expect(nav(page).getByRole('link', { name: 'Coordination' }), 'a member is not offered the coordination').toHaveCount(0);
		expect((await tokenRow(token))!.used_at).not.toBeNull();
		expect(await sessionsOf(userId)).toBe(1);
		expect((await context.cookies()).filter((c) => c.name === 'session')).toHaveLength(1);
	});

	test('la coordination qui se connecte arrive sur le tableau de bord de la coordination ; un retour sûr passe avant', async ({ page, context }, info) => {
		const email = uniqueEmail('coordination-lien', info);
		await createUser(email, 'coordinator');
		await requestLink(page, email);
		await page.goto(await lastLinkTo(email, '/connexion/lien'));
		await page.getByRole('button', { name: 'Me connecter' }).click();
		await expect(page).toHaveURL(/\/admin$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Coordination de l’inclusion numérique');

		// Sent to /connexion by a guarded page, the coordinator comes back to that page.
		await context.clearCookies();
		await page.goto('/admin/journal');
		await expect(page).toHaveURL(/\/connexion\?retour=%2Fadmin%2Fjournal$/);
		await settled(page);
		await page.getByLabel('Adresse e-mail').fill(email);
		await page.getByRole('button', { name: 'Recevoir un lien de connexion' }).click();
		await expect(page.getByRole('status')).toContainText('Regardez votre messagerie');
		await page.goto(await lastLinkTo(email, '/connexion/lien'));
		await page.getByRole('button', { name: 'Me connecter' }).click();
		await expect(page).toHaveURL(/\/admin\/journal$/);
	});

	test('une adresse inconnue reçoit exactement la même réponse, et aucun courriel', async ({ page }, info) => {
		const known = uniqueEmail('connu', info);
		const unknown = uniqueEmail('inconnu', info);
		await createUser(known, 'member');

		const answers: string[] = [];
		for (const email of [known, unknown]) {
			await requestLink(page, email);
			const main = page.getByRole('main');
			await expect(main.getByRole('status')).toBeVisible();
			answers.push(((await main.innerText()) ?? '').replaceAll(email, '<adresse>'));
		}
		expect(answers[1], 'the page does not tell whether the address has an account').toBe(answers[0]);
		expect(await mailsTo(known)).toHaveLength(1);
		expect(await mailsTo(unknown)).toHaveLength(0);
		expect(await dbRow('select count(*) as n from users where email = ?', unknown)).toEqual({ n: 0 });
	});

	test('une adresse mal écrite reçoit un message en français, la saisie est gardée', async ({ page, consoleErrors }) => {
		consoleErrors.allow(/status of 400/);
		await requestLink(page, 'pas-une-adresse');
		const field = page.getByLabel('Adresse e-mail');
		await expect(field).toHaveValue('pas-une-adresse');
		await expect(field).toHaveAttribute('aria-invalid', 'true');
		await expect(field).toHaveAccessibleDescription(/Adresse e-mail invalide : elle doit ressembler à nom@exemple\.fr\./);
		await expect(page.getByRole('status')).toHaveCount(0);
	});

	test('un lien déjà servi affiche « déjà servi » et n’ouvre aucune session', async ({ page, browser, baseURL }, info) => {
		const email = uniqueEmail('deux-fois', info);
		const userId = await createUser(email, 'member');
		await requestLink(page, email);
		const link = await lastLinkTo(email, '/connexion/lien');
		await page.goto(link);
		await page.getByRole('button', { name: 'Me connecter' }).click();
		await expect(page).toHaveURL(/\/espace$/);
		expect(await sessionsOf(userId)).toBe(1);

		// Someone else (or the same person later) opens the same link.
		const other = await browser.newContext({ baseURL, locale: 'fr-FR' });
		try {
			const second = await other.newPage();
			await second.goto(link);
			const problem = second.getByRole('alert');
			await expect(problem).toHaveText('Ce lien a déjà servi : chaque lien ne fonctionne qu’une fois. Demandez-en un nouveau.');
			await expect(second.getByRole('button', { name: 'Me connecter' })).toHaveCount(0);
			await expect(second.getByRole('link', { name: 'Demander un nouveau lien' })).toHaveAttribute('href', '/connexion');
			// Posting the token anyway is refused too.
			const forced = await other.request.post('/connexion/lien', {
				form: { jeton: tokenOf(link), retour: '/espace' },
				headers: { Origin: BASE_URL, Accept: 'text/html' },
				maxRedirects: 0
			});
			expect(forced.status()).toBe(400);
			expect(forced.headers()['set-cookie'] ?? '').not.toContain('session=');
			expect(await forced.text()).toContain('déjà servi');
			expect((await other.cookies()).filter((c) => c.name === 'session')).toHaveLength(0);
			expect(await sessionsOf(userId), 'still only the first session').toBe(1);
		} finally {
			await other.close();
		}
	});

	test('un lien expiré affiche « expiré »', async ({ page, consoleErrors }, info) => {
		const email = uniqueEmail('expire', info);
		const userId = await createUser(email, 'member');
		await requestLink(page, email);
		const link = await lastLinkTo(email, '/connexion/lien');
		const token = tokenOf(link);
		// Sixteen minutes later.
		await dbWrite('update tokens set expires_at = ? where hash = ?', new Date(Date.now() - 60_000).toISOString(), sha256(token));

		await page.goto(link);
		await expect(page.getByRole('alert')).toHaveText('Ce lien a expiré. Demandez-en un nouveau.');
		await expect(page.getByRole('button', { name: 'Me connecter' })).toHaveCount(0);
		consoleErrors.allow(/status of 400/);
		const forced = await page.request.post('/connexion/lien', {
			form: { jeton: token },
			headers: { Origin: BASE_URL, Accept: 'text/html' },
			maxRedirects: 0
		});
		expect(forced.status()).toBe(400);
		expect(await forced.text()).toContain('Ce lien a expiré');
		expect(await sessionsOf(userId)).toBe(0);
		expect((await tokenRow(token))!.used_at, 'an expired token is not used up').toBeNull();
	});

	test('un lien abîmé affiche « pas valide »', async ({ page }, info) => {
		const email = uniqueEmail('abime', info);
		const userId = await createUser(email, 'member');
		await requestLink(page, email);
		const link = new URL(await lastLinkTo(email, '/connexion/lien'));
		const token = tokenOf(link.href);
		const flipped = token.slice(0, -4) + (token.endsWith('AAAA') ? 'BBBB' : 'AAAA');
		for (const garbled of [flipped, token.slice(0, 12), `${token}'--`, '']) {
			link.searchParams.set('jeton', garbled);
			await page.goto(link.href);
			await expect(page.getByRole('alert'), `jeton « ${garbled} »`).toHaveText(
				'Ce lien n’est pas valide. Vérifiez qu’il a été copié en entier, ou demandez-en un nouveau.'
			);
			await expect(page.getByRole('button', { name: 'Me connecter' })).toHaveCount(0);
		}
		expect(await sessionsOf(userId)).toBe(0);
		expect((await tokenRow(token))!.used_at).toBeNull();
	});

	test('une 4e demande pour la même adresse en 15 minutes est refusée en français', async ({ page, consoleErrors }, info) => {
		consoleErrors.allow(/status of 429/);
		const email = uniqueEmail('quatre', info);
		await createUser(email, 'member');
		for (let i = 1; i <= 3; i++) {
			await requestLink(page, email);
			await expect(page.getByRole('status'), `request ${i}`).toContainText('Regardez votre messagerie');
		}
		expect(await mailsTo(email)).toHaveLength(3);

		await page.goto('/connexion');
		await settled(page);
		await page.getByLabel('Adresse e-mail').fill(email);
		const [response] = await Promise.all([
			page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/connexion'),
			page.getByRole('button', { name: 'Recevoir un lien de connexion' }).click()
		]);
		expect(response.status()).toBe(429);
		const field = page.getByLabel('Adresse e-mail');
		await expect(field).toHaveAccessibleDescription(/Trop de demandes de lien en peu de temps\. Réessayez dans un quart d’heure\./);
		await expect(field).toHaveValue(email);
		await expect(page.getByRole('status')).toHaveCount(0);
		expect(await mailsTo(email), 'no fourth mail').toHaveLength(3);
	});
});

test.describe('session', () => {
	test('le cookie de session est HttpOnly et SameSite=Lax', async ({ page, context, playwright, javaScriptEnabled }, info) => {
		const email = uniqueEmail('cookie', info);
		const userId = await createUser(email, 'member');
		await requestLink(page, email);
		await page.goto(await lastLinkTo(email, '/connexion/lien'));
		await page.getByRole('button', { name: 'Me connecter' }).click();
		await expect(page).toHaveURL(/\/espace$/);

		const cookie = (await context.cookies()).find((c) => c.name === 'session');
		expect(cookie).toBeDefined();
		expect(cookie!.httpOnly).toBe(true);
		expect(cookie!.sameSite).toBe('Lax');
		expect(cookie!.path).toBe('/');
		const days = (cookie!.expires * 1000 - Date.now()) / 86_400_000;
		expect(days, 'the session lasts a week').toBeGreaterThan(6.9);
		// Cookie expiry is kept in whole seconds, read here a moment after the browser set it: a few
		// seconds of slack (a run once read 7.000009 days, 0.8 s over).
		expect(days).toBeLessThanOrEqual(7 + 5 / 86_400);
		if (javaScriptEnabled) {
			expect(await page.evaluate(() => document.cookie), 'scripts cannot read the session').not.toContain('session=');
		}

		// The header itself, as the server writes it.
		const api = await playwright.request.newContext({ baseURL: BASE_URL });
		try {
			const response = await api.post('/connexion/lien', {
				form: { jeton: await issueSignInToken(userId), retour: '/espace' },
				headers: { Origin: BASE_URL, Accept: 'text/html' },
				maxRedirects: 0
			});
			expect(response.status()).toBe(303);
			const header = response.headers()['set-cookie'] ?? '';
			expect(header).toMatch(/^session=[A-Za-z0-9_-]{20,}/);
			expect(header).toMatch(/;\s*HttpOnly/i);
			expect(header).toMatch(/;\s*SameSite=Lax/i);
			expect(header).toMatch(/;\s*Path=\//i);
		} finally {
			await api.dispose();
		}
	});

	test('se déconnecter termine la session : /espace renvoie ensuite vers /connexion', async ({ page, context, browser, baseURL }, info) => {
		const email = uniqueEmail('sortie', info);
		const userId = await createUser(email, 'member');
		const cookie = await sessionCookie(userId);
		await context.addCookies([cookie]);
		await page.goto('/espace');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mon espace');
		expect(await sessionsOf(userId)).toBe(1);

		await nav(page).getByRole('button', { name: /Se déconnecter/ }).click();
		await expect(page).toHaveURL(`${BASE_URL}/`);
		await expect(nav(page).getByRole('link', { name: 'Espace structures' })).toBeVisible();
		await expect(nav(page).getByRole('link', { name: 'Mon espace' })).toHaveCount(0);
		expect(await sessionsOf(userId), 'the session is deleted on the server').toBe(0);
		expect((await context.cookies()).filter((c) => c.name === 'session')).toHaveLength(0);

		await page.goto('/espace');
		await expect(page).toHaveURL(/\/connexion\?retour=%2Fespace$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Espace des structures');

		// A copy of the old cookie is worth nothing either.
		const stolen = await browser.newContext({ baseURL, locale: 'fr-FR' });
		try {
			await stolen.addCookies([cookie]);
			const other = await stolen.newPage();
			await other.goto('/espace');
			await expect(other).toHaveURL(/\/connexion\?retour=%2Fespace$/);
		} finally {
			await stolen.close();
		}
		const log = await dbRow("select count(*) as n from audit_log where action = 'sign_out' and user_id = ?", userId);
		expect(log).toEqual({ n: 1 });
	});
});

test.describe('pages protégées', () => {
	for (const path of ['/espace', '/espace/structures/1', '/espace/lieux/1', '/admin', '/admin/revisions', '/admin/journal']) {
		test(`un visiteur qui ouvre ${path} est renvoyé vers /connexion?retour=…`, async ({ page }) => {
			const response = await page.goto(path);
			expect(response?.status()).toBe(200);
			const url = new URL(page.url());
			expect(url.pathname).toBe('/connexion');
			expect(url.searchParams.get('retour')).toBe(path);
			await expect(page.getByLabel('Adresse e-mail')).toBeVisible();
			await expect(page.locator('input[type="hidden"][name="retour"]')).toHaveValue(path);
		});
	}

	test('après la connexion, le lien ramène à la page demandée', async ({ page }, info) => {
		const email = uniqueEmail('retour', info);
		const actorId = await actorIdByName('Centre Social Nautilus');
		await createUser(email, 'member', [actorId]);
		await page.goto(`/espace/structures/${actorId}`);
		await expect(page).toHaveURL(new RegExp(`/connexion\\?retour=%2Fespace%2Fstructures%2F${actorId}$`));
		await settled(page);
		await page.getByLabel('Adresse e-mail').fill(email);
		await page.getByRole('button', { name: 'Recevoir un lien de connexion' }).click();
		const link = await lastLinkTo(email, '/connexion/lien');
		expect(new URL(link).searchParams.get('retour')).toBe(`/espace/structures/${actorId}`);
		await page.goto(link);
		await page.getByRole('button', { name: 'Me connecter' }).click();
		await expect(page).toHaveURL(new RegExp(`/espace/structures/${actorId}$`));
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Centre Social Nautilus');
	});

	test('un membre reçoit 403 sur /admin', async ({ page, context, consoleErrors }, info) => {
		consoleErrors.allow(/status of 403/);
		const actorId = await actorIdByName('Socopira');
		const userId = await createUser(uniqueEmail('membre', info), 'member', [actorId]);
		await context.addCookies([await sessionCookie(userId)]);
		for (const path of ['/admin', '/admin/revisions', '/admin/structures', '/admin/journal', '/admin/courriels']) {
			const response = await page.goto(path);
			expect(response?.status(), path).toBe(403);
			await expect(page.getByRole('main')).toContainText('Cette page est réservée à la coordination de la Ville.');
			expect(new URL(page.url()).pathname, 'no redirect: the person is signed in').toBe(path);
		}
		await expect(nav(page).getByRole('link', { name: 'Coordination' })).toHaveCount(0);
	});

	test('la coordination voit « Coordination » et ouvre /admin', async ({ page, context }, info) => {
		const userId = await createUser(uniqueEmail('coordination', info), 'coordinator');
		await context.addCookies([await sessionCookie(userId)]);
		await page.goto('/');
		await nav(page).getByRole('link', { name: 'Coordination' }).click();
		await expect(page).toHaveURL(/\/admin$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Coordination de l’inclusion numérique');
	});

	test('le paramètre retour ne peut pas renvoyer vers un autre site', async ({ page, playwright }, info) => {
		const email = uniqueEmail('evil', info);
		const userId = await createUser(email, 'member');

		// The page keeps only a path of this site.
		await page.goto('/connexion?retour=//evil.example');
		await expect(page.locator('input[type="hidden"][name="retour"]')).toHaveValue('/espace');
		await settled(page);
		await page.getByLabel('Adresse e-mail').fill(email);
		await page.getByRole('button', { name: 'Recevoir un lien de connexion' }).click();
		const link = await lastLinkTo(email, '/connexion/lien');
		expect(new URL(link).searchParams.has('retour')).toBe(false);

		await page.goto(`/connexion/lien?jeton=${tokenOf(link)}&retour=${encodeURIComponent('//evil.example')}`);
		// No usable page: the form names none, and the landing depends on the account (a member: /espace).
		await expect(page.locator('input[type="hidden"][name="retour"]')).toHaveCount(0);
		await page.getByRole('button', { name: 'Me connecter' }).click();
		await expect(page).toHaveURL(`${BASE_URL}/espace`);

		// A forged form cannot do better.
		const api = await playwright.request.newContext({ baseURL: BASE_URL });
		try {
			// A tab or a line break is dropped by URL parsers (`/\t/evil.example` becomes `//evil.example`),
			// and a CR or LF cannot go in a Location header at all (it was a 500 after the link was spent).
			const forged = ['//evil.example', '//evil.example/espace', 'https://evil.example/', '/\\evil.example', 'javascript:alert(1)', 'evil.example'];
			for (const retour of [...forged, '/\t/evil.example', '/\n/evil.example', '/x\ny', '/x\r\nSet-Cookie: a=b']) {
				const response = await api.post('/connexion/lien', {
					form: { jeton: await issueSignInToken(userId), retour },
					headers: { Origin: BASE_URL, Accept: 'text/html' },
					maxRedirects: 0
				});
				expect(response.status(), `retour=${JSON.stringify(retour)}`).toBe(303);
				expect(response.headers()['location'], `retour=${JSON.stringify(retour)}`).toBe('/espace');
			}
			// A path of this site is followed.
			const ok = await api.post('/connexion/lien', {
				form: { jeton: await issueSignInToken(userId), retour: '/espace/demande' },
				headers: { Origin: BASE_URL, Accept: 'text/html' },
				maxRedirects: 0
			});
			expect(ok.status()).toBe(303);
			expect(ok.headers()['location']).toBe('/espace/demande');
		} finally {
			await api.dispose();
		}
	});
});
