import { json } from '@sveltejs/kit';
import { parseFilters } from '$lib/domain/filters';
import { placeRanks } from '$lib/domain/levels';
import { searchCatalogue } from '$lib/domain/search';
import { renderStaticMapSvg } from '$lib/domain/static-map';
import { loadCatalogue } from '$lib/server/catalogue';
import { database } from '$lib/server/db';
import { areasGeoJson } from '$lib/server/db/queries/areas';
import type { RequestHandler } from './$types';

/** The map without JavaScript or WebGL: the same filters as the page, drawn as SVG on the server. */
export const GET: RequestHandler = async ({ url }) => {
	const catalogue = await loadCatalogue();
	const parsed = parseFilters(url.searchParams, { areaCodes: catalogue.areaCodes, extraParams: ['lieu', 'page'] });
	if (!parsed.ok) {
		return json({ error: 'Paramètres invalides', errors: parsed.errors.map((e) => ({ parameter: e.param, message: e.message })) }, { status: 400 });
	}
	const placeParam = url.searchParams.get('lieu');
	let matches = searchCatalogue(catalogue.places, parsed.filters, new Date()).places;
	if (placeParam !== null) {
		const place = /^\d{1,9}$/.test(placeParam) ? catalogue.byId.get(Number(placeParam)) : undefined;
		if (!place) return json({ error: 'Paramètres invalides', errors: [{ parameter: 'lieu', message: 'Lieu inconnu.' }] }, { status: 400 });
		matches = [{ place, offers: place.offers }];
	}
	const areas = await areasGeoJson(database().db, ['commune', 'iris', 'qpv']);
	const points = matches.map(({ place, offers }) => ({
		id: place.id,
		name: place.name,
		lon: place.lon,
		lat: place.lat,
		ranks: placeRanks(offers),
		href: `/lieux/${place.id}`
	}));
	const svg = renderStaticMapSvg({
		areas,
		points,
		title: placeParam ? `Emplacement de ${matches[0]!.place.name}` : `Carte des ${points.length} lieux`,
		description: 'Roubaix, ses IRIS et ses quartiers prioritaires (hachurés). Chaque rond est un lieu, numéroté selon son niveau d’accompagnement.'
	});
	return new Response(svg, { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8', 'Cache-Control': 'no-cache' } });
};
