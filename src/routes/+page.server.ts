import { filtersToParams, parseFilters } from '$lib/domain/filters';
import { searchCatalogue } from '$lib/domain/search';
import { NEEDS } from '$lib/domain/themes';
import { PUBLICS, SPECIFIC_SUPPORT } from '$lib/domain/vocabulary';
import { loadCatalogue } from '$lib/server/catalogue';
import { database } from '$lib/server/db';
import { listAreas } from '$lib/server/db/queries/areas';
import { summarizePlace } from '$lib/server/directory';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 50;

// Rendered on the server only: the map and the list–map link come from a small island script
// (src/lib/client/enhance.ts), so the page carries no framework JavaScript.
export const csr = false;

export const load: PageServerLoad = async ({ url }) => {
	const catalogue = await loadCatalogue();
	const parsed = parseFilters(url.searchParams, { areaCodes: catalogue.areaCodes, extraParams: ['page'] });
	const errors = parsed.ok ? [] : parsed.errors;
	const pageRaw = url.searchParams.get('page') ?? '1';
	let page = /^\d+$/.test(pageRaw) ? Number(pageRaw) : 1;
	if (!/^\d+$/.test(pageRaw)) errors.push({ param: 'page', message: 'La page attend un numéro.' });

	const now = new Date();
	const result = searchCatalogue(catalogue.places, parsed.filters, now);
	const pageCount = Math.max(1, Math.ceil(result.places.length / PAGE_SIZE));
	page = Math.min(Math.max(page, 1), pageCount);
	const shown = result.places.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);

	const areas = await listAreas(database().db);
	return {
		filters: parsed.filters,
		query: filtersToParams(parsed.filters).toString(),
		errors,
		levelCounts: result.levelCounts,
		placeCount: result.places.length,
		offerCount: result.offerCount,
		page,
		pageCount,
		places: shown.map((m) => summarizePlace(m.place, m.offers, now)),
		choices: {
			needs: NEEDS.map(({ code, label }) => ({ code, label })),
			publics: PUBLICS.map(({ code, label }) => ({ code, label })),
			specificSupport: SPECIFIC_SUPPORT.map(({ code, label }) => ({ code, label }))
		},
		areas: {
			grandQuartiers: areas.filter((a) => a.kind === 'grand_quartier'),
			iris: areas.filter((a) => a.kind === 'iris'),
			qpv: areas.filter((a) => a.kind === 'qpv')
		}
	};
};
