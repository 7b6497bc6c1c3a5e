import type { NeedCode } from '../themes';

/**
 * The network's themes: what the Petit-déjeuner de l'inclusion numérique has dealt with since 2022
 * (the City's note), one vocabulary for editions, resources and the priorities survey. The code
 * goes in URLs and the database; the label is what the pages say.
 */
export const NETWORK_THEMES = [
	{ code: 'women', label: 'Femmes et numérique' },
	{ code: 'parenting', label: 'Parentalité et numérique' },
	{ code: 'creativity', label: 'Créativité' },
	{ code: 'associations', label: 'Transition numérique des associations' },
	{ code: 'rights', label: 'Accès aux droits' },
	{ code: 'responsible', label: 'Numérique responsable' },
	{ code: 'health', label: 'Numérique en santé' },
	{ code: 'cybersecurity', label: 'Cybersécurité et culture des médias' },
	{ code: 'jobs', label: 'Formations et métiers du numérique' }
] as const;

export type NetworkThemeCode = (typeof NETWORK_THEMES)[number]['code'];

export const NETWORK_THEME_CODES = NETWORK_THEMES.map((t) => t.code) as [NetworkThemeCode, ...NetworkThemeCode[]];

export function isNetworkTheme(value: string): value is NetworkThemeCode {
	return (NETWORK_THEME_CODES as readonly string[]).includes(value);
}

export function networkThemeLabel(code: string | null): string | null {
	return NETWORK_THEMES.find((t) => t.code === code)?.label ?? null;
}

/**
 * A resident's need (the directory's themes and local tags) and the network themes whose
 * resources help the worker who meets it: the health need leads to the « Numérique en santé »
 * edition's resources. Needs with no meeting of their own map to none.
 */
export const NETWORK_THEMES_OF_NEED: Record<NeedCode, readonly NetworkThemeCode[]> = {
	admin: ['rights'],
	everyday: [],
	jobs: ['jobs'],
	safety: ['cybersecurity'],
	parenting: ['parenting'],
	creative: ['creativity'],
	culture: ['cybersecurity'],
	access: ['rights'],
	equipment: ['responsible'],
	health: ['health'],
	repair: ['responsible']
};

export function networkThemesOfNeeds(needs: readonly string[]): NetworkThemeCode[] {
	const found = new Set<NetworkThemeCode>();
	for (const need of needs) for (const theme of NETWORK_THEMES_OF_NEED[need as NeedCode] ?? []) found.add(theme);
	return NETWORK_THEME_CODES.filter((code) => found.has(code));
}
