/**
 * Issue 14, end to end with JavaScript on and off: a worker sends a referral from the orientation,
 * the structure refuses it from the mailed link with a reason and another place, the worker sends
 * it there, the structure's member accepts it in /espace, the sender sees both outcomes. A worker
 * without an account confirms from their mailbox first. Then `npm run orientations:suivi` on a
 * clock the test chooses: reminder, expiry and erasure, checked in the database.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { Page } from '@playwright/test';
import { BASE_URL, dbRow, dbRows, mailsTo, signInAs, uniqueEmail } from './accounts';
import { E2E_SQLITE_PATH } from './e2e-server';
import { analyzablePage, expectNoAxeViolations } from './axe';
import { expect, settled, test } from './fixtures';

interface Target {
	place: number;
	actor: number;
	email: string;
}

/** Two places whose offers can receive a referral by mail (real data: the place's address, else its actor's). */
async function targets(): Promise<[Target, Target]> {
	const rows = await dbRows<Target>(
		"select p.id as place, p.actor_id as actor, coalesce(nullif(p.email, ''), a.email) as email from places p join actors a on a.id = p.actor_id join offers o on o.place_id = p.id where o.status != 'closed' and coalesce(nullif(p.email, ''), nullif(a.email, '')) is not null group by p.id, p.actor_id, p.email, a.email order by p.id"
	);
	const first = rows[0]!;
	const second = rows.find((r) => r.actor !== first.actor)!;
	return [first, second];
}

/** The last mail to `to` whose text contains `marker`, and its link to `path`. */
async function linkIn(to: string, marker: string, path: string): Promise<string> {
	for (let tries = 0; tries < 100; tries++) {
		const mail = (await mailsTo(to)).filter((m) => m.text.includes(marker)).at(-1);
		const link = mail?.text.match(/https?:\/\/\S+/g)?.find((l) => new URL(l).pathname.startsWith(path));
		if (link) return new URL(link).pathname;
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`aucun lien ${path} pour ${marker} dans les courriels à ${to}`);
}

async function axe(page: Page, browser: import('@playwright/test').Browser, js: boolean) {
	await expectNoAxeViolations(await analyzablePage(page, browser, BASE_URL, js));
}

/** The follow-up command on the test server's database, at `now`. */
function followUp(now: Date) {
	const env: Record<string, string> = { PATH: process.env.PATH ?? '', ORIGIN: BASE_URL };
	if (process.env.E2E_DATABASE_URL) env.DATABASE_URL = process.env.E2E_DATABASE_URL;
	else Object.assign(env, { DATABASE_PATH: E2E_SQLITE_PATH, DATABASE_URL: '' });
	const run = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/referrals-follow.ts', `--maintenant=${now.toISOString()}`], { env, encoding: 'utf8', timeout: 60_000 });
	expect(run.status, run.stderr).toBe(0);
	return run.stdout;
}

const ORIENTATION = 'besoin=demarches&autonomie=pas-seul&langue=ar';

test('adresser, refuser avec un autre lieu, renvoyer, accepter ; suivi sur une horloge choisie', async ({ page, browser, context, javaScriptEnabled, consoleErrors }, info) => {
	test.setTimeout(180_000);
	// Without JavaScript a refused form is a 400 page, which Chromium logs.
	consoleErrors.allow(/status of 400/);
	const [one, two] = await targets();
	const tag = randomBytes(3).toString('hex');
	const sender = uniqueEmail('adresse-envoi', info);
	await signInAs(context, sender, 'member', []);
	const name = `<b>Nadia ${tag}</b>`;
	const note = `<script>alert("${tag}")</script> préfère le matin`;

	// 1. From the orientation's results to the form, the answers carried along.
	await page.goto(`/orienter?${ORIENTATION}&etape=5`);
	const refer = page.getByRole('link', { name: /Adresser la personne à ce lieu/ }).first();
	await expect(refer).toHaveAttribute('href', /\/adresser\?lieu=\d+&.*besoin=demarches/);
	const response = await page.goto(`/adresser?lieu=${one.place}&${ORIENTATION}`);
	expect(response!.headers()['cache-control']).toContain('no-store');
	await expect(page.getByRole('heading', { level: 1, name: 'Adresser la personne à ce lieu' })).toBeVisible();
	await expect(page.getByText('parle arabe')).toBeVisible();
	await axe(page, browser, javaScriptEnabled);

	// Bad input: nothing recorded, the reasons in French, what was typed kept.
	const before = (await dbRow<{ n: number }>('select count(*) as n from referrals'))!.n;
	await settled(page);
	await page.getByLabel('Prénom ou initiales').fill(name);
	await page.getByRole('button', { name: 'Envoyer l’adressage' }).click();
	await expect(page.getByText('Donnez un téléphone ou un e-mail')).toHaveCount(2);
	await expect(page.getByText('cochez son accord').first()).toBeVisible();
	await expect(page.getByLabel('Prénom ou initiales')).toHaveValue(name);
	expect((await dbRow<{ n: number }>('select count(*) as n from referrals'))!.n).toBe(before);
	if (javaScriptEnabled) await axe(page, browser, true);

	await page.getByLabel('Téléphone').fill('06 12 34 56 78');
	await page.getByLabel('Langue préférée').selectOption('ar');
	await page.getByLabel('Note pour la structure (facultatif)').fill(note);
	await page.getByLabel('J’ai lu la mention et la personne est d’accord').check();
	await page.getByRole('button', { name: 'Envoyer l’adressage' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Adressage envoyé' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Envoyer par SMS depuis ce téléphone' })).toHaveAttribute('href', /^sms:\?body=.*%2Flieux%2F\d+/);
	await expect(page.getByRole('button', { name: 'Copier le texte' })).toHaveCount(javaScriptEnabled ? 1 : 0);
	await axe(page, browser, javaScriptEnabled);
	const first = (await dbRow<{ id: number; status: string; needs: string; level: string | null }>('select id, status, needs, level from referrals where sender_email = ? order by id desc', sender))!;
	expect(first.status).toBe('sent');
	expect(JSON.parse(first.needs)).toEqual(['demarches']);

	// 2. The structure refuses from the mailed link, without an account: « complet », another place suggested.
	const answer = await linkIn(one.email, sender, '/adresser/reponse/');
	const structureContext = await browser.newContext({ javaScriptEnabled, baseURL: BASE_URL, locale: 'fr-FR' });
	const structure = await structureContext.newPage();
	const opened = await structure.goto(answer);
	expect(opened!.headers()['cache-control']).toContain('no-store');
	await expect(structure.getByText(name, { exact: true })).toBeVisible();
	await expect(structure.getByText(note)).toBeVisible();
	// The payloads are text: no element was made of them.
	await expect(structure.locator('main b, main script')).toHaveCount(0);
	await axe(structure, browser, javaScriptEnabled);
	expect((await dbRow<{ status: string }>('select status from referrals where id = ?', first.id))!.status).toBe('seen');
	await structure.getByLabel('Complet').check();
	await structure.getByLabel('Suggérer un autre lieu (facultatif)').selectOption(String(two.place));
	await structure.getByRole('button', { name: 'Refuser l’adressage' }).click();
	await expect(structure.getByText('votre réponse (refusée) est transmise')).toBeVisible();
	await axe(structure, browser, javaScriptEnabled);
	// The link served once.
	await structure.goto(answer);
	await expect(structure.getByText('Ce lien a déjà servi')).toBeVisible();
	await structureContext.close();

	// 3. The sender sees the refusal and sends again to the suggested place.
	await page.goto('/espace/orientations');
	await expect(page.getByRole('cell', { name: 'refusée' })).toBeVisible();
	await page.getByRole('link', { name: /^adresser à / }).first().click();
	await expect(page.getByText('Nouvel envoi après le refus')).toBeVisible();
	await expect(page.getByLabel('Prénom ou initiales')).toHaveValue(name);
	await settled(page);
	await page.getByLabel('J’ai lu la mention et la personne est d’accord').check();
	await page.getByRole('button', { name: 'Envoyer l’adressage' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Adressage envoyé' })).toBeVisible();
	const second = (await dbRow<{ id: number; place_id: number; previous_id: number }>('select id, place_id, previous_id from referrals where sender_email = ? order by id desc', sender))!;
	expect(second).toMatchObject({ place_id: two.place, previous_id: first.id });

	// 4. A member of the second structure accepts it in /espace.
	const memberContext = await browser.newContext({ javaScriptEnabled, baseURL: BASE_URL, locale: 'fr-FR' });
	await signInAs(memberContext, uniqueEmail('adresse-accueil', info), 'member', [two.actor]);
	const member = await memberContext.newPage();
	await member.goto('/espace/orientations');
	const received = member.getByRole('article').filter({ hasText: `Nadia ${tag}` });
	await expect(received.getByText('vue')).toBeVisible();
	await axe(member, browser, javaScriptEnabled);
	await received.getByRole('button', { name: 'Accepter l’adressage' }).click();
	await expect(member.getByText('Réponse enregistrée (acceptée)')).toBeVisible();
	await memberContext.close();

	// 5. The sender sees both outcomes, and was told by mail.
	await page.goto('/espace/orientations');
	await expect(page.getByRole('cell', { name: 'acceptée' })).toBeVisible();
	await expect(page.getByRole('cell', { name: 'refusée' })).toBeVisible();
	await expect(page.getByText('Motif : complet')).toBeVisible();
	await axe(page, browser, javaScriptEnabled);
	expect((await mailsTo(sender)).map((m) => m.subject)).toEqual([expect.stringMatching(/^Adressage refusée/), expect.stringMatching(/^Adressage acceptée/)]);

	// 6. The planners' page counts it, saturation included.
	await page.goto('/pilotage/orientations');
	await expect(page.getByText(/refus « complet » sur \d+ adressage/).first()).toBeVisible();
	await axe(page, browser, javaScriptEnabled);

	// 7. Without an account: the referral waits for the confirmation from the professional mailbox.
	const anonymousContext = await browser.newContext({ javaScriptEnabled, baseURL: BASE_URL, locale: 'fr-FR' });
	const anonymous = await anonymousContext.newPage();
	const worker = uniqueEmail('adresse-sans-compte', info);
	await anonymous.goto(`${BASE_URL}/adresser?lieu=${one.place}&${ORIENTATION}`);
	await settled(anonymous);
	await anonymous.getByLabel('Prénom ou initiales').fill(`K. ${tag}`);
	await anonymous.getByLabel('La personne se présentera elle-même').check();
	await anonymous.getByLabel('Votre e-mail professionnel').fill(worker);
	await anonymous.getByLabel('J’ai lu la mention et la personne est d’accord').check();
	await anonymous.getByRole('button', { name: 'Recevoir le lien de confirmation' }).click();
	await expect(anonymous.getByRole('heading', { level: 1, name: 'Adressage à confirmer' })).toBeVisible();
	const third = (await dbRow<{ id: number; status: string }>('select id, status from referrals where sender_email = ?', worker))!;
	expect(third.status).toBe('awaiting_sender');
	await anonymous.goto(`${BASE_URL}${await linkIn(worker, 'Il ne partira', '/adresser/confirmer/')}`);
	await axe(anonymous, browser, javaScriptEnabled);
	await anonymous.getByRole('button', { name: 'Confirmer et envoyer l’adressage' }).click();
	await expect(anonymous.getByText('L’adressage est envoyé')).toBeVisible();
	await anonymousContext.close();
	const sent = (await dbRow<{ status: string; sent_at: string }>('select status, sent_at from referrals where id = ?', third.id))!;
	expect(sent.status).toBe('sent');

	// 8. The follow-up on a controlled clock: reminder after 5 working days, expiry after 30, erasure 90 days after closing.
	const t0 = new Date(sent.sent_at).getTime();
	const day = 86_400_000;
	followUp(new Date(t0 + 2 * 3_600_000));
	expect((await dbRow<{ reminded_at: string | null }>('select reminded_at from referrals where id = ?', third.id))!.reminded_at).toBeNull();
	followUp(new Date(t0 + 9 * day));
	expect((await dbRow<{ reminded_at: string | null }>('select reminded_at from referrals where id = ?', third.id))!.reminded_at).not.toBeNull();
	followUp(new Date(t0 + 31 * day));
	expect((await dbRow<{ status: string }>('select status from referrals where id = ?', third.id))!.status).toBe('expired');
	expect((await mailsTo(worker)).at(-1)!.subject).toBe(`Adressage expirée : ${(await dbRow<{ name: string }>('select name from places where id = ?', one.place))!.name}`);
	followUp(new Date(t0 + 122 * day));
	const erased = await dbRows<Record<string, unknown>>('select status, level, needs, resident_name, resident_phone, resident_email, note, sender_email from referrals where id in (?, ?, ?) order by id', first.id, second.id, third.id);
	expect(erased.map((r) => r.status)).toEqual(['refused', 'accepted', 'expired']);
	for (const r of erased) expect(r).toMatchObject({ resident_name: null, resident_phone: null, resident_email: null, note: null, sender_email: '', needs: '["demarches"]' });
	const audit = await dbRows<{ action: string }>("select action from audit_log where entity = 'referral' and entity_id = ? order by id", third.id);
	expect(audit.map((a) => a.action)).toEqual(['referral.create', 'referral.confirm', 'referral.remind', 'referral.expire']);
});

test('un double clic n’envoie qu’une fois', async ({ context }, info) => {
	const [one] = await targets();
	const sender = uniqueEmail('adresse-double', info);
	await signInAs(context, sender, 'member', []);
	const offer = (await dbRow<{ id: number }>("select id from offers where place_id = ? and status != 'closed' order by id", one.place))!.id;
	const form = { offre: String(offer), cle: `double-${randomBytes(8).toString('hex')}`, precedent: '', reponses: ORIENTATION, prenom: 'D.', telephone: '', courriel: '', presentera: 'on', langue: '', note: '', consentement: 'on' };
	const post = () => context.request.post('/adresser', { form, headers: { Origin: BASE_URL, Accept: 'text/html' }, maxRedirects: 0 });
	const [a, b] = await Promise.all([post(), post()]);
	expect([a.status(), b.status()]).toEqual([303, 303]);
	expect((await dbRow<{ n: number }>('select count(*) as n from referrals where idempotency_key = ?', form.cle))!.n).toBe(1);
	expect((await mailsTo(one.email)).filter((m) => m.text.includes(sender))).toHaveLength(1);
});

test('un lieu sans e-mail et un lien abîmé : la page le dit, sans erreur', async ({ page, browser, javaScriptEnabled, consoleErrors }) => {
	const place = (await dbRow<{ id: number }>(
		"select min(p.id) as id from places p join actors a on a.id = p.actor_id join offers o on o.place_id = p.id where o.status != 'closed' and coalesce(nullif(p.email, ''), nullif(a.email, '')) is null"
	))!.id;
	await page.goto(`/adresser?lieu=${place}`);
	await expect(page.getByRole('alert')).toContainText('Ce lieu n’a');
	await expect(page.getByRole('button', { name: /Envoyer l’adressage|Recevoir le lien/ })).toHaveCount(0);
	await axe(page, browser, javaScriptEnabled);

	await page.goto(`/adresser/reponse/${'x'.repeat(43)}`);
	await expect(page.getByRole('alert')).toContainText('Ce lien n’est pas valide');
	await axe(page, browser, javaScriptEnabled);
	consoleErrors.allow(/status of 404/);
	const missing = await page.goto('/adresser?lieu=999999');
	expect(missing!.status()).toBe(404);
});
