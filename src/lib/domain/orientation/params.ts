import { SPECIFIC_SUPPORT } from '../vocabulary';
import { AUTONOMY, type Autonomy } from './autonomy';
import { EVERYDAY_NEEDS } from './needs';
import { LANGUAGES, NO_WALK_LIMIT, WALK_LIMITS } from './choices';
import { suggestedWalkMinutes } from './walk-suggestion';
import type { OrientationQuery, Period } from './types';

/**
 * The orientation's answers, all in the URL so a search can be shared and reloaded. The
 * resident's address is never a parameter: only a street name, an area or a point.
 */

export { LANGUAGES, NO_WALK_LIMIT, PERIODS, STEPS, WALK_LIMITS } from './choices';

export interface OrientationParams {
	step: number;
	needs: string[];
	autonomy: Autonomy | null;
	area: string | null;
	streetQuery: string;
	street: string | null;
	point: { lon: number; lat: number } | null;
	languages: string[];
	specificSupport: string[];
	freeOnly: boolean;
	availability: { weekday: number; period: Period }[];
	withoutAppointment: boolean;
	/** The limit in force: the worker's choice, or else the one the autonomy suggests. */
	maxWalkMinutes: number | null;
	/** 'suggested' until the worker picks a limit (« Peu importe » included): only a choice goes in the URL. */
	walkLimit: 'suggested' | 'chosen';
}

export interface ParamError {
	param: string;
	message: string;
}

const KNOWN = ['etape', 'besoin', 'autonomie', 'territoire', 'rue', 'voie', 'lon', 'lat', 'langue', 'pec', 'gratuit', 'dispo', 'rdv', 'marche'];
const BBOX = { minLon: 3.1, maxLon: 3.27, minLat: 50.64, maxLat: 50.74 };

export function parseOrientationParams(
	params: URLSearchParams,
	isKnownArea: (code: string) => boolean
): { params: OrientationParams; errors: ParamError[] } {
	const errors: ParamError[] = [];
	for (const name of new Set(params.keys())) {
		if (!KNOWN.includes(name)) errors.push({ param: name, message: `Paramètre inconnu : « ${name} ».` });
	}
	const pick = <T extends string>(name: string, allowed: readonly T[], what: string): T[] => {
		const out: T[] = [];
		for (const v of params.getAll(name).flatMap((x) => x.split(',')).map((x) => x.trim()).filter(Boolean)) {
			if ((allowed as readonly string[]).includes(v)) {
				if (!out.includes(v as T)) out.push(v as T);
			} else errors.push({ param: name, message: `${what} : « ${v} ».` });
		}
		return out;
	};

	const needs = pick('besoin', EVERYDAY_NEEDS.map((n) => n.code), 'Besoin inconnu');
	const autonomyRaw = params.get('autonomie');
	let autonomy: Autonomy | null = null;
	if (autonomyRaw) {
		if (AUTONOMY.some((a) => a.code === autonomyRaw)) autonomy = autonomyRaw as Autonomy;
		else errors.push({ param: 'autonomie', message: `Niveau d'autonomie inconnu : « ${autonomyRaw} ».` });
	}

	const areaRaw = params.get('territoire');
	let area: string | null = null;
	if (areaRaw) {
		if (isKnownArea(areaRaw)) area = areaRaw;
		else errors.push({ param: 'territoire', message: `Quartier inconnu : « ${areaRaw} ».` });
	}

	const streetQuery = (params.get('rue') ?? '').trim().slice(0, 80);
	const street = (params.get('voie') ?? '').trim().slice(0, 120) || null;

	let point: OrientationParams['point'] = null;
	const lonRaw = params.get('lon');
	const latRaw = params.get('lat');
	if (lonRaw !== null || latRaw !== null) {
		const lon = Number(lonRaw);
		const lat = Number(latRaw);
		if (
			lonRaw && latRaw && Number.isFinite(lon) && Number.isFinite(lat) &&
			lon >= BBOX.minLon && lon <= BBOX.maxLon && lat >= BBOX.minLat && lat <= BBOX.maxLat
		) {
			// Rounded to about 10 m: enough to rank places, too coarse to be an address.
			point = { lon: Math.round(lon * 10_000) / 10_000, lat: Math.round(lat * 10_000) / 10_000 };
		} else errors.push({ param: 'lon', message: 'Le point choisi sur la carte est hors de Roubaix ou illisible.' });
	}

	const languages = pick('langue', LANGUAGES.map((l) => l.code), 'Langue inconnue');
	const specificSupport = pick('pec', SPECIFIC_SUPPORT.map((s) => s.code), 'Accompagnement adapté inconnu');

	const availability: OrientationParams['availability'] = [];
	for (const raw of params.getAll('dispo').flatMap((x) => x.split(',')).filter(Boolean)) {
		const m = /^([1-7])-(matin|apres-midi|soir)$/.exec(raw);
		if (m) availability.push({ weekday: Number(m[1]), period: m[2] as Period });
		else errors.push({ param: 'dispo', message: `Disponibilité illisible : « ${raw} ».` });
	}

	const walkRaw = params.get('marche');
	let maxWalkMinutes: number | null = suggestedWalkMinutes(autonomy);
	let walkLimit: OrientationParams['walkLimit'] = 'suggested';
	if (walkRaw === NO_WALK_LIMIT) {
		maxWalkMinutes = null;
		walkLimit = 'chosen';
	} else if (walkRaw) {
		const n = Number(walkRaw);
		if ((WALK_LIMITS as readonly number[]).includes(n)) {
			maxWalkMinutes = n;
			walkLimit = 'chosen';
		} else errors.push({ param: 'marche', message: `Temps de marche attendu : ${WALK_LIMITS.join(', ')} minutes.` });
	}

	const rdv = params.get('rdv');
	if (rdv && rdv !== 'sans') errors.push({ param: 'rdv', message: 'rdv attend « sans ».' });

	// The last value wins: each step's form carries its own step, then the button asks for the next.
	const stepRaw = params.getAll('etape').at(-1) ?? null;
	let step = /^[1-5]$/.test(stepRaw ?? '') ? Number(stepRaw) : 1;
	if (stepRaw && !/^[1-5]$/.test(stepRaw)) errors.push({ param: 'etape', message: 'Étape inconnue.' });
	// A step cannot be shown before the answers it needs.
	if (step >= 2 && needs.length === 0) step = 1;
	else if (step >= 3 && !autonomy) step = 2;

	return {
		params: {
			step,
			needs,
			autonomy,
			area,
			streetQuery,
			street,
			point,
			languages,
			specificSupport,
			freeOnly: ['1', 'oui'].includes(params.get('gratuit') ?? ''),
			availability,
			withoutAppointment: rdv === 'sans',
			maxWalkMinutes,
			walkLimit
		},
		errors
	};
}

/** Back to the URL, in a stable order; `step` overrides the current one. */
export function orientationParamsToSearch(p: OrientationParams, step = p.step): URLSearchParams {
	const s = new URLSearchParams();
	s.set('etape', String(step));
	for (const n of p.needs) s.append('besoin', n);
	if (p.autonomy) s.set('autonomie', p.autonomy);
	if (p.area) s.set('territoire', p.area);
	if (p.street) s.set('voie', p.street);
	if (p.point) {
		s.set('lon', String(p.point.lon));
		s.set('lat', String(p.point.lat));
	}
	for (const l of p.languages) s.append('langue', l);
	for (const x of p.specificSupport) s.append('pec', x);
	if (p.freeOnly) s.set('gratuit', '1');
	for (const a of p.availability) s.append('dispo', `${a.weekday}-${a.period}`);
	if (p.withoutAppointment) s.set('rdv', 'sans');
	// A suggested limit stays out of the URL, so another autonomy chosen later suggests its own.
	if (p.walkLimit === 'chosen') s.set('marche', p.maxWalkMinutes ? String(p.maxWalkMinutes) : NO_WALK_LIMIT);
	return s;
}

export function toQuery(p: OrientationParams, origin: OrientationQuery['origin']): OrientationQuery {
	return {
		needs: p.needs,
		autonomy: p.autonomy,
		origin,
		languages: p.languages,
		specificSupport: p.specificSupport.map((code) => SPECIFIC_SUPPORT.find((s) => s.code === code)!.value),
		freeOnly: p.freeOnly,
		availability: p.availability,
		appointment: p.withoutAppointment ? 'sans' : null,
		maxWalkMinutes: p.maxWalkMinutes
	};
}
