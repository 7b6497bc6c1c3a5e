import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { areasContaining, computeBbox, type AreaShape } from '$lib/domain/geography';
import { normalizeText } from '$lib/domain/vocabulary';
import { config } from '../config';

/**
 * The directory's territory: the commune of Roubaix. A regional or national extract lists
 * thousands of places elsewhere; the importer sets them aside (counted, never written) unless
 * asked to take them in. A place is ours when its point is in the commune, or when it says it is
 * in Roubaix (INSEE code, postcode, commune name): a misplaced point must not drop a real place,
 * it is flagged « hors de Roubaix » instead.
 */
export interface Territory {
	name: string;
	codeInsee: string;
	postalCodes: readonly string[];
	communeNames: readonly string[];
	shape: AreaShape | null;
}

let roubaix: Territory | null = null;

export function directoryTerritory(): Territory {
	if (roubaix) return roubaix;
	const file = JSON.parse(readFileSync(join(config.seedDir, 'roubaix_commune.geojson'), 'utf8')) as FeatureCollection<
		Polygon | MultiPolygon,
		{ code_insee: string; nom: string; codes_postaux: string[] }
	>;
	const feature = file.features[0]!;
	roubaix = {
		name: feature.properties.nom,
		codeInsee: feature.properties.code_insee,
		postalCodes: feature.properties.codes_postaux,
		communeNames: [normalizeText(feature.properties.nom)],
		shape: { code: feature.properties.code_insee, kind: 'commune', geometry: feature.geometry, bbox: computeBbox(feature.geometry) }
	};
	return roubaix;
}

/** What a row says about where it is; the point may be missing (then only the words count). */
export interface Whereabouts {
	lat?: number | null;
	lon?: number | null;
	codeInsee?: unknown;
	postalCode?: unknown;
	commune?: unknown;
}

const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v).trim() : '');

export function saysInside(t: Territory, w: Whereabouts): boolean {
	const insee = text(w.codeInsee);
	if (insee) return insee === t.codeInsee;
	const commune = normalizeText(text(w.commune)).replace(/\s+cedex.*$/, '');
	if (commune && t.communeNames.includes(commune)) return true;
	return t.postalCodes.includes(text(w.postalCode));
}

export function inTerritory(t: Territory, w: Whereabouts): boolean {
	if (saysInside(t, w)) return true;
	if (typeof w.lat !== 'number' || typeof w.lon !== 'number' || !t.shape) return false;
	return areasContaining([t.shape], w.lon, w.lat).length > 0;
}
