import { areasContaining } from '$lib/domain/geography';
import { parseOrientationParams, toQuery, type OrientationParams, type ParamError } from '$lib/domain/orientation/params';
import { orient } from '$lib/domain/orientation/ranking';
import type { OrientationQuery } from '$lib/domain/orientation/types';
import { searchStreets, streetKey } from '$lib/domain/streets';
import { areaCentres } from '$lib/server/area-centres';
import { loadCatalogue } from '$lib/server/catalogue';
import type { DB } from '$lib/server/db/connect';
import { areaShapes } from '$lib/server/db/queries/areas';
import type { OrientationRecord } from '$lib/server/db/queries/orientations';
import { streetDirectory } from '$lib/server/streets';

export interface ResolvedOrientation {
	params: OrientationParams;
	errors: ParamError[];
	origin: OrientationQuery['origin'];
	streetMatches: string[];
	result: ReturnType<typeof orient> | null;
}

/**
 * The answers read from a query string (the page's URL, or the last step's form), the starting
 * point they give and, once the needs and the autonomy are known, the places found. Shared by the
 * page's `load` and the action that records a completed orientation, so both see the same result.
 */
export async function resolveOrientation(search: URLSearchParams, now = new Date()): Promise<ResolvedOrientation> {
	// « ?…&/fiche » names the form action the page was posted to (SvelteKit's convention), no answer.
	search = new URLSearchParams([...search].filter(([name]) => !name.startsWith('/')));
	const catalogue = await loadCatalogue();
	const centres = await areaCentres();
	const { params, errors } = parseOrientationParams(search, (code) => {
		const kind = centres.get(code)?.kind;
		return kind === 'iris' || kind === 'grand_quartier';
	});

	const directory = streetDirectory();
	let street = params.street ? (directory.find((e) => e.name === params.street) ?? null) : null;
	if (params.street && !street) errors.push({ param: 'voie', message: `Rue inconnue : « ${params.street} ».` });
	// Typing another name after choosing a street means a new search; the search that found the
	// chosen street (e.g. "av verdun" for "Avenue de Verdun") keeps it.
	if (
		street &&
		params.streetQuery &&
		streetKey(params.streetQuery) !== street.key &&
		!searchStreets(directory, params.streetQuery).some((e) => e.key === street!.key)
	) {
		street = null;
	}
	const streetMatches = params.streetQuery ? searchStreets(directory, params.streetQuery).map((e) => e.name) : [];

	// A street or an area chosen in the form wins over a point clicked earlier on the map
	// (clicking the map clears them).
	let origin: OrientationQuery['origin'] = null;
	if (street) origin = { lon: street.lon, lat: street.lat, label: street.name };
	else if (params.area) {
		const c = centres.get(params.area)!;
		origin = { lon: c.lon, lat: c.lat, label: `le centre du quartier ${c.name}` };
	} else if (params.point) origin = { ...params.point, label: 'le point choisi sur la carte' };

	const ready = params.needs.length > 0 && params.autonomy !== null && params.step >= 3;
	const result = ready ? orient(catalogue.places, toQuery(params, origin), now) : null;
	return { params, errors, origin, streetMatches, result };
}

/** What is kept of a completed orientation: the IRIS of the starting point, never the point itself. */
export async function orientationRecord(db: DB, resolved: ResolvedOrientation & { result: NonNullable<ResolvedOrientation['result']> }): Promise<OrientationRecord> {
	const { params, origin, result } = resolved;
	const shapes = origin ? await areaShapes(db) : [];
	const iris = origin ? areasContaining(shapes, origin.lon, origin.lat).find((s) => s.kind === 'iris') : undefined;
	return {
		needs: params.needs,
		autonomy: params.autonomy,
		levels: result.levels,
		irisCode: iris?.code ?? null,
		areaCode: params.area,
		constraints: {
			languages: params.languages,
			specificSupport: params.specificSupport,
			freeOnly: params.freeOnly,
			availability: params.availability,
			withoutAppointment: params.withoutAppointment,
			maxWalkMinutes: params.maxWalkMinutes
		},
		results: result.results.length,
		within15: result.within15
	};
}
