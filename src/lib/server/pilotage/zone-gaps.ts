import type { AreaIndicators } from '$lib/domain/coverage/indicators';
import type { GapReport } from '$lib/domain/coverage/gaps';

/**
 * The gap list of the zone the planner chose: the zone's own gaps (a QPV, an IRIS) and those of
 * the IRIS it holds, each keeping its town-wide rank so « rang 3 » means the same on every view.
 * The commune keeps the whole list. Zones that are sets of IRIS (grand quartier, IRIS en / hors
 * QPV) list their IRIS's gaps; a QPV's own gap appears only on that QPV and on the commune.
 */
export function gapsInZone(report: GapReport, area: Pick<AreaIndicators, 'key' | 'kind' | 'irisCodes'>): GapReport {
	if (area.kind === 'commune') return report;
	const iris = new Set(area.irisCodes);
	return { ...report, entries: report.entries.filter((e) => e.areaKey === area.key || (e.kind === 'iris' && iris.has(e.code))) };
}
