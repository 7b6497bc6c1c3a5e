import type { CatalogueOffer, CataloguePlace } from '../catalogue';
import { hoursStatus, nextOpening, opensWithinWindow, parseHours } from '../hours';
import { LEVEL_INFO, LEVELS, type Level } from '../levels';
import { monthsBetween, STALE_AFTER_MONTHS } from '../quality';
import { parisDate } from '../search';
import { ACCESS_MODES, FEES, SPECIFIC_SUPPORT } from '../vocabulary';
import { nextStepLevels, recommendedLevels } from './autonomy';
import { EVERYDAY_NEEDS } from './needs';
import type { Candidate, OrientationQuery, OrientationResult, Period, Relaxation } from './types';
import { walkingMinutes } from './walking';

/**
 * The orientation's answer: which places to send the resident to, best first, each with the
 * reasons a worker can read aloud and what is not sure. Constraints the resident stated are hard;
 * when they leave fewer than three places, each is relaxed on its own so the worker sees what it
 * would cost (a longer walk, an appointment…) rather than silently getting worse places.
 */

/** Opening windows behind « disponible le matin », « l'après-midi », « le soir ». */
export const PERIOD_WINDOWS: Record<Period, { from: string; to: string; label: string }> = {
	matin: { from: '08:00', to: '12:00', label: 'matin' },
	'apres-midi': { from: '12:00', to: '18:00', label: 'après-midi' },
	soir: { from: '18:00', to: '21:00', label: 'soir' }
};

/** Names as they follow « parle » and « interprète en ». */
export const LANGUAGE_NAMES: Readonly<Record<string, string>> = {
	ar: 'arabe',
	ber: 'berbère ou kabyle',
	en: 'anglais',
	es: 'espagnol',
	tr: 'turc',
	pt: 'portugais',
	ro: 'roumain',
	ru: 'russe',
	uk: 'ukrainien',
	zh: 'chinois'
};

export function languageName(code: string): string {
	return LANGUAGE_NAMES[code] ?? code;
}

/** Cheapest first: walking ten more minutes costs the resident less than going without an interpreter. */
export const RELAXATION_ORDER: readonly Relaxation['code'][] = [
	'walk',
	'appointment',
	'level-above',
	'free',
	'availability',
	'language',
	'support',
	'level-below'
];

/** Below this many results, relaxations are offered. */
export const FEW_RESULTS = 3;
export const RELAXATION_RESULTS = 5;
export const NEXT_STEP_RESULTS = 3;
export const NEAR_WALK_MINUTES = 15;
export const WALK_RELAXATION_STEP_MINUTES = 10;
/** Beyond three quarters of an hour, a walk is no longer an answer: the bus is. */
export const WALK_RELAXATION_MAX_MINUTES = 45;
/** Openings further away are not worth ranking on: the resident needs help this week. */
export const NEXT_OPENING_DAYS = 7;

const FREE = FEES.find((f) => f.code === 'gratuit')!.value;
const WALK_IN = ACCESS_MODES.find((m) => m.code === 'se-presenter')!.value;
const FLAGS_TO_CHECK = new Set(['far_from_street', 'outside_commune']);
const WEEKDAY_NAMES = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];
const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });
const dayMonth = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', timeZone: 'UTC' });

/**
 * One bit per constraint an offer fails. An offer failing only one relaxable constraint is exactly
 * what that relaxation would add, so one pass over the catalogue serves the results, every
 * relaxation and the next step.
 */
const FAIL: Record<Relaxation['code'], number> = {
	walk: 1,
	appointment: 2,
	'level-above': 4,
	free: 8,
	availability: 16,
	language: 32,
	support: 64,
	'level-below': 128
};
/** A level that is neither recommended nor one step away: only the next step may use it. */
const FAIL_LEVEL_ELSEWHERE = 256;
/** Farther than even the relaxed walk. */
const FAIL_WALK_FAR = 512;
const LEVEL_BITS = FAIL['level-above'] | FAIL['level-below'] | FAIL_LEVEL_ELSEWHERE;
/** The next step ignores when and how the resident can come (a workshop is booked later), not the rest. */
const NEXT_STEP_IGNORES = LEVEL_BITS | FAIL.availability | FAIL.appointment;

interface HoursFacts {
	known: boolean;
	/** Indices of the requested (weekday, period) slots in which these hours open. */
	slots: number[];
	next: Date | null | undefined;
	reason: string | null | undefined;
}

interface OfferFit {
	offer: CatalogueOffer;
	failed: number;
	hours: HoursFacts;
	nextStep: boolean;
	/** Next opening within the week; `undefined` until asked, since most offers are never ranked. */
	next: Date | null | undefined;
	/** 'YYYY-MM-DD' of the last verification, the offer's or else the source's. */
	verified: string | null;
}

interface PlaceFits {
	place: CataloguePlace;
	walk: number | null;
	fits: OfferFit[];
}

/** How a set of candidates is judged: the constraints in force and the levels in preference order. */
interface Mode {
	levels: readonly Level[];
	availability: boolean;
	appointment: boolean;
	showLevel: boolean;
}

interface Ranked {
	place: CataloguePlace;
	fits: OfferFit[];
	walk: number | null;
	next: Date | null;
	/** Hard constraints that may hold but cannot be checked (unknown hours or access modes). */
	uncertain: number;
	/** 'YYYY-MM-DD' of the most recent verification among the offers. */
	verified: string | null;
}

function frenchList(items: readonly string[]): string {
	if (items.length <= 1) return items.join('');
	return `${items.slice(0, -1).join(', ')} et ${items.at(-1)}`;
}

function supportWord(value: string): string {
	const label = SPECIFIC_SUPPORT.find((t) => t.value === value)?.label ?? value;
	// « accueil adapté : langue étrangère : anglais » would stack two colons.
	const word = label.replace(/^(Langue étrangère) : (.+)$/, '$1 ($2)');
	return word.charAt(0).toLowerCase() + word.slice(1);
}

/** « 1er décembre », with the year only when it is not the current one. */
function formatDay(isoDay: string, currentYear: string): string {
	const date = new Date(`${isoDay.slice(0, 10)}T12:00:00Z`);
	if (Number.isNaN(date.getTime())) return isoDay;
	const text = dayMonth.format(date).replace(/^1 /, '1er ');
	return isoDay.startsWith(currentYear) ? text : `${text} ${isoDay.slice(0, 4)}`;
}

function closedOn(offer: CatalogueOffer, day: string): boolean {
	if (offer.status !== 'temporarily_closed') return false;
	return (!offer.closedFrom || offer.closedFrom.slice(0, 10) <= day) && (!offer.closedUntil || day <= offer.closedUntil.slice(0, 10));
}

function upcomingClosure(offer: CatalogueOffer, today: string): boolean {
	return offer.status === 'temporarily_closed' && offer.closedFrom !== null && offer.closedFrom.slice(0, 10) > today;
}

function compareNullable(a: number | null, b: number | null): number {
	if (a === null) return b === null ? 0 : 1;
	return b === null ? -1 : a - b;
}

/** Certain matches first, then the nearest, the soonest open, the most recently verified, then by name. */
function compareRanked(a: Ranked, b: Ranked): number {
	return (
		a.uncertain - b.uncertain ||
		compareNullable(a.walk, b.walk) ||
		compareNullable(a.next?.getTime() ?? null, b.next?.getTime() ?? null) ||
		(a.verified === b.verified ? 0 : a.verified === null ? 1 : b.verified === null ? -1 : a.verified < b.verified ? 1 : -1) ||
		collator.compare(a.place.name, b.place.name) ||
		a.place.id - b.place.id
	);
}

export function orient(catalogue: readonly CataloguePlace[], query: OrientationQuery, now: Date): OrientationResult {
	const needs = query.needs.flatMap((code) => EVERYDAY_NEEDS.filter((n) => n.code === code));
	const levels = recommendedLevels(query.autonomy ?? 'un-peu', needs);
	const levelSet = new Set(levels);
	const ranks = levels.map((l) => LEVEL_INFO[l].rank);
	const above = LEVELS.find((l) => LEVEL_INFO[l].rank === Math.max(...ranks) + 1) ?? null;
	const below = LEVELS.find((l) => LEVEL_INFO[l].rank === Math.min(...ranks) - 1) ?? null;
	const nextLevels = nextStepLevels(levels);
	const nextLevelSet = new Set(nextLevels);

	const matches = new Set<string>(needs.flatMap((n) => n.matches));
	const languages = [...new Set(query.languages.map((l) => l.toLowerCase()))].filter((l) => l !== 'fr');
	const support = [...new Set(query.specificSupport)];
	const availability = query.availability;
	const appointment = query.appointment === 'sans';
	const origin = query.origin;
	const maxWalk = origin ? query.maxWalkMinutes : null;
	const walkBracket = maxWalk === null ? null : Math.min(maxWalk + WALK_RELAXATION_STEP_MINUTES, WALK_RELAXATION_MAX_MINUTES);
	const today = parisDate(now);
	const currentYear = today.slice(0, 4);

	// Hours strings recur across thousands of offers and evaluating them is the slow part.
	const UNKNOWN_HOURS: HoursFacts = { known: false, slots: [], next: null, reason: null };
	const hoursMemo = new Map<string, HoursFacts>();
	const hoursFacts = (hours: string | null): HoursFacts => {
		if (hours === null) return UNKNOWN_HOURS;
		let facts = hoursMemo.get(hours);
		if (!facts) {
			const known = parseHours(hours).ok;
			const slots: number[] = [];
			if (known) {
				availability.forEach(({ weekday, period }, index) => {
					const window = PERIOD_WINDOWS[period];
					if (opensWithinWindow(hours, weekday, window.from, window.to, now)) slots.push(index);
				});
			}
			facts = known ? { known, slots, next: undefined, reason: undefined } : UNKNOWN_HOURS;
			hoursMemo.set(hours, facts);
		}
		return facts;
	};
	const openingOf = (fit: OfferFit): Date | null => {
		if (fit.next !== undefined) return fit.next;
		const facts = fit.hours;
		if (facts.next === undefined) facts.next = nextOpening(fit.offer.hours, now, NEXT_OPENING_DAYS);
		let next = facts.next;
		// An opening that falls in an announced closure is no opening.
		if (next && fit.offer.status === 'temporarily_closed' && closedOn(fit.offer, parisDate(next))) next = null;
		fit.next = next;
		return next;
	};
	const staleMemo = new Map<string, string | null>();
	/** « mis à jour en 2022 » when the date is a year old or more. */
	const staleness = (day: string): string | null => {
		let text = staleMemo.get(day);
		if (text === undefined) {
			text = monthsBetween(day, now) >= STALE_AFTER_MONTHS ? `mis à jour en ${day.slice(0, 4)}` : null;
			staleMemo.set(day, text);
		}
		return text;
	};
	const statusReason = (fit: OfferFit): string | null => {
		const facts = fit.hours;
		if (facts.reason === undefined) {
			const status = hoursStatus(fit.offer.hours, now);
			const label = status?.label ?? '';
			facts.reason = status?.open ? 'ouvert maintenant' : label.startsWith('Fermé · ouvre ') ? label.slice('Fermé · '.length) : null;
		}
		return facts.reason;
	};

	// ---- One pass: what each offer fails -------------------------------------------------------
	const placeFits: PlaceFits[] = [];
	/** Every constraint some offer fails: a relaxation nobody fails is not worth a pass. */
	let failedSomewhere = 0;
	for (const place of catalogue) {
		const fits: OfferFit[] = [];
		for (const offer of place.offers) {
			if (offer.status === 'closed' || closedOn(offer, today)) continue;
			if (matches.size > 0 && !offer.themes.some((t) => matches.has(t)) && !offer.tags.some((t) => matches.has(t))) continue;
			const level = offer.level;
			const nextStep = level !== null && nextLevelSet.has(level);
			let failed = 0;
			if (level === null || !levelSet.has(level)) {
				if (level !== null && level === above) failed |= FAIL['level-above'];
				else if (level !== null && level === below) failed |= FAIL['level-below'];
				else if (nextStep) failed |= FAIL_LEVEL_ELSEWHERE;
				else continue;
			}
			if (query.freeOnly && !offer.fees.includes(FREE)) failed |= FAIL.free;
			if (languages.length > 0 && !languages.every((l) => offer.languages.includes(l))) failed |= FAIL.language;
			if (support.length > 0 && !support.every((s) => offer.specificSupport.includes(s))) failed |= FAIL.support;
			// Unknown access modes are kept: most sources leave them empty, and walking in is common.
			if (appointment && offer.accessModes.length > 0 && !offer.accessModes.includes(WALK_IN)) failed |= FAIL.appointment;
			const hours = hoursFacts(offer.hours);
			// Unknown hours are kept too: most places of the national data give none, and excluding them would empty the answer.
			if (availability.length > 0 && hours.known && hours.slots.length === 0) failed |= FAIL.availability;
			const verified = (offer.verifiedAt ?? place.sourceUpdatedOn)?.slice(0, 10) ?? null;
			fits.push({ offer, failed, hours, nextStep, next: undefined, verified });
		}
		if (fits.length === 0) continue;
		const walk = origin ? walkingMinutes(origin, place) : null;
		if (maxWalk !== null && walk !== null && walk > maxWalk) {
			const bit = walkBracket !== null && walk <= walkBracket ? FAIL.walk : FAIL_WALK_FAR;
			for (const fit of fits) fit.failed |= bit;
		}
		for (const fit of fits) failedSomewhere |= fit.failed;
		placeFits.push({ place, walk, fits });
	}

	// ---- Grouping and ranking -----------------------------------------------------------------
	const offerUncertainty = (fit: OfferFit, mode: Mode): number =>
		(mode.availability && !fit.hours.known ? 1 : 0) + (mode.appointment && fit.offer.accessModes.length === 0 ? 1 : 0);

	const gather = (accept: (fit: OfferFit) => boolean, mode: Mode, exclude: ReadonlySet<number> | null): Ranked[] => {
		const ranked: Ranked[] = [];
		for (const { place, walk, fits } of placeFits) {
			if (exclude?.has(place.id)) continue;
			let chosen: OfferFit[] | null = null;
			for (const fit of fits) if (accept(fit)) (chosen ??= []).push(fit);
			if (chosen === null) continue;
			if (chosen.length > 1) {
				// The first offer speaks for the place (its level, « gratuit », « niveau déduit »), so it must be the best fit.
				chosen.sort(
					(a, b) =>
						mode.levels.indexOf(a.offer.level!) - mode.levels.indexOf(b.offer.level!) ||
						offerUncertainty(a, mode) - offerUncertainty(b, mode) ||
						compareNullable(openingOf(a)?.getTime() ?? null, openingOf(b)?.getTime() ?? null) ||
						a.offer.id - b.offer.id
				);
			}
			let uncertain = Number.POSITIVE_INFINITY;
			let next: Date | null = null;
			let verified: string | null = null;
			for (const fit of chosen) {
				uncertain = Math.min(uncertain, offerUncertainty(fit, mode));
				const opening = openingOf(fit);
				if (opening && (!next || opening < next)) next = opening;
				if (fit.verified && (!verified || fit.verified > verified)) verified = fit.verified;
			}
			ranked.push({ place, fits: chosen, walk, next, uncertain, verified });
		}
		return ranked.sort(compareRanked);
	};

	const describe = (r: Ranked, mode: Mode): Candidate => {
		const lead = r.fits[0]!.offer;
		const offers = r.fits.map((f) => f.offer);
		const reasons: string[] = [];
		if (r.walk !== null) reasons.push(`${r.walk} min à pied`);
		if (mode.availability) {
			const slots = [...new Set(r.fits.flatMap((f) => f.hours.slots))].sort((a, b) => a - b);
			const words = slots.map((i) => availability[i]!).map((s) => `${WEEKDAY_NAMES[s.weekday - 1]} ${PERIOD_WINDOWS[s.period].label}`);
			if (words.length > 0) reasons.push(`ouvert ${frenchList(words)}`);
		} else if (r.next) {
			const soonest = r.fits.find((f) => openingOf(f)?.getTime() === r.next!.getTime());
			const reason = soonest ? statusReason(soonest) : null;
			if (reason) reasons.push(reason);
		}
		if (lead.fees.includes(FREE)) reasons.push('gratuit');
		const spoken = languages.filter((l) => lead.languages.includes(l));
		if (spoken.length > 0) reasons.push(`parle ${frenchList(spoken.map(languageName))}`);
		const adapted = support.filter((s) => lead.specificSupport.includes(s));
		if (adapted.length > 0) reasons.push(`accueil adapté : ${frenchList(adapted.map(supportWord))}`);
		const walkIn = offers.some((o) => o.accessModes.includes(WALK_IN));
		if (walkIn) reasons.push('sans rendez-vous');
		if (mode.showLevel && lead.level) reasons.push(LEVEL_INFO[lead.level].label);

		const uncertainties: string[] = [];
		if (lead.levelInferred) uncertainties.push('niveau déduit');
		if (r.fits.every((f) => !f.hours.known)) uncertainties.push('horaires non renseignés');
		if (mode.appointment && !walkIn) uncertainties.push("modalités d'accès non renseignées");
		if (r.verified === null) uncertainties.push('date de mise à jour inconnue');
		else {
			const stale = staleness(r.verified);
			if (stale) uncertainties.push(stale);
		}
		const closing = offers.find((o) => upcomingClosure(o, today));
		if (closing?.closedFrom) {
			const from = formatDay(closing.closedFrom, currentYear);
			uncertainties.push(
				closing.closedUntil
					? `fermé temporairement du ${from} au ${formatDay(closing.closedUntil, currentYear)}`
					: `fermé temporairement à partir du ${from}`
			);
		}
		if (r.place.flags.some((f) => FLAGS_TO_CHECK.has(f.code))) uncertainties.push('point à vérifier');

		return { place: r.place, offers, walkMinutes: r.walk, nextOpening: r.next, reasons, uncertainties };
	};

	const mainMode: Mode = { levels, availability: availability.length > 0, appointment, showLevel: levels.length > 1 };
	const results = gather((fit) => fit.failed === 0, mainMode, null).map((r) => describe(r, mainMode));
	const shown = new Set(results.map((c) => c.place.id));

	const relaxations: Relaxation[] = [];
	if (results.length < FEW_RESULTS) {
		for (const code of RELAXATION_ORDER) {
			const levelStep = code === 'level-above' ? above : code === 'level-below' ? below : null;
			const mode: Mode = {
				levels: levelStep ? [levelStep] : levels,
				availability: mainMode.availability && code !== 'availability',
				appointment: appointment && code !== 'appointment',
				showLevel: !levelStep && mainMode.showLevel
			};
			const bit = FAIL[code];
			if ((failedSomewhere & bit) === 0) continue;
			const ranked = gather((fit) => (fit.failed & ~bit) === 0, mode, shown).slice(0, RELAXATION_RESULTS);
			if (ranked.length === 0) continue;
			const candidates = ranked.map((r) => describe(r, mode));
			relaxations.push({ code, label: relaxationLabel(code, candidates, levelStep, languages), results: candidates });
		}
	}

	let nextStep: OrientationResult['nextStep'] = null;
	if (nextLevels.length > 0) {
		const mode: Mode = { levels: nextLevels, availability: false, appointment: false, showLevel: nextLevels.length > 1 };
		const ranked = gather((fit) => fit.nextStep && (fit.failed & ~NEXT_STEP_IGNORES) === 0, mode, shown);
		nextStep = { levels: nextLevels, results: ranked.slice(0, NEXT_STEP_RESULTS).map((r) => describe(r, mode)) };
	}

	// Without a starting point every result counts as near: the worker set no neighbourhood, so the
	// city is the area served, and counting none would record unmet demand where some was met.
	const within15 = origin ? results.filter((c) => c.walkMinutes !== null && c.walkMinutes <= NEAR_WALK_MINUTES).length : results.length;

	return { levels, results, relaxations, nextStep, within15 };
}

function relaxationLabel(code: Relaxation['code'], candidates: readonly Candidate[], level: Level | null, languages: readonly string[]): string {
	switch (code) {
		case 'walk':
			// The farthest place actually shown, so the label never understates the walk.
			return `à ${Math.max(...candidates.map((c) => c.walkMinutes ?? 0))} min à pied`;
		case 'appointment':
			return 'sur rendez-vous';
		case 'level-above':
			return `niveau au-dessus : ${LEVEL_INFO[level!].label}`;
		case 'level-below':
			return `niveau en dessous : ${LEVEL_INFO[level!].label}`;
		case 'free':
			return 'payant';
		case 'availability':
			return "à d'autres moments";
		case 'language':
			return `sans interprète ${frenchList(languages.map((l) => `en ${languageName(l)}`))}`;
		case 'support':
			return 'sans accueil adapté';
	}
}
