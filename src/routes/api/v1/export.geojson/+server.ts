import { exportResponse, preflight } from '$lib/server/export/http';
import type { RequestHandler } from './$types';

/** The directory in the national schema (see /api/v1 and /api/v1/openapi.json). */
export const GET: RequestHandler = ({ request, url }) => exportResponse(request, url, 'geojson');

export const OPTIONS: RequestHandler = () => preflight();
