import { fail, redirect } from '@sveltejs/kit';
import { LEVEL_INFO, type Level } from '$lib/domain/levels';
import { AUTONOMY, parcoursExplanation } from '$lib/domain/orientation/autonomy';
import { EVERYDAY_NEEDS } from '$lib/domain/orientation/needs';
import { resourceLinksForNeeds } from '$lib/server/network/links';
import { LANGUAGES, PERIODS } from '$lib/domain/orientation/choices';
import { orientationParamsToSearch } from '$lib/domain/orientation/params';
import { sheetSearch } from '$lib/domain/orientation/sheet-link';
import { suggestedWalkMinutes, walkSuggestionText } from '$lib/domain/orientation/walk-suggestion';
import type { Candidate } from '$lib/domain/orientation/types';
import { SPECIFIC_SUPPORT } from '$lib/domain/vocabulary';
import { allowOrientationRecord } from '$lib/server/auth/rate-limit';
import { database } from '$lib/server/db';
import { listAreas } from '$lib/server/db/queries/areas';
import * as orientations from '$lib/server/db/queries/orientations';
import { submittedForm } from '$lib/server/forms/read-form';
import { orientationRecord, resolveOrientation } from './resolve.server';
import { sheetRequest, sheetRequestInput } from './sheet-request';
import type { Actions, PageServerLoad } from './$types';

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
	// Reading only: a completed orientation is recorded by the last step's button (below), so
	// reloading or sharing the results records nothing.
	const { params, errors, origin, streetMatches, result } = await resolveOrientation(url.searchParams);
	const areas = await listAreas(database().db);
	const DAYS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];
	const constraints = [
		...params.languages.map((c) => `parle ${LANGUAGES.find((l) => l.code === c)!.label.toLowerCase()}`),
		...params.specificSupport.map((c) => SPECIFIC_SUPPORT.find((s) => s.code === c)!.label.toLowerCase()),
		...(params.freeOnly ? ['gratuit seulement'] : []),
		...(params.withoutAppointment ? ['sans rendez-vous'] : []),
		// A suggested limit without a starting point does nothing: not worth a word.
		...(params.maxWalkMinutes && (origin || params.walkLimit === 'chosen')
			? [
					`${params.maxWalkMinutes} min à pied au plus${params.walkLimit === 'suggested' ? ' (proposé)' : ''}${origin ? '' : ' (ignoré : aucun point de départ donné)'}`
				]
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
		streetMatches,
		origin: origin ? origin.label : null,
		areas: {
			grandQuartiers: areas.filter((a) => a.kind === 'grand_quartier'),
			iris: areas.filter((a) => a.kind === 'iris')
		},
		needs: EVERYDAY_NEEDS.map(({ code, label, examples }) => ({ code, label, examples })),
		autonomyChoices: AUTONOMY,
		specificSupportChoices: SPECIFIC_SUPPORT.map(({ code, label }) => ({ code, label })),
		walk: { suggested: suggestedWalkMinutes(params.autonomy), text: walkSuggestionText(params.autonomy) },
		explanation: params.autonomy
			? parcoursExplanation(params.autonomy, EVERYDAY_NEEDS.filter((n) => params.needs.includes(n.code)))
			: null,
		// The network's resources of the needs' themes (health need → « Numérique en santé »), for the worker.
		networkResources: result
			? await resourceLinksForNeeds(database().db, params.needs.flatMap((c) => EVERYDAY_NEEDS.find((n) => n.code === c)?.matches ?? []))
			: [],
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

/** Form fields at most, and characters per field: far above what the steps send. */
const MAX_FIELDS = 200;
const MAX_FIELD_LENGTH = 200;

export const actions: Actions = {
	/**
	 * « Préparer la fiche »: the places ticked go to the sheet; none, or more than a sheet holds,
	 * keeps the worker on the results with the reason next to the button and their choices.
	 */
	fiche: async ({ request }) => {
		const input = sheetRequestInput(await submittedForm(request));
		const parsed = sheetRequest.safeParse(input);
		if (!parsed.success) {
			const langue = typeof input.langue === 'string' ? input.langue : 'fr';
			return fail(400, { sheet: { error: parsed.error.issues[0]!.message, lieux: [...new Set((input.lieux ?? []).map(Number))], langue } });
		}
		const { lieux, langue, besoin } = parsed.data;
		redirect(303, `/orienter/fiche${sheetSearch(lieux, langue, [...new Set(besoin)])}`);
	},
	/**
	 * « Voir les lieux »: records the orientation once (the same answers again within half an hour
	 * are the same orientation) and within the client's share (`allowOrientationRecord`), then
	 * shows the results at their shareable address, recorded or not.
	 */
	resultats: async ({ request, getClientAddress }) => {
		const form = await submittedForm(request);
		const search = new URLSearchParams();
		for (const [name, value] of [...form].slice(0, MAX_FIELDS)) {
			if (typeof value === 'string') search.append(name.slice(0, 20), value.slice(0, MAX_FIELD_LENGTH));
		}
		search.append('etape', '5');
		const resolved = await resolveOrientation(search);
		const { params, result } = resolved;
		// Without the needs or the autonomy, `params.step` is the question still to answer.
		if (result && params.step === 5) {
			const db = database().db;
			if (await allowOrientationRecord(db, getClientAddress())) {
				await orientations.record(db, await orientationRecord(db, { ...resolved, result }));
			}
		}
		redirect(303, `/orienter?${orientationParamsToSearch(params)}`);
	}
};
