import { networkThemeLabel, networkThemesOfNeeds } from '$lib/domain/network/themes';
import type { DB } from '../db/connect';
import * as resources from '../db/queries/network-resources';

/**
 * From a place's or an orientation's needs to the network's resources of the same theme (the
 * health need to the « Numérique en santé » resources), only for themes that have some.
 */
export async function resourceLinksForNeeds(db: DB, needs: readonly string[]): Promise<{ theme: string; label: string; href: string }[]> {
	const themes = networkThemesOfNeeds(needs);
	if (themes.length === 0) return [];
	const inUse = await resources.themesInUse(db);
	return themes.filter((t) => inUse.has(t)).map((t) => ({ theme: t, label: networkThemeLabel(t)!, href: `/reseau/ressources?theme=${t}` }));
}
