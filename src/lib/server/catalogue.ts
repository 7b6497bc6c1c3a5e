import type { CatalogueOffer, CataloguePlace } from '$lib/domain/catalogue';
import { isIrisInQpv } from '$lib/domain/geography';
import { levelRank } from '$lib/domain/levels';
import type { FlagCode } from '$lib/domain/quality';
import { normalizeText } from '$lib/domain/vocabulary';
import { database } from './db';
import type { Connection } from './db/connect';
import * as directoryVersion from './db/queries/directory-version';
import * as areaQueries from './db/queries/areas';
import * as offerQueries from './db/queries/offers';
import * as placeQueries from './db/queries/places';
import * as quality from './db/queries/quality';
import { COMMUNE_CODE } from './db/queries/quality';

/**
 * The whole directory held in memory and rebuilt when the database changes. At city scale (and
 * at 10,000 synthetic offers) filtering in memory is far faster than one SQL query per facet.
 * The database's own directory version changes with every committed change, whichever instance
 * or command made it; `localVersion` lets a test force a rebuild.
 */
let cached: { key: string; places: CataloguePlace[]; byId: Map<number, CataloguePlace>; areaCodes: Set<string> } | null = null;
let localVersion = 0;

export function invalidateCatalogue(): void {
	localVersion++;
}

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

export async function loadCatalogue(connection: Connection = database()) {
	// The database's name too: two databases (a test's, a benchmark's) can be at the same version.
	const key = `${connection.name}:${await directoryVersion.current(connection.db)}:${localVersion}`;
	if (cached?.key === key) return cached;
	const { db } = connection;
	const [places, offers, placeAreas, areas, flags] = await Promise.all([
		placeQueries.all(db),
		offerQueries.located(db),
		placeQueries.allAreas(db),
		areaQueries.labels(db),
		quality.allFlags(db)
	]);
	const areaByCode = new Map(areas.map((a) => [a.code, a]));
	const byPlace = new Map<number, CataloguePlace>();
	for (const p of places) {
		byPlace.set(p.id, {
			id: p.id,
			actorId: p.actor_id,
			name: p.name,
			searchKey: normalizeText(`${p.name} ${p.address}`),
			address: p.address,
			addressComplement: p.address_complement,
			postalCode: p.postal_code,
			commune: p.commune,
			lat: p.lat,
			lon: p.lon,
			phone: p.phone,
			email: p.email,
			website: p.website,
			description: p.description,
			source: p.source,
			sourceId: p.source_id,
			sourceUpdatedOn: p.source_updated_on,
			updatedAt: p.updated_at,
			iris: null,
			grandQuartier: null,
			qpv: null,
			irisInQpv: false,
			inCommune: false,
			areaCodes: [],
			flags: [],
			offers: []
		});
	}
	for (const pa of placeAreas) {
		const place = byPlace.get(pa.place_id);
		const area = areaByCode.get(pa.area_code);
		if (!place || !area) continue;
		place.areaCodes.push(area.code);
		const ref = { code: area.code, name: area.name };
		if (area.kind === 'iris') {
			place.iris = ref;
			place.irisInQpv = isIrisInQpv(area.qpv_share);
		} else if (area.kind === 'grand_quartier') place.grandQuartier = ref;
		else if (area.kind === 'qpv') place.qpv = ref;
		else if (area.code === COMMUNE_CODE) place.inCommune = true;
	}
	for (const o of offers) {
		const place = byPlace.get(o.place_id!);
		if (!place) continue;
		const offer: CatalogueOffer = {
			id: o.id,
			placeId: place.id,
			level: o.level,
			levelInferred: o.level_inferred,
			themes: o.themes,
			tags: o.tags,
			publics: o.publics,
			specificSupport: o.specific_support,
			fees: o.fees,
			accessModes: o.access_modes,
			programmes: o.programmes,
			otherLabels: o.other_labels,
			languages: o.languages,
			hours: o.hours,
			bookingUrl: o.booking_url,
			remote: o.remote,
			description: o.description,
			status: o.status,
			closedFrom: o.closed_from,
			closedUntil: o.closed_until,
			closureMessage: o.closure_message,
			source: o.source,
			updatedAt: o.updated_at,
			verifiedAt: o.verified_at,
			verifiedHow: o.verified_how
		};
		place.offers.push(offer);
	}
	for (const f of flags) {
		byPlace.get(f.place_id)?.flags.push({ code: f.code as FlagCode, detail: f.detail, relatedId: f.related_place_id });
	}
	// Up the ladder, « à préciser » last.
	const order = (level: CatalogueOffer['level']) => levelRank(level) || 99;
	for (const place of byPlace.values()) place.offers.sort((a, b) => order(a.level) - order(b.level));
	const sorted = [...byPlace.values()].sort((a, b) => collator.compare(a.name, b.name));
	cached = { key, places: sorted, byId: byPlace, areaCodes: new Set(areas.map((a) => a.code)) };
	return cached;
}
