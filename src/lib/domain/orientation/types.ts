import type { CatalogueOffer, CataloguePlace } from '../catalogue';
import type { Level } from '../levels';
import type { Autonomy } from './autonomy';

export type Period = 'matin' | 'apres-midi' | 'soir';

/** Everything a worker said about the resident; nothing that identifies them. */
export interface OrientationQuery {
	/** Codes of EVERYDAY_NEEDS. */
	needs: string[];
	autonomy: Autonomy | null;
	/** Where the resident starts from: a street, an area's centre or a point clicked on the map. */
	origin: { lon: number; lat: number; label: string } | null;
	/** ISO 639-1 codes, e.g. 'ar'. French is assumed spoken everywhere. */
	languages: string[];
	/** Values of the national schema's PriseEnChargeSpecifique. */
	specificSupport: string[];
	freeOnly: boolean;
	/** When the resident is available (ISO weekday 1 = Monday … 7 = Sunday). Empty: any time. */
	availability: { weekday: number; period: Period }[];
	/** 'sans': must be able to walk in without an appointment; null: either is fine. */
	appointment: 'sans' | null;
	maxWalkMinutes: number | null;
}

export interface Candidate {
	place: CataloguePlace;
	/** The place's offers that match, best level first. */
	offers: CatalogueOffer[];
	walkMinutes: number | null;
	/** Next opening within 7 days, when the hours say so. */
	nextOpening: Date | null;
	/** Why it matches, e.g. « 8 min à pied », « ouvert samedi matin », « gratuit ». */
	reasons: string[];
	/** What is not sure, e.g. « niveau déduit », « horaires non renseignés », « mis à jour en 2022 ». */
	uncertainties: string[];
}

export interface Relaxation {
	code: 'walk' | 'level-above' | 'level-below' | 'appointment' | 'free' | 'language' | 'support' | 'availability';
	/** The cost made explicit: « à 20 min à pied », « niveau au-dessus », « sur rendez-vous »… */
	label: string;
	results: Candidate[];
}

export interface OrientationResult {
	levels: Level[];
	results: Candidate[];
	/** Offered when fewer than three results match, nearest first. */
	relaxations: Relaxation[];
	/** The next step of the parcours (after help with a démarche, the workshops towards autonomy). */
	nextStep: { levels: Level[]; results: Candidate[] } | null;
	/** How many results are within 15 minutes' walk (unmet-demand record). */
	within15: number;
}
