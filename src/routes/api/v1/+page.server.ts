import { openApiDocument } from '$lib/server/api/openapi';
import { loadCatalogue } from '$lib/server/catalogue';
import { EXTENSION_KEY } from '$lib/domain/national-schema';
import { OPEN_DATA_HEADERS } from '$lib/server/export/http';
import { ATTRIBUTION, LICENCE_NAME, LICENCE_URL, SCHEMA_COLUMNS, SCHEMA_URL } from '$lib/server/export/schema';
import { DI_SERVICE_EXAMPLE } from '$lib/server/export/data-inclusion/example';
import type { PageServerLoad } from './$types';

interface DocParameter {
	name: string;
	description: string;
}
interface DocOperation {
	summary: string;
	description?: string;
	parameters: DocParameter[];
}

/**
 * The page is written from the OpenAPI document itself, so the two cannot disagree; only plain
 * data reaches the browser (the national schema's package stays on the server).
 */
export const load: PageServerLoad = async ({ url }) => {
	const { areaCodes } = await loadCatalogue();
	const document = openApiDocument({ areaCodes }) as { paths: Record<string, { get: DocOperation }> };
	const endpoints = Object.entries(document.paths).map(([path, { get }]) => ({
		path: `/api/v1${path}`,
		summary: get.summary,
		description: get.description ?? null,
		// Each description names the values it takes (but the area codes: areas.geojson lists them).
		parameters: get.parameters.map((p) => ({ name: p.name, description: p.description }))
	}));
	return {
		origin: url.origin,
		endpoints,
		schemaUrl: SCHEMA_URL,
		columns: [...SCHEMA_COLUMNS],
		extensionKey: EXTENSION_KEY,
		dataInclusionExample: JSON.stringify(DI_SERVICE_EXAMPLE, null, 2),
		licence: { name: LICENCE_NAME, url: LICENCE_URL, attribution: ATTRIBUTION, asciiAttribution: OPEN_DATA_HEADERS['X-Attribution'] }
	};
};
