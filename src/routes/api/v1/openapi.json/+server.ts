import { json } from '@sveltejs/kit';
import { openApiDocument } from '$lib/server/api/openapi';
import { loadCatalogue } from '$lib/server/catalogue';
import { CORS_HEADERS, unknownParameters } from '$lib/server/export/http';
import type { RequestHandler } from './$types';

/** The OpenAPI 3.1 description of /api/v1; `territoire`'s values are the areas in the database. */
export const GET: RequestHandler = async ({ url }) => {
	const refused = unknownParameters(url);
	if (refused) return refused;
	const { areaCodes } = await loadCatalogue();
	return json(openApiDocument({ areaCodes }), {
		headers: { ...CORS_HEADERS, 'Cache-Control': 'public, max-age=300' }
	});
};
