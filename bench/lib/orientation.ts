/**
 * Orientation speed, measured in-process on the pure ranking (src/lib/domain/orientation): the
 * catalogue is loaded from the dataset's database once, then five residents are oriented again
 * and again, each time at a different minute so the per-instant hours caches start cold.
 */
import { orient } from '../../src/lib/domain/orientation/ranking';
import type { OrientationQuery } from '../../src/lib/domain/orientation/types';
import { openDatabase } from '../../src/lib/server/db/connect';
import { loadCatalogue } from '../../src/lib/server/catalogue';
import { stats } from './http';

type Stats = ReturnType<typeof stats>;

const base: Omit<OrientationQuery, 'needs' | 'autonomy' | 'origin'> = {
	languages: [],
	specificSupport: [],
	freeOnly: false,
	availability: [],
	appointment: null,
	maxWalkMinutes: null
};

/** The residents of the orientation issue, starting from points in their neighbourhoods. */
export const RESIDENTS: { name: string; query: OrientationQuery }[] = [
	{ name: 'senior, Épeule, ameli, jamais utilisé', query: { ...base, needs: ['sante'], autonomy: 'jamais', origin: { lon: 3.1702, lat: 50.6905, label: 'Épeule' } } },
	{ name: 'mère, Pile, Pronote, arabe, gratuit', query: { ...base, needs: ['ecole'], autonomy: 'un-peu', origin: { lon: 3.1955, lat: 50.6832, label: 'Pile' }, languages: ['ar'], freeOnly: true } },
	{ name: 'demandeur d’emploi, Trois Ponts, samedi', query: { ...base, needs: ['emploi'], autonomy: 'bloque', origin: { lon: 3.2065, lat: 50.6862, label: 'Trois Ponts' }, availability: [{ weekday: 6, period: 'matin' }] } },
	{ name: 'impôts, ne peut pas seul, av. de Verdun', query: { ...base, needs: ['demarches'], autonomy: 'pas-seul', origin: { lon: 3.2009, lat: 50.6853, label: 'Verdun' } } },
	{ name: 'bases, sans rendez-vous, 15 min, Alma', query: { ...base, needs: ['bases'], autonomy: 'jamais', origin: { lon: 3.1745, lat: 50.6985, label: 'Alma' }, appointment: 'sans', maxWalkMinutes: 15 } }
];

export interface OrientationTiming {
	places: number;
	perResident: { name: string; results: number; stats: Stats }[];
	overall: Stats;
}

export async function measureOrientation(databasePath: string, iterations: number): Promise<OrientationTiming> {
	const connection = openDatabase(databasePath);
	try {
		const catalogue = await loadCatalogue(connection);
		const start = Date.parse('2026-11-28T09:00:00+01:00');
		const all: number[] = [];
		const perResident = RESIDENTS.map(({ name, query }) => {
			const samples: number[] = [];
			let results = 0;
			for (let i = 0; i < iterations; i++) {
				const now = new Date(start + i * 60_000);
				const t = performance.now();
				results = orient(catalogue.places, query, now).results.length;
				samples.push(performance.now() - t);
			}
			all.push(...samples);
			return { name, results, stats: stats(samples) };
		});
		return {
			places: catalogue.places.length,
			perResident,
			overall: stats(all)
		};
	} finally {
		await connection.db.destroy();
	}
}

/**
 * The same resident as a visitor of /orienter at the last step: the server ranks the catalogue,
 * renders the page and records the orientation; the same answers again within 30 minutes are a
 * reload (one lookup, no write), so after its first request a resident only reads.
 */
export function orientationPath(query: OrientationQuery): string {
	const s = new URLSearchParams({ etape: '5' });
	for (const need of query.needs) s.append('besoin', need);
	if (query.autonomy) s.set('autonomie', query.autonomy);
	if (query.origin) {
		s.set('lon', String(query.origin.lon));
		s.set('lat', String(query.origin.lat));
	}
	for (const language of query.languages) s.append('langue', language);
	if (query.freeOnly) s.set('gratuit', '1');
	for (const a of query.availability) s.append('dispo', `${a.weekday}-${a.period}`);
	if (query.appointment === 'sans') s.set('rdv', 'sans');
	if (query.maxWalkMinutes) s.set('marche', String(query.maxWalkMinutes));
	return `/orienter?${s}`;
}
