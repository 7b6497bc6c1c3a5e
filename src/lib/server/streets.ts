import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection, LineString, MultiLineString } from 'geojson';
import { buildStreetIndex, type StreetIndex } from '$lib/domain/streets';
import { config } from './config';

let index: StreetIndex | null = null;

/** The City's street centrelines, grouped by name; read once, they never change at run time. */
export function streetIndex(): StreetIndex {
	if (!index) {
		const file = JSON.parse(readFileSync(join(config.seedDir, 'roubaix_voies_filaire.geojson'), 'utf8')) as FeatureCollection<
			LineString | MultiLineString,
			{ nom_de_la_rue: string }
		>;
		index = buildStreetIndex(file.features.map((f) => ({ name: f.properties.nom_de_la_rue, geometry: f.geometry })));
	}
	return index;
}
