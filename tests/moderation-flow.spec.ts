/**
 * The whole moderation loop between a structure and the City's coordinator, as both use it, with
 * and without JavaScript: invitation by e-mail, a proposal, its refusal with a reason, a second
 * proposal, its approval, the public page, a rollback from the history, and the audit log that
 * keeps each step. Then a verification campaign: launched, mailed, confirmed, followed.
 */
import { randomBytes } from 'node:crypto';
import type { Browser, Page, TestInfo } from '@playwright/test';
import { actorIdByName, createUser, dbRow, dbWrite, lastLinkTo, mailsTo, signInAs, uniqueEmail } from './accounts';
import { expect, test } from './fixtures';

/** One structure per project for each test, so the js and nojs runs never meet. */
const ACTORS = {
	flow: { js: 'Formation numérique - Simplon Roubaix', nojs: 'Formation et Innovation - Association pour le Développement de l\'Éducation Permanente (ADEP)' },
	campaign: { js: 'Ecole deuxième chance Grand Lille', nojs: 'LA CONDITION PUBLIQUE' }
} as const;

async function actorFor(kind: keyof typeof ACTORS, info: TestInfo) {
	const name = ACTORS[kind][info.project.name as 'js' | 'nojs'];
	return { id: await actorIdByName(name), name };
}

const placeOf = async (actorId: number) =>
	(await dbRow<{ id: number; name: string; description: string | null; version: number }>(
		'select id, name, description, version from places where actor_id = ? order by id limit 1',
		actorId
	))!;
const description = async (placeId: number) => (await dbRow<{ description: string | null }>('select description from places where id = ?', placeId))!.description;

/** With JavaScript, SvelteKit must have hydrated the page before anyone types or submits. */
async function settle(page: Page) {
	await page.waitForLoadState('networkidle');
}

async function open(page: Page, path: string) {
	await page.goto(path);
	await settle(page);
}

async function newPage(browser: Browser, baseURL: string, javaScriptEnabled: boolean) {
	const context = await browser.newContext({ baseURL, locale: 'fr-FR', timezoneId: 'Europe/Paris', javaScriptEnabled });
	return { context, page: await context.newPage() };
}

function section(page: Page, title: string) {
	return page.locator('section', { has: page.getByRole('heading', { level: 2, name: title, exact: true }) });
}

/** The latest journal line of this action that mentions all these texts. */
function journalLine(page: Page, action: string, ...texts: string[]) {
	let rows = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: action, exact: true }) });
	for (const text of texts) rows = rows.filter({ hasText: text });
	return rows.first();
}

function frenchDate(iso: string): string {
	return new Date(`${iso.slice(0, 10)}T12:00:00Z`).toLocaleDateString('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

test.describe('modération', () => {
	test('invitation, proposition refusée avec sa raison, nouvelle proposition acceptée, retour arrière : tout est au journal', async ({
		page,
		context,
		browser,
		baseURL,
		javaScriptEnabled
	}, info) => {
		test.setTimeout(120_000);
		const actor = await actorFor('flow', info);
		await dbWrite('update actors set trusted = 0 where id = ?', actor.id);
		const place = await placeOf(actor.id);
		const original = place.description;
		const tag = `${info.project.name} ${randomBytes(3).toString('hex')}`;
		const first = `Ateliers du mardi, sur inscription (${tag})`;
		const second = `Ateliers du mardi et du jeudi, sans inscription (${tag})`;
		const reason = `Le jeudi n’est pas confirmé par l’accueil (${tag})`;
		const coordinator = uniqueEmail('coordination', info);
		await signInAs(context, coordinator, 'coordinator');
		const invitee = uniqueEmail('invitee', info);

		// 1. The coordinator invites someone to manage the structure.
		await open(page, '/admin/structures');
		await page.getByLabel(/^Structure/).selectOption({ label: actor.name });
		await page.getByLabel('Adresse e-mail de la personne').fill(invitee);
		await page.getByRole('button', { name: 'Envoyer l’invitation' }).click();
		await expect(page.getByRole('status')).toContainText(`Invitation envoyée à ${invitee} pour gérer « ${actor.name} ». Le lien de connexion reste valable 7 jours.`);
		await open(page, `/admin/structures?q=${encodeURIComponent(actor.name.slice(0, 20))}`);
		await expect(page.locator(`#structure-${actor.id}`)).toContainText(invitee);

		// 2. The invitation arrives.
		const invitation = await mailsTo(invitee);
		expect(invitation.map((m) => m.subject)).toEqual([`Invitation à tenir à jour « ${actor.name} »`]);
		expect(invitation[0]!.text).toContain('Il fonctionne une seule fois, pendant 7 jours.');
		const link = await lastLinkTo(invitee, '/connexion/lien');

		const member = await newPage(browser, baseURL!, javaScriptEnabled);
		try {
			const m = member.page;
			// 3. The invitee accepts.
			await open(m, link);
			await expect(m.getByRole('heading', { level: 1 })).toHaveText('Bienvenue');
			await m.getByRole('button', { name: 'Accepter et me connecter' }).click();
			await expect(m).toHaveURL(/\/espace$/);
			await settle(m);
			const mine = m.getByRole('region', { name: actor.name });
			await expect(mine).toContainText('Vos modifications sont relues par la coordination de la Ville');

			// 4. … and edits a place.
			await mine.getByRole('link', { name: place.name, exact: true }).click();
			await expect(m).toHaveURL(new RegExp(`/espace/lieux/${place.id}$`));
			await settle(m);
			await m.getByLabel('Présentation').fill(first);
			await m.getByRole('button', { name: 'Enregistrer', exact: true }).click();
			await expect(m).toHaveURL(/\?etat=propose$/);
			await settle(m);
			expect(await description(place.id)).toBe(original);
			const proposal1 = (await dbRow<{ id: number }>("select id from revisions where entity = 'place' and entity_id = ? and status = 'proposed' order by id desc", place.id))!.id;
			expect((await mailsTo(coordinator)).map((x) => x.subject)).toContain(`Modification à valider : lieu « ${place.name} »`);

			// 5. The coordinator finds it in the queue and opens the diff.
			await open(page, '/admin/revisions');
			const row = page.getByRole('row').filter({ hasText: invitee });
			await row.getByRole('link', { name: `lieu « ${place.name} »` }).click();
			await expect(page).toHaveURL(new RegExp(`/admin/revisions/${proposal1}$`));
			await settle(page);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Modification n° ${proposal1} : lieu « ${place.name} »`);
			const diff = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Proposé' }) });
			await expect(diff.getByRole('columnheader')).toHaveText(['Champ', 'Avant', 'Proposé']);
			const changed = diff.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Description', exact: true }) });
			await expect(changed.locator('del')).toHaveText(new RegExp(`${original ?? '\\(vide\\)'}$`));
			await expect(changed.locator('ins')).toHaveText(new RegExp(`${first.replace(/[()]/g, '\\$&')}$`));

			// 6. … and refuses it, saying why.
			await page.getByLabel(/^Raison du refus/).fill(reason);
			await page.getByRole('button', { name: 'Refuser' }).click();
			await expect(page.getByRole('status')).toContainText('Modification refusée. La personne qui l’a proposée reçoit la raison par e-mail.');
			await settle(page);
			expect(await dbRow('select status, reason from revisions where id = ?', proposal1)).toEqual({ status: 'refused', reason });
			expect(await description(place.id)).toBe(original);

			// 7. The member is told why.
			const refusal = (await mailsTo(invitee)).at(-1)!;
			expect(refusal.subject).toBe(`Modification refusée : lieu « ${place.name} »`);
			expect(refusal.text).toContain(`Motif : ${reason}`);
			await open(m, '/espace');
			const changes = m.getByRole('region', { name: 'Mes dernières modifications' });
			await expect(changes.getByRole('row').filter({ hasText: `lieu « ${place.name} »` }).first()).toContainText(new RegExp(`Refusée\\s?: ${reason.replace(/[()]/g, '\\$&')}`));

			// 8. The member proposes again.
			await open(m, `/espace/lieux/${place.id}`);
			await expect(m.getByLabel('Présentation'), 'the form starts from the published record again').toHaveValue(original ?? '');
			await m.getByLabel('Présentation').fill(second);
			await m.getByRole('button', { name: 'Enregistrer', exact: true }).click();
			await expect(m).toHaveURL(/\?etat=propose$/);
			const proposal2 = (await dbRow<{ id: number }>("select id from revisions where entity = 'place' and entity_id = ? and status = 'proposed' order by id desc", place.id))!.id;
			expect(proposal2).toBeGreaterThan(proposal1);

			// 9. The coordinator approves it.
			await open(page, `/admin/revisions/${proposal2}`);
			await expect(page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Proposé' }) }).locator('ins').filter({ hasText: second })).toBeVisible();
			await page.getByRole('button', { name: 'Accepter et publier' }).click();
			await expect(page.getByRole('status')).toContainText('Modification acceptée et publiée.');
			await settle(page);
			expect(await description(place.id)).toBe(second);
			expect((await mailsTo(invitee)).at(-1)!.subject).toBe(`Modification publiée : lieu « ${place.name} »`);

			// 10. The public page shows it.
			await open(m, `/lieux/${place.id}`);
			await expect(section(m, 'Présentation')).toContainText(second);

			// 11. The coordinator rolls it back from the history.
			await open(page, `/admin/historique/place/${place.id}`);
			const version = page.locator(`#version-${proposal2}`);
			await expect(version).toContainText('publiée');
			await expect(version).toContainText(invitee);
			await expect(page.locator(`#version-${proposal1}`)).toContainText('refusée');
			await version.getByRole('button', { name: `Revenir à l’état d’avant cette version (n° ${proposal2})` }).click();
			await expect(page.getByRole('status')).toContainText(`La fiche est revenue à son état d’avant la version n° ${proposal2}.`);
			await settle(page);
			expect(await description(place.id)).toBe(original);

			// 12. The public page shows the old text again.
			await open(m, `/lieux/${place.id}`);
			await expect(m.getByText(second)).toHaveCount(0);
			if (original) await expect(section(m, 'Présentation')).toContainText(original);
			else await expect(section(m, 'Présentation')).toHaveCount(0);

			// 13. Each step is in the journal.
			await open(page, '/admin/journal');
			const placeRecord = `lieu « ${place.name} »`;
			await expect(journalLine(page, 'Membre invité', `structure « ${actor.name} »`, coordinator)).toBeVisible();
			await expect(journalLine(page, 'Connexion par une invitation', invitee)).toBeVisible();
			await expect(page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Modification proposée', exact: true }) }).filter({ hasText: placeRecord }).filter({ hasText: invitee })).toHaveCount(2);
			await expect(journalLine(page, 'Modification refusée', placeRecord, coordinator, reason)).toBeVisible();
			await expect(journalLine(page, 'Modification acceptée', placeRecord, coordinator, `n° ${proposal2}`)).toBeVisible();
			await expect(journalLine(page, 'Retour à une version précédente', placeRecord, coordinator, `n° ${proposal2}`)).toBeVisible();
			// The filter keeps only the moderation of listings.
			await page.getByLabel('Type d’action').selectOption({ label: 'Modifications de fiches' });
			await page.getByRole('button', { name: 'Filtrer' }).click();
			await expect(page).toHaveURL(/\/admin\/journal\?action=revision$/);
			await expect(journalLine(page, 'Modification refusée', placeRecord, reason)).toBeVisible();
			await expect(page.getByRole('rowheader', { name: 'Membre invité', exact: true })).toHaveCount(0);
		} finally {
			await member.context.close();
		}
	});

	test('campagne de vérification : lancée, reçue par e-mail, confirmée, suivie', async ({ page, context, browser, baseURL, javaScriptEnabled }, info) => {
		const actor = await actorFor('campaign', info);
		const place = await placeOf(actor.id);
		const memberEmail = uniqueEmail('campagne', info);
		await createUser(memberEmail, 'member', [actor.id]);
		// Not verified for years: the campaign is for it.
		await dbWrite("update offers set verified_at = '2020-02-03T10:00:00.000Z', verified_how = 'import' where actor_id = ?", actor.id);
		const coordinator = uniqueEmail('coordination', info);
		await signInAs(context, coordinator, 'coordinator');

		await open(page, '/admin/campagnes');
		await page.getByLabel('Structures sans vérification depuis (en mois)').fill('12');
		await page.getByRole('button', { name: 'Voir les structures concernées' }).click();
		await expect(page).toHaveURL(/\/admin\/campagnes\?mois=12$/);
		await settle(page);
		await expect(page.getByRole('rowheader', { name: actor.name, exact: true })).toBeVisible();
		await page.getByRole('button', { name: 'Lancer la campagne' }).click();
		await expect(page).toHaveURL(/\/admin\/campagnes\/\d+\?lancee=1$/);
		await settle(page);
		const campaignId = Number(/campagnes\/(\d+)/.exec(page.url())![1]);
		await expect(page.getByRole('status')).toContainText('Campagne lancée');
		const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: actor.name, exact: true }) });
		await expect(row).toContainText(memberEmail);
		await expect(row).toContainText('pas encore');
		await expect(row).toContainText(/envoyé le/);

		// The member gets the mail, with its two links.
		const mail = (await mailsTo(memberEmail)).at(-1)!;
		expect(mail.subject).toBe('Vos informations sur la carte de l’inclusion numérique sont-elles à jour ?');
		expect(mail.text).toContain(`« ${actor.name} »`);
		expect(mail.text).toContain(`/espace/structures/${actor.id}`);
		const confirm = await lastLinkTo(memberEmail, '/confirmer/');

		const member = await newPage(browser, baseURL!, javaScriptEnabled);
		try {
			await open(member.page, confirm);
			await expect(member.page.getByRole('main')).toContainText(`Structure : ${actor.name}`);
			await member.page.getByRole('button', { name: 'Mes informations sont toujours à jour' }).click();
			await expect(member.page.getByRole('status')).toContainText(`Merci ! Les informations de « ${actor.name} » sont marquées comme vérifiées aujourd’hui par la structure.`);
		} finally {
			await member.context.close();
		}

		// The progress shows it confirmed.
		await open(page, `/admin/campagnes/${campaignId}`);
		await expect(row).toContainText(/confirmé le/);
		await expect(row).not.toContainText('pas encore');
		const recipients = (await dbRow<{ confirmed_at: string | null }>('select confirmed_at from campaign_recipients where campaign_id = ? and actor_id = ?', campaignId, actor.id))!;
		expect(recipients.confirmed_at).not.toBeNull();
		const confirmed = (await dbRow<{ n: number }>('select count(*) as n from campaign_recipients where campaign_id = ? and confirmed_at is not null', campaignId))!.n;
		await open(page, '/admin/campagnes');
		const campaignRow = page.getByRole('row').filter({ has: page.locator(`a[href="/admin/campagnes/${campaignId}"]`) });
		await expect(campaignRow.getByRole('cell').nth(4)).toHaveText(String(confirmed));
		expect(confirmed).toBeGreaterThanOrEqual(1);

		// The public page says who verified it, and when.
		const verified = (await dbRow<{ verified_at: string }>('select verified_at from offers where actor_id = ? order by id limit 1', actor.id))!.verified_at;
		await open(page, `/lieux/${place.id}`);
		await expect(page.locator('.fresh')).toContainText(`Vérifié le ${frenchDate(verified)} (par la structure).`);

		await open(page, '/admin/journal');
		await expect(journalLine(page, 'Campagne de vérification lancée', coordinator, `campagne n° ${campaignId}`)).toBeVisible();
		await expect(journalLine(page, 'Informations confirmées à jour', `structure « ${actor.name} »`, `n° ${campaignId}`)).toBeVisible();
	});
});
