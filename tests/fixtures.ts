/**
 * Shared fixtures and helpers for the end-to-end tests.
 *
 * `test` is Playwright's, with a `page` that records browser console errors and uncaught page
 * errors and fails the test when any is left at the end. SwiftShader logs "GPU stall" *warnings*:
 * only messages of type `error` count. A test that triggers an error on purpose (a 404 page makes
 * Chromium log "Failed to load resource … 404") declares it with `consoleErrors.allow(/…/)`.
 */
import { test as base, expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';

/** Console errors recorded in one test, and the patterns this test expects. */
export class ConsoleErrors {
	readonly messages: string[] = [];
	readonly allowed: RegExp[] = [];
	/** Errors whose text matches are expected by this test and do not fail it. */
	allow(pattern: RegExp): void {
		this.allowed.push(pattern);
	}
	unexpected(): string[] {
		return this.messages.filter((text) => !this.allowed.some((re) => re.test(text)));
	}
}

export const test = base.extend<{ consoleErrors: ConsoleErrors }>({
	// eslint-disable-next-line no-empty-pattern
	consoleErrors: async ({}, use) => {
		await use(new ConsoleErrors());
	},
	page: async ({ page, consoleErrors }, use) => {
		page.on('console', (message) => {
			if (message.type() !== 'error') return;
			const where = message.location().url;
			consoleErrors.messages.push(`console.error: ${message.text()}${where ? ` (${where})` : ''}`);
		});
		page.on('pageerror', (error) => consoleErrors.messages.push(`pageerror: ${error.name}: ${error.message}`));
		await use(page);
		const unexpected = consoleErrors.unexpected();
		expect(unexpected, `browser console errors during the test:\n${unexpected.join('\n')}`).toEqual([]);
	}
});

export { expect };

// ---------------------------------------------------------------------------------------------------
// The app's vocabulary (URL contract: these slugs are what a user sees in the address bar).

export const LEVEL_KEYS = ['discover', 'learn', 'support', 'reinforced', 'unknown'] as const;
export type LevelKey = (typeof LEVEL_KEYS)[number];
export const LEVEL_SLUG: Record<LevelKey, string> = {
	discover: 'decouvrir',
	learn: 'apprendre',
	support: 'etre-accompagne',
	reinforced: 'renforce',
	unknown: 'a-preciser'
};

// ---------------------------------------------------------------------------------------------------
// The read API, used as the source of truth the pages are compared with.

export interface ApiArea {
	code: string;
	name: string;
}
export interface ApiPlace {
	id: number;
	name: string;
	address: string;
	latitude: number;
	longitude: number;
	url: string;
	iris: ApiArea | null;
	grand_quartier: ApiArea | null;
	qpv: ApiArea | null;
	quality_flags: { code: string; detail: string }[];
}
export interface ApiOffer {
	id: number;
	level: string | null;
	level_slug: string;
	level_rank: number;
	level_label: string;
	level_inferred: boolean;
	hours: string | null;
	place: ApiPlace;
}
export interface ApiOffers {
	total: number;
	limit: number;
	offset: number;
	level_counts: Record<LevelKey, number>;
	offers: ApiOffer[];
}

/** All offers matching `query` (one page of up to 1000, which the whole data set fits in). */
export async function apiOffers(request: APIRequestContext, query = ''): Promise<ApiOffers> {
	const params = new URLSearchParams(query);
	params.set('limit', '1000');
	const response = await request.get(`/api/v1/offers?${params}`);
	expect(response.status(), `GET /api/v1/offers?${params}`).toBe(200);
	const body = (await response.json()) as ApiOffers;
	expect(body.offers.length, 'the whole result fits in one API page').toBe(body.total);
	return body;
}

/** Distinct places of an API answer, in the API's order. */
export function placesOf(body: ApiOffers): ApiPlace[] {
	const byId = new Map<number, ApiPlace>();
	for (const offer of body.offers) if (!byId.has(offer.place.id)) byId.set(offer.place.id, offer.place);
	return [...byId.values()];
}

export function sortedIds(ids: Iterable<number>): number[] {
	return [...ids].sort((a, b) => a - b);
}

// ---------------------------------------------------------------------------------------------------
// The home page

export function placeCards(page: Page): Locator {
	return page.locator('article[data-place-id]');
}

export async function listedPlaceIds(page: Page): Promise<number[]> {
	const ids = await placeCards(page).evaluateAll((cards) => cards.map((c) => Number(c.getAttribute('data-place-id'))));
	return sortedIds(ids);
}

export function resultsHeading(page: Page): Locator {
	return page.locator('#titre-resultats');
}

/** « 39 lieux · 63 offres » (singular for 1), as the results heading words it. */
export function countsText(places: number, offers: number): RegExp {
	const word = (n: number, one: string, many: string) => `${n}\\s+${n > 1 ? many : one}`;
	return new RegExp(`^\\s*${word(places, 'lieu', 'lieux')}\\s*·\\s*${word(offers, 'offre', 'offres')}\\s*$`);
}

// ---------------------------------------------------------------------------------------------------
// The MapLibre map (JavaScript only)

/**
 * With JavaScript, waits until the page is hydrated (the interactive map's container only exists
 * once components have mounted), so a click is handled by the app and not lost before hydration.
 */
export async function hydrated(page: Page, javaScriptEnabled: boolean): Promise<void> {
	if (javaScriptEnabled) await expect(page.locator('div.map[data-status]').first()).toBeAttached({ timeout: 15_000 });
}

/**
 * After a navigation: with JavaScript, until the page is interactive (the root layout, or the
 * island script of a page without hydration, marks <html data-hydrated>), so what a test types is
 * not lost and forms are enhanced; without, the loaded page is all there is. Faster than waiting
 * for network silence, which costs half a second each time.
 */
export async function settled(page: Page): Promise<void> {
	if (test.info().project.use.javaScriptEnabled === false) return page.waitForLoadState('load');
	await expect(page.locator('html[data-hydrated]')).toBeAttached({ timeout: 30_000 });
}

/** Waits until the interactive map says it is loaded (or failed); returns its final status. */
export async function settleMap(page: Page, timeout = 30_000): Promise<string> {
	const map = page.locator('div.map[data-status]').first();
	await expect(map).toHaveAttribute('data-status', /^(loaded|error)$/, { timeout });
	return (await map.getAttribute('data-status')) ?? '';
}

export interface RenderedPoints {
	/** Ids of places drawn as single points. */
	singles: number[];
	/** point_count of each drawn cluster. */
	clusters: number[];
	/** Places represented: singles plus the clusters' counts. */
	represented: number;
}

/** What the map draws now, from its `points` and `clusters` layers (deduplicated across tiles). */
export async function renderedPoints(page: Page): Promise<RenderedPoints> {
	return page.locator('div.map[data-status]').first().evaluate((el) => {
		type Feature = { properties: Record<string, unknown> };
		const map = (el as unknown as { __map?: { queryRenderedFeatures(o: unknown): Feature[]; loaded(): boolean } }).__map;
		if (!map) throw new Error('the map container exposes no __map');
		const singles = new Set<number>();
		for (const f of map.queryRenderedFeatures({ layers: ['points'] })) singles.add(Number(f.properties.id));
		const clusters = new Map<number, number>();
		for (const f of map.queryRenderedFeatures({ layers: ['clusters'] }))
			clusters.set(Number(f.properties.cluster_id), Number(f.properties.point_count));
		const counts = [...clusters.values()];
		return {
			singles: [...singles].sort((a, b) => a - b),
			clusters: counts,
			represented: singles.size + counts.reduce((a, b) => a + b, 0)
		};
	});
}

/** Ids of the places drawn by one of the map's layers (e.g. the hover highlight). */
export async function renderedIdsOf(page: Page, layer: string): Promise<number[]> {
	return page.locator('div.map[data-status]').first().evaluate((el, layerId) => {
		type Feature = { properties: Record<string, unknown> };
		const map = (el as unknown as { __map?: { queryRenderedFeatures(o: unknown): Feature[] } }).__map;
		if (!map) throw new Error('the map container exposes no __map');
		const ids = new Set(map.queryRenderedFeatures({ layers: [layerId] }).map((f) => Number(f.properties.id)));
		return [...ids].sort((a, b) => a - b);
	}, layer);
}
