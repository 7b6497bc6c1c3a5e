import { error, redirect } from '@sveltejs/kit';
import { freshness } from '$lib/domain/freshness';
import { LEVEL_DESCRIPTIONS } from '$lib/domain/levels';
import { needLabel } from '$lib/domain/themes';
import { database } from '$lib/server/db';
import * as actors from '$lib/server/db/queries/actors';
import { directoryStructures } from '$lib/server/structures/directory';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, setHeaders }) => {
	if (!/^\d{1,9}$/.test(params.id)) error(404, 'Cette structure n’existe pas.');
	if (String(Number(params.id)) !== params.id) redirect(301, `/structures/${Number(params.id)}`);
	const id = Number(params.id);
	const { structures } = await directoryStructures();
	const s = structures.find((x) => x.id === id);
	if (!s) error(404, 'Cette structure n’existe pas.');
	const user = locals.user;
	// The contact for professionals is read only for a signed-in account, and that page is never
	// kept by a shared cache nor in the browser's history.
	const professional = user ? await actors.professionalContact(database().db, id) : null;
	if (user) setHeaders({ 'cache-control': 'private, no-store' });
	const offer = (o: (typeof s.remoteOffers)[number]) => ({
		id: o.id,
		level: o.level,
		inferred: o.inferred,
		description: LEVEL_DESCRIPTIONS[o.level],
		needs: o.needs.map(needLabel),
		temporarilyClosed: o.status === 'temporarily_closed'
	});
	return {
		structure: {
			id: s.id,
			name: s.name,
			kind: s.kind,
			presentation: s.presentation,
			website: s.website,
			email: s.email,
			phone: s.phone,
			freshness: freshness(s.verified?.at ?? null, s.verified?.how ?? null, new Date()),
			places: s.places.map((p) => ({ id: p.id, name: p.name, address: p.address, quartier: p.quartier, inQpv: p.inQpv, offers: p.offers.map(offer) })),
			remoteOffers: s.remoteOffers.map(offer)
		},
		signedIn: user !== null,
		canEdit: user !== null && (user.role === 'coordinator' || user.actorIds.includes(id)),
		professional
	};
};
