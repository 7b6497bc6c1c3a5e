import type { AreaIndicators } from '$lib/domain/coverage/indicators';
import { LEVELS, LEVEL_FILTER_VALUES, LEVEL_INFO, type LevelOrUnknown } from '$lib/domain/levels';
import { LANGUAGES } from '$lib/domain/orientation/choices';
import { NEEDS } from '$lib/domain/themes';
import { SPECIFIC_SUPPORT } from '$lib/domain/vocabulary';
import { decimal, hoursText, machineNumber, percent, ratePct } from './format';

/**
 * Every figure the planners' pages give for an area, once: its CSV column name, its French
 * label, its unit and how to read it from the computed indicators. The zone tables, the CSV and
 * GeoJSON exports and the « Et si… » comparison all walk this list, so they cannot disagree.
 */

export type FigureFormat = 'count' | 'share' | 'hours' | 'index' | 'rate' | 'km2' | 'persons';
export type FigureGroup = 'contexte' | 'offres' | 'couverture' | 'horaires' | 'demande';

export interface UnmetCounts {
	total: number;
	unmet: number;
}

/** Orientations per IRIS code (unmetDemand()); absent IRIS had none. */
export type UnmetByIris = ReadonlyMap<string, UnmetCounts>;

export interface Figure {
	/** The CSV column and GeoJSON property: ASCII, snake case. */
	id: string;
	label: string;
	group: FigureGroup;
	format: FigureFormat;
	/** Unit and meaning in the exports' documentation. */
	description: string;
	get(area: AreaIndicators, unmet: UnmetByIris): number | null;
}

export const GROUP_LABELS: Record<FigureGroup, string> = {
	contexte: 'Contexte',
	offres: 'Offres',
	couverture: 'Couverture à pied',
	horaires: 'Horaires',
	demande: 'Demande non satisfaite'
};

/** « niveau_4 », « a_preciser »: level part of column names. */
export function levelColumn(level: LevelOrUnknown): string {
	return level === 'unknown' ? 'a_preciser' : `niveau_${LEVEL_INFO[level].rank}`;
}

/** « niveau 4 (Accompagnement renforcé) », « niveau à préciser ». */
export function levelName(level: LevelOrUnknown): string {
	return level === 'unknown' ? 'niveau à préciser' : `niveau ${LEVEL_INFO[level].rank} (${LEVEL_INFO[level].label})`;
}

/** « Niveau 4 », « À préciser »: short, for column headers. */
export function levelShort(level: LevelOrUnknown): string {
	return level === 'unknown' ? 'À préciser' : `Niveau ${LEVEL_INFO[level].rank}`;
}

function sumOverIris(area: AreaIndicators, unmet: UnmetByIris, pick: (c: UnmetCounts) => number): number | null {
	// Orientations are located by IRIS only: a QPV, which cuts IRIS, has no exact count.
	if (area.kind === 'qpv') return null;
	return area.irisCodes.reduce((sum, code) => sum + (unmet.has(code) ? pick(unmet.get(code)!) : 0), 0);
}

const HOURS_KEYS = [...LEVEL_FILTER_VALUES, 'all'] as const;
export type HoursKey = (typeof HOURS_KEYS)[number];
const hoursColumn = (key: HoursKey) => (key === 'all' ? 'toutes' : levelColumn(key));
const hoursName = (key: HoursKey) => (key === 'all' ? 'toutes les offres' : `offres de ${levelName(key)}`);

function buildFigures(): Figure[] {
	const figures: Figure[] = [
		{
			id: 'surface_km2',
			label: 'Surface',
			group: 'contexte',
			format: 'km2',
			description: 'Surface de la zone, en km² (mesurée sur la grille de points).',
			get: (a) => a.context.areaKm2
		},
		{
			id: 'personnes_couvertes_caf',
			label: 'Personnes couvertes par la CAF (2021)',
			group: 'contexte',
			format: 'persons',
			description:
				'Personnes couvertes par la CAF en 2021 : seul indicateur de population par IRIS disponible ici ; pour un QPV, au prorata de la surface de chaque IRIS dans le QPV.',
			get: (a) => a.context.cafPersons.value
		},
		{
			id: 'indice_fragilite_numerique',
			label: 'Indice de fragilité numérique (100 = région)',
			group: 'contexte',
			format: 'index',
			description:
				"Indice de fragilité numérique (IFN, score global, 100 = niveau régional), données d'environ 2016-2017, licence non établie ; moyenne des IRIS pondérée CAF.",
			get: (a) => a.context.fragilityIndex.value
		},
		{
			id: 'taux_pauvrete_pct',
			label: 'Taux de pauvreté (Filosofi 2021)',
			group: 'contexte',
			format: 'rate',
			description:
				'Taux de pauvreté Filosofi 2021, en % ; moyenne des IRIS connus pondérée CAF ; IRIS sous secret statistique exclus (jamais comptés 0).',
			get: (a) => a.context.povertyRatePct.value
		},
		{
			id: 'offres_actives',
			label: 'Offres actives',
			group: 'offres',
			format: 'count',
			description: 'Offres ouvertes au public (ni fermées, ni fermées temporairement ce jour).',
			get: (a) => a.metrics.offers.active
		}
	];
	for (const level of LEVEL_FILTER_VALUES) {
		figures.push({
			id: `offres_${levelColumn(level)}`,
			label: `Offres, ${levelName(level)}`,
			group: 'offres',
			format: 'count',
			description: `Offres actives de ${levelName(level)}.`,
			get: (a) => a.metrics.offers.byLevel[level]
		});
	}
	for (const need of NEEDS) {
		figures.push({
			id: `offres_theme_${need.code}`,
			label: `Offres, thème « ${need.label} »`,
			group: 'offres',
			format: 'count',
			description: `Offres actives portant le thème ou l'étiquette « ${need.label} » (une offre compte dans chacun de ses thèmes).`,
			get: (a) => a.metrics.offers.byTheme[need.code] ?? 0
		});
	}
	figures.push(
		{
			id: 'offres_gratuites',
			label: 'Offres gratuites',
			group: 'offres',
			format: 'count',
			description: 'Offres actives déclarées gratuites.',
			get: (a) => a.metrics.offers.free
		},
		{
			id: 'offres_gratuites_sous_condition',
			label: 'Offres gratuites sous condition',
			group: 'offres',
			format: 'count',
			description: 'Offres actives déclarées gratuites sous condition.',
			get: (a) => a.metrics.offers.freeUnderCondition
		},
		{
			id: 'offres_autres_langues',
			label: "Offres dans une autre langue que le français",
			group: 'offres',
			format: 'count',
			description: 'Offres actives proposées dans au moins une langue autre que le français.',
			get: (a) => a.metrics.offers.otherLanguages
		}
	);
	for (const language of LANGUAGES) {
		figures.push({
			id: `offres_langue_${language.code}`,
			label: `Offres en ${language.label.toLowerCase()}`,
			group: 'offres',
			format: 'count',
			description: `Offres actives proposées en ${language.label.toLowerCase()}.`,
			get: (a) => a.metrics.offers.byLanguage[language.code] ?? 0
		});
	}
	figures.push({
		id: 'offres_prise_en_charge_specifique',
		label: 'Offres avec une prise en charge spécifique',
		group: 'offres',
		format: 'count',
		description: 'Offres actives déclarant au moins une prise en charge spécifique (handicap, illettrisme, langues…).',
		get: (a) => a.metrics.offers.specificSupport
	});
	for (const support of SPECIFIC_SUPPORT) {
		figures.push({
			id: `offres_pec_${support.code.replace(/-/g, '_')}`,
			label: `Prise en charge : ${support.label.toLowerCase()}`,
			group: 'offres',
			format: 'count',
			description: `Offres actives déclarant la prise en charge « ${support.value} ».`,
			get: (a) => a.metrics.offers.bySpecificSupport[support.value] ?? 0
		});
	}
	figures.push(
		{
			id: 'offres_verifiees_6_mois',
			label: 'Offres vérifiées il y a moins de 6 mois',
			group: 'offres',
			format: 'count',
			description: 'Offres actives dont la dernière vérification date de moins de 6 mois.',
			get: (a) => a.metrics.offers.verifiedRecently
		},
		{
			id: 'offres_niveau_a_preciser',
			label: 'Offres au niveau « à préciser »',
			group: 'offres',
			format: 'count',
			description: "Offres actives dont le niveau d'accompagnement n'est ni donné ni déductible.",
			get: (a) => a.metrics.offers.levelToSpecify
		},
		{
			id: 'offres_a_distance',
			label: 'Offres à distance',
			group: 'offres',
			format: 'count',
			description: 'Offres actives proposées (aussi) à distance ; elles comptent à leur lieu.',
			get: (a) => a.metrics.offers.remote
		},
		{
			id: 'offres_fermees_temporairement',
			label: 'Offres fermées temporairement',
			group: 'offres',
			format: 'count',
			description: 'Offres fermées temporairement ce jour : comptées ici seulement.',
			get: (a) => a.metrics.offers.temporarilyClosed
		}
	);
	for (const minutes of [10, 15] as const) {
		for (const level of LEVELS) {
			for (const [part, partLabel, partDescription] of [
				['ponderee', 'pondéré CAF', 'moyenne des IRIS pondérée par les personnes couvertes par la CAF'],
				['surface', 'part de la surface', 'part de la surface de la zone']
			] as const) {
				figures.push({
					id: `couverture_${minutes}min_${levelColumn(level)}_${part}_pct`,
					label: `À ${minutes} min d'une offre de niveau ${LEVEL_INFO[level].rank}, ${partLabel}`,
					group: 'couverture',
					format: 'share',
					description: `Part (en %) de la zone à ${minutes} minutes à pied ou moins d'une offre de ${levelName(level)} : ${partDescription} (points de grille tous les 50 m, vol d'oiseau × 1,3 à 4,5 km/h).`,
					get: (a) => {
						const shares = a.metrics.coverage[level][minutes === 10 ? 'within10' : 'within15'];
						return part === 'ponderee' ? shares.weighted : shares.area;
					}
				});
			}
		}
	}
	for (const key of HOURS_KEYS) {
		const col = hoursColumn(key);
		const name = hoursName(key);
		const h = (a: AreaIndicators) => a.metrics.hours[key];
		figures.push(
			{
				id: `horaires_${col}_avec_horaires`,
				label: `Horaires connus, ${name}`,
				group: 'horaires',
				format: 'count',
				description: `Nombre de ${name} dont les horaires sont donnés et lisibles.`,
				get: (a) => h(a).withHours
			},
			{
				id: `horaires_${col}_sans_horaires`,
				label: `Horaires inconnus, ${name}`,
				group: 'horaires',
				format: 'count',
				description: `Nombre de ${name} sans horaires lisibles (elles ne comptent dans aucun chiffre d'horaires).`,
				get: (a) => h(a).withoutHours
			},
			{
				id: `horaires_${col}_heures_cumulees`,
				label: `Heures d'ouverture par semaine, cumulées, ${name}`,
				group: 'horaires',
				format: 'hours',
				description: `Somme des heures d'ouverture hebdomadaires de chaque offre (${name}, semaine type), en heures.`,
				get: (a) => h(a).offerMinutes
			},
			{
				id: `horaires_${col}_heures_couvertes`,
				label: `Heures de la semaine où au moins une offre est ouverte, ${name}`,
				group: 'horaires',
				format: 'hours',
				description: `Heures de la semaine type où au moins une des ${name} est ouverte, en heures.`,
				get: (a) => h(a).openMinutes
			},
			{
				id: `horaires_${col}_soir`,
				label: `Ouvertes le soir (après 18 h), ${name}`,
				group: 'horaires',
				format: 'count',
				description: `Nombre de ${name} ouvertes à un moment après 18 h (heure de Paris).`,
				get: (a) => h(a).evening
			},
			{
				id: `horaires_${col}_samedi`,
				label: `Ouvertes le samedi, ${name}`,
				group: 'horaires',
				format: 'count',
				description: `Nombre de ${name} ouvertes le samedi.`,
				get: (a) => h(a).saturday
			}
		);
	}
	figures.push(
		{
			id: 'orientations',
			label: 'Orientations enregistrées',
			group: 'demande',
			format: 'count',
			description: "Orientations faites avec l'outil « Orienter une personne », comptées à l'IRIS de départ (vide pour un QPV, qui coupe des IRIS).",
			get: (a, unmet) => sumOverIris(a, unmet, (c) => c.total)
		},
		{
			id: 'orientations_moins_de_3_lieux_15min',
			label: 'Orientations avec moins de 3 lieux à 15 min',
			group: 'demande',
			format: 'count',
			description: 'Orientations qui ont trouvé moins de trois lieux à 15 minutes à pied (demande non satisfaite), à l’IRIS de départ.',
			get: (a, unmet) => sumOverIris(a, unmet, (c) => c.unmet)
		}
	);
	return figures;
}

export const FIGURES: readonly Figure[] = buildFigures();

/** The figure as the page writes it: « 53 % », « 12 h 30 », « 113,3 ». */
export function figureText(format: FigureFormat, value: number | null): string {
	switch (format) {
		case 'share':
			return percent(value);
		case 'hours':
			return hoursText(value);
		case 'index':
			return decimal(value, 1);
		case 'rate':
			return ratePct(value, 1);
		case 'km2':
			return value === null ? decimal(null) : `${decimal(value, 2)}\u00a0km²`;
		default:
			return decimal(value);
	}
}

/**
 * The figure in the exports: a dot as decimal mark; shares in per cent (0–100, two decimals),
 * hours in hours (two decimals), so a column reads the same as the page's figure.
 */
export function figureMachine(format: FigureFormat, value: number | null): number | null {
	if (value === null || !Number.isFinite(value)) return null;
	const text = (() => {
		switch (format) {
			case 'share':
				return machineNumber(value * 100, 2);
			case 'hours':
				return machineNumber(value / 60, 2);
			case 'index':
			case 'rate':
				return machineNumber(value, 2);
			case 'km2':
				return machineNumber(value, 3);
			case 'persons':
				return machineNumber(value, 0);
			default:
				return machineNumber(value, 0);
		}
	})();
	return Number(text);
}

