import type { CatalogueOffer, CataloguePlace } from './catalogue';
import { offerLevel } from './catalogue';
import type { Filters, When } from './filters';
import { WEEKDAYS } from './filters';
import { isOpenAt, opensInEvening, opensOnWeekday } from './hours';
import { LEVEL_FILTER_VALUES, type LevelOrUnknown } from './levels';
import { FEES, PUBLICS, SPECIFIC_SUPPORT, normalizeText } from './vocabulary';

export interface PlaceMatch {
	place: CataloguePlace;
	offers: CatalogueOffer[];
}

export interface SearchResult {
	places: PlaceMatch[];
	/** Offers matching every filter. */
	offerCount: number;
	/** Offers per level under every filter except the level itself, so the counts guide the choice. */
	levelCounts: Record<LevelOrUnknown, number>;
}

const FREE = FEES.find((f) => f.code === 'gratuit')!.value;
const valueOf = (terms: readonly { code: string; value: string }[], code: string) =>
	terms.find((t) => t.code === code)?.value ?? code;

const parisDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });

/** YYYY-MM-DD in Roubaix: closures start and end on Paris days, not UTC ones. */
export function parisDate(instant: Date): string {
	return parisDay.format(instant);
}

/** Closed places never show; a temporary closure shows (with its message) but is not "open". */
function isTemporarilyClosed(offer: CatalogueOffer, now: Date): boolean {
	if (offer.status !== 'temporarily_closed') return false;
	const today = parisDate(now);
	return (!offer.closedFrom || offer.closedFrom <= today) && (!offer.closedUntil || today <= offer.closedUntil);
}

/**
 * Hours questions are asked once per distinct hours string and search: the same strings
 * recur across thousands of offers, and evaluating one costs far more than comparing.
 */
function hoursMatcher(when: When, now: Date): (hours: string | null) => boolean {
	const memo = new Map<string | null, boolean>();
	const ask = (hours: string | null): boolean => {
		if (when === 'maintenant') return isOpenAt(hours, now) === true;
		if (when === 'soir') return opensInEvening(hours, now) === true;
		return opensOnWeekday(hours, WEEKDAYS.indexOf(when) + 1, now) === true;
	};
	return (hours) => {
		let answer = memo.get(hours);
		if (answer === undefined) {
			answer = hours ? ask(hours) : false;
			memo.set(hours, answer);
		}
		return answer;
	};
}

export function searchCatalogue(catalogue: readonly CataloguePlace[], filters: Filters, now: Date): SearchResult {
	const query = normalizeText(filters.query);
	const publics = filters.publics.map((c) => valueOf(PUBLICS, c));
	const support = filters.specificSupport.map((c) => valueOf(SPECIFIC_SUPPORT, c));
	const levels = new Set(filters.levels);
	const hoursOk = filters.when ? hoursMatcher(filters.when, now) : null;
	const levelCounts = Object.fromEntries(LEVEL_FILTER_VALUES.map((l) => [l, 0])) as Record<LevelOrUnknown, number>;

	const placeMatches = (p: CataloguePlace) => {
		if (query && !p.searchKey.includes(query)) return false;
		if (!filters.area) return true;
		if (filters.area === 'qpv') return p.qpv !== null;
		return p.areaCodes.includes(filters.area);
	};
	const offerMatches = (o: CatalogueOffer) => {
		if (o.status === 'closed') return false;
		if (filters.needs.length && !filters.needs.some((n) => o.themes.includes(n) || o.tags.includes(n))) return false;
		if (publics.length && !publics.some((v) => o.publics.includes(v))) return false;
		if (support.length && !support.some((v) => o.specificSupport.includes(v))) return false;
		if (filters.freeOnly && !o.fees.includes(FREE)) return false;
		if (hoursOk && (isTemporarilyClosed(o, now) || !hoursOk(o.hours))) return false;
		return true;
	};

	const places: PlaceMatch[] = [];
	let offerCount = 0;
	for (const place of catalogue) {
		if (!placeMatches(place)) continue;
		const offers: CatalogueOffer[] = [];
		for (const offer of place.offers) {
			if (!offerMatches(offer)) continue;
			const level = offerLevel(offer);
			levelCounts[level]++;
			if (levels.size === 0 || levels.has(level)) offers.push(offer);
		}
		if (offers.length > 0) {
			places.push({ place, offers });
			offerCount += offers.length;
		}
	}
	return { places, offerCount, levelCounts };
}
