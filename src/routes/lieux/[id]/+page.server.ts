import { error, redirect } from '@sveltejs/kit';
import { offerLevel } from '$lib/domain/catalogue';
import { describeWeek, hoursStatus, summarizeWeek } from '$lib/domain/hours';
import { LEVEL_DESCRIPTIONS, LEVEL_INFO, placeRanks } from '$lib/domain/levels';
import { freshness } from '$lib/domain/freshness';
import { FLAG_LABELS } from '$lib/domain/quality';
import { needLabel } from '$lib/domain/themes';
import { ACCESS_MODES, FEES, PUBLICS, SPECIFIC_SUPPORT, termLabel } from '$lib/domain/vocabulary';
import { loadCatalogue } from '$lib/server/catalogue';
import { database } from '$lib/server/db';
import * as actors from '$lib/server/db/queries/actors';
import { resourceLinksForNeeds } from '$lib/server/network/links';
import type { PageServerLoad } from './$types';

// Server-rendered only; the map and the print button come from the island script (src/lib/client/enhance.ts).
export const csr = false;

/** The latest check of any of the place's offers says how fresh the listing is. */
function latestVerification(offers: readonly { verifiedAt: string | null; verifiedHow: string | null }[], sourceOn: string | null, now: Date) {
	const latest = offers.filter((o) => o.verifiedAt).sort((a, b) => b.verifiedAt!.localeCompare(a.verifiedAt!))[0];
	return latest ? freshness(latest.verifiedAt, latest.verifiedHow, now) : freshness(sourceOn, null, now);
}

export const load: PageServerLoad = async ({ params }) => {
	if (!/^\d{1,9}$/.test(params.id)) error(404, 'Ce lieu n’existe pas.');
	// One address per place: /lieux/01 is /lieux/1.
	if (String(Number(params.id)) !== params.id) redirect(301, `/lieux/${Number(params.id)}`);
	const catalogue = await loadCatalogue();
	const place = catalogue.byId.get(Number(params.id));
	if (!place) error(404, 'Ce lieu n’existe pas.');
	const now = new Date();
	const related = (id: number | null) => (id ? catalogue.byId.get(id) : undefined);
	const offers = place.offers
		.filter((o) => o.status !== 'closed')
		.map((o) => {
			const level = offerLevel(o);
			return {
				id: o.id,
				level,
				rank: LEVEL_INFO[level].rank,
				levelDescription: LEVEL_DESCRIPTIONS[level],
				inferred: o.levelInferred,
				status: o.status,
				closure: o.status === 'temporarily_closed' ? { from: o.closedFrom, until: o.closedUntil, message: o.closureMessage } : null,
				details: {
					needs: [...o.themes, ...o.tags].map(needLabel),
					publics: o.publics.map((v) => termLabel(PUBLICS, v)),
					specificSupport: o.specificSupport.map((v) => termLabel(SPECIFIC_SUPPORT, v)),
					fees: o.fees.map((v) => termLabel(FEES, v)),
					accessModes: o.accessModes.map((v) => termLabel(ACCESS_MODES, v)),
					programmes: [...o.programmes, ...o.otherLabels],
					hours: o.hours,
					hoursStatus: hoursStatus(o.hours, now),
					week: describeWeek(o.hours, now),
					weekSummary: summarizeWeek(o.hours, now),
					bookingUrl: o.bookingUrl,
					remote: o.remote
				}
			};
		});
	// Imported offers of one place share every detail but the level: say them once, not per level.
	const sharedDetails =
		offers.length > 1 && offers.every((o) => JSON.stringify(o.details) === JSON.stringify(offers[0]!.details))
			? offers[0]!.details
			: null;
	// The structure behind the place, linked to its page in the directory of structures.
	const structure = await actors.summary(database().db, place.actorId);
	return {
		structure,
		sharedDetails,
		offers,
		networkResources: await resourceLinksForNeeds(database().db, place.offers.flatMap((o) => [...o.themes, ...o.tags])),
		place: {
			id: place.id,
			name: place.name,
			address: place.address,
			addressComplement: place.addressComplement,
			postalCode: place.postalCode,
			commune: place.commune,
			lat: place.lat,
			lon: place.lon,
			phone: place.phone,
			email: place.email,
			website: place.website,
			description: place.description,
			source: place.source,
			iris: place.iris,
			grandQuartier: place.grandQuartier,
			qpv: place.qpv,
			irisInQpv: place.irisInQpv,
			actorId: place.actorId,
			freshness: latestVerification(place.offers, place.sourceUpdatedOn, now),
			flags: place.flags.map((f) => ({
				code: f.code,
				label: FLAG_LABELS[f.code],
				detail: f.detail,
				related: related(f.relatedId) ? { id: f.relatedId!, name: related(f.relatedId)!.name } : null
			}))
		},
		point: {
			id: place.id,
			name: place.name,
			lon: place.lon,
			lat: place.lat,
			ranks: placeRanks(place.offers),
			href: `/lieux/${place.id}`
		}
	};
};
