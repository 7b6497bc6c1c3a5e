import { splitEditions } from '$lib/domain/network/editions';
import { database } from '$lib/server/db';
import * as editions from '$lib/server/db/queries/network-editions';
import { publicEdition } from '$lib/server/network/public';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const { db } = database();
	const now = new Date();
	const all = await Promise.all((await editions.all(db)).map((e) => publicEdition(db, e, now)));
	return splitEditions(all, now);
};
