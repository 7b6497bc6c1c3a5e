/**
 * The kind of a structure (association, CCAS, city service…), as the directory of structures
 * shows and filters it. A structure says its kind itself; until it does, the kind is read from its
 * name only when the name says it in so many words (« CCAS de Roubaix », « Ville de Roubaix »,
 * « France services … », « Agence Pôle Emploi … »), and shown as deduced. Anything else is
 * « non précisé »: the seeded data (the national cartography) carries no legal form and no SIRET
 * (every `pivot` is 00000000000000), so nothing more can be known without inventing it.
 */

export const ACTOR_KINDS = [
	{ code: 'association', label: 'Association' },
	{ code: 'ccas', label: 'CCAS (centre communal d’action sociale)' },
	{ code: 'city_service', label: 'Service de la Ville' },
	{ code: 'france_services', label: 'Espace France services' },
	{ code: 'public_body', label: 'Organisme ou service public (CAF, CPAM, France Travail, Département, État…)' },
	{ code: 'company', label: 'Entreprise' },
	{ code: 'other', label: 'Autre' }
] as const;

export type ActorKind = (typeof ACTOR_KINDS)[number]['code'];

export const ACTOR_KIND_CODES: readonly ActorKind[] = ACTOR_KINDS.map((k) => k.code);

export const UNKNOWN_KIND_LABEL = 'Non précisé';

/** The URL value of the « non précisé » filter (kinds are otherwise their code). */
export const UNKNOWN_KIND_SLUG = 'non-precise';

export function isActorKind(value: unknown): value is ActorKind {
	return typeof value === 'string' && (ACTOR_KIND_CODES as readonly string[]).includes(value);
}

export function kindLabel(kind: ActorKind | null): string {
	return ACTOR_KINDS.find((k) => k.code === kind)?.label ?? UNKNOWN_KIND_LABEL;
}

const plain = (text: string) =>
	text
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[’']/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();

/**
 * Name patterns that say the kind outright, first match wins. « Humanis / Ville de Roubaix » names
 * two bodies and matches none; « Centre social … » or « Médiathèque … » can be run by an
 * association or by the City, so they stay « non précisé ».
 */
const NAME_RULES: readonly { kind: ActorKind; pattern: RegExp }[] = [
	{ kind: 'ccas', pattern: /\bccas\b|\bcentre communal d action sociale\b/ },
	{ kind: 'france_services', pattern: /\bfrance services?\b/ },
	{ kind: 'city_service', pattern: /^(ville|mairie) de roubaix\b(?!.*\/)/ },
	{
		kind: 'public_body',
		pattern: /\b(pole emploi|france travail|caf|cpam|finances publiques|utpas|metropole europeenne de lille)\b/
	},
	{ kind: 'association', pattern: /^association\b|\bassociation (pour|de|des|du)\b/ }
];

/** The kind the name states, or null. */
export function kindFromName(name: string): ActorKind | null {
	const text = plain(name);
	return NAME_RULES.find((rule) => rule.pattern.test(text))?.kind ?? null;
}

export interface ShownKind {
	kind: ActorKind | null;
	label: string;
	/** Read from the name, not said by the structure. */
	deduced: boolean;
}

/** What the directory shows: the structure's own word first, then its name's, else « non précisé ». */
export function shownKind(stored: string | null, name: string): ShownKind {
	if (isActorKind(stored)) return { kind: stored, label: kindLabel(stored), deduced: false };
	const fromName = kindFromName(name);
	return { kind: fromName, label: kindLabel(fromName), deduced: fromName !== null };
}
