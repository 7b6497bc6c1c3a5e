/**
 * The coordinator's diff reads in plain French: hours as the member saw them (« Lundi : 9 h – 12 h »),
 * the OSM text only folded in a detail; levels, needs, publics, languages, booleans in words.
 * The proposal is written straight into the revisions table (what a member's save writes), so the
 * test drives only the coordinator's page; it is deleted at the end.
 */
import type { Page } from '@playwright/test';
import { createUser, dbInsertId, dbRow, dbWrite, sessionCookie, uniqueEmail } from './accounts';
import { analyzablePage, expectNoAxeViolations } from './axe';
import { expect, test } from './fixtures';

const BEFORE_HOURS = 'Mo 09:00-12:00';
const AFTER_HOURS = 'Mo-Fr 09:00-12:00,14:00-17:00; Sa unknown; PH off';

function snapshot(offer: { place_id: number | null }, changes: Record<string, unknown>) {
	return {
		place_id: offer.place_id,
		level: 'learn',
		themes: ['everyday'],
		tags: [],
		publics: [],
		specific_support: [],
		fees: ['Gratuit'],
		access_modes: [],
		programmes: [],
		other_labels: [],
		languages: ['fr'],
		hours: BEFORE_HOURS,
		booking_url: null,
		remote: false,
		description: null,
		status: 'active',
		closed_from: null,
		closed_until: null,
		closure_message: null,
		...changes
	};
}

function row(page: Page, label: string) {
	return page.getByRole('table', { name: 'Changements, champ par champ' }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: label, exact: true }) });
}

test('la différence d’horaires et des autres champs se lit en français, le texte OSM reste replié', async ({ page, context, browser, baseURL, javaScriptEnabled }, info) => {
	const offer = (await dbRow<{ id: number; actor_id: number; place_id: number | null; version: number }>(
		'select id, actor_id, place_id, version from offers order by id limit 1 offset ?',
		info.project.name === 'js' ? 2 : 3
	))!;
	const before = snapshot(offer, {});
	const after = snapshot(offer, { level: 'support', themes: ['everyday', 'admin'], publics: ['Seniors'], languages: ['fr', 'ar'], hours: AFTER_HOURS, remote: true });
	const author = await createUser(uniqueEmail('membre', info), 'member', [offer.actor_id]);
	const revisionId = await dbInsertId(
		`insert into revisions (entity, entity_id, actor_id, operation, status, base_version, before, after, author_id, created_at, origin)
		 values ('offer', ?, ?, 'update', 'proposed', ?, ?, ?, ?, ?, 'structure') returning id`,
		offer.id,
		offer.actor_id,
		offer.version,
		JSON.stringify(before),
		JSON.stringify(after),
		author,
		new Date().toISOString()
	);
	try {
		const userId = await createUser(uniqueEmail('diff', info), 'coordinator');
		await context.addCookies([await sessionCookie(userId)]);
		await page.goto(`/admin/revisions/${revisionId}`);

		const hours = row(page, 'Horaires');
		await expect(hours.getByRole('cell').first()).toContainText('Lundi : 9 h – 12 h');
		await expect(hours.getByRole('cell').first()).toContainText('fermé : du mardi au dimanche');
		await expect(hours.getByRole('cell').nth(1)).toContainText('Du lundi au vendredi : 9 h – 12 h et 14 h – 17 h');
		await expect(hours.getByRole('cell').nth(1)).toContainText('non renseigné : samedi');
		await expect(hours.getByRole('cell').nth(1)).toContainText('fermé : dimanche et jours fériés');
		// The OSM text is only in a folded detail.
		const raw = hours.getByRole('cell').nth(1).locator('details');
		await expect(raw.locator('summary')).toHaveText('Texte OpenStreetMap');
		await expect(raw.locator('code')).toHaveText(AFTER_HOURS);
		await expect(page.getByText(AFTER_HOURS, { exact: true })).toBeHidden();
		await raw.locator('summary').click();
		await expect(page.getByText(AFTER_HOURS, { exact: true })).toBeVisible();
		// The values themselves are words: the syntax is only in the details.
		await expect(hours.locator('del')).not.toContainText('Mo 09:00');
		await expect(hours.locator('ins')).not.toContainText('Mo-Fr');

		await expect(row(page, 'Niveau d’accompagnement').getByRole('cell').nth(1)).toHaveText(/Être accompagné/);
		await expect(row(page, 'Thématiques').getByRole('cell').nth(1)).toHaveText(/Outils numériques du quotidien, Démarches administratives/);
		await expect(row(page, 'Publics').getByRole('cell').nth(1)).toHaveText(/Seniors/);
		await expect(row(page, 'Langues').getByRole('cell').nth(1)).toHaveText(/français, arabe/);
		await expect(row(page, 'À distance').getByRole('cell').first()).toHaveText(/Non/);
		await expect(row(page, 'À distance').getByRole('cell').nth(1)).toHaveText(/Oui/);

		await expectNoAxeViolations(await analyzablePage(page, browser, baseURL!, javaScriptEnabled));
		if (info.project.name === 'js') await page.screenshot({ path: 'docs/screenshots/moderation-diff.png', fullPage: true });
	} finally {
		await dbWrite('delete from revisions where id = ?', revisionId);
	}
});
