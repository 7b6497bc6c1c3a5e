/**
 * The coordinator's import review, end to end, with and without JavaScript, on the shared test
 * database. Each project works on places of its own: its own `source` in the files it uploads,
 * its own ids, names and corner of the town (far from the real places and from the other
 * project's), so the « disparus » section only ever lists its own places and the real data set
 * stays as it is. What a test adds to the public data set is closed again through a last review.
 *
 * 1. A first file adds three places (bulk « Ajouter tous les lieux nouveaux »).
 * 2. The coordinator corrects the phone of one of them through /espace.
 * 3. A second file changes that place (phone and hours), drops another, keeps the third, adds a
 *    new one and two near-copies of the third under new ids: each section lists the right places,
 *    the changed one shows Champ / Dans l’annuaire / À la source and « corrigé ici »; row by row
 *    the coordinator applies the unticked default, ignores the new one, closes the gone one,
 *    merges one near-copy and keeps both for the other. The public pages and the database agree.
 * 4. A third file leaves them all out: bulk « Fermer tous les lieux disparus ».
 * And a file with faults: refused rows, warnings (an unknown value kept raw) and a place outside
 * Roubaix set aside (then taken with the « hors territoire » box); a file with no good row is refused
 * whole, nothing created. axe on every screen.
 */
import { createHash, randomBytes } from 'node:crypto';
import Papa from 'papaparse';
import type { Browser, Locator, Page, TestInfo } from '@playwright/test';
import { dbRow, dbRows, dbWrite, signInAs, uniqueEmail } from './accounts';
import { expectNoAxeViolations } from './axe';
import { expect, test } from './fixtures';

// ---------------------------------------------------------------------------------------------------
// The files, in the national schema, built per project.

const COLUMNS = [
	'id',
	'pivot',
	'nom',
	'commune',
	'code_postal',
	'adresse',
	'latitude',
	'longitude',
	'telephone',
	'courriel',
	'site_web',
	'horaires',
	'source',
	'date_maj',
	'services',
	'conditions_acces',
	'modalites_accompagnement'
] as const;
type Row = Partial<Record<(typeof COLUMNS)[number], string>>;

/** Two corners of the town with no listed place within a kilometre, one per project. */
const CORNERS = {
	js: { lat: 50.714, lon: 3.14, step: 1 },
	nojs: { lat: 50.668, lon: 3.215, step: -1 }
} as const;

interface Fixture {
	project: 'js' | 'nojs';
	source: string;
	tag: string;
	rows: Record<'alpha' | 'beta' | 'gamma' | 'delta' | 'annexe' | 'soir' | 'epsilon', Row>;
}

function fixtureFor(info: TestInfo): Fixture {
	const project = info.project.name as 'js' | 'nojs';
	const tag = `${project}-${randomBytes(3).toString('hex')}`;
	const source = `e2e-revue-${project}`;
	const corner = CORNERS[project];
	// About 700 m between neighbours: never a probable duplicate of one another.
	const at = (dLat: number, dLon: number) => ({
		latitude: (corner.lat - 0.006 * dLat).toFixed(5),
		longitude: (corner.lon + 0.01 * dLon * corner.step).toFixed(5)
	});
	const base = (id: string, nom: string, adresse: string, point: { latitude: string; longitude: string }, extra: Row = {}): Row => ({
		id: `${tag}-${id}`,
		pivot: '00000000000000',
		nom,
		commune: 'Roubaix',
		code_postal: '59100',
		adresse,
		...point,
		telephone: '',
		courriel: '',
		site_web: '',
		horaires: '',
		source,
		date_maj: '2026-06-01',
		services: 'Prendre en main un ordinateur',
		conditions_acces: 'Gratuit : Je peux accéder gratuitement au lieu et à ses services',
		modalites_accompagnement: "Dans un atelier : j'apprends collectivement à utiliser le numérique",
		...extra
	});
	const gamma = base('gamma', `Atelier Gamma ${tag}`, '12 rue Gamma', at(1, 0));
	return {
		project,
		source,
		tag,
		rows: {
			alpha: base('alpha', `Espace numérique Alpha ${tag}`, '3 rue Alpha', at(0, 0), {
				telephone: '03 20 10 20 30',
				site_web: 'https://alpha.exemple.fr',
				horaires: 'We 14:00-17:00'
			}),
			beta: base('beta', `Point d’accès Bêta ${tag}`, '5 rue Bêta', at(0, 1)),
			gamma,
			delta: base('delta', `Salle Delta ${tag}`, '7 rue Delta', at(1, 1)),
			// Near-copies of Gamma under other ids: same address, a few metres away, a longer name.
			annexe: {
				...gamma,
				id: `${tag}-gamma-annexe`,
				nom: `Atelier Gamma ${tag} annexe`,
				latitude: (Number(gamma.latitude) + 0.00002).toFixed(5),
				courriel: `gamma.${tag}@exemple.fr`
			},
			soir: { ...gamma, id: `${tag}-gamma-soir`, nom: `Atelier Gamma ${tag} du soir`, longitude: (Number(gamma.longitude) + 0.00003).toFixed(5) },
			epsilon: base('epsilon', `Local Epsilon ${tag}`, '9 rue Epsilon', at(2, 0))
		}
	};
}

const csv = (rows: Row[]) => Papa.unparse(rows as Record<string, string>[], { columns: [...COLUMNS] });

/** The second extract: Alpha's phone and hours changed, Bêta gone, Delta new, two near-copies of Gamma. */
function secondExtract(f: Fixture): string {
	const { alpha, gamma, delta, annexe, soir } = f.rows;
	return csv([{ ...alpha, telephone: '03 20 99 88 77', horaires: 'Mo-Fr 09:00-12:00', date_maj: '2026-10-15' }, gamma, delta, annexe, soir]);
}

// ---------------------------------------------------------------------------------------------------
// The database, read as the source of truth.

const one = <T>(sql: string, ...params: unknown[]) => dbRow(sql, ...params) as Promise<T>;
const all = <T>(sql: string, ...params: unknown[]) => dbRows<T>(sql, ...params);

interface PlaceRow {
	id: number;
	name: string;
	phone: string | null;
	email: string | null;
	source: string;
	source_id: string | null;
	version: number;
}
const placeBySourceId = (source: string, sourceId: string) =>
	one<PlaceRow | undefined>('select * from places where source = ? and source_id = ?', source, sourceId);
const offersOf = (placeId: number) => all<{ id: number; hours: string | null; status: string }>('select id, hours, status from offers where place_id = ? order by id', placeId);
const sourcesOf = (placeId: number) =>
	all<{ source: string; source_id: string }>('select source, source_id from place_sources where place_id = ? order by source_id', placeId);

/** What the directory holds, as one hash: an upload that is refused must not change it. */
async function directoryChecksum(): Promise<string> {
	const hash = createHash('sha256');
	for (const table of ['actors', 'places', 'offers', 'place_sources', 'revisions', 'import_reviews', 'import_review_items']) {
		// PostgreSQL has no rowid: each table in the order of its primary key.
		const key = table === 'place_sources' ? 'source, source_id' : 'id';
		hash.update(`${table}:${JSON.stringify(await all(`select * from ${table} order by ${key}`))}\n`);
	}
	return hash.digest('hex');
}

/** The safety net if a test stops half-way: nothing of this project's source stays open to the public. */
async function closeEverythingOf(source: string) {
	await dbWrite("update offers set status = 'closed' where status != 'closed' and place_id in (select id from places where source = ?)", source);
}

// ---------------------------------------------------------------------------------------------------
// Pages

/** Until SvelteKit has hydrated a page, `use:enhance` is not attached: wait for its modules. */
async function settle(page: Page) {
	await page.waitForLoadState('networkidle');
}

async function open(page: Page, path: string) {
	await page.goto(path);
	await settle(page);
}

async function upload(page: Page, name: string, content: string) {
	await open(page, '/admin/imports');
	await page.getByLabel('Fichier au schéma national des lieux de médiation numérique').setInputFiles({
		name,
		mimeType: 'text/csv',
		buffer: Buffer.from(content, 'utf8')
	});
	await page.getByRole('button', { name: 'Mettre en revue' }).click();
	await settle(page);
}

/** Uploads a file that must become a review, and returns the review's id from the page it lands on. */
async function uploadForReview(page: Page, name: string, content: string): Promise<number> {
	await upload(page, name, content);
	await expect(page).toHaveURL(/\/admin\/imports\/\d+$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(new RegExp(`^Revue d’import n° \\d+ : ${name.replace(/\./g, '\\.')}$`));
	return Number(new URL(page.url()).pathname.split('/').at(-1));
}

const SECTION_IDS = { new: 'section-new', changed: 'section-changed', gone: 'section-gone', duplicate: 'section-duplicate', unchanged: 'section-unchanged' } as const;
const section = (page: Page, kind: keyof typeof SECTION_IDS) => page.locator(`section#${SECTION_IDS[kind]}`);
/** The badges a line's heading ends with (REVIEW_DECISIONS), to tell « Gamma » from « Gamma du soir ». */
const DECISION_LABELS = ['à décider', 'ajouté', 'changements repris', 'fusionné', 'les deux gardés', 'version locale gardée', 'ignoré', 'fermé'];
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const item = (page: Page, kind: keyof typeof SECTION_IDS, name: string) =>
	section(page, kind)
		.locator('article')
		.filter({ has: page.getByRole('heading', { level: 3, name: new RegExp(`^${escapeRegExp(name)} (${DECISION_LABELS.join('|')})$`) }) });

/** The names of a section's lines, in order. */
async function namesIn(page: Page, kind: keyof typeof SECTION_IDS): Promise<string[]> {
	if (kind === 'unchanged') {
		return (await section(page, kind).locator('details li').allTextContents()).map((t) => t.trim());
	}
	return section(page, kind)
		.locator('article h3')
		.evaluateAll((headings) =>
			headings.map((h) => {
				const copy = h.cloneNode(true) as HTMLElement;
				copy.querySelector('.status')?.remove();
				return (copy.textContent ?? '').trim();
			})
		);
}

async function expectSection(page: Page, kind: keyof typeof SECTION_IDS, title: string, names: string[]) {
	await expect(section(page, kind).getByRole('heading', { level: 2 })).toHaveText(`${title} (${names.length})`);
	expect((await namesIn(page, kind)).sort(), `${title}`).toEqual([...names].sort());
}

const badge = (article: Locator) => article.locator('h3 .status');

/** A line decided: its badge says so and its buttons are gone. */
async function expectDecided(article: Locator, label: string) {
	await expect(badge(article)).toHaveText(new RegExp(`${label}$`));
	await expect(article.getByRole('button')).toHaveCount(0);
}

/**
 * axe runs as a script in the page. Without JavaScript, the document the reader got (the result
 * of a POST included) is copied, its scripts removed, into a scriptable page of the same origin.
 */
async function expectAccessible(page: Page, browser: Browser, baseURL: string, javaScriptEnabled: boolean) {
	if (javaScriptEnabled) {
		await expectNoAxeViolations(page);
		return;
	}
	const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, '');
	expect(html).not.toMatch(/<script/i);
	const url = page.url();
	const context = await browser.newContext({ javaScriptEnabled: true, baseURL, locale: 'fr-FR' });
	try {
		const copy = await context.newPage();
		await copy.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
		await copy.goto(url);
		await expectNoAxeViolations(copy);
	} finally {
		await context.close();
	}
}

// ---------------------------------------------------------------------------------------------------

test.describe('revue d’un import par la coordination', () => {
	test('ajout, correction locale, puis un extrait qui modifie, retire, ajoute et double des lieux : décisions ligne par ligne et par section', async ({
		page,
		context,
		browser,
		baseURL,
		javaScriptEnabled
	}, info) => {
		test.setTimeout(180_000);
		const f = fixtureFor(info);
		const { alpha, beta, gamma, delta, annexe, soir, epsilon } = f.rows;
		await signInAs(context, uniqueEmail('revue-import', info), 'coordinator');
		try {
			// --- 1. A first extract of this source: three new places, added as a section. -------------
			await open(page, '/admin/imports');
			await expect(page.getByRole('heading', { level: 1 })).toHaveText('Imports de la cartographie nationale');
			await expectAccessible(page, browser, baseURL!, javaScriptEnabled);

			const first = await uploadForReview(page, `revue-${f.tag}-1.csv`, csv([alpha, beta, gamma]));
			await expectSection(page, 'new', 'Lieux nouveaux', [alpha.nom!, beta.nom!, gamma.nom!]);
			await expectSection(page, 'changed', 'Lieux modifiés à la source', []);
			await expectSection(page, 'gone', 'Lieux disparus de la source', []);
			await expectSection(page, 'duplicate', 'Doublons probables', []);
			await expectSection(page, 'unchanged', 'Lieux inchangés', []);
			await expect(item(page, 'new', alpha.nom!).locator('.meta')).toContainText(`Identifiant à la source : ${alpha.id} (${f.source})`);
			await expect(item(page, 'new', alpha.nom!).locator('.meta')).toContainText('3 rue Alpha, 59100 Roubaix');
			await expect(item(page, 'new', alpha.nom!).locator('.meta')).toContainText('niveaux : Apprendre');
			expect(await placeBySourceId(f.source, alpha.id!), 'nothing written before a decision').toBeUndefined();
			await section(page, 'new').getByRole('button', { name: 'Ajouter tous les lieux nouveaux (3)' }).click();
			await settle(page);
			await expect(page.getByRole('status').filter({ hasText: 'ligne(s) traitée(s)' })).toHaveText('3 ligne(s) traitée(s).');
			for (const row of [alpha, beta, gamma]) await expectDecided(item(page, 'new', row.nom!), 'ajouté');

			const placeA = (await placeBySourceId(f.source, alpha.id!))!;
			const placeB = (await placeBySourceId(f.source, beta.id!))!;
			const placeC = (await placeBySourceId(f.source, gamma.id!))!;
			for (const [place, row] of [[placeA, alpha], [placeB, beta], [placeC, gamma]] as const) {
				expect(place, row.nom).toBeDefined();
				expect(await sourcesOf(place.id)).toEqual([{ source: f.source, source_id: row.id }]);
				expect((await offersOf(place.id)).map((o) => o.status)).toEqual(['active']);
			}
			expect(placeA.phone).toBe('03 20 10 20 30');

			// The list of reviews counts it.
			await open(page, '/admin/imports');
			const listed = page.getByRole('row').filter({ has: page.getByRole('link', { name: `n° ${first} : revue-${f.tag}-1.csv` }) });
			await expect(listed.getByRole('cell')).toHaveText([/./, '3', '3', '0', '0', '0', '0']);

			// --- 2. The coordinator corrects Alpha's phone here, through /espace. ----------------------
			await open(page, `/espace/lieux/${placeA.id}`);
			await expect(page.getByLabel('Téléphone')).toHaveValue('03 20 10 20 30');
			await page.getByLabel('Téléphone').fill('03 20 00 11 22');
			await page.getByRole('button', { name: 'Enregistrer et publier' }).click();
			await expect(page).toHaveURL(new RegExp(`/espace/lieux/${placeA.id}\\?etat=publie$`));
			await settle(page);
			const corrected = (await placeBySourceId(f.source, alpha.id!))!;
			expect(corrected).toEqual({ ...placeA, phone: '03 20 00 11 22', version: placeA.version + 1, updated_at: expect.any(String) });

			// --- 3. The newer extract. -----------------------------------------------------------------
			const second = await uploadForReview(page, `revue-${f.tag}-2.csv`, secondExtract(f));
			await expect(page.getByRole('navigation', { name: 'Sections de la revue' })).toContainText(/Lieux nouveaux : 1\s*\(1 à décider\)/);
			await expectSection(page, 'new', 'Lieux nouveaux', [delta.nom!]);
			await expectSection(page, 'changed', 'Lieux modifiés à la source', [alpha.nom!]);
			await expectSection(page, 'gone', 'Lieux disparus de la source', [beta.nom!]);
			await expectSection(page, 'duplicate', 'Doublons probables', [annexe.nom!, soir.nom!]);
			await expectSection(page, 'unchanged', 'Lieux inchangés', [gamma.nom!]);
			await expect(section(page, 'gone')).toContainText('Présents dans l’annuaire sous un identifiant de cette source, absents de l’extrait.');

			// Changed: Champ / Dans l’annuaire / À la source, the local correction marked and unticked.
			const changed = item(page, 'changed', alpha.nom!);
			await expect(changed.getByRole('link', { name: alpha.nom! })).toHaveAttribute('href', `/lieux/${placeA.id}`);
			const table = changed.getByRole('table', { name: `Différences pour « ${alpha.nom} »` });
			await expect(table.getByRole('columnheader')).toHaveText(['Reprendre', 'Champ', 'Dans l’annuaire', 'À la source']);
			const phoneRow = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /Téléphone/ }) });
			await expect(phoneRow.getByRole('rowheader')).toHaveText(/^\s*Téléphone\s*corrigé ici\s*$/);
			await expect(phoneRow.getByRole('cell')).toHaveText(['', '03 20 00 11 22', '03 20 99 88 77']);
			const phoneBox = changed.getByRole('checkbox', { name: 'Téléphone' });
			await expect(phoneBox).not.toBeChecked();
			await expect(phoneBox).toHaveAccessibleDescription('corrigé ici');
			const hoursRow = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Horaires' }) });
			await expect(hoursRow.getByRole('rowheader')).toHaveText('Horaires');
			// In plain French, as the moderation diff (issue 15): a day the OSM text leaves out is closed.
			await expect(hoursRow.getByRole('cell')).toHaveText([
				'',
				'Mercredi : 14 h – 17 h ; fermé : lundi, mardi, jeudi, vendredi, samedi et dimanche',
				'Du lundi au vendredi : 9 h – 12 h ; fermé : samedi et dimanche'
			]);
			await expect(changed.getByRole('checkbox', { name: 'Horaires' })).toBeChecked();
			await expect(table.getByRole('row')).toHaveCount(3);

			// Duplicates: the candidate, its score and reasons in words.
			const annexeItem = item(page, 'duplicate', annexe.nom!);
			await expect(annexeItem).toContainText(`Ressemble à ${gamma.nom}, 12 rue Gamma : score`);
			await expect(annexeItem).toContainText('même adresse');
			await expect(annexeItem).toContainText('à moins de 10 m');
			await expect(annexeItem.getByRole('link', { name: gamma.nom!, exact: true })).toHaveAttribute('href', `/lieux/${placeC.id}`);
			// Gamma has no e-mail: merging would take the source's, ticked by default.
			await expect(annexeItem.getByRole('checkbox', { name: 'E-mail' })).toBeChecked();
			await expect(annexeItem.getByRole('checkbox', { name: 'Nom du lieu' })).not.toBeChecked();

			await expect(page.getByRole('button', { name: 'Garder les deux partout (2)' })).toBeVisible();
			await expectAccessible(page, browser, baseURL!, javaScriptEnabled);
			expect(await placeBySourceId(f.source, delta.id!), 'a review writes nothing').toBeUndefined();
			expect(await placeBySourceId(f.source, alpha.id!)).toEqual(corrected);

			// Row by row. Changed: the default keeps the local phone and takes the hours.
			await changed.getByRole('button', { name: `Reprendre les champs cochés : ${alpha.nom}` }).click();
			await settle(page);
			await expectDecided(item(page, 'changed', alpha.nom!), 'changements repris');
			// New: ignored.
			await item(page, 'new', delta.nom!).getByRole('button', { name: `Ignorer : ${delta.nom}` }).click();
			await settle(page);
			await expectDecided(item(page, 'new', delta.nom!), 'ignoré');
			// Gone: its offers closed.
			await item(page, 'gone', beta.nom!).getByRole('button', { name: `Fermer ses offres : ${beta.nom}` }).click();
			await settle(page);
			await expectDecided(item(page, 'gone', beta.nom!), 'fermé');
			// Duplicates: one merged into Gamma, the other kept as a place of its own.
			await item(page, 'duplicate', annexe.nom!).getByRole('button', { name: `Fusionner avec « ${gamma.nom} »` }).click();
			await settle(page);
			await expectDecided(item(page, 'duplicate', annexe.nom!), 'fusionné');
			await item(page, 'duplicate', soir.nom!).getByRole('button', { name: `Garder les deux : ${soir.nom}` }).click();
			await settle(page);
			await expectDecided(item(page, 'duplicate', soir.nom!), 'les deux gardés');
			await expect(page.getByRole('navigation', { name: 'Sections de la revue' })).not.toContainText('à décider');
			await expectAccessible(page, browser, baseURL!, javaScriptEnabled);

			// The database.
			const a = (await placeBySourceId(f.source, alpha.id!))!;
			expect(a.phone, 'the local correction stays').toBe('03 20 00 11 22');
			expect((await offersOf(a.id)).map((o) => [o.hours, o.status])).toEqual([['Mo-Fr 09:00-12:00', 'active']]);
			expect((await offersOf(placeB.id)).map((o) => o.status)).toEqual(['closed']);
			expect(await placeBySourceId(f.source, delta.id!)).toBeUndefined();
			const c = (await placeBySourceId(f.source, gamma.id!))!;
			expect(c.email).toBe(annexe.courriel);
			expect(c.name, 'the name was not ticked').toBe(gamma.nom);
			expect(await sourcesOf(c.id), 'the merged upstream id points at Gamma').toEqual(
				[
					{ source: f.source, source_id: gamma.id },
					{ source: f.source, source_id: annexe.id }
				].sort((x, y) => x.source_id!.localeCompare(y.source_id!))
			);
			const e = (await placeBySourceId(f.source, soir.id!))!;
			expect(e).toMatchObject({ name: soir.nom, source_id: soir.id });
			expect(e.id).not.toBe(c.id);
			expect(await sourcesOf(e.id)).toEqual([{ source: f.source, source_id: soir.id }]);
			expect((await offersOf(e.id)).map((o) => o.status)).toEqual(['active']);
			const decisions = await all<{ source_id: string; decision: string }>(
				'select source_id, decision from import_review_items where review_id = ? order by source_id',
				second
			);
			expect(Object.fromEntries(decisions.map((d) => [d.source_id, d.decision]))).toEqual({
				[alpha.id!]: 'applied',
				[beta.id!]: 'closed',
				[gamma.id!]: 'kept_local',
				[delta.id!]: 'ignored',
				[annexe.id!]: 'merged',
				[soir.id!]: 'kept_both'
			});

			// The public pages.
			await open(page, `/lieux/${a.id}`);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(alpha.nom!);
			await expect(page.locator('ul.contact')).toContainText('Téléphone : 03 20 00 11 22');
			await expect(page.locator('p.osm code')).toHaveText('Mo-Fr 09:00-12:00');
			await open(page, `/lieux/${c.id}`);
			await expect(page.locator('ul.contact')).toContainText(`E-mail : ${annexe.courriel}`);
			await open(page, `/lieux/${e.id}`);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(soir.nom!);
			await open(page, `/lieux/${placeB.id}`);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(beta.nom!);
			await expect(page.locator('section.offer'), 'no open offer left').toHaveCount(0);
			const offers = (await (await page.request.get('/api/v1/offers?limit=1000')).json()) as { offers: { place: { id: number } }[] };
			const listedIds = new Set(offers.offers.map((o) => o.place.id));
			expect([a.id, c.id, e.id].every((id) => listedIds.has(id))).toBe(true);
			expect(listedIds.has(placeB.id)).toBe(false);

			// --- 4. An extract that no longer lists any of them: the section closed at once. ------------
			await uploadForReview(page, `revue-${f.tag}-3.csv`, csv([epsilon]));
			await expectSection(page, 'new', 'Lieux nouveaux', [epsilon.nom!]);
			await expectSection(page, 'gone', 'Lieux disparus de la source', [alpha.nom!, gamma.nom!, soir.nom!]);
			await section(page, 'gone').getByRole('button', { name: 'Fermer tous les lieux disparus (3)' }).click();
			await settle(page);
			await expect(page.getByRole('status').filter({ hasText: 'ligne(s) traitée(s)' })).toHaveText('3 ligne(s) traitée(s).');
			for (const name of [alpha.nom!, gamma.nom!, soir.nom!]) await expectDecided(item(page, 'gone', name), 'fermé');
			await item(page, 'new', epsilon.nom!).getByRole('button', { name: `Ignorer : ${epsilon.nom}` }).click();
			await settle(page);
			await expectDecided(item(page, 'new', epsilon.nom!), 'ignoré');
			expect(
				(await all<{ status: string }>("select o.status from offers o join places p on p.id = o.place_id where p.source = ?", f.source)).map((o) => o.status)
			).toEqual(['closed', 'closed', 'closed', 'closed']);
		} finally {
			await closeEverythingOf(f.source);
		}
	});

	test('un extrait avec des lignes fausses, une valeur inconnue et un lieu hors de Roubaix : refusées, avertissements, hors territoire', async ({
		page,
		context,
		browser,
		baseURL,
		javaScriptEnabled,
		consoleErrors
	}, info) => {
		// The upload refused whole answers 400, which Chromium logs.
		consoleErrors.allow(/status of 400/);
		const f = fixtureFor(info);
		const { alpha, beta, gamma, delta } = f.rows;
		// Delta is in Lille: set aside unless asked for.
		const lille = { ...delta, commune: 'Lille', code_postal: '59000', latitude: '50.63660', longitude: '3.06350' };
		await signInAs(context, uniqueEmail('revue-import-erreur', info), 'coordinator');
		try {
			const mixed = csv([alpha, { ...beta, code_postal: '591' }, { ...gamma, services: 'Réparer son vélo;Prendre en main un ordinateur' }, lille]);
			const reviewId = await uploadForReview(page, `melange-${f.tag}.csv`, mixed);
			// Only Alpha and Gamma are to decide; Bêta is refused, Delta set aside.
			await expectSection(page, 'new', 'Lieux nouveaux', [alpha.nom!, gamma.nom!]);
			await expect(item(page, 'new', gamma.nom!)).toContainText('valeur de la source non reconnue : « Réparer son vélo » (services)');
			const report = page.getByRole('region', { name: 'Ce que le fichier n’a pas pu donner' });
			const refused = report.getByRole('table', { name: 'Lignes refusées' });
			await expect(refused.getByRole('columnheader')).toHaveText(['Ligne', 'Champ', 'Raison']);
			await expect(refused.locator('tbody tr')).toHaveCount(1);
			await expect(refused.locator('tbody tr').nth(0).getByRole('cell')).toHaveText(['ligne 3', 'code_postal', 'code postal sur 5 chiffres attendu']);
			const warned = report.getByRole('table', { name: 'Avertissements' });
			await expect(warned.locator('tbody tr').nth(0).getByRole('cell')).toHaveText(['ligne 4', gamma.nom!, 'services', 'valeur inconnue « Réparer son vélo »']);
			await expect(report.getByRole('heading', { name: 'Hors territoire (1)' })).toBeVisible();
			await expect(report.locator('details li')).toHaveText([`ligne 5 : ${lille.nom} (Lille)`]);
			await expectAccessible(page, browser, baseURL!, javaScriptEnabled);
			if (javaScriptEnabled) await report.screenshot({ path: 'docs/screenshots/import-revue-rapport.png' });
			expect(await placeBySourceId(f.source, alpha.id!), 'a review writes nothing').toBeUndefined();

			// With the box ticked, Delta is in the review too.
			await open(page, '/admin/imports');
			await page.getByLabel('Fichier au schéma national des lieux de médiation numérique').setInputFiles({
				name: `melange-${f.tag}.csv`,
				mimeType: 'text/csv',
				buffer: Buffer.from(mixed, 'utf8')
			});
			await page.getByLabel('Importer aussi les lieux hors de Roubaix (hors territoire)').check();
			await page.getByRole('button', { name: 'Mettre en revue' }).click();
			await settle(page);
			await expect(page).toHaveURL(new RegExp(`/admin/imports/(?!${reviewId}$)\\d+$`));
			await expectSection(page, 'new', 'Lieux nouveaux', [alpha.nom!, gamma.nom!, lille.nom!]);
			await expect(page.getByRole('heading', { name: 'Hors territoire (0)' })).toBeVisible();

			// A file with no row to import is refused whole, in French, and nothing is created.
			const before = await directoryChecksum();
			await upload(page, `casse-${f.tag}.csv`, csv([{ ...beta, code_postal: '591' }, { ...gamma, latitude: 'nord' }]));
			await expect(page).toHaveURL(/\/admin\/imports(\?\/upload)?$/);
			const alert = page.getByRole('alert');
			await expect(alert).toContainText('2 ligne(s) refusée(s) sur 2 : aucun lieu à importer. Rien n’a été mis en revue.');
			const table = alert.getByRole('table', { name: 'Lignes refusées' });
			await expect(table.locator('tbody tr').nth(0).getByRole('cell')).toHaveText(['ligne 2', 'code_postal', 'code postal sur 5 chiffres attendu']);
			await expect(table.locator('tbody tr').nth(1).getByRole('cell')).toHaveText(['ligne 3', 'latitude', 'latitude doit être un nombre']);
			await expectAccessible(page, browser, baseURL!, javaScriptEnabled);
			expect(await directoryChecksum(), 'no review, no place').toBe(before);

			// No file at all, and a file that is no extract: French, nothing created.
			await open(page, '/admin/imports');
			await page.getByRole('button', { name: 'Mettre en revue' }).click();
			await settle(page);
			await expect(page.getByRole('alert')).toContainText('Choisissez un fichier à importer (CSV, JSON ou GeoJSON au schéma national).');
			await upload(page, `notes-${f.tag}.txt`, 'pas un extrait');
			await expect(page.getByRole('alert')).toContainText('Format non reconnu : le nom du fichier doit finir par .csv, .json ou .geojson.');
			await expectAccessible(page, browser, baseURL!, javaScriptEnabled);
			expect(await directoryChecksum()).toBe(before);
		} finally {
			await closeEverythingOf(f.source);
		}
	});
});
