import { error } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import * as referralPlaces from '$lib/server/db/queries/referral-places';
import { residentCopy } from '$lib/server/referrals/resident-copy';
import type { PageServerLoad } from './$types';

// After sending: what happens next and the resident's copy. Nothing about the resident is shown,
// so the page needs no token: the offer in the URL is public already.
export const load: PageServerLoad = async ({ url }) => {
	const offer = url.searchParams.get('offre');
	const d = offer && /^\d{1,9}$/.test(offer) ? await referralPlaces.destination(database().db, Number(offer)) : null;
	if (!d) error(404, 'Cette offre n’existe pas.');
	return {
		state: url.searchParams.get('etat') === 'a-confirmer' ? ('confirm' as const) : ('sent' as const),
		place: { id: d.placeId, name: d.placeName, address: d.address },
		copy: residentCopy(d, url.origin)
	};
};
