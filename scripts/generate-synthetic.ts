/**
 * npx tsx scripts/generate-synthetic.ts [LIEUX] [--out FICHIER] [--seed N] [--voies N]
 *
 * Writes a SYNTHETIC file in the national "lieux de médiation numérique" schema (current
 * vocabulary, CSV with ";" separator, lists separated by "|"), for load tests only.
 * Default: 4,000 places, which gives about 10,000 offers (each place has 1 to 4 levels).
 *
 * Every row says it is synthetic: id « synthetique-… », name « Lieu synthétique n° … »,
 * source « synthetique », an address on a « voie synthétique » and a description that says so.
 * This script only writes a file: it never touches a database. The benchmark imports the file
 * into its own temporary database (DATABASE_PATH=<tmp> npx tsx scripts/import.ts <file>).
 *
 * The same arguments always give the same file (seeded PRNG, fixed dates).
 *
 * --voies N: number of distinct synthetic streets (default 20, the list below). The importer's
 * duplicate check compares every pair of places on one street, so 25,000 places on 20 streets
 * is 15 million pairs, unlike any real file: the national-size bench asks for ~10 places a street.
 */
import {
	DispositifProgrammeNational,
	Frais,
	ModaliteAcces,
	ModaliteAccompagnement,
	PriseEnChargeSpecifique,
	PublicSpecifiquementAdresse,
	Service
} from '@gouvfr-anct/lieux-de-mediation-numerique';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { mapSchemaRow } from '../src/lib/domain/national-schema';

// ---------------------------------------------------------------------------------------------
// Arguments

const args = process.argv.slice(2).filter((a) => a !== '--');
function option(name: string): string | undefined {
	const i = args.indexOf(name);
	if (i === -1) return undefined;
	const value = args[i + 1];
	args.splice(i, 2);
	return value;
}
const seed = Number(option('--seed') ?? 20240601);
const streetCount = Number(option('--voies') ?? 20);
const outOption = option('--out');
const placeCount = Number(args[0] ?? 4000);
const out = resolve(outOption ?? args[1] ?? `reports/lieux-synthetiques-${placeCount}.csv`);
if (!Number.isInteger(placeCount) || placeCount < 1 || placeCount > 1_000_000 || !Number.isInteger(seed) || !Number.isInteger(streetCount) || streetCount < 1) {
	console.error('Usage : npx tsx scripts/generate-synthetic.ts [NOMBRE_DE_LIEUX] [--out FICHIER] [--seed N] [--voies N]');
	process.exit(2);
}

// ---------------------------------------------------------------------------------------------
// Deterministic PRNG (mulberry32)

function mulberry32(a: number): () => number {
	return () => {
		a |= 0;
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
const random = mulberry32(seed);
const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const chance = (p: number) => random() < p;
/** k distinct items, in the list's order. */
function sample<T>(list: readonly T[], k: number): T[] {
	const copy = [...list];
	for (let i = copy.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[copy[i], copy[j]] = [copy[j]!, copy[i]!];
	}
	const chosen = new Set(copy.slice(0, k));
	return list.filter((x) => chosen.has(x));
}
function weighted<T>(entries: readonly [T, number][]): T {
	const total = entries.reduce((s, [, w]) => s + w, 0);
	let r = random() * total;
	for (const [value, w] of entries) {
		r -= w;
		if (r < 0) return value;
	}
	return entries[entries.length - 1]![0];
}

// ---------------------------------------------------------------------------------------------
// Pools

/** Roubaix's bounding box. Points are uniform inside it, so some fall outside the commune (flagged). */
const BBOX = { lonMin: 3.151, lonMax: 3.218, latMin: 50.669, latMax: 50.71 };

/** About thirty OSM opening_hours values, as met in the national data. */
const HOURS = [
	'Mo-Fr 09:00-12:00,14:00-17:00',
	'Mo-Fr 08:30-12:00,13:30-17:30',
	'Mo-Fr 09:00-17:00',
	'Mo-Th 09:00-12:00,14:00-17:00; Fr 09:00-12:00',
	'Mo-Fr 09:00-12:00',
	'Mo-Fr 14:00-18:00',
	'Sa 09:00-12:00',
	'Sa 10:00-12:00,14:00-17:00',
	'Tu,Th 14:00-18:30',
	'Mo,We,Fr 09:00-12:00',
	'Tu-Sa 10:00-18:00',
	'Tu-Fr 10:00-12:00,14:00-18:00; Sa 10:00-17:00',
	'We 14:00-17:00',
	'We 09:00-12:00,14:00-18:00; Sa 09:00-12:00',
	'Mo 14:00-17:00; Tu-Fr 09:00-12:00,14:00-17:00',
	'Mo-Fr 09:00-12:30,13:30-17:00; Sa 09:00-12:00',
	'Mo-Fr 08:00-20:00',
	'Mo-Sa 09:00-19:00',
	'Tu,Th 09:00-12:00',
	'Th 17:00-20:00',
	'Mo-Fr 17:30-20:00',
	'Mo-Fr 09:00-12:00,14:00-17:00; PH off',
	'Mo-We 09:00-12:00; Th,Fr 14:00-17:00',
	'Tu 09:00-12:00; Th 14:00-17:00',
	'Fr 09:00-12:00,13:30-16:30',
	'Mo-Fr 10:00-18:00; Sa 10:00-13:00',
	'We,Sa 14:00-18:00',
	'Mo-Fr 09:00-11:30',
	'Tu-Fr 13:30-18:00; Sa 09:30-12:30',
	'Mo-Su 08:00-22:00'
];

/** Invented streets ("voie synthétique"): never in the City's street file, so no distance check. */
const STREETS = [
	'rue synthétique du Centre',
	'place synthétique du Centre',
	'avenue synthétique des Tisserands',
	'rue synthétique des Filatures',
	'boulevard synthétique du Canal',
	'rue synthétique de la Gare',
	'allée synthétique des Peupliers',
	'rue synthétique du Marché',
	'rue synthétique des Écoles',
	'impasse synthétique du Moulin',
	'rue synthétique de la Fontaine',
	'avenue synthétique des Lilas',
	'rue synthétique du Parc',
	'quai synthétique du Halage',
	'rue synthétique des Artisans',
	'square synthétique de la Paix',
	'rue synthétique du Beffroi',
	'rue synthétique de la Mairie',
	'chemin synthétique des Prés',
	'rue synthétique des Arts'
];

/** The k-th street: the list first (so 20 streets give the same file as before), then numbered ones. */
const street = (k: number) => (k < STREETS.length ? STREETS[k]! : `${STREETS[k % STREETS.length]} n° ${Math.floor(k / STREETS.length) + 1}`);

const SERVICES = Object.values(Service);
const PUBLICS = Object.values(PublicSpecifiquementAdresse);
const SUPPORT = Object.values(PriseEnChargeSpecifique);
const ACCESS = Object.values(ModaliteAcces).filter((m) => m !== ModaliteAcces.PasDePublic);
const OTHER_PROGRAMMES = [
	DispositifProgrammeNational.ConseillersNumeriques,
	DispositifProgrammeNational.FranceServices,
	DispositifProgrammeNational.PointNumeriqueCAF,
	DispositifProgrammeNational.CertificationPIX,
	DispositifProgrammeNational.EmmausConnect
];
/** Source update dates, fixed so the file does not change with the day it is generated. */
const DATES = ['2023-03-14', '2023-11-02', '2024-05-21', '2024-09-30', '2025-01-15', '2025-04-08', '2025-06-26', '2025-09-12'];

type Level = 'discover' | 'learn' | 'support' | 'reinforced';
const LEVELS: Level[] = ['discover', 'learn', 'support', 'reinforced'];

/**
 * The importer turns modalities into levels (autonomie → 1, atelier → 2, individuel or à distance → 3)
 * and adds level 4 for Aidants Connect. A place with level 4 alone has no modality: its level is
 * then inferred from Aidants Connect, as the importer does for real files.
 */
function levelFields(levels: Level[]) {
	const modalities: string[] = [];
	const programmes: string[] = [];
	if (levels.includes('discover')) modalities.push(ModaliteAccompagnement.EnAutonomie);
	if (levels.includes('learn')) modalities.push(ModaliteAccompagnement.DansUnAtelier);
	if (levels.includes('support')) {
		const how = weighted<'individuel' | 'distance' | 'both'>([
			['individuel', 70],
			['distance', 15],
			['both', 15]
		]);
		if (how !== 'distance') modalities.push(ModaliteAccompagnement.AccompagnementIndividuel);
		if (how !== 'individuel') modalities.push(ModaliteAccompagnement.ADistance);
	}
	if (levels.includes('reinforced')) programmes.push(DispositifProgrammeNational.AidantsConnect);
	// France Services implies levels 3 and 4 when modalities are missing: only add it when declared.
	if (modalities.length > 0) programmes.push(...sample(OTHER_PROGRAMMES, weighted([[0, 50], [1, 40], [2, 10]])));
	return { modalities, programmes };
}

// ---------------------------------------------------------------------------------------------
// Rows

const COLUMNS = [
	'id',
	'pivot',
	'nom',
	'commune',
	'code_postal',
	'code_insee',
	'adresse',
	'complement_adresse',
	'latitude',
	'longitude',
	'telephone',
	'courriels',
	'site_web',
	'horaires',
	'presentation_resume',
	'presentation_detail',
	'source',
	'structure_parente',
	'date_maj',
	'services',
	'publics_specifiquement_adresses',
	'prise_en_charge_specifique',
	'frais_a_charge',
	'itinerance',
	'modalites_acces',
	'modalites_accompagnement',
	'fiche_acces_libre',
	'prise_rdv',
	'dispositif_programmes_nationaux',
	'formations_labels',
	'autres_formations_labels'
] as const;
type Row = Record<(typeof COLUMNS)[number], string>;

const width = String(placeCount).length;
function makeRow(n: number): Row {
	const id = `synthetique-${String(n).padStart(Math.max(6, width), '0')}`;
	// 1 to 4 levels, uniformly: 2.5 offers per place on average.
	const levels = sample(LEVELS, int(1, 4));
	const { modalities, programmes } = levelFields(levels);
	const levelFourAlone = levels.length === 1 && levels[0] === 'reinforced';
	// "Accès internet" infers level 1 when modalities are missing: keep it out of level-4-only places.
	const services = sample(
		levelFourAlone ? SERVICES.filter((s) => s !== Service.AccesInternetEtMaterielInformatique) : SERVICES,
		weighted([[1, 25], [2, 35], [3, 25], [4, 15]])
	);
	const fees = weighted<string[]>([
		[[Frais.Gratuit], 60],
		[[Frais.GratuitSousCondition], 12],
		[[Frais.Payant], 8],
		[[Frais.Gratuit, Frais.Payant], 10],
		[[], 10]
	]);
	const lon = BBOX.lonMin + random() * (BBOX.lonMax - BBOX.lonMin);
	const lat = BBOX.latMin + random() * (BBOX.latMax - BBOX.latMin);
	const hours = chance(0.92) ? pick(HOURS) : '';
	return {
		id,
		pivot: '',
		nom: `Lieu synthétique n° ${n}`,
		commune: 'Roubaix',
		code_postal: '59100',
		code_insee: '59512',
		adresse: `${int(1, 250)} ${street(Math.floor(random() * streetCount))}`,
		complement_adresse: '',
		latitude: lat.toFixed(6),
		longitude: lon.toFixed(6),
		telephone: `+333${String(int(0, 99_999_999)).padStart(8, '0')}`,
		courriels: '',
		site_web: '',
		horaires: hours,
		presentation_resume: 'Donnée synthétique pour les bancs d’essai : ce lieu n’existe pas.',
		presentation_detail: '',
		source: 'synthetique',
		structure_parente: '',
		date_maj: pick(DATES),
		services: services.join('|'),
		publics_specifiquement_adresses: sample(PUBLICS, weighted([[0, 60], [1, 30], [2, 10]])).join('|'),
		prise_en_charge_specifique: sample(SUPPORT, weighted([[0, 70], [1, 20], [2, 10]])).join('|'),
		frais_a_charge: fees.join('|'),
		itinerance: '',
		modalites_acces: sample(ACCESS, int(1, 3)).join('|'),
		modalites_accompagnement: modalities.join('|'),
		fiche_acces_libre: '',
		prise_rdv: chance(0.2) ? `https://rdv.example.org/${id}` : '',
		dispositif_programmes_nationaux: programmes.join('|'),
		formations_labels: '',
		autres_formations_labels: ''
	};
}

function csvCell(value: string): string {
	return /[;"\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

const lines = [COLUMNS.join(';')];
let offers = 0;
const perPlace = [0, 0, 0, 0, 0];
for (let n = 1; n <= placeCount; n++) {
	const row = makeRow(n);
	// Checked with the importer's own row mapping, so the file is accepted and the count is exact.
	const mapped = mapSchemaRow(row, 'synthetique');
	if (!mapped.ok) {
		console.error(`Ligne synthétique ${n} refusée par le schéma :`, mapped.errors);
		process.exit(1);
	}
	offers += mapped.place.offers.length;
	perPlace[mapped.place.offers.length]!++;
	lines.push(COLUMNS.map((c) => csvCell(row[c])).join(';'));
}

mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, lines.join('\n') + '\n', 'utf8');
console.log(
	`${out} : ${placeCount} lieux synthétiques, ${offers} offres ` +
		`(lieux à 1/2/3/4 niveaux : ${perPlace.slice(1).join('/')}), ${streetCount} voies, graine ${seed}.`
);
