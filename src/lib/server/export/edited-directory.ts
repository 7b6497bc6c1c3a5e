import type { OfferSnapshot, PlaceSnapshot } from '$lib/domain/listing';
import type { Connection } from '../db/connect';
import { submitChange, type Decider } from '../listings/revisions';
import { readOffer, readPlace } from '../listings/snapshots';
import { allRows, createUser, placeIdByName, seededDatabase } from '../testing/database';

/**
 * Test helper only (nothing in the application imports it): the 39 real places, then the local
 * edits an export must carry — changed hours, a declared level-4 offer beside inferred ones, a
 * temporary and a permanent closure, a place closed altogether, a new local place with a phone in
 * the French format, an address the schema cannot spell, and a description full of separators.
 */

export const NOW = new Date('2026-11-25T10:00:00.000Z');
export const CHANGED_HOURS = 'Mo-Fr 09:00-12:00,13:30-17:00; PH off';
export const LOCAL_PLACE_NAME = 'Espace numérique « Le Cap » ; test';
export const LOCAL_DESCRIPTION =
	'Permanence « faire avec » ; ateliers "smartphone" le mardi.\nDeuxième ligne : apportez vos identifiants. ' +
	'Cette description dépasse volontairement les 280 caractères du résumé du schéma national, pour vérifier que le détail complet est exporté, et que le résumé en reprend le début, coupé proprement, suivi de points de suspension.';

export interface EditedDirectory {
	conn: Connection;
	/** The place that got a declared level-4 offer (France Services: it also has inferred levels 3 and 4). */
	ccasPlace: number;
	reinforcedOffer: number;
	hoursOffer: number;
	temporarilyClosedOffer: number;
	closedOffer: number;
	/** Every offer of this place is closed: it leaves the export. */
	gonePlace: number;
	localPlace: number;
	localOffer: number;
}

const offerIdsOf = async (conn: Connection, placeId: number) =>
	(await allRows<{ id: number }>(conn, 'select id from offers where place_id = ? order by id', placeId)).map((r) => r.id);

function published(result: Awaited<ReturnType<typeof submitChange>>): number {
	if (result.kind !== 'published') throw new Error(`expected a published change, got ${result.kind}`);
	return result.entityId;
}

export async function editedDirectory(): Promise<EditedDirectory> {
	const conn = await seededDatabase();
	const coordinator = await createUser(conn, 'coordination@ville-roubaix.fr', 'coordinator');
	const as: Decider = { user: coordinator, origin: 'https://carte.roubaix.test', now: NOW };

	async function editOffer(id: number, changes: Partial<OfferSnapshot>): Promise<number> {
		const record = await readOffer(conn.db, id);
		if (!record) throw new Error(`no offer ${id}`);
		return published(
			await submitChange(
				conn.db,
				{ entity: 'offer', entityId: id, actorId: record.actorId, baseVersion: record.version, after: { ...record.snapshot, ...changes } },
				as
			)
		);
	}
	async function newOffer(actorId: number, snapshot: OfferSnapshot): Promise<number> {
		return published(await submitChange(conn.db, { entity: 'offer', entityId: null, actorId, baseVersion: null, after: snapshot }, as));
	}

	const ccasPlace = await placeIdByName(conn, 'CCAS de Roubaix');
	const ccas = await readPlace(conn.db, ccasPlace);
	const [hoursOffer] = await offerIdsOf(conn, ccasPlace);
	await editOffer(hoursOffer!, { hours: CHANGED_HOURS });

	const reinforcedOffer = await newOffer(ccas!.actorId, {
		place_id: ccasPlace,
		level: 'reinforced',
		themes: ['admin'],
		tags: ['health'],
		publics: ['Seniors'],
		specific_support: ['Surdité', 'Langues étrangères (autres)'],
		fees: ['Gratuit'],
		access_modes: ['Téléphoner', 'Prendre un RDV en ligne'],
		programmes: ['Aidants Connect'],
		other_labels: ['APTIC', 'Formé à « Mon Espace Santé »'],
		languages: ['fr', 'ar'],
		hours: 'Tu,Th 14:00-17:00; PH off',
		booking_url: 'https://rdv.example.fr/ccas-roubaix',
		remote: false,
		description: 'Démarches faites pour la personne, avec mandat Aidants Connect ; sur rendez-vous.',
		status: 'active',
		closed_from: null,
		closed_until: null,
		closure_message: null
	});

	const echo = await placeIdByName(conn, 'Centre social ECHO');
	const temporarilyClosedOffer = (await offerIdsOf(conn, echo))[0]!;
	await editOffer(temporarilyClosedOffer, {
		status: 'temporarily_closed',
		closed_from: '2026-12-01',
		closed_until: '2027-01-04',
		closure_message: 'Fermé pour travaux ; réouverture « en janvier ».'
	});

	const parkour = await placeIdByName(conn, 'PARKOUR 59');
	const closedOffer = (await offerIdsOf(conn, parkour))[0]!;
	await editOffer(closedOffer, { status: 'closed' });

	const gonePlace = await placeIdByName(conn, 'La Parcelle Collective');
	for (const id of (await offerIdsOf(conn, gonePlace))) await editOffer(id, { status: 'closed' });

	const place: PlaceSnapshot = {
		name: LOCAL_PLACE_NAME,
		address: '12 rue de l’Épeule « bâtiment B »',
		address_complement: '2e étage, porte « C »',
		postal_code: '59100',
		commune: 'Roubaix',
		lat: 50.6889,
		lon: 3.1655,
		phone: '03 20 00 00 01',
		email: 'cap@example.fr',
		website: 'https://cap.example.fr/accueil',
		description: LOCAL_DESCRIPTION
	};
	const localPlace = published(await submitChange(conn.db, { entity: 'place', entityId: null, actorId: ccas!.actorId, baseVersion: null, after: place }, as));
	const localOffer = await newOffer(ccas!.actorId, {
		place_id: localPlace,
		level: 'support',
		themes: ['everyday', 'jobs'],
		tags: [],
		publics: [],
		specific_support: [],
		fees: ['Gratuit sous condition'],
		access_modes: ['Se présenter'],
		programmes: [],
		other_labels: [],
		languages: ['fr'],
		hours: 'Mo-Fr 09:00-12:00',
		booking_url: null,
		remote: true,
		description: null,
		status: 'active',
		closed_from: null,
		closed_until: null,
		closure_message: null
	});

	return { conn, ccasPlace, reinforcedOffer, hoursOffer: hoursOffer!, temporarilyClosedOffer, closedOffer, gonePlace, localPlace, localOffer };
}
