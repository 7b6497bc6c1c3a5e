import { error } from '@sveltejs/kit';
import { searchStreets } from '$lib/domain/streets';
import { unmetDemand } from '$lib/server/pilotage/data';
import { LEVEL_CHOICES, zoneHrefFactory } from '$lib/server/pilotage/page';
import { DEFAULT_DISTANCE_LEVEL, HOURS_EXAMPLE, parseWhatIf } from '$lib/server/pilotage/params';
import { DEFAULT_MAP_INDICATOR } from '$lib/server/pilotage/map-indicators';
import { WHAT_IF_FIGURES, whatIfView } from '$lib/server/pilotage/what-if-view';
import { foldedView, unfoldedView } from '$lib/server/pilotage/what-if-fold';
import { comparerHref } from '$lib/server/pilotage/light';
import { simulate } from '$lib/server/pilotage/what-if-run';
import { streetDirectory } from '$lib/server/streets';
import type { PageServerLoad } from './$types';

/**
 * « Et si… »: a read-only simulation. The hypothetical offer is validated (zod, French messages
 * next to the fields), added to an in-memory copy of the directory's input, and every indicator
 * is recomputed before and after. Nothing is written: no form action, no database call but reads.
 * A simulation already made is served from a cache; new ones are bounded (what-if-run.ts), and a
 * client over the bound gets a French 429 page with Retry-After rather than the server's time.
 */
export const load: PageServerLoad = async ({ url, getClientAddress, setHeaders }) => {
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
		return { ...base, status: parsed.status, streets: { query: parsed.values.rue, matches }, view: null, all: false, allHref: '', foldHref: '' };
	}
	if (parsed.status !== 'ok') return { ...base, status: parsed.status, streets: null, view: null, all: false, allHref: '', foldHref: '' };

	const answer = await simulate(parsed.offer, getClientAddress());
	if (!answer.ok) {
		setHeaders({ 'retry-after': String(answer.retryAfterSeconds), 'cache-control': 'no-store' });
		const wait = answer.retryAfterSeconds === 1 ? 'une seconde' : `${answer.retryAfterSeconds} secondes`;
		error(
			429,
			answer.reason === 'client'
				? `Trop de simulations demandées depuis votre adresse en peu de temps. Réessayez dans ${wait} : rien n'est perdu, l'adresse de cette page garde votre offre imaginée.`
				: `Le serveur calcule déjà d'autres simulations « Et si… ». Réessayez dans ${wait} : l'adresse de cette page garde votre offre imaginée.`
		);
	}
	const { simulation } = answer;
	const view = whatIfView(simulation, simulation.geography, parsed.offer, await unmetDemand(), zoneHrefFactory(DEFAULT_MAP_INDICATOR, DEFAULT_DISTANCE_LEVEL));
	// Every figure of every area before and after, and the unchanged gaps, only on demand
	// (?comparer=1): they made this page 361 KB of HTML (issue 15). The CSV has every figure.
	const all = url.searchParams.get('comparer') === '1';
	return {
		...base,
		status: parsed.status,
		streets: null,
		view: all ? unfoldedView(view) : foldedView(view),
		all,
		allHref: comparerHref(url, true, 'tous'),
		foldHref: comparerHref(url, false, 'resultats')
	};
};
