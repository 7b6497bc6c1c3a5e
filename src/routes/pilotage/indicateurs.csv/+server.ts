import { indicatorsCsv } from '$lib/server/pilotage/csv';
import { pilotageIndicators, unmetDemand } from '$lib/server/pilotage/data';
import type { RequestHandler } from './$types';

/** One row per area; format and columns documented in csv.ts and on /pilotage (« Exporter »). */
export const GET: RequestHandler = async () => {
	const { result } = await pilotageIndicators();
	const body = indicatorsCsv(result, await unmetDemand());
	return new Response(body, {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8; header=present',
			'Content-Disposition': `attachment; filename="roubaix-indicateurs-inclusion-numerique-${result.computedAt.slice(0, 10)}.csv"`,
			'Cache-Control': 'no-cache'
		}
	});
};
