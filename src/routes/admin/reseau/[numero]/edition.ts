import { error } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import * as editions from '$lib/server/db/queries/network-editions';

/** The edition named in the coordinator's URL, or a French 404. */
export async function editionOfPath(numero: string) {
	if (!/^[1-9]\d{0,3}$/.test(numero)) error(404, 'Cette édition n’existe pas.');
	const edition = await editions.byNumber(database().db, Number(numero));
	if (!edition) error(404, 'Cette édition n’existe pas.');
	return edition;
}
