import { requireCoordinator } from '$lib/server/auth/guards';
import { database } from '$lib/server/db';
import * as registrations from '$lib/server/db/queries/network-registrations';
import { registrationsCsv } from '$lib/server/network/csv';
import { editionOfPath } from '../edition';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, url, params }) => {
	requireCoordinator(locals, url);
	const edition = await editionOfPath(params.numero);
	const csv = registrationsCsv(await registrations.ofEdition(database().db, edition.id));
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="petit-dejeuner-${edition.number}-inscriptions.csv"`,
			'cache-control': 'private, no-store'
		}
	});
};
