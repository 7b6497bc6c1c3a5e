import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection, LineString, MultiLineString } from 'geojson';
import { buildStreetDirectory, buildStreetIndex, type StreetEntry, type StreetIndex } from '$lib/domain/streets';
import { config } from './config';

let index: StreetIndex | null = null;
let directory: StreetEntry[] | null = null;

/** The City's street centrelines; read once, they never change at run time. */
function segments() {
	const file = JSON.parse(readFileSync(join(config.seedDir, 'roubaix_voies_filaire.geojson'), 'utf8')) as FeatureCollection<
		LineString | MultiLineString,
		{ nom_de_la_rue: string }
	>;
	return file.features.map((f) => ({ name: f.properties.nom_de_la_rue, geometry: f.geometry }));
}

export function streetIndex(): StreetIndex {
	index ??= buildStreetIndex(segments());
	return index;
}

/** One point per street name, for "où habite la personne ?". */
export function streetDirectory(): StreetEntry[] {
	directory ??= buildStreetDirectory(segments());
	return directory;
}
