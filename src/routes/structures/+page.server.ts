import { ACTOR_KINDS, UNKNOWN_KIND_LABEL, UNKNOWN_KIND_SLUG } from '$lib/domain/actor-kinds';
import { freshness } from '$lib/domain/freshness';
import { LEVEL_FILTER_VALUES, LEVEL_INFO, levelRank } from '$lib/domain/levels';
import { LEVEL_SLUGS } from '$lib/domain/filter-values';
import { matchStructures, parseStructureFilters, structureFiltersToParams } from '$lib/domain/structures';
import { needLabel, NEEDS } from '$lib/domain/themes';
import { database } from '$lib/server/db';
import { listAreas } from '$lib/server/db/queries/areas';
import { directoryStructures } from '$lib/server/structures/directory';
import type { PageServerLoad } from './$types';

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/** The list shows the start of a presentation; the structure's page shows all of it. */
function excerpt(text: string | null, max = 240): string | null {
	if (!text || text.length <= max) return text;
	const cut = text.slice(0, max);
	return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 40)).trimEnd()}…`;
}

export const load: PageServerLoad = async ({ url }) => {
	const now = new Date();
	const { structures, areaCodes } = await directoryStructures();
	const { filters, errors } = parseStructureFilters(url.searchParams, areaCodes);
	const found = matchStructures(structures, filters).sort((a, b) => collator.compare(a.name, b.name));
	const areas = await listAreas(database().db);
	return {
		filters: { ...filters, levels: filters.levels.map((l) => LEVEL_SLUGS[l]), kinds: filters.kinds.map((k) => (k === 'unknown' ? UNKNOWN_KIND_SLUG : k)) },
		query: structureFiltersToParams(filters).toString(),
		errors,
		total: structures.length,
		structures: found.map((s) => {
			const offers = [...s.places.flatMap((p) => p.offers), ...s.remoteOffers];
			const levels = [...new Set(offers.map((o) => o.level))].sort((a, b) => (levelRank(a === 'unknown' ? null : a) || 99) - (levelRank(b === 'unknown' ? null : b) || 99));
			return {
				id: s.id,
				name: s.name,
				kind: s.kind,
				presentation: excerpt(s.presentation),
				places: s.places.length,
				quartiers: [...new Set(s.places.map((p) => p.quartier ?? 'hors de Roubaix'))].sort(collator.compare),
				levels,
				needs: [...new Set(offers.flatMap((o) => o.needs))].map(needLabel).sort(collator.compare),
				freshness: freshness(s.verified?.at ?? null, s.verified?.how ?? null, now)
			};
		}),
		choices: {
			needs: NEEDS.map(({ code, label }) => ({ code, label })),
			levels: LEVEL_FILTER_VALUES.map((l) => ({ code: LEVEL_SLUGS[l], label: LEVEL_INFO[l].label, level: l })),
			kinds: [...ACTOR_KINDS.map(({ code, label }) => ({ code: code as string, label })), { code: UNKNOWN_KIND_SLUG, label: UNKNOWN_KIND_LABEL }],
			grandQuartiers: areas.filter((a) => a.kind === 'grand_quartier'),
			iris: areas.filter((a) => a.kind === 'iris'),
			qpv: areas.filter((a) => a.kind === 'qpv')
		}
	};
};
