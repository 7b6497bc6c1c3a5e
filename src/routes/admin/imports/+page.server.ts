import { fail, redirect } from '@sveltejs/kit';
import { requireCoordinator } from '$lib/server/auth/guards';
import { database } from '$lib/server/db';
import * as importReviews from '$lib/server/db/queries/import-reviews';
import { UNREADABLE_FORM } from '$lib/server/admin/input';
import { readUpload } from '$lib/server/http/body-limit';
import { createReview } from '$lib/server/import-review/create';
import type { Actions, PageServerLoad } from './$types';

/** A commune's extract is a few hundred kilobytes; the whole country's is about ten megabytes. */
const MAX_BYTES = 20 * 1024 * 1024;
const TOO_LARGE = 'Fichier trop volumineux (20 Mo au plus).';

export const load: PageServerLoad = async ({ locals, url }) => {
	requireCoordinator(locals, url);
	return { reviews: await importReviews.recent(database().db, 50) };
};

export const actions: Actions = {
	upload: async ({ locals, url, request }) => {
		const coordinator = requireCoordinator(locals, url);
		// Past the server's body limit (BODY_SIZE_LIMIT), said on this page rather than as a bare 413.
		const form = await readUpload(request);
		if (form === 'too-large') return fail(413, { error: TOO_LARGE, rejected: [] });
		if (!form) return fail(400, { error: UNREADABLE_FORM, rejected: [] });
		const file = form.get('fichier');
		if (!(file instanceof File) || file.size === 0) {
			return fail(400, { error: 'Choisissez un fichier à importer (CSV, JSON ou GeoJSON au schéma national).', rejected: [] });
		}
		if (!/\.(csv|json|geojson)$/i.test(file.name)) {
			return fail(400, { error: 'Format non reconnu : le nom du fichier doit finir par .csv, .json ou .geojson.', rejected: [] });
		}
		if (file.size > MAX_BYTES) return fail(400, { error: TOO_LARGE, rejected: [] });
		let content: string;
		try {
			content = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
		} catch {
			return fail(400, { error: 'Ce fichier n’est pas en UTF-8 : enregistrez-le en « CSV UTF-8 » et réessayez.', rejected: [] });
		}
		const includeOutside = form.get('hors_territoire') === 'oui';
		const result = await createReview(database().db, coordinator, file.name, content, new Date(), { includeOutside });
		if (!result.ok) return fail(400, { error: result.error, rejected: result.rejected.slice(0, 200), includeOutside });
		redirect(303, `/admin/imports/${result.reviewId}`);
	}
};
