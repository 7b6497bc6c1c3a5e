import { preflight } from '$lib/server/export/http';
import { dataInclusionResponse } from '$lib/server/export/data-inclusion/http';
import type { RequestHandler } from './$types';

/** The directory's structures in data·inclusion's schema v1 (see /api/v1 and /api/v1/openapi.json). */
export const GET: RequestHandler = ({ request, url }) => dataInclusionResponse(request, url, 'structures');

export const OPTIONS: RequestHandler = () => preflight();
