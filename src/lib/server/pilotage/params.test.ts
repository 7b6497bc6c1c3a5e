import { describe, expect, it } from 'vitest';
import { levelFromParam, parsePilotageParams, parseWhatIf } from './params';

const keys = new Set(['commune:59512', 'qpv:QN05980M', 'iris:595120101']);
const q = (query: string) => new URLSearchParams(query);

describe('/pilotage parameters', () => {
	it('defaults to the commune, level-4 coverage at 15 minutes, and level 4 distances', () => {
		expect(parsePilotageParams(q(''), keys)).toEqual({ zone: 'commune:59512', carte: 'couverture-15-4', niveau: 'reinforced', comparer: false, errors: [] });
	});

	it('opens the comparison tables on demand, and names a bad value', () => {
		expect(parsePilotageParams(q('comparer=1'), keys).comparer).toBe(true);
		const p = parsePilotageParams(q('comparer=oui'), keys);
		expect(p.comparer).toBe(false);
		expect(p.errors[0]?.message).toContain('comparer=1');
	});

	it('reads a zone, a map indicator and a level given by number or slug', () => {
		const p = parsePilotageParams(q('zone=qpv:QN05980M&carte=pauvrete&niveau=2'), keys);
		expect(p).toMatchObject({ zone: 'qpv:QN05980M', carte: 'pauvrete', niveau: 'learn', errors: [] });
		expect(levelFromParam('renforce')).toBe('reinforced');
		expect(levelFromParam('0')).toBeUndefined();
	});

	it('names every unknown value in French and keeps the defaults', () => {
		const p = parsePilotageParams(q('zone=iris:999&carte=magie&niveau=7'), keys);
		expect(p.zone).toBe('commune:59512');
		expect(p.carte).toBe('couverture-15-4');
		expect(p.niveau).toBe('reinforced');
		expect(p.errors).toEqual([
			{ param: 'zone', message: 'Zone inconnue : « iris:999 ». La commune entière est affichée.' },
			{ param: 'carte', message: 'Indicateur de carte inconnu : « magie ». La carte montre la couverture à 15 min du niveau 4.' },
			{ param: 'niveau', message: 'Niveau inconnu : « 7 ». Choisissez 1, 2, 3 ou 4 ; le niveau 4 est affiché.' }
		]);
	});
});

describe('« Et si… » parameters', () => {
	it('is empty on a first visit', () => {
		expect(parseWhatIf(q('')).status).toBe('empty');
	});

	it('accepts a level, French decimal commas and OSM hours', () => {
		const parsed = parseWhatIf(q('niveau=4&lat=50,6905&lon=3.1702&horaires=Mo-Fr 09:00-12:00'));
		expect(parsed.status).toBe('ok');
		if (parsed.status !== 'ok') return;
		expect(parsed.offer).toEqual({ level: 'reinforced', lat: 50.6905, lon: 3.1702, hours: 'Mo-Fr 09:00-12:00' });
	});

	it('treats empty hours as not decided yet', () => {
		const parsed = parseWhatIf(q('niveau=1&lat=50.69&lon=3.17&horaires='));
		expect(parsed.status === 'ok' && parsed.offer.hours).toBeNull();
	});

	it('puts a French message on each bad field, and only there', () => {
		const parsed = parseWhatIf(q('niveau=9&lat=abc&lon=3.17&horaires=tous les jours'));
		expect(parsed.status).toBe('invalid');
		expect(parsed.errors).toEqual({
			niveau: "Choisissez le niveau de l'offre imaginée : 1, 2, 3 ou 4.",
			lat: 'Latitude illisible : un nombre en degrés décimaux, par exemple 50,6900.',
			horaires: 'Horaires illisibles : écrivez-les au format OpenStreetMap, par exemple « Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00 ».'
		});
		expect(parsed.values.lat).toBe('abc');
	});

	it('refuses a point far from Roubaix, and a missing one', () => {
		const far = parseWhatIf(q('niveau=2&lat=48.85&lon=2.35'));
		expect(far.errors).toEqual({
			lat: 'Ce point est loin de Roubaix : la latitude doit être comprise entre 50,645 et 50,735.',
			lon: 'Ce point est loin de Roubaix : la longitude doit être comprise entre 3,09 et 3,28.'
		});
		expect(parseWhatIf(q('niveau=2')).errors.lat).toBe('Indiquez la latitude (par exemple 50,6900), cherchez une rue ou cliquez sur la carte.');
		expect(parseWhatIf(q('niveau=2&lat=1e1&lon=Infinity')).status).toBe('invalid');
	});

	it('searches a street when one is typed without coordinates, or when asked to', () => {
		expect(parseWhatIf(q('niveau=4&rue=verdun')).status).toBe('street');
		expect(parseWhatIf(q('niveau=4&rue=verdun&lat=50.69&lon=3.17')).status).toBe('ok');
		expect(parseWhatIf(q('niveau=4&rue=verdun&lat=50.69&lon=3.17&action=rue')).status).toBe('street');
		expect(parseWhatIf(q('niveau=4&rue=&action=rue')).errors.rue).toBe('Indiquez le nom de la rue à chercher.');
	});
});
