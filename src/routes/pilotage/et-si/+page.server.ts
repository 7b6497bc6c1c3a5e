import { whatIf } from '$lib/domain/coverage/what-if';
import { searchStreets } from '$lib/domain/streets';
import { pilotageIndicators, unmetDemand } from '$lib/server/pilotage/data';
import { LEVEL_CHOICES, zoneHrefFactory } from '$lib/server/pilotage/page';
import { DEFAULT_DISTANCE_LEVEL, HOURS_EXAMPLE, parseWhatIf } from '$lib/server/pilotage/params';
import { DEFAULT_MAP_INDICATOR } from '$lib/server/pilotage/map-indicators';
import { WHAT_IF_FIGURES, whatIfView } from '$lib/server/pilotage/what-if-view';
import { streetDirectory } from '$lib/server/streets';
import type { PageServerLoad } from './$types';

/**
 * « Et si… »: a read-only simulation. The hypothetical offer is validated (zod, French messages
 * next to the fields), added to an in-memory copy of the directory's input, and every indicator
 * is recomputed before and after. Nothing is written: no form action, no database call but reads.
 */
export const load: PageServerLoad = async ({ url }) => {
	const parsed = parseWhatIf(url.searchParams);
	const base = { values: parsed.values, errors: parsed.errors, levelChoices: LEVEL_CHOICES, hoursExample: HOURS_EXAMPLE, figures: WHAT_IF_FIGURES };

	if (parsed.status === 'street') {
		const matches = searchStreets(streetDirectory(), parsed.values.rue, 8).map((street) => {
			const params = new URLSearchParams({
				niveau: parsed.values.niveau,
				lat: street.lat.toFixed(5),
				lon: street.lon.toFixed(5),
				horaires: parsed.values.horaires,
				rue: street.name
			});
			return { name: street.name, href: `/pilotage/et-si?${params}#resultats` };
		});
		return { ...base, status: parsed.status, streets: { query: parsed.values.rue, matches }, view: null };
	}
	if (parsed.status !== 'ok') return { ...base, status: parsed.status, streets: null, view: null };

	const { input } = await pilotageIndicators();
	const now = new Date();
	const result = whatIf(input, parsed.offer, now);
	const view = whatIfView(result, input.geography, parsed.offer, await unmetDemand(), zoneHrefFactory(DEFAULT_MAP_INDICATOR, DEFAULT_DISTANCE_LEVEL));
	return { ...base, status: parsed.status, streets: null, view };
};
