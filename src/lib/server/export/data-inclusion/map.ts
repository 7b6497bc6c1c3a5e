import { Frais } from '@gouvfr-anct/lieux-de-mediation-numerique';
import { LEVEL_INFO } from '$lib/domain/levels';
import type { RestoredOffer } from '$lib/domain/national-schema';
import { THEMES } from '$lib/domain/themes';
import type { ExportRow } from '../fold';
import { LIST_SEPARATOR, UNKNOWN_PIVOT } from '../schema';
import { MODES_MOBILISATION, PUBLICS, PUBLICS_BY_SUPPORT, RESEAUX_PORTEURS, THEMATIQUES, TYPE_BY_LEVEL, frais } from './crosswalk';

/**
 * The directory in data·inclusion's schema v1: one structure per place (from its national-schema
 * row, whose values the ANCT package already accepts), and one service per offer (from the row's
 * `_roubaix` extension, which keeps each offer as it is), mapped with data·inclusion's own crosswalk.
 */

/** Our producer id in data·inclusion: every id is `ville-de-roubaix--…`. */
export const DI_SOURCE = 'ville-de-roubaix';

export type DiStructure = Record<string, unknown> & { id: string; source: string; nom: string; date_maj: string };
export type DiService = Record<string, unknown> & { id: string; structure_id: string; source: string; nom: string; description: string; date_maj: string };

const first = (list: string | undefined) => list?.split(LIST_SEPARATOR)[0]?.trim() || null;
const uniq = <T>(list: readonly T[]) => [...new Set(list)];
const orNull = <T>(list: readonly T[]) => (list.length > 0 ? list : null);

/** 3 to 150 characters, never ending with a full stop (the schema's rule for names). */
function diName(name: string): string {
	const trimmed = name.trim().replace(/\.+$/, '').slice(0, 150).trim();
	return trimmed.length >= 3 ? trimmed : `${trimmed} (lieu)`.trim();
}

/** 5 to 10,000 characters, or nothing. */
function diText(text: string | null | undefined): string | null {
	const t = text?.trim() ?? '';
	return t.length >= 5 ? t.slice(0, 10_000) : null;
}

const SERVICE_NAMES: Record<string, string> = {
	discover: 'Accès libre au numérique',
	learn: 'Ateliers collectifs au numérique',
	support: 'Accompagnement individuel au numérique',
	reinforced: 'Démarches faites pour la personne (accompagnement renforcé)',
	unknown: 'Service d’accompagnement au numérique'
};

export function toStructure({ row }: ExportRow, placeId: number, origin: string): DiStructure {
	const siret = row.pivot && /^\d{14}$/.test(row.pivot) && row.pivot !== UNKNOWN_PIVOT ? row.pivot : null;
	const programmes = row.dispositif_programmes_nationaux?.split(LIST_SEPARATOR) ?? [];
	return {
		source: DI_SOURCE,
		id: `${DI_SOURCE}--${row.id}`,
		nom: diName(row.nom),
		date_maj: row.date_maj,
		description: diText(row.presentation_detail ?? row.presentation_resume),
		siret,
		adresse: row.adresse,
		complement_adresse: row.complement_adresse ?? null,
		code_postal: row.code_postal,
		code_insee: row.code_insee ?? null,
		commune: row.commune,
		latitude: row.latitude ?? null,
		longitude: row.longitude ?? null,
		telephone: row.telephone ?? null,
		courriel: first(row.courriels),
		site_web: first(row.site_web),
		horaires_accueil: row.horaires ?? null,
		accessibilite_lieu: row.fiche_acces_libre ?? null,
		lien_source: `${origin}/lieux/${placeId}`,
		reseaux_porteurs: orNull(uniq(programmes.flatMap((p) => RESEAUX_PORTEURS[p as keyof typeof RESEAUX_PORTEURS] ?? [])))
	};
}

function serviceOf(exported: ExportRow, structure: DiStructure, offer: RestoredOffer, id: string): DiService {
	const { row } = exported;
	const services = offer.themes.map((code) => THEMES.find((t) => t.code === code)!.service);
	const rawPublics = [...offer.publics, ...offer.specific_support];
	const publics = uniq([...offer.publics.map((p) => PUBLICS[p]), ...offer.specific_support.flatMap((s) => PUBLICS_BY_SUPPORT[s] ?? [])]);
	const mobilisation = uniq(offer.access_modes.flatMap((m) => MODES_MOBILISATION[m] ?? []));
	const booking = offer.booking_url ?? null;
	// As the crosswalk does: without declared access modes, the ways the record itself gives.
	const fallback = [
		...(structure.telephone ? ['telephoner'] : []),
		...(structure.courriel ? ['envoyer-un-courriel'] : []),
		...(booking ? ['utiliser-lien-mobilisation'] : [])
	];
	const level = offer.level ?? 'unknown';
	const description =
		diText(offer.description) ??
		diText(row.presentation_detail ?? row.presentation_resume) ??
		`${structure.nom} propose : ${LEVEL_INFO[level].label.toLowerCase()}${services.length ? ` (${services.join(', ').toLowerCase()})` : ''}.`;
	const fee = frais(offer.fees);
	return {
		source: DI_SOURCE,
		id,
		structure_id: structure.id,
		nom: SERVICE_NAMES[level]!,
		description,
		date_maj: offer.verified_at?.slice(0, 10) ?? row.date_maj,
		type: offer.level ? TYPE_BY_LEVEL[offer.level] : null,
		thematiques: orNull(uniq(services.flatMap((s) => THEMATIQUES[s])).sort()),
		frais: fee,
		frais_precisions: fee === 'gratuit' && !offer.fees.includes(Frais.Gratuit) ? 'Gratuit sous condition' : null,
		publics: publics.length > 0 ? publics.sort() : ['tous-publics'],
		publics_precisions: rawPublics.length > 0 ? rawPublics.join(', ') : null,
		modes_accueil: offer.remote ? ['a-distance'] : ['en-presentiel'],
		modes_mobilisation: orNull(mobilisation.length > 0 ? mobilisation.sort() : fallback),
		lien_mobilisation: booking,
		mobilisable_par: ['usagers', 'professionnels'],
		horaires_accueil: offer.hours ?? null,
		telephone: structure.telephone,
		courriel: structure.courriel,
		adresse: offer.remote ? null : structure.adresse,
		complement_adresse: offer.remote ? null : structure.complement_adresse,
		code_postal: offer.remote ? null : structure.code_postal,
		code_insee: offer.remote ? null : structure.code_insee,
		commune: offer.remote ? null : structure.commune,
		latitude: offer.remote ? null : structure.latitude,
		longitude: offer.remote ? null : structure.longitude,
		// The crosswalk's département of the place.
		zone_eligibilite: typeof structure.code_insee === 'string' ? [structure.code_insee.startsWith('97') ? structure.code_insee.slice(0, 3) : structure.code_insee.slice(0, 2)] : null,
		lien_source: structure.lien_source
	};
}

/** Each offer of the row, ids following the importer's (`#level`, then `-2` for a second of that level). */
export function toServices(exported: ExportRow, structure: DiStructure): DiService[] {
	const seen = new Map<string, number>();
	return exported.extension.offers.map((offer) => {
		const base = `${structure.id}--${offer.level ?? 'a-preciser'}`;
		const n = (seen.get(base) ?? 0) + 1;
		seen.set(base, n);
		return serviceOf(exported, structure, offer, n === 1 ? base : `${base}-${n}`);
	});
}
