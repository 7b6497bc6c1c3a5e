import { shownKind } from '$lib/domain/actor-kinds';
import { offerLevel } from '$lib/domain/catalogue';
import type { DirectoryOffer, DirectoryStructure } from '$lib/domain/structures';
import { loadCatalogue } from '../catalogue';
import { database } from '../db';
import type { Connection } from '../db/connect';
import * as actors from '../db/queries/actors';

/**
 * Every structure as the public directory shows it: its public profile (never the contact for
 * professionals: `publicProfiles` does not select it), its places and their offers from the
 * catalogue, its remote offers, and the latest verification of any of its offers.
 */
export async function directoryStructures(connection: Connection = database()): Promise<{ structures: DirectoryStructure[]; areaCodes: Set<string> }> {
	const { db } = connection;
	const [catalogue, profiles, verified, remote] = await Promise.all([
		loadCatalogue(connection),
		actors.publicProfiles(db),
		actors.lastVerification(db),
		actors.remoteOffers(db)
	]);
	const byActor = new Map<number, DirectoryStructure>();
	for (const p of profiles) {
		byActor.set(p.id, {
			id: p.id,
			name: p.name,
			kind: shownKind(p.kind, p.name),
			presentation: p.presentation,
			website: p.website,
			email: p.email,
			phone: p.phone,
			verified: verified.get(p.id) ?? null,
			places: [],
			remoteOffers: []
		});
	}
	for (const place of catalogue.places) {
		const offers = place.offers.filter((o) => o.status !== 'closed');
		byActor.get(place.actorId)?.places.push({
			id: place.id,
			name: place.name,
			address: `${place.address}, ${place.postalCode} ${place.commune}`,
			areaCodes: place.areaCodes,
			quartier: place.iris?.name ?? null,
			inQpv: place.qpv !== null,
			offers: offers.map(
				(o): DirectoryOffer => ({ id: o.id, level: offerLevel(o), inferred: o.levelInferred, needs: [...o.themes, ...o.tags], status: o.status })
			)
		});
	}
	for (const o of remote) {
		byActor.get(o.actorId)?.remoteOffers.push({ id: o.id, level: o.level ?? 'unknown', inferred: o.inferred, needs: o.needs, status: o.status });
	}
	return { structures: [...byActor.values()], areaCodes: catalogue.areaCodes };
}
