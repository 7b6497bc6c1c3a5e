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
