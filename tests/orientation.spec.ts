/**
 * The orientation flow (/orienter), with and without JavaScript (projects `js` and `nojs`): five
 * residents a worker meets at the front desk, driven through the five steps by clicking as a worker
 * would; the whole orientation kept in the URL; bad addresses; the places put on the sheet; the
 * anonymous record of each completed orientation; axe on every step.
 *
 * Expectations come from the read API (places, offers, areas) and from the domain functions the
 * app itself documents (recommended levels, walking time = straight line × 1.3 at 4.5 km/h),
 * never from numbers copied off the page.
 */
import { readFileSync } from 'node:fs';
import type { APIRequestContext, Locator, Page } from '@playwright/test';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import centroid from '@turf/centroid';
import { dbRows } from './accounts';
import type { FeatureCollection, LineString, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import { opensWithinWindow } from '../src/lib/domain/hours';
import { LEVEL_INFO, type Level } from '../src/lib/domain/levels';
import { nextStepLevels, parcoursExplanation, recommendedLevels, type Autonomy } from '../src/lib/domain/orientation/autonomy';
import { NO_WALK_LIMIT, STEPS, WALK_LIMITS } from '../src/lib/domain/orientation/choices';
import { EVERYDAY_NEEDS } from '../src/lib/domain/orientation/needs';
import { walkingMinutes, type LonLat } from '../src/lib/domain/orientation/walking';
import { buildStreetDirectory, searchStreets, type StreetEntry } from '../src/lib/domain/streets';
import { apiOffers, expect, placesOf, test, type ApiOffer, type ApiPlace } from './fixtures';
import { analyzablePage, expectNoAxeViolations } from './axe';

// ---------------------------------------------------------------------------------------------------
// Reference data: the API, the City's street file, the domain's rules

/** The API's offer, with the fields the orientation filters on. */
type Offer = ApiOffer & {
	themes: string[];
	tags: string[];
	fees: string[];
	languages: string[];
	access_modes: string[];
	status: string;
};

async function allOffers(request: APIRequestContext): Promise<Offer[]> {
	return (await apiOffers(request)).offers as Offer[];
}

/** Offers an everyday need matches, at one of the levels, not closed. */
function offersFor(offers: Offer[], needCode: string, levels: readonly Level[]): Offer[] {
	const need = EVERYDAY_NEEDS.find((n) => n.code === needCode)!;
	const matches = new Set<string>(need.matches);
	return offers.filter(
		(o) =>
			o.status !== 'closed' &&
			o.level !== null &&
			(levels as readonly string[]).includes(o.level) &&
			(o.themes.some((t) => matches.has(t)) || o.tags.some((t) => matches.has(t)))
	);
}

function levelsFor(autonomy: Autonomy, needCodes: string[]): Level[] {
	return recommendedLevels(
		autonomy,
		needCodes.map((c) => EVERYDAY_NEEDS.find((n) => n.code === c)!)
	);
}

/** « 3. Être accompagné ; 4. Accompagnement renforcé », as the results say it. */
function levelsSentence(levels: readonly Level[]): string {
	return levels.map((l) => `${LEVEL_INFO[l].rank}. ${LEVEL_INFO[l].label}`).join(' ; ');
}

interface Iris {
	code: string;
	name: string;
	geometry: Polygon | MultiPolygon;
	/** Where a resident « from that neighbourhood » starts: the area's centroid. */
	centre: LonLat;
}

async function irisAreas(request: APIRequestContext): Promise<Iris[]> {
	const response = await request.get('/api/v1/areas.geojson?type=iris');
	expect(response.status()).toBe(200);
	const body = (await response.json()) as FeatureCollection<Polygon | MultiPolygon, { code: string; name: string }>;
	return body.features.map((f) => {
		const [lon, lat] = centroid(f).geometry.coordinates as [number, number];
		return { code: f.properties.code, name: f.properties.name, geometry: f.geometry, centre: { lon, lat } };
	});
}

async function irisNamed(request: APIRequestContext, name: string): Promise<Iris> {
	const iris = (await irisAreas(request)).find((a) => a.name === name);
	expect(iris, `IRIS « ${name} » in /api/v1/areas.geojson`).toBeDefined();
	return iris!;
}

let directory: StreetEntry[] | null = null;
/** The City's street file, read the way the server reads it (one point per street name). */
function streetDirectory(): StreetEntry[] {
	if (!directory) {
		const file = JSON.parse(readFileSync('db/seed/roubaix_voies_filaire.geojson', 'utf8')) as FeatureCollection<
			LineString | MultiLineString,
			{ nom_de_la_rue: string }
		>;
		directory = buildStreetDirectory(file.features.map((f) => ({ name: f.properties.nom_de_la_rue, geometry: f.geometry })));
	}
	return directory;
}

function street(name: string): StreetEntry {
	const entry = streetDirectory().find((e) => e.name === name);
	expect(entry, `street « ${name} » in the City's file`).toBeDefined();
	return entry!;
}

function placeById(places: ApiPlace[], id: number): ApiPlace {
	const place = places.find((p) => p.id === id);
	expect(place, `place ${id} in the API`).toBeDefined();
	return place!;
}

function minutesFrom(origin: LonLat, place: ApiPlace): number {
	return walkingMinutes(origin, { lon: place.longitude, lat: place.latitude });
}

// ---------------------------------------------------------------------------------------------------
// Reading the page

interface Card {
	id: number;
	name: string;
	/** Text of each level badge, e.g. « 3 Niveau 3 : Être accompagné (niveau déduit) ». */
	levels: string[];
	reasons: string[];
	uncertainties: string[];
	/** From the « N min à pied » reason. */
	minutes: number | null;
}

async function cardsIn(list: Locator): Promise<Card[]> {
	const raw = await list.locator('article.candidate').evaluateAll((articles) =>
		articles.map((a) => ({
			id: Number(a.querySelector('input[name="lieux"]')?.getAttribute('value')),
			name: (a.querySelector('h4')?.textContent ?? '').trim(),
			levels: [...a.querySelectorAll('ul.levels > li')].map((li) => (li.textContent ?? '').replace(/\s+/g, ' ').trim()),
			reasons: (a.querySelector('.reasons')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
			uncertainties: [...a.querySelectorAll('.uncertain .badge')].map((b) => (b.textContent ?? '').trim())
		}))
	);
	return raw.map((c) => {
		const reasons = c.reasons
			.replace(/^Pourquoi\s*:\s*/, '')
			.split(' · ')
			.map((r) => r.trim())
			.filter(Boolean);
		const walk = reasons.map((r) => /^(\d+) min à pied$/.exec(r)).find((m) => m !== null);
		return { ...c, reasons, minutes: walk ? Number(walk[1]) : null };
	});
}

const resultsSection = (page: Page) => page.locator('section.results');
/** The places conseillés: the three best shown, the rest folded under « Voir les N autres » (issue 15). */
const mainList = (page: Page) => page.locator('#lieux-conseilles');
const nextStepList = (page: Page) =>
	page.locator('section.results > h3', { hasText: 'Étape suivante du parcours' }).locator('xpath=following-sibling::ol[1]');
const relaxation = (page: Page, label: string) => page.getByRole('region', { name: label, exact: true });
const question = (page: Page) => page.locator('section.question');

function stepOf(url: URL): number | null {
	const raw = url.searchParams.getAll('etape').at(-1);
	return raw ? Number(raw) : null;
}

/** Every level badge of the cards is one of `levels` (by its label). */
function expectLevels(cards: Card[], levels: readonly Level[], where: string) {
	const labels = levels.map((l) => `Niveau ${LEVEL_INFO[l].rank} : ${LEVEL_INFO[l].label}`);
	for (const card of cards) {
		expect(card.levels.length, `${where}: « ${card.name} » shows its level`).toBeGreaterThan(0);
		for (const badge of card.levels)
			expect(labels.some((l) => badge.includes(l)), `${where}: « ${card.name} » badge « ${badge} » is one of ${labels.join(' / ')}`).toBe(true);
	}
}

/**
 * Results of the same certainty come nearest first: `certaintyOf` gives the card's rank in
 * « sure first » order; minutes never decrease inside a rank and ranks never decrease.
 */
function expectNearestFirst(cards: Card[], certaintyOf: (c: Card) => number = () => 0) {
	for (const [i, card] of cards.entries()) {
		expect(card.minutes, `« ${card.name} » says « N min à pied »`).not.toBeNull();
		if (i === 0) continue;
		const before = cards[i - 1]!;
		const [a, b] = [certaintyOf(before), certaintyOf(card)];
		expect(b, `certainty order: « ${before.name} » before « ${card.name} »`).toBeGreaterThanOrEqual(a);
		if (a === b)
			expect(card.minutes!, `walking time order: « ${before.name} » (${before.minutes} min) before « ${card.name} »`).toBeGreaterThanOrEqual(
				before.minutes!
			);
	}
}

/** Each card's « N min à pied » is the documented estimate from `origin` to the place. */
function expectWalkFrom(cards: Card[], origin: LonLat, places: ApiPlace[]) {
	for (const card of cards) expect(card.minutes, `walking time to « ${card.name} »`).toBe(minutesFrom(origin, placeById(places, card.id)));
}

// ---------------------------------------------------------------------------------------------------
// Driving the form like a worker

/**
 * With JavaScript, a click is only handled by the app once SvelteKit's router has started (after
 * hydration). The router listens for `submit` on the document element: this init script notes it.
 */
async function watchRouter(page: Page) {
	await page.addInitScript(() => {
		const add = EventTarget.prototype.addEventListener;
		EventTarget.prototype.addEventListener = function (this: EventTarget, type: string, ...rest: unknown[]) {
			if (type === 'submit' && this === document.documentElement) (window as unknown as { __routerStarted: boolean }).__routerStarted = true;
			return (add as (...args: unknown[]) => void).call(this, type, ...rest);
		} as typeof EventTarget.prototype.addEventListener;
	});
}

async function ready(page: Page, javaScriptEnabled: boolean) {
	if (javaScriptEnabled)
		await page.waitForFunction(() => (window as unknown as { __routerStarted?: boolean }).__routerStarted === true, null, { timeout: 15_000 });
}

async function expectStep(page: Page, n: number) {
	const nav = page.getByRole('navigation', { name: "Étapes de l'orientation" });
	await expect(nav.locator('[aria-current="step"]')).toContainText(STEPS[n - 1]!.title);
	await expect(page.locator('#titre-etape')).toContainText(new RegExp(`^\\s*${n}\\. `));
}

const needsOf = (codes: string[]) => EVERYDAY_NEEDS.filter((n) => codes.includes(n.code));

class Worker {
	/** The needs ticked so far: the parcours sentence depends on them. */
	readonly needs: string[] = [];

	constructor(
		readonly page: Page,
		readonly js: boolean
	) {}

	async open(path = '/orienter') {
		const response = await this.page.goto(path);
		expect(response?.status()).toBe(200);
		await ready(this.page, this.js);
	}

	/** With JavaScript the change alone puts the answer in the URL, on the same step. */
	async answered(check: (params: URLSearchParams) => boolean, step: number) {
		if (!this.js) return;
		await expect(this.page).toHaveURL((url) => url.pathname === '/orienter' && stepOf(url) === step && check(url.searchParams));
		await expectStep(this.page, step);
	}

	async next(to: number) {
		const name = to === 5 ? 'Voir les lieux' : 'Étape suivante';
		await question(this.page).getByRole('button', { name, exact: true }).click();
		await expect(this.page).toHaveURL((url) => url.pathname === '/orienter' && stepOf(url) === to);
		await expectStep(this.page, to);
	}

	async need(label: string, code: string) {
		await expectStep(this.page, 1);
		await question(this.page).getByText(label, { exact: true }).click();
		await expect(question(this.page).locator(`input[name="besoin"][value="${code}"]`)).toBeChecked();
		this.needs.push(code);
		await this.answered((p) => p.getAll('besoin').includes(code), 1);
		await this.next(2);
	}

	async autonomy(code: Autonomy) {
		await expectStep(this.page, 2);
		const label = (await question(this.page).locator(`label:has(input[name="autonomie"][value="${code}"]) > span`).textContent()) ?? '';
		await question(this.page).getByText(label.trim(), { exact: true }).click();
		await expect(question(this.page).locator(`input[name="autonomie"][value="${code}"]`)).toBeChecked();
		await this.answered((p) => p.get('autonomie') === code, 2);
		// With JavaScript, the sentence explaining the parcours follows the answer at once.
		if (this.js) await expect(question(this.page).locator('.explain')).toHaveText(parcoursExplanation(code, needsOf(this.needs)));
		await this.next(3);
	}

	async area(iris: Iris) {
		await expectStep(this.page, 3);
		await question(this.page).getByLabel('Ou son quartier').selectOption({ label: iris.name });
		await this.answered((p) => p.get('territoire') === iris.code, 3);
		if (this.js) await expect(this.page.getByRole('status').filter({ hasText: 'Point de départ' })).toHaveText(`Point de départ : le centre du quartier ${iris.name}.`);
		await this.next(4);
		await expect(this.answer('Départ')).toContainText(`le centre du quartier ${iris.name}`);
	}

	/** Types part of the street name, asks for the streets, picks one. */
	async streetSearch(typed: string, choice: string) {
		await expectStep(this.page, 3);
		await question(this.page).getByLabel('Nom de la rue').fill(typed);
		await question(this.page).getByRole('button', { name: 'Chercher la rue' }).click();
		await expect(this.page).toHaveURL((url) => url.searchParams.get('rue') === typed && stepOf(url) === 3);
		const found = question(this.page).getByRole('group', { name: 'Rues trouvées' });
		await expect(found.getByRole('radio', { name: choice, exact: true })).toBeVisible();
		await found.getByText(choice, { exact: true }).click();
		await expect(found.getByRole('radio', { name: choice, exact: true })).toBeChecked();
		await this.answered((p) => p.get('voie') === choice, 3);
		if (this.js)
			await expect(
				this.page.getByRole('status').filter({ hasText: 'Point de départ' }),
				`the street « ${choice} » picked among the streets found becomes the starting point`
			).toHaveText(`Point de départ : ${choice}.`);
		await this.next(4);
		// The chosen street is the starting point (never the resident's address).
		await expect(this.answer('Départ'), `the street « ${choice} » chosen at step 3 is kept as the starting point`).toContainText(choice);
	}

	/** The « Réponses déjà données » line for one answer. */
	answer(label: string): Locator {
		return this.page.getByRole('definition').filter({ has: this.page.getByRole('link', { name: `Modifier : ${label.toLowerCase()}` }) });
	}

	async check(name: string, value: string, click: () => Promise<void>) {
		await expectStep(this.page, 4);
		await click();
		await expect(question(this.page).locator(`input[name="${name}"][value="${value}"]`)).toBeChecked();
		await this.answered((p) => p.getAll(name).includes(value), 4);
	}

	async language(label: string, code: string) {
		await this.check('langue', code, () => question(this.page).getByText(label, { exact: true }).click());
	}
	async freeOnly() {
		await this.check('gratuit', '1', () => question(this.page).getByText('Gratuit seulement', { exact: true }).click());
	}
	async withoutAppointment() {
		await this.check('rdv', 'sans', () => question(this.page).locator('label', { hasText: 'Sans rendez-vous' }).click());
	}
	async available(weekday: number, day: string, period: string, periodCode: string) {
		await this.check('dispo', `${weekday}-${periodCode}`, () => question(this.page).getByRole('checkbox', { name: `${day} ${period}` }).click());
	}
	async walkAtMost(minutes: number) {
		await expectStep(this.page, 4);
		await question(this.page).getByLabel('Temps de marche au plus').selectOption(String(minutes));
		await this.answered((p) => p.get('marche') === String(minutes), 4);
	}

	async anyWalk() {
		await expectStep(this.page, 4);
		await question(this.page).getByLabel('Temps de marche au plus').selectOption({ label: 'Peu importe' });
		await this.answered((p) => p.get('marche') === NO_WALK_LIMIT, 4);
	}

	async results() {
		await this.next(5);
		await expect(resultsSection(this.page)).toBeVisible();
	}
}

// A step that cannot happen should fail in seconds, not at the test timeout.
test.use({ actionTimeout: 10_000, navigationTimeout: 15_000 });

test.beforeEach(async ({ page, javaScriptEnabled }) => {
	if (javaScriptEnabled) await watchRouter(page);
});

// ---------------------------------------------------------------------------------------------------
// 1. Five residents

test.describe('orienter : cinq habitants', () => {
	test('une senior de l’Épeule qui n’a jamais utilisé d’ordinateur, pour ameli', async ({ page, request, javaScriptEnabled }) => {
		const places = placesOf(await apiOffers(request));
		const epeule = await irisNamed(request, 'Épeule Centre');
		const levels = levelsFor('jamais', ['sante']);
		expect(levels).toEqual(['support', 'reinforced']);
		const next = nextStepLevels(levels);
		expect(next).toEqual(['learn']);

		const worker = new Worker(page, javaScriptEnabled);
		await worker.open();
		await worker.need('Santé', 'sante');
		await worker.autonomy('jamais');
		await worker.area(epeule);
		// Step 4 proposes 15 minutes for her (issue 15); the worker lifts it to see the whole town,
		// and the workshops of the next step, which are all farther away.
		await worker.anyWalk();
		await worker.results();

		await expect(page).toHaveURL((url) => url.searchParams.get('territoire') === epeule.code && url.searchParams.get('autonomie') === 'jamais');
		const results = resultsSection(page);
		await expect(results.getByText(`Niveau recommandé : ${levelsSentence(levels)}.`, { exact: true })).toBeVisible();
		await expect(results.locator('.explain')).toHaveText(parcoursExplanation('jamais', needsOf(['sante'])));
		await expect(results).toContainText(`Temps de marche depuis le centre du quartier ${epeule.name} : distance à vol d'oiseau × 1,3, à 4,5 km/h.`);

		const cards = await cardsIn(mainList(page));
		expect(cards.length, 'places for a health démarche at levels 3/4').toBeGreaterThanOrEqual(3);
		await expect(page.locator('#titre-lieux')).toHaveText(new RegExp(`^\\s*${cards.length}\\s+lieux conseillés\\s*$`));
		expectLevels(cards, levels, 'résultats');
		expectNearestFirst(cards);
		expectWalkFrom(cards, epeule.centre, places);
		// Two levels recommended: each card says which one it offers.
		for (const card of cards) expect(card.reasons.some((r) => levels.some((l) => r === LEVEL_INFO[l].label)), `« ${card.name} » reasons name its level`).toBe(true);

		// Then, towards autonomy: workshops.
		await expect(results.getByRole('heading', { name: 'Étape suivante du parcours' })).toBeVisible();
		await expect(results.getByText(`Pour devenir plus autonome ensuite : ${levelsSentence(next)}.`, { exact: true })).toBeVisible();
		const workshops = await cardsIn(nextStepList(page));
		expect(workshops.length).toBeGreaterThan(0);
		expectLevels(workshops, next, 'étape suivante');
		expectNearestFirst(workshops);
		expect(workshops.filter((w) => cards.some((c) => c.id === w.id)), 'next step repeats no result').toEqual([]);
	});

	test('une mère de Pile qui doit suivre Pronote, parle arabe, gratuit seulement', async ({ page, request, javaScriptEnabled }) => {
		const offers = await allOffers(request);
		const places = placesOf(await apiOffers(request));
		// The real data: no offer says it speaks Arabic.
		expect(offers.filter((o) => o.languages.includes('ar'))).toEqual([]);
		const pile = await irisNamed(request, 'Pile Centre');
		const levels = levelsFor('un-peu', ['ecole']);
		expect(levels).toEqual(['learn']);
		// Without the interpreter: free workshops for the need, nearest first, at most five.
		const eligible = [...new Set(offersFor(offers, 'ecole', levels).filter((o) => o.fees.includes('Gratuit')).map((o) => o.place.id))];
		expect(eligible.length).toBeGreaterThan(0);
		const expectedMinutes = eligible
			.map((id) => minutesFrom(pile.centre, placeById(places, id)))
			.sort((a, b) => a - b)
			.slice(0, 5);

		const worker = new Worker(page, javaScriptEnabled);
		await worker.open();
		await worker.need('École', 'ecole');
		await worker.autonomy('un-peu');
		await worker.area(pile);
		await worker.language('Arabe', 'ar');
		if (javaScriptEnabled) {
			// The results follow the answer at once, still on step 4.
			await expect(relaxation(page, 'sans interprète en arabe')).toBeVisible();
		}
		await worker.freeOnly();
		await worker.results();

		await expect(worker.answer('Contraintes')).toContainText('parle arabe, gratuit seulement');
		const results = resultsSection(page);
		await expect(results.getByText(`Niveau recommandé : ${levelsSentence(levels)}.`, { exact: true })).toBeVisible();
		// Fewer than three places meet every condition: here none.
		await expect(mainList(page)).toHaveCount(0);
		await expect(results.getByText('Aucun lieu ne répond à toutes ces conditions.')).toBeVisible();
		await expect(results.getByRole('heading', { name: 'En assouplissant un critère' })).toBeVisible();

		// The cost of relaxing is said: without an interpreter in Arabic.
		const withoutInterpreter = relaxation(page, 'sans interprète en arabe');
		await expect(withoutInterpreter.getByRole('heading', { level: 4, name: "Si c'est possible sans interprète en arabe", exact: true })).toBeVisible();
		const cards = await cardsIn(withoutInterpreter);
		expect(cards.map((c) => c.minutes)).toEqual(expectedMinutes);
		for (const card of cards) {
			expect(eligible, `« ${card.name} » has a free workshop for school`).toContain(card.id);
			expect(card.reasons, `« ${card.name} » reasons`).toContain('gratuit');
			expect(card.reasons).toContain(`${card.minutes} min à pied`);
			expect(card.reasons.join(' · ')).not.toContain('parle arabe');
		}
		expectLevels(cards, levels, 'sans interprète');
		expectNearestFirst(cards);
		expectWalkFrom(cards, pile.centre, places);
	});

	test('un demandeur d’emploi des Trois Ponts, disponible le samedi matin', async ({ page, request, javaScriptEnabled }) => {
		const offers = await allOffers(request);
		const places = placesOf(await apiOffers(request));
		const troisPonts = await irisNamed(request, 'Trois Ponts Sud');
		const levels = levelsFor('bloque', ['emploi']);
		expect(levels).toEqual(['support']);
		const forJobs = offersFor(offers, 'emploi', levels);
		// Saturday (ISO 6) morning, 8 h to 12 h, read with the app's own hours rules.
		const openSaturdayMorning = new Set(forJobs.filter((o) => o.hours && opensWithinWindow(o.hours, 6, '08:00', '12:00')).map((o) => o.place.id));
		const unknownHours = new Set(
			forJobs.filter((o) => !o.hours && !forJobs.some((x) => x.place.id === o.place.id && x.hours)).map((o) => o.place.id)
		);
		expect(openSaturdayMorning.size).toBeGreaterThan(0);
		expect(unknownHours.size).toBeGreaterThan(0);

		const worker = new Worker(page, javaScriptEnabled);
		await worker.open();
		await worker.need('Emploi', 'emploi');
		await worker.autonomy('bloque');
		await worker.area(troisPonts);
		await worker.available(6, 'samedi', 'le matin', 'matin');
		await worker.results();

		await expect(worker.answer('Contraintes')).toContainText('samedi le matin');
		await expect(resultsSection(page).getByText(`Niveau recommandé : ${levelsSentence(levels)}.`, { exact: true })).toBeVisible();
		const cards = await cardsIn(mainList(page));
		const sure = cards.filter((c) => c.reasons.includes('ouvert samedi matin'));
		expect(sortedIds(sure.map((c) => c.id)), 'places whose hours say they open on Saturday morning').toEqual(sortedIds(openSaturdayMorning));
		// They come first, then the places whose hours are unknown, each saying so.
		expect(cards.slice(0, sure.length).map((c) => c.id)).toEqual(sure.map((c) => c.id));
		const others = cards.slice(sure.length);
		expect(sortedIds(others.map((c) => c.id))).toEqual(sortedIds(unknownHours));
		for (const card of others) expect(card.uncertainties, `« ${card.name} »`).toContain('horaires non renseignés');
		for (const card of sure) expect(card.uncertainties, `« ${card.name} »`).not.toContain('horaires non renseignés');
		expectNearestFirst(cards, (c) => (c.uncertainties.includes('horaires non renseignés') ? 1 : 0));
		expectWalkFrom(cards, troisPonts.centre, places);
	});

	test('quelqu’un qui ne peut pas faire seul ses impôts, avenue de Verdun', async ({ page, request, javaScriptEnabled }) => {
		const places = placesOf(await apiOffers(request));
		const levels = levelsFor('pas-seul', ['demarches']);
		expect(levels).toEqual(['reinforced']);
		const verdun = street('Avenue de Verdun');
		expect(searchStreets(streetDirectory(), 'av verdun').map((e) => e.name)).toContain('Avenue de Verdun');
		const franceServices = places.find((p) => /france services/i.test(p.name) && /^71 avenue de verdun$/i.test(p.address.trim()));
		expect(franceServices, 'the France services at 71 avenue de Verdun in the API').toBeDefined();

		const worker = new Worker(page, javaScriptEnabled);
		await worker.open();
		await worker.need('Démarches administratives', 'demarches');
		await worker.autonomy('pas-seul');
		await worker.streetSearch('av verdun', 'Avenue de Verdun');
		await worker.results();

		const results = resultsSection(page);
		await expect(results.getByText(`Niveau recommandé : ${levelsSentence(levels)}.`, { exact: true })).toBeVisible();
		await expect(results).toContainText("Temps de marche depuis Avenue de Verdun : distance à vol d'oiseau × 1,3, à 4,5 km/h.");
		const cards = await cardsIn(mainList(page));
		expectLevels(cards, levels, 'résultats');
		expectNearestFirst(cards);
		expectWalkFrom(cards, verdun, places);
		const rank = cards.findIndex((c) => c.id === franceServices!.id);
		expect(rank, 'the France services of the avenue is among the first three').toBeGreaterThanOrEqual(0);
		expect(rank).toBeLessThan(3);
		expect(cards[rank]!.reasons).toContain(`${minutesFrom(verdun, franceServices!)} min à pied`);
		// The resident's street is never stored in the URL as an address: only the street's name.
		expect(new URL(page.url()).searchParams.get('voie')).toBe('Avenue de Verdun');
	});

	test('apprendre les bases sans rendez-vous, à 15 minutes au plus de l’Alma', async ({ page, request, javaScriptEnabled }) => {
		const places = placesOf(await apiOffers(request));
		const alma = await irisNamed(request, 'Alma Sud');
		const levels = levelsFor('jamais', ['bases']);
		expect(levels).toEqual(['discover', 'learn']);
		expect(WALK_LIMITS).toContain(15);

		const worker = new Worker(page, javaScriptEnabled);
		await worker.open();
		await worker.need('Apprendre les bases', 'bases');
		await worker.autonomy('jamais');
		await worker.area(alma);
		await worker.withoutAppointment();
		await worker.walkAtMost(15);
		await worker.results();

		await expect(worker.answer('Contraintes')).toContainText('sans rendez-vous, 15 min à pied au plus');
		await expect(resultsSection(page).getByText(`Niveau recommandé : ${levelsSentence(levels)}.`, { exact: true })).toBeVisible();
		const cards = await cardsIn(mainList(page));
		expect(cards.length).toBeGreaterThan(0);
		for (const card of cards) {
			expect(card.minutes, `« ${card.name} » within 15 min`).toBeLessThanOrEqual(15);
			// The sources say nothing of appointments: walking in is not sure, and the card says so.
			if (!card.reasons.includes('sans rendez-vous')) expect(card.uncertainties, `« ${card.name} »`).toContain("modalités d'accès non renseignées");
		}
		expect(cards.filter((c) => c.uncertainties.includes("modalités d'accès non renseignées")).length).toBeGreaterThan(0);
		expectLevels(cards, levels, 'résultats');
		expectNearestFirst(cards, (c) => (c.uncertainties.includes("modalités d'accès non renseignées") ? 1 : 0));
		expectWalkFrom(cards, alma.centre, places);
		// Every place of the data within 15 minutes with a workshop or free access for the basics is listed.
		const offers = await allOffers(request);
		const near = new Set(
			offersFor(offers, 'bases', levels)
				.filter((o) => minutesFrom(alma.centre, o.place) <= 15)
				.map((o) => o.place.id)
		);
		expect(sortedIds(cards.map((c) => c.id))).toEqual(sortedIds(near));
	});
});

function sortedIds(ids: Iterable<number>): number[] {
	return [...ids].sort((a, b) => a - b);
}

// ---------------------------------------------------------------------------------------------------
// 2. The orientation is its URL

/** Ids of every card of the results, section by section. */
async function allCardIds(page: Page): Promise<number[][]> {
	const main = (await cardsIn(mainList(page))).map((c) => c.id);
	const relax = (await cardsIn(page.locator('section.relax'))).map((c) => c.id);
	const next = (await cardsIn(nextStepList(page))).map((c) => c.id);
	return [main, relax, next];
}

test.describe('orienter : tout est dans l’adresse', () => {
	test('recharger ou partager l’adresse des résultats redonne la même liste', async ({ page, request, browser, baseURL, javaScriptEnabled }) => {
		const epeule = await irisNamed(request, 'Épeule Centre');
		const url = `/orienter?etape=5&besoin=sante&autonomie=jamais&territoire=${epeule.code}&dispo=6-matin`;
		const worker = new Worker(page, javaScriptEnabled);
		await worker.open(url);
		const first = await allCardIds(page);
		expect(first[0]!.length).toBeGreaterThan(0);
		await page.reload();
		await ready(page, javaScriptEnabled);
		expect(await allCardIds(page)).toEqual(first);
		// Someone else opening the shared link sees the same list.
		const context = await browser.newContext({ javaScriptEnabled, baseURL, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
		try {
			const other = await context.newPage();
			await other.goto(url);
			expect(await allCardIds(other)).toEqual(first);
		} finally {
			await context.close();
		}
	});

	test('« Modifier » ramène à la bonne étape, les réponses gardées', async ({ page, request, javaScriptEnabled }) => {
		const pile = await irisNamed(request, 'Pile Centre');
		const worker = new Worker(page, javaScriptEnabled);
		worker.needs.push('ecole');
		await worker.open(`/orienter?etape=5&besoin=ecole&autonomie=un-peu&territoire=${pile.code}&langue=ar&gratuit=1`);
		await expectStep(page, 5);
		await expect(worker.answer('Besoin')).toContainText('École');
		await expect(worker.answer('Autonomie')).toContainText('Se débrouille un peu');
		await expect(worker.answer('Départ')).toContainText(`le centre du quartier ${pile.name}`);

		// Back to the constraints: they are ticked.
		await page.getByRole('link', { name: 'Modifier : contraintes' }).click();
		await expectStep(page, 4);
		await expect(question(page).getByRole('checkbox', { name: 'Arabe' })).toBeChecked();
		await expect(question(page).getByRole('checkbox', { name: 'Gratuit seulement' })).toBeChecked();

		// Back to the autonomy: the answer is selected; another one, then on through the steps.
		await page.getByRole('link', { name: 'Modifier : autonomie' }).click();
		await expectStep(page, 2);
		await expect(question(page).locator('input[name="autonomie"][value="un-peu"]')).toBeChecked();
		await worker.autonomy('jamais');
		await expect(question(page).getByLabel('Ou son quartier')).toHaveValue(pile.code);
		await worker.next(4);
		await expect(question(page).getByRole('checkbox', { name: 'Arabe' })).toBeChecked();
		await expect(question(page).getByRole('checkbox', { name: 'Gratuit seulement' })).toBeChecked();
		await worker.results();
		await expect(page).toHaveURL(
			(u) =>
				u.searchParams.getAll('besoin').join() === 'ecole' &&
				u.searchParams.get('autonomie') === 'jamais' &&
				u.searchParams.get('territoire') === pile.code &&
				u.searchParams.getAll('langue').join() === 'ar' &&
				u.searchParams.get('gratuit') === '1'
		);
		await expect(resultsSection(page).getByText(`Niveau recommandé : ${levelsSentence(levelsFor('jamais', ['ecole']))}.`, { exact: true })).toBeVisible();

		// The step list leads back to the need, still ticked.
		await page.getByRole('navigation', { name: "Étapes de l'orientation" }).getByRole('link', { name: /Le besoin/ }).click();
		await expectStep(page, 1);
		await expect(question(page).locator('input[name="besoin"][value="ecole"]')).toBeChecked();
	});
});

// ---------------------------------------------------------------------------------------------------
// 3. Bad addresses

test.describe('orienter : adresses incorrectes', () => {
	test('des réponses illisibles donnent une alerte en français, jamais une erreur 500', async ({ page, request }) => {
		const response = await page.goto('/orienter?besoin=xyz&autonomie=zz&marche=7&lon=99');
		expect(response?.status()).toBe(200);
		const alert = page.getByRole('alert');
		await expect(alert).toContainText("Certaines réponses de l'adresse n'ont pas été comprises et sont ignorées");
		await expect(alert).toContainText('Besoin inconnu : « xyz »');
		await expect(alert).toContainText("Niveau d'autonomie inconnu : « zz »");
		await expect(alert).toContainText(`Temps de marche attendu : ${WALK_LIMITS.join(', ')} minutes.`);
		await expect(alert).toContainText('Le point choisi sur la carte est hors de Roubaix ou illisible.');
		// Nothing understood: the first question, nothing ticked, no results.
		await expectStep(page, 1);
		await expect(question(page).locator('input[name="besoin"]:checked')).toHaveCount(0);
		await expect(resultsSection(page)).toHaveCount(0);

		const odd = [
			'/orienter?etape=9',
			'/orienter?etape=5&besoin=sante&autonomie=jamais&lat=abc',
			'/orienter?etape=5&besoin=sante&autonomie=jamais&territoire=59512',
			'/orienter?etape=5&besoin=sante&autonomie=jamais&voie=Rue%20qui%20n%27existe%20pas',
			'/orienter?etape=5&besoin=sante&autonomie=jamais&dispo=8-nuit&langue=xx&pec=yy&rdv=avec',
			`/orienter?etape=3&besoin=sante&autonomie=jamais&rue=${'a'.repeat(300)}`,
			'/orienter?etape=3&besoin=sante,emploi,sante&autonomie=jamais&rue=%25%27%22%3C'
		];
		for (const url of odd) {
			const r = await request.get(url);
			expect(r.status(), url).toBe(200);
		}
		await page.goto('/orienter?etape=5&besoin=sante&autonomie=jamais&voie=Rue%20qui%20n%27existe%20pas');
		await expect(page.getByRole('alert')).toContainText("Rue inconnue : « Rue qui n'existe pas »");
	});

	test('une étape sans ses réponses préalables revient à l’étape manquante', async ({ page }) => {
		// Results asked without the autonomy: the autonomy question, the need kept.
		await page.goto('/orienter?etape=5&besoin=sante');
		await expectStep(page, 2);
		await expect(page.getByRole('alert')).toHaveCount(0);
		await expect(page.getByRole('definition').filter({ hasText: 'Santé' })).toBeVisible();
		await expect(resultsSection(page)).toHaveCount(0);
		// Without a need, whatever else: the first question.
		await page.goto('/orienter?etape=4&autonomie=jamais');
		await expectStep(page, 1);
		await expect(resultsSection(page)).toHaveCount(0);
		// Step 3 with both answers is shown as asked.
		await page.goto('/orienter?etape=3&besoin=sante&autonomie=jamais');
		await expectStep(page, 3);
	});
});

// ---------------------------------------------------------------------------------------------------
// 4. The sheet

test.describe('orienter : préparer la fiche', () => {
	test('deux lieux cochés « Mettre sur la fiche » partent sur la fiche', async ({ page, request, javaScriptEnabled }) => {
		const epeule = await irisNamed(request, 'Épeule Centre');
		const worker = new Worker(page, javaScriptEnabled);
		await worker.open(`/orienter?etape=5&besoin=sante&autonomie=jamais&territoire=${epeule.code}`);
		const cards = mainList(page).locator('article.candidate');
		const chosen: number[] = [];
		for (const i of [0, 1]) {
			const card = cards.nth(i);
			await card.getByText('Mettre sur la fiche').click();
			await expect(card.getByRole('checkbox', { name: 'Mettre sur la fiche' })).toBeChecked();
			chosen.push(Number(await card.getByRole('checkbox').getAttribute('value')));
		}
		await page.getByLabel('Langue de la fiche').selectOption({ label: 'Arabe' });
		await page.getByRole('button', { name: 'Préparer la fiche' }).click();

		await expect(page).toHaveURL((u) => u.pathname === '/orienter/fiche');
		const url = new URL(page.url());
		const ids = url.searchParams.getAll('lieux').flatMap((v) => v.split(',')).map(Number);
		expect(sortedIds(ids)).toEqual(sortedIds(chosen));
		expect(url.searchParams.get('langue')).toBe('ar');
		expect(url.searchParams.getAll('besoin')).toEqual(['sante']);
		for (const id of chosen) await expect(page.locator(`section.place[data-place-id="${id}"]`)).toBeVisible();
	});
});

// ---------------------------------------------------------------------------------------------------
// 5. Unmet demand, recorded without personal data

interface OrientationRow {
	[column: string]: unknown;
	needs: string;
	levels: string;
	iris_code: string | null;
	area_code: string | null;
	constraints: string;
	results: number;
	within_15_min: number;
}

function orientationRows(needs: string[]): Promise<OrientationRow[]> {
	return dbRows<OrientationRow>('SELECT * FROM orientations WHERE needs = ?', JSON.stringify(needs));
}

test.describe('orienter : demande enregistrée', () => {
	test('« Voir les lieux » enregistre une ligne, sans adresse ; rouvrir ou partager les résultats n’enregistre rien', async ({
		page,
		request,
		javaScriptEnabled
	}) => {
		// A need no other test asks, one per project, so the count is this test's own.
		const need = javaScriptEnabled ? 'reparer' : 'creer';
		const verdun = street('Avenue de Verdun');
		const iris = (await irisAreas(request)).find((a) => booleanPointInPolygon([verdun.lon, verdun.lat], a.geometry));
		expect(iris, 'the IRIS of the avenue de Verdun').toBeDefined();
		const levels = levelsFor('un-peu', [need]);
		expect(await orientationRows([need])).toEqual([]);

		const results = `/orienter?etape=5&besoin=${need}&autonomie=un-peu&voie=${encodeURIComponent('Avenue de Verdun')}&gratuit=1&marche=20`;
		const constraints = results.replace('etape=5', 'etape=4');
		// A shared link to the results shows them and records nothing: `load` only reads.
		await page.goto(results);
		await expect(resultsSection(page)).toBeVisible();
		expect(await orientationRows([need]), 'opening the results’ address records nothing').toEqual([]);

		// The last step's button records the orientation, then shows the results at that same address:
		// a plain form post without JavaScript, SvelteKit's `enhance` (a fetch) with it.
		const posts: string[] = [];
		page.on('request', (r) => {
			if (r.method() === 'POST' && new URL(r.url()).search === '?/resultats') posts.push(r.headers()['x-sveltekit-action'] ? 'enhance' : 'form');
		});
		const worker = new Worker(page, javaScriptEnabled);
		worker.needs.push(need);
		await worker.open(constraints);
		await worker.results();
		expect(new URL(page.url()).searchParams.toString(), 'the results’ shareable address').toBe(new URL(results, page.url()).searchParams.toString());
		const shown = (await cardsIn(mainList(page))).length;
		expect(await orientationRows([need])).toHaveLength(1);

		// Reloading the results records nothing; the same answers sent again soon after are the same orientation.
		await page.reload();
		await ready(page, javaScriptEnabled);
		await expect(resultsSection(page)).toBeVisible();
		await worker.open(constraints);
		await worker.results();
		const rows = await orientationRows([need]);
		expect(rows, 'one row for the same orientation sent twice and reloaded').toHaveLength(1);
		expect(posts).toEqual(javaScriptEnabled ? ['enhance', 'enhance'] : ['form', 'form']);
		const row = rows[0]!;
		expect(JSON.parse(row.needs)).toEqual([need]);
		expect(JSON.parse(row.levels)).toEqual(levels);
		expect(row.iris_code).toBe(iris!.code);
		expect(row.area_code).toBeNull();
		expect(row.results).toBe(shown);
		expect(JSON.parse(row.constraints)).toMatchObject({ freeOnly: true, maxWalkMinutes: 20 });
		// Nothing that locates the resident: no street, no coordinates, no address column.
		const text = JSON.stringify(row).toLowerCase();
		for (const word of ['verdun', 'avenue', String(verdun.lon).slice(0, 6), String(verdun.lat).slice(0, 6)])
			expect(text, `the row mentions « ${word} »`).not.toContain(word);
		for (const column of Object.keys(row)) expect(column).not.toMatch(/adress|address|rue|street|voie|lon|lat|name|ip/i);

		// Steps before the results record nothing.
		await page.goto(constraints);
		expect(await orientationRows([need])).toHaveLength(1);
	});
});

// ---------------------------------------------------------------------------------------------------
// 6. Accessibility

test.describe('orienter : accessibilité (axe, WCAG 2.1 AA)', () => {
	test('étapes 1 à 5 : aucune violation', async ({ page, request, browser, baseURL, javaScriptEnabled }) => {
		const pile = await irisNamed(request, 'Pile Centre');
		const pages: [string, number][] = [
			['/orienter', 1],
			['/orienter?etape=2&besoin=sante&autonomie=jamais', 2],
			// The street search with its list of streets found.
			['/orienter?etape=3&besoin=demarches&autonomie=pas-seul&rue=av%20verdun', 3],
			[`/orienter?etape=4&besoin=ecole&autonomie=un-peu&territoire=${pile.code}&langue=ar&gratuit=1&dispo=6-matin`, 4],
			// Results with a relaxation and a next step.
			[`/orienter?etape=5&besoin=demarches&autonomie=pas-seul&voie=${encodeURIComponent('Avenue de Verdun')}`, 5]
		];
		const failures: string[] = [];
		for (const [url, step] of pages) {
			await page.goto(url);
			await ready(page, javaScriptEnabled);
			await expectStep(page, step);
			const analyzed = await analyzablePage(page, browser, baseURL!, javaScriptEnabled);
			try {
				await expectNoAxeViolations(analyzed);
			} catch (error) {
				failures.push(String((error as Error).message));
			} finally {
				if (analyzed !== page) await analyzed.context().close();
			}
		}
		expect(failures, failures.join('\n\n')).toEqual([]);
	});
});
