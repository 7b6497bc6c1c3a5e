// Builds static/geo/streets.json, the offline basemap's street lines, from the City's street
// centrelines (db/seed/roubaix_voies_filaire.geojson). Only the street name is kept and coordinates
// are rounded to 5 decimals (about 1 m): the map needs nothing more, and the file shrinks by half.
// Usage: node scripts/build-streets.mjs
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const source = resolve(root, 'db/seed/roubaix_voies_filaire.geojson');
const target = resolve(root, 'static/geo/streets.json');

const round = (n) => Math.round(n * 1e5) / 1e5;
const roundLine = (line) => {
	const out = [];
	for (const [x, y] of line) {
		const p = [round(x), round(y)];
		const last = out[out.length - 1];
		// Rounding can make consecutive vertices equal; drop them, they draw nothing.
		if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
	}
	return out;
};

function roundGeometry(geometry) {
	if (geometry.type === 'LineString') {
		return { type: 'LineString', coordinates: roundLine(geometry.coordinates) };
	}
	if (geometry.type === 'MultiLineString') {
		return { type: 'MultiLineString', coordinates: geometry.coordinates.map(roundLine) };
	}
	throw new Error(`Unexpected geometry type ${geometry.type}`);
}

const input = JSON.parse(await readFile(source, 'utf8'));
const features = input.features
	.filter((f) => f.geometry)
	.map((f) => ({
		type: 'Feature',
		properties: { nom: f.properties?.nom_de_la_rue ?? '' },
		geometry: roundGeometry(f.geometry)
	}));

const output = JSON.stringify({ type: 'FeatureCollection', features });
await mkdir(dirname(target), { recursive: true });
await writeFile(target, output);
console.log(`${features.length} street segments → ${target} (${output.length} bytes)`);
