import { FIELD_LABELS } from '$lib/domain/listing-diff';
import type { ListingEntity } from '$lib/domain/listing';
import { ERROR_REASONS } from '$lib/server/listings/error-reports';

/**
 * An audit line's JSON detail and record in words, with links where the thing has a page.
 * Never throws: old or hand-written lines may hold anything.
 */

export interface DetailPart {
	label: string;
	text: string;
	href: string | null;
}

const LISTING_ENTITIES = ['actor', 'place', 'offer'] as const;

export function isListingEntity(value: unknown): value is ListingEntity {
	return typeof value === 'string' && (LISTING_ENTITIES as readonly string[]).includes(value);
}

const ENTITY_WORDS: Record<string, string> = {
	actor: 'structure',
	place: 'lieu',
	offer: 'offre',
	report: 'signalement',
	campaign: 'campagne',
	user: 'compte'
};

/** Where a record of the log leads: listings to their history, the rest to their page. */
export function recordHref(entity: string | null, id: number | null): string | null {
	if (entity === null || id === null) return null;
	if (isListingEntity(entity)) return `/admin/historique/${entity}/${id}`;
	if (entity === 'report') return `/admin/signalements#signalement-${id}`;
	if (entity === 'campaign') return `/admin/campagnes/${id}`;
	return null;
}

export function recordText(entity: string | null, id: number | null, name: string | null = null): string {
	if (entity === null) return '—';
	const word = ENTITY_WORDS[entity] ?? entity;
	if (name) return `${word} « ${name} »`;
	return id === null ? word : `${word} n° ${id}`;
}

const isId = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value > 0;

function scalar(value: unknown): string {
	if (typeof value === 'boolean') return value ? 'oui' : 'non';
	if (typeof value === 'string' || typeof value === 'number') return String(value);
	return JSON.stringify(value);
}

type Describer = (value: unknown, entity: string | null) => Omit<DetailPart, 'label'> | null;

const numbered =
	(href: (id: number) => string | null): Describer =>
	(value) =>
		isId(value) ? { text: `n° ${value}`, href: href(value) } : { text: scalar(value), href: null };

const KEYS: Record<string, { label: string; describe: Describer }> = {
	revision: { label: 'Version', describe: numbered((id) => `/admin/revisions/${id}`) },
	new_revision: { label: 'Nouvelle version', describe: numbered((id) => `/admin/revisions/${id}`) },
	actor: { label: 'Structure', describe: numbered((id) => `/admin/historique/actor/${id}`) },
	claim: { label: 'Demande', describe: numbered((id) => `/admin/demandes#demande-${id}`) },
	report: { label: 'Signalement', describe: numbered((id) => `/admin/signalements#signalement-${id}`) },
	campaign: { label: 'Campagne', describe: numbered((id) => `/admin/campagnes/${id}`) },
	user: { label: 'Compte', describe: numbered(() => null) },
	// A refusal's words, or the code of an error report's reason.
	reason: { label: 'Raison', describe: (v) => ({ text: ERROR_REASONS.find((r) => r.value === v)?.label ?? scalar(v), href: null }) },
	resolution: { label: 'Note', describe: (v) => ({ text: scalar(v), href: null }) },
	months: { label: 'Sans vérification depuis (mois)', describe: (v) => ({ text: scalar(v), href: null }) },
	actors: { label: 'Structures concernées', describe: (v) => ({ text: scalar(v), href: null }) },
	trusted: { label: 'Publication sans modération', describe: (v) => ({ text: scalar(v), href: null }) },
	role: {
		label: 'Rôle',
		describe: (v) => ({ text: v === 'coordinator' ? 'coordination' : v === 'member' ? 'membre d’une structure' : scalar(v), href: null })
	},
	fields: {
		label: 'Champs',
		describe: (v, entity) => {
			if (!Array.isArray(v)) return { text: scalar(v), href: null };
			const labels = isListingEntity(entity) ? (FIELD_LABELS[entity] as Record<string, string>) : {};
			return { text: v.length === 0 ? 'aucun' : v.map((f) => labels[String(f)] ?? String(f)).join(', '), href: null };
		}
	}
};

/** A detail as stored, JSON text (what `describeDetailValue` gets once the query module read it). */
export function describeDetail(entity: string | null, detail: string): DetailPart[] {
	let parsed: unknown;
	try {
		parsed = JSON.parse(detail);
	} catch {
		return detail ? [{ label: 'Détail', text: detail, href: null }] : [];
	}
	return describeDetailValue(entity, parsed);
}

/** A detail already decoded; text that was not JSON comes as that text, and shows as it is. */
export function describeDetailValue(entity: string | null, parsed: unknown): DetailPart[] {
	if (parsed === null || parsed === undefined) return [];
	if (typeof parsed !== 'object' || Array.isArray(parsed)) return [{ label: 'Détail', text: scalar(parsed), href: null }];
	const parts: DetailPart[] = [];
	for (const [key, value] of Object.entries(parsed)) {
		if (value === null || value === undefined) continue;
		const known = KEYS[key];
		const described = known ? known.describe(value, entity) : { text: scalar(value), href: null };
		if (described) parts.push({ label: known?.label ?? key, ...described });
	}
	return parts;
}
