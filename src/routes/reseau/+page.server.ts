import { splitEditions } from '$lib/domain/network/editions';
import { database } from '$lib/server/db';
import * as editions from '$lib/server/db/queries/network-editions';
import { publicEdition } from '$lib/server/network/public';
import * as surveys from '$lib/server/db/queries/network-surveys';
import { results } from '$lib/server/network/survey';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const { db } = database();
	const now = new Date();
	const all = await Promise.all((await editions.all(db)).map((e) => publicEdition(db, e, now)));
	const closed = await surveys.latestClosed(db);
	const open = await surveys.current(db);
	return {
		...splitEditions(all, now),
		survey: closed ? { title: closed.title, closedAt: closed.closedAt!, ...(await results(db, closed)) } : null,
		surveyOpen: open !== null
	};
};
