import pointToLineDistance from '@turf/point-to-line-distance';
import type { LineString, MultiLineString } from 'geojson';
import { normalizeText } from './vocabulary';

/** Abbreviations met in addresses and in the City's street file, expanded before comparing. */
const ABBREVIATIONS: Record<string, string> = {
	av: 'avenue',
	ave: 'avenue',
	bd: 'boulevard',
	bld: 'boulevard',
	bvd: 'boulevard',
	r: 'rue',
	pl: 'place',
	st: 'saint',
	ste: 'sainte',
	pt: 'president',
	imp: 'impasse',
	all: 'allee',
	chem: 'chemin',
	sq: 'square',
	qu: 'quai',
	grd: 'grand',
	gd: 'grand',
	gde: 'grande'
};

/** "9 RUE PELLART", "Rue Pellart" and "r. pellart" all give "rue pellart". */
export function streetKey(text: string): string {
	return normalizeText(text)
		.replace(/[-'.,]/g, ' ')
		.split(' ')
		.filter(Boolean)
		.map((w) => ABBREVIATIONS[w] ?? w)
		.join(' ');
}

/** The street part of a postal address: house number, "bis"/"ter" and what follows a comma go. */
export function streetOfAddress(address: string): string {
	const first = address.split(',')[0] ?? address;
	return first.replace(/^\s*\d+\s*(?:(?:à|a|-|et)\s*\d+\s*)?(bis|ter|quater|[a-d])?\b\s*/i, '').trim();
}

export interface StreetIndex {
	lines: Map<string, (LineString | MultiLineString)[]>;
}

export function buildStreetIndex(
	segments: readonly { name: string; geometry: LineString | MultiLineString }[]
): StreetIndex {
	const lines = new Map<string, (LineString | MultiLineString)[]>();
	for (const s of segments) {
		const key = streetKey(s.name);
		const list = lines.get(key) ?? [];
		list.push(s.geometry);
		lines.set(key, list);
	}
	return { lines };
}

/** Metres from the point to the nearest segment of the named street, or null if the street is unknown. */
export function distanceToStreet(index: StreetIndex, address: string, lon: number, lat: number): number | null {
	const segments = index.lines.get(streetKey(streetOfAddress(address)));
	if (!segments) return null;
	let best = Infinity;
	for (const geometry of segments) {
		const parts = geometry.type === 'LineString' ? [geometry.coordinates] : geometry.coordinates;
		for (const coordinates of parts) {
			if (coordinates.length < 2) continue;
			const d = pointToLineDistance([lon, lat], { type: 'LineString', coordinates }, { units: 'meters' });
			if (d < best) best = d;
		}
	}
	return Number.isFinite(best) ? best : null;
}

export interface StreetEntry {
	/** The City's spelling, kept as is. */
	name: string;
	key: string;
	lon: number;
	lat: number;
}

/**
 * One entry per street name: the City's file cuts a street into many segments. The point is the
 * street's vertex nearest to the mean of its vertices, so it always lies on the street itself.
 */
export function buildStreetDirectory(
	segments: readonly { name: string; geometry: LineString | MultiLineString }[]
): StreetEntry[] {
	const byName = new Map<string, number[][]>();
	for (const s of segments) {
		const parts = s.geometry.type === 'LineString' ? [s.geometry.coordinates] : s.geometry.coordinates;
		const list = byName.get(s.name) ?? [];
		for (const part of parts) list.push(...part);
		byName.set(s.name, list);
	}
	const entries: StreetEntry[] = [];
	for (const [name, vertices] of byName) {
		const meanX = vertices.reduce((sum, v) => sum + v[0]!, 0) / vertices.length;
		const meanY = vertices.reduce((sum, v) => sum + v[1]!, 0) / vertices.length;
		let best = vertices[0]!;
		let bestD = Infinity;
		for (const v of vertices) {
			const d = (v[0]! - meanX) ** 2 + (v[1]! - meanY) ** 2;
			if (d < bestD) {
				bestD = d;
				best = v;
			}
		}
		entries.push({ name: name.replace(/\s+/g, ' ').trim(), key: streetKey(name), lon: best[0]!, lat: best[1]! });
	}
	return entries.sort((a, b) => a.key.localeCompare(b.key));
}

/**
 * Every word typed must start a word of the street's name, accents, case and abbreviations
 * aside: "av verdun" finds "Avenue de Verdun". Names that start with the query come first.
 */
export function searchStreets(directory: readonly StreetEntry[], query: string, limit = 8): StreetEntry[] {
	const words = streetKey(query).split(' ').filter(Boolean);
	if (words.length === 0) return [];
	const matches = directory.filter((entry) => {
		const nameWords = entry.key.split(' ');
		return words.every((w) => nameWords.some((n) => n.startsWith(w)));
	});
	const typed = words.join(' ');
	const score = (e: StreetEntry) => (e.key.startsWith(typed) ? 0 : e.key.includes(typed) ? 1 : 2);
	return matches.sort((a, b) => score(a) - score(b) || a.key.length - b.key.length).slice(0, limit);
}
