import { filtersToParams, parseFilters, type Filters } from '$lib/domain/filters';
import { parisDate, searchCatalogue, type SearchResult } from '$lib/domain/search';
import { NEEDS } from '$lib/domain/themes';
import { PUBLICS, SPECIFIC_SUPPORT } from '$lib/domain/vocabulary';
import { loadCatalogue } from './catalogue';
import { database } from './db';
import { listAreas } from './db/queries/areas';
import { summarizePlace } from './directory';
import { Lru } from './lru';

const PAGE_SIZE = 50;

const CHOICES = {
	needs: NEEDS.map(({ code, label }) => ({ code, label })),
	publics: PUBLICS.map(({ code, label }) => ({ code, label })),
	specificSupport: SPECIFIC_SUPPORT.map(({ code, label }) => ({ code, label }))
};

type Catalogue = Awaited<ReturnType<typeof loadCatalogue>>;
type Errors = { param: string; message: string }[];
export type HomeView = Awaited<ReturnType<typeof buildView>>;

/**
 * What the home page shows depends only on the directory's version, the filters and the minute
 * (hours say « ouvert » or « ferme à 17 h »; OSM hours change state on whole minutes, so a view
 * computed at the minute's start holds for all of it). Views are kept per such key: a visit
 * that repeats a recent one costs a version check and a map lookup, not a search.
 */
const views = new Lru<Promise<HomeView>>(200);

/**
 * The search itself depends on the clock only through « quand » (open now: the minute; a day or
 * the evening: the Paris date, for temporary closures), so the views of the next minute reuse it:
 * at national size the search is what a view costs, the hours of 50 cards are cheap.
 */
const searches = new Lru<SearchResult>(100);

function search(catalogue: Catalogue, filters: Filters, query: string, now: Date): SearchResult {
	const clock = !filters.when ? '' : filters.when === 'maintenant' ? String(now.getTime()) : parisDate(now);
	return searches.getOrSet(`${catalogue.key}|${query}|${clock}`, () => searchCatalogue(catalogue.places, filters, now));
}

async function request(url: URL, now: Date) {
	const catalogue = await loadCatalogue();
	const parsed = parseFilters(url.searchParams, { areaCodes: catalogue.areaCodes, extraParams: ['page'] });
	const errors: Errors = parsed.ok ? [] : parsed.errors;
	const pageRaw = url.searchParams.get('page') ?? '1';
	const pageOk = /^\d+$/.test(pageRaw);
	if (!pageOk) errors.push({ param: 'page', message: 'La page attend un numéro.' });
	const minute = Math.floor(now.getTime() / 60_000);
	const query = filtersToParams(parsed.filters).toString();
	const page = pageOk ? Number(pageRaw) : 1;
	const key = [catalogue.key, query, page, minute, errors.length ? JSON.stringify(errors) : ''].join('|');
	return { catalogue, filters: parsed.filters, errors, query, page, instant: new Date(minute * 60_000), key };
}

/** The key of what `homeView(url)` returns now: the page cache keys the rendered HTML with it. */
export async function homeViewKey(url: URL, now = new Date()): Promise<string> {
	return (await request(url, now)).key;
}

export async function homeView(url: URL, now = new Date()): Promise<HomeView> {
	const r = await request(url, now);
	return views.getOrSet(r.key, () => {
		const built = buildView(r.catalogue, r.filters, r.query, r.errors, r.page, r.instant);
		// A failed build is not kept: the next request tries again.
		built.catch(() => views.delete(r.key));
		return built;
	});
}

async function buildView(catalogue: Catalogue, filters: Filters, query: string, errors: Errors, requestedPage: number, now: Date) {
	const result = search(catalogue, filters, query, now);
	const pageCount = Math.max(1, Math.ceil(result.places.length / PAGE_SIZE));
	const page = Math.min(Math.max(requestedPage, 1), pageCount);
	const shown = result.places.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
	const areas = await listAreas(database().db);
	return {
		filters,
		query,
		errors,
		levelCounts: result.levelCounts,
		placeCount: result.places.length,
		offerCount: result.offerCount,
		page,
		pageCount,
		places: shown.map((m) => summarizePlace(m.place, m.offers, now)),
		choices: CHOICES,
		areas: {
			grandQuartiers: areas.filter((a) => a.kind === 'grand_quartier'),
			iris: areas.filter((a) => a.kind === 'iris'),
			qpv: areas.filter((a) => a.kind === 'qpv')
		}
	};
}
