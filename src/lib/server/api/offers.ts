import { json } from '@sveltejs/kit';
import type { CatalogueOffer, CataloguePlace } from '$lib/domain/catalogue';
import { offerLevel } from '$lib/domain/catalogue';
import { filtersToParams, parseFilters, LEVEL_SLUGS } from '$lib/domain/filters';
import { LEVEL_INFO } from '$lib/domain/levels';
import { searchCatalogue } from '$lib/domain/search';
import { loadCatalogue } from '../catalogue';
import { timeBucket } from './response-cache';

/** Parses the query string as the home page does; a bad parameter is a 400 that names it. */
export async function parseApiFilters(url: URL, options: { paging: boolean; extraParams?: string[] }) {
	const catalogue = await loadCatalogue();
	const parsed = parseFilters(url.searchParams, { areaCodes: catalogue.areaCodes, ...options });
	if (!parsed.ok) {
		return {
			ok: false as const,
			response: json(
				{ error: 'Paramètres invalides', errors: parsed.errors.map((e) => ({ parameter: e.param, message: e.message })) },
				{ status: 400 }
			)
		};
	}
	const now = new Date();
	// Same answer for the same directory version and the same normalised filters.
	const cacheKey = [
		url.pathname,
		catalogue.key,
		filtersToParams(parsed.filters).toString(),
		options.paging ? `${parsed.paging.limit}:${parsed.paging.offset}` : '',
		timeBucket(url.searchParams, now)
	].join('|');
	return {
		ok: true as const,
		filters: parsed.filters,
		paging: parsed.paging,
		cacheKey,
		search: () => searchCatalogue(catalogue.places, parsed.filters, now)
	};
}

export const JSON_HEADERS = { 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'no-cache' };

export function offerJson(offer: CatalogueOffer, place: CataloguePlace, origin: string) {
	const level = offerLevel(offer);
	return {
		id: offer.id,
		level: offer.level,
		level_slug: LEVEL_SLUGS[level],
		level_rank: LEVEL_INFO[level].rank,
		level_label: LEVEL_INFO[level].label,
		level_inferred: offer.levelInferred,
		themes: offer.themes,
		tags: offer.tags,
		publics: offer.publics,
		specific_support: offer.specificSupport,
		fees: offer.fees,
		access_modes: offer.accessModes,
		programmes: offer.programmes,
		languages: offer.languages,
		hours: offer.hours,
		booking_url: offer.bookingUrl,
		remote: offer.remote,
		status: offer.status,
		closure: offer.status === 'active' ? null : { from: offer.closedFrom, until: offer.closedUntil, message: offer.closureMessage },
		source: offer.source,
		updated_at: offer.updatedAt,
		verified_at: offer.verifiedAt,
		verified_how: offer.verifiedHow,
		place: {
			id: place.id,
			name: place.name,
			address: place.address,
			postal_code: place.postalCode,
			commune: place.commune,
			latitude: place.lat,
			longitude: place.lon,
			phone: place.phone,
			email: place.email,
			website: place.website,
			url: `${origin}/lieux/${place.id}`,
			iris: place.iris,
			grand_quartier: place.grandQuartier,
			qpv: place.qpv,
			iris_in_qpv: place.irisInQpv,
			quality_flags: place.flags.map((f) => ({ code: f.code, detail: f.detail }))
		}
	};
}

export function flatOffers(places: { place: CataloguePlace; offers: CatalogueOffer[] }[]) {
	return places.flatMap(({ place, offers }) => offers.map((offer) => ({ place, offer })));
}

