/**
 * The read API (/api/v1/…) and the static map, through HTTP only (`request` fixture). These tests
 * need no browser, so they run the same, and fast, in both projects.
 */
import type { APIRequestContext } from '@playwright/test';
import { LEVEL_KEYS, LEVEL_SLUG, apiOffers, expect, placesOf, sortedIds, test, type ApiOffers } from './fixtures';

/** Roubaix's commune polygon bounding box, from the areas API. */
async function roubaixBbox(request: APIRequestContext): Promise<[number, number, number, number]> {
	const response = await request.get('/api/v1/areas.geojson?type=commune');
	expect(response.status()).toBe(200);
	const body = (await response.json()) as { features: { geometry: { type: string; coordinates: unknown } }[] };
	const positions: [number, number][] = [];
	const walk = (c: unknown): void => {
		if (Array.isArray(c) && typeof c[0] === 'number') positions.push(c as [number, number]);
		else if (Array.isArray(c)) c.forEach(walk);
	};
	for (const f of body.features) walk(f.geometry.coordinates);
	expect(positions.length).toBeGreaterThan(3);
	const lons = positions.map((p) => p[0]);
	const lats = positions.map((p) => p[1]);
	return [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
}

test.describe('API /api/v1/offers', () => {
	test('le jeu de données réel : 39 lieux, 63 offres', async ({ request }) => {
		const all = await apiOffers(request);
		expect(all.total).toBe(63);
		expect(placesOf(all)).toHaveLength(39);
		// The counts by level add up to the offers (no filter on the level).
		expect(LEVEL_KEYS.reduce((sum, k) => sum + all.level_counts[k], 0)).toBe(all.total);
		for (const offer of all.offers) {
			expect(offer.level_slug).toBe(LEVEL_SLUG[(offer.level ?? 'unknown') as keyof typeof LEVEL_SLUG]);
			expect(offer.place.url).toMatch(new RegExp(`/lieux/${offer.place.id}$`));
		}
	});

	test('pagination : total, limit et offset', async ({ request }) => {
		const all = await apiOffers(request);
		const def = await request.get('/api/v1/offers');
		expect(def.status()).toBe(200);
		const first = (await def.json()) as ApiOffers;
		expect(first.limit).toBe(100);
		expect(first.offset).toBe(0);
		expect(first.total).toBe(all.total);
		expect(first.offers).toHaveLength(Math.min(100, all.total));

		// Walking the pages by 10 gives every offer once, in the same order.
		const seen: number[] = [];
		for (let offset = 0; offset < all.total; offset += 10) {
			const response = await request.get(`/api/v1/offers?limit=10&offset=${offset}`);
			expect(response.status()).toBe(200);
			const page = (await response.json()) as ApiOffers;
			expect(page.total).toBe(all.total);
			expect(page.limit).toBe(10);
			expect(page.offset).toBe(offset);
			expect(page.offers).toHaveLength(Math.min(10, all.total - offset));
			seen.push(...page.offers.map((o) => o.id));
		}
		expect(seen).toEqual(all.offers.map((o) => o.id));

		// Past the end: an empty page, still with the total.
		const past = (await (await request.get(`/api/v1/offers?offset=${all.total}`)).json()) as ApiOffers;
		expect(past.offers).toEqual([]);
		expect(past.total).toBe(all.total);
	});

	test('les filtres de l’API sont ceux de la page', async ({ request }) => {
		const cases = ['niveau=renforce', 'niveau=decouvrir&niveau=renforce', 'gratuit=1', 'quand=samedi', 'territoire=qpv', 'q=roubaix'];
		for (const query of cases) {
			const api = await apiOffers(request, query);
			const html = await (await request.get(`/?${query}`)).text();
			const ids = sortedIds([...html.matchAll(/data-place-id="(\d+)"/g)].map((m) => Number(m[1])));
			expect(ids, `places of /?${query}`).toEqual(sortedIds(placesOf(api).map((p) => p.id)));
			const heading = /<h2 id="titre-resultats"[^>]*>([\s\S]*?)<\/h2>/.exec(html)?.[1]?.replace(/\s+/g, ' ').trim();
			expect(heading, `results heading of /?${query}`).toMatch(new RegExp(`^${placesOf(api).length} lieux? · ${api.total} offres?$`));
		}
		// Several levels combine with OR; the level filter never changes the counts by level.
		const both = await apiOffers(request, 'niveau=decouvrir&niveau=renforce');
		const all = await apiOffers(request);
		expect(both.total).toBe(all.level_counts.discover + all.level_counts.reinforced);
		expect(both.level_counts).toEqual(all.level_counts);
		expect(new Set(both.offers.map((o) => o.level_slug))).toEqual(new Set(['decouvrir', 'renforce']));
		// A comma list is the same as a repeated parameter.
		expect((await apiOffers(request, 'niveau=decouvrir,renforce')).total).toBe(both.total);
	});

	test('offers.geojson : une FeatureCollection de points dans Roubaix', async ({ request }) => {
		const [west, south, east, north] = await roubaixBbox(request);
		const response = await request.get('/api/v1/offers.geojson');
		expect(response.status()).toBe(200);
		expect(response.headers()['content-type']).toContain('application/geo+json');
		const body = (await response.json()) as {
			type: string;
			features: { type: string; id: number; geometry: { type: string; coordinates: [number, number] }; properties: { id: number } }[];
		};
		const all = await apiOffers(request);
		expect(body.type).toBe('FeatureCollection');
		expect(body.features).toHaveLength(all.total);
		for (const f of body.features) {
			expect(f.type).toBe('Feature');
			expect(f.geometry.type).toBe('Point');
			const [lon, lat] = f.geometry.coordinates;
			expect(lon, `longitude of offer ${f.id}`).toBeGreaterThanOrEqual(west);
			expect(lon, `longitude of offer ${f.id}`).toBeLessThanOrEqual(east);
			expect(lat, `latitude of offer ${f.id}`).toBeGreaterThanOrEqual(south);
			expect(lat, `latitude of offer ${f.id}`).toBeLessThanOrEqual(north);
			expect(f.properties.id).toBe(f.id);
		}
		// Filtered like the JSON.
		const saturday = (await (await request.get('/api/v1/offers.geojson?quand=samedi')).json()) as { features: { id: number }[] };
		expect(sortedIds(saturday.features.map((f) => f.id))).toEqual(sortedIds((await apiOffers(request, 'quand=samedi')).offers.map((o) => o.id)));
	});

	test('areas.geojson : 38 IRIS, 3 QPV, 13 grands quartiers, 1 commune', async ({ request }) => {
		const expected = { iris: 38, qpv: 3, grand_quartier: 13, commune: 1 } as const;
		let sum = 0;
		for (const [type, count] of Object.entries(expected)) {
			const response = await request.get(`/api/v1/areas.geojson?type=${type}`);
			expect(response.status(), type).toBe(200);
			const body = (await response.json()) as {
				type: string;
				features: { geometry: { type: string }; properties: { code: string; kind: string; name: string } }[];
			};
			expect(body.type).toBe('FeatureCollection');
			expect(body.features, type).toHaveLength(count);
			for (const f of body.features) {
				expect(f.properties.kind).toBe(type);
				expect(f.properties.name).toBeTruthy();
				expect(['Polygon', 'MultiPolygon']).toContain(f.geometry.type);
			}
			expect(new Set(body.features.map((f) => f.properties.code)).size, `${type} codes are unique`).toBe(count);
			sum += count;
		}
		const all = (await (await request.get('/api/v1/areas.geojson')).json()) as { features: unknown[] };
		expect(all.features).toHaveLength(sum);
	});

	test('carte.svg : un rond par lieu filtré', async ({ request }) => {
		for (const query of ['', 'niveau=renforce', 'quand=samedi']) {
			const places = placesOf(await apiOffers(request, query));
			const response = await request.get(`/carte.svg${query ? `?${query}` : ''}`);
			expect(response.status()).toBe(200);
			expect(response.headers()['content-type']).toContain('image/svg+xml');
			const svg = await response.text();
			expect(svg.startsWith('<svg')).toBe(true);
			const points = /<g class="points"[^>]*>([\s\S]*?)<\/g>/.exec(svg)?.[1] ?? '';
			expect((points.match(/<circle /g) ?? []).length, `circles of /carte.svg?${query}`).toBe(places.length);
			const ids = sortedIds([...points.matchAll(/<a href="\/lieux\/(\d+)">/g)].map((m) => Number(m[1])));
			expect(ids).toEqual(sortedIds(places.map((p) => p.id)));
		}
	});
});

test.describe('API : paramètres refusés', () => {
	const long = 'a'.repeat(101);
	const cases: [endpoint: string, query: string, parameter: string][] = [
		['/api/v1/offers', 'foo=1', 'foo'],
		['/api/v1/offers', 'niveau=expert', 'niveau'],
		['/api/v1/offers', 'limit=0', 'limit'],
		['/api/v1/offers', 'limit=5000', 'limit'],
		['/api/v1/offers', 'limit=abc', 'limit'],
		['/api/v1/offers', 'limit=-1', 'limit'],
		['/api/v1/offers', 'offset=abc', 'offset'],
		['/api/v1/offers', 'offset=-5', 'offset'],
		['/api/v1/offers', 'territoire=123', 'territoire'],
		['/api/v1/offers', 'territoire=QN00000X', 'territoire'],
		['/api/v1/offers', 'quand=demain', 'quand'],
		['/api/v1/offers', `q=${long}`, 'q'],
		['/api/v1/offers', 'besoin=rien', 'besoin'],
		['/api/v1/offers', 'public=martiens', 'public'],
		['/api/v1/offers', 'prise-en-charge=x', 'prise-en-charge'],
		['/api/v1/offers', 'gratuit=peut-etre', 'gratuit'],
		['/api/v1/offers', 'page=2', 'page'],
		['/api/v1/offers.geojson', 'limit=10', 'limit'],
		['/api/v1/offers.geojson', 'niveau=9', 'niveau'],
		['/api/v1/offers.geojson', 'quand=hier', 'quand'],
		['/api/v1/areas.geojson', 'type=departement', 'type'],
		['/api/v1/areas.geojson', 'format=kml', 'format'],
		['/carte.svg', 'niveau=expert', 'niveau'],
		['/carte.svg', 'lieu=999999', 'lieu'],
		['/carte.svg', 'lieu=abc', 'lieu']
	];

	test('chaque paramètre inconnu ou mal formé reçoit un 400 qui le nomme', async ({ request }) => {
		for (const [endpoint, query, parameter] of cases) {
			const url = `${endpoint}?${query}`;
			const response = await request.get(url);
			expect(response.status(), url).toBe(400);
			expect(response.headers()['content-type'], url).toContain('application/json');
			const body = (await response.json()) as { error: string; errors: { parameter: string; message: string }[] };
			expect(typeof body.error, url).toBe('string');
			expect(body.errors.map((e) => e.parameter), url).toContain(parameter);
			for (const e of body.errors) expect(e.message.length, `${url}: message for ${e.parameter}`).toBeGreaterThan(0);
		}
	});

	test('plusieurs erreurs sont toutes nommées, et jamais de 500', async ({ request }) => {
		const response = await request.get('/api/v1/offers?niveau=x&limit=0&foo=bar');
		expect(response.status()).toBe(400);
		const body = (await response.json()) as { errors: { parameter: string }[] };
		expect(body.errors.map((e) => e.parameter).sort()).toEqual(['foo', 'limit', 'niveau']);

		// Odd but harmless values: answered, not crashed.
		for (const query of ['q=%00', 'q=%E9', 'q=%F0%9F%98%80', 'niveau=', 'territoire=', 'quand=', 'offset=999999999', `q=${'é'.repeat(100)}`]) {
			const res = await request.get(`/api/v1/offers?${query}`);
			expect(res.status(), query).toBeLessThan(500);
		}
	});
});
