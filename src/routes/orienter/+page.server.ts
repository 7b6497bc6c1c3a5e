import { areasContaining } from '$lib/domain/geography';
import { LEVEL_INFO, type Level } from '$lib/domain/levels';
import { AUTONOMY, parcoursExplanation } from '$lib/domain/orientation/autonomy';
import { EVERYDAY_NEEDS } from '$lib/domain/orientation/needs';
import { LANGUAGES, PERIODS } from '$lib/domain/orientation/choices';
import { orientationParamsToSearch, parseOrientationParams, toQuery } from '$lib/domain/orientation/params';
import { orient } from '$lib/domain/orientation/ranking';
import type { Candidate, OrientationQuery } from '$lib/domain/orientation/types';
import { searchStreets, streetKey } from '$lib/domain/streets';
import { SPECIFIC_SUPPORT } from '$lib/domain/vocabulary';
import { areaCentres } from '$lib/server/area-centres';
import { loadCatalogue } from '$lib/server/catalogue';
import { database } from '$lib/server/db';
import { areaShapes, listAreas } from '$lib/server/db/queries/areas';
import { recordOrientation } from '$lib/server/db/queries/orientations';
import { streetDirectory } from '$lib/server/streets';
import type { PageServerLoad } from './$types';

function candidateSummary(c: Candidate) {
	return {
		id: c.place.id,
		name: c.place.name,
		address: c.place.address,
		walkMinutes: c.walkMinutes,
		levels: c.offers.map((o) => ({ id: o.id, level: o.level ?? ('unknown' as const), inferred: o.levelInferred })),
		reasons: c.reasons,
		uncertainties: c.uncertainties
	};
}

export const load: PageServerLoad = async ({ url }) => {
	const catalogue = await loadCatalogue();
	const centres = await areaCentres();
	const { params, errors } = parseOrientationParams(url.searchParams, (code) => {
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
	const streetMatches = params.streetQuery ? searchStreets(directory, params.streetQuery) : [];

	// A street or an area chosen in the form wins over a point clicked earlier on the map
	// (clicking the map clears them).
	let origin: OrientationQuery['origin'] = null;
	if (street) origin = { lon: street.lon, lat: street.lat, label: street.name };
	else if (params.area) {
		const c = centres.get(params.area)!;
		origin = { lon: c.lon, lat: c.lat, label: `le centre du quartier ${c.name}` };
	} else if (params.point) origin = { ...params.point, label: 'le point choisi sur la carte' };

	const ready = params.needs.length > 0 && params.autonomy !== null && params.step >= 3;
	const now = new Date();
	const result = ready ? orient(catalogue.places, toQuery(params, origin), now) : null;

	if (result && params.step === 5) {
		// The IRIS of the starting point tells planners where demand is unmet; never the point itself.
		const shapes = origin ? await areaShapes(database().db) : [];
		const iris = origin ? areasContaining(shapes, origin.lon, origin.lat).find((s) => s.kind === 'iris') : undefined;
		await recordOrientation(database().db, {
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
		});
	}

	const areas = await listAreas(database().db);
	const DAYS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];
	const constraints = [
		...params.languages.map((c) => `parle ${LANGUAGES.find((l) => l.code === c)!.label.toLowerCase()}`),
		...params.specificSupport.map((c) => SPECIFIC_SUPPORT.find((s) => s.code === c)!.label.toLowerCase()),
		...(params.freeOnly ? ['gratuit seulement'] : []),
		...(params.withoutAppointment ? ['sans rendez-vous'] : []),
		...(params.maxWalkMinutes
			? [`${params.maxWalkMinutes} min à pied au plus${origin ? '' : ' (ignoré : aucun point de départ donné)'}`]
			: []),
		...params.availability.map((a) => `${DAYS[a.weekday - 1]} ${PERIODS.find((p) => p.code === a.period)!.label}`)
	];
	// What was answered so far, each with a link back to its step.
	const answers = [
		{ step: 1, label: 'Besoin', value: params.needs.map((c) => EVERYDAY_NEEDS.find((n) => n.code === c)!.label).join(', ') },
		{ step: 2, label: 'Autonomie', value: AUTONOMY.find((a) => a.code === params.autonomy)?.label ?? '' },
		{ step: 3, label: 'Départ', value: origin?.label ?? 'non précisé (pas de temps de marche)' },
		{ step: 4, label: 'Contraintes', value: constraints.join(', ') || 'aucune' }
	].filter((a) => a.step < params.step && a.value);
	const levelLabels = (levels: Level[]) => levels.map((l) => `${LEVEL_INFO[l].rank}. ${LEVEL_INFO[l].label}`);
	return {
		params,
		errors,
		steps: [1, 2, 3, 4, 5].map((n) => orientationParamsToSearch(params, n).toString()),
		answers,
		streetMatches: streetMatches.map((e) => e.name),
		origin: origin ? origin.label : null,
		areas: {
			grandQuartiers: areas.filter((a) => a.kind === 'grand_quartier'),
			iris: areas.filter((a) => a.kind === 'iris')
		},
		needs: EVERYDAY_NEEDS.map(({ code, label, examples }) => ({ code, label, examples })),
		autonomyChoices: AUTONOMY,
		specificSupportChoices: SPECIFIC_SUPPORT.map(({ code, label }) => ({ code, label })),
		explanation: params.autonomy
			? parcoursExplanation(params.autonomy, EVERYDAY_NEEDS.filter((n) => params.needs.includes(n.code)))
			: null,
		result: result
			? {
					levels: levelLabels(result.levels),
					results: result.results.map(candidateSummary),
					relaxations: result.relaxations.map((r) => ({ code: r.code, label: r.label, results: r.results.map(candidateSummary) })),
					nextStep: result.nextStep
						? { levels: levelLabels(result.nextStep.levels), results: result.nextStep.results.map(candidateSummary) }
						: null,
					within15: result.within15
				}
			: null
	};
};
