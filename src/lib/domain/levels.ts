/**
 * The ladder of the "parcours d'inclusion numérique", from awareness to reinforced support.
 * Colours come from the Okabe–Ito palette (safe for the common colour-vision deficiencies) and are
 * never the only cue: every marker also carries the level's number.
 */
export const LEVELS = ['discover', 'learn', 'support', 'reinforced'] as const;
export type Level = (typeof LEVELS)[number];

/** Used in filters and counts for offers whose level could not be established. */
export const UNKNOWN_LEVEL = 'unknown' as const;
export type LevelOrUnknown = Level | typeof UNKNOWN_LEVEL;

export interface LevelInfo {
	rank: number;
	label: string;
	/** Fill colour of the marker; `ink` is the text colour that reaches 4.5:1 on it. */
	colour: string;
	ink: string;
}

export const LEVEL_INFO: Record<LevelOrUnknown, LevelInfo> = {
	discover: {
		rank: 1,
		label: "Découvrir et s'informer",
		colour: '#56B4E9',
		ink: '#000000'
	},
	learn: {
		rank: 2,
		label: 'Apprendre en atelier',
		colour: '#009E73',
		ink: '#000000'
	},
	support: {
		rank: 3,
		label: 'Être accompagné',
		colour: '#E69F00',
		ink: '#000000'
	},
	reinforced: {
		rank: 4,
		label: 'Accompagnement renforcé',
		colour: '#CC79A7',
		ink: '#000000'
	},
	unknown: {
		rank: 0,
		label: 'Niveau à préciser',
		colour: '#BBBBBB',
		ink: '#000000'
	}
};

/** What each level means, for the place page; kept apart from LEVEL_INFO, which the browser needs. */
export const LEVEL_DESCRIPTIONS: Record<LevelOrUnknown, string> = {
	discover:
		'Sensibilisation, information, accès libre à un ordinateur ou au wifi avec un médiateur à proximité.',
	learn:
		'Ateliers collectifs et formations pour devenir autonome.',
	support:
		'Aide individuelle pour faire une démarche avec la personne, y compris à distance.',
	reinforced:
		'Faire à la place de la personne, avec un mandat (Aidants Connect, travailleur social, France services).',
	unknown:
		"La source ne dit pas quel accompagnement est proposé, et on n'a pas pu le déduire."
};

export const LEVEL_FILTER_VALUES: readonly LevelOrUnknown[] = [...LEVELS, UNKNOWN_LEVEL];


export function levelRank(level: Level | null): number {
	return level ? LEVEL_INFO[level].rank : 0;
}

/** The distinct ranks of a place's offers, ascending (0 = à préciser): what a map marker shows. */
export function placeRanks(offers: readonly { level: Level | null }[]): number[] {
	return [...new Set(offers.map((o) => levelRank(o.level)))].sort((a, b) => a - b);
}
