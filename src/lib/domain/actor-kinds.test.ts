import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { kindFromName, shownKind } from './actor-kinds';

describe('the kind of a structure read from its name', () => {
	it.each([
		['CCAS de Roubaix', 'ccas'],
		['CCAS de ROUBAIX', 'ccas'],
		['Ville de Roubaix', 'city_service'],
		['MAIRIE DE ROUBAIX QUARTIER DES 3 PONTS', 'city_service'],
		['France services Mairie de Roubaix Quartier des 3 Ponts', 'france_services'],
		['France services de Roubaix-Epeule', 'france_services'],
		['Agence Pôle Emploi ROUBAIX CENTRE', 'public_body'],
		['Caf du Nord', 'public_body'],
		['CPAM de Roubaix Tourcoing', 'public_body'],
		['UTPAS ROUBAIX VILLE', 'public_body'],
		['Finances Publiques', 'public_body'],
		["Formation et Innovation - Association pour le Développement de l'Éducation Permanente (ADEP)", 'association']
	])('« %s » is %s', (name, kind) => {
		expect(kindFromName(name)).toBe(kind);
	});

	it.each(['Humanis / Ville de Roubaix', 'Centre social ECHO', 'Médiathèque de Roubaix', 'Emmaüs Connect', 'PARKOUR 59', 'la bobine', 'Cafétéria du coin'])(
		'« %s » says nothing sure: non précisé',
		(name) => {
			expect(kindFromName(name)).toBeNull();
		}
	);

	it('the structure’s own word wins over its name, and a deduced kind says so', () => {
		expect(shownKind('association', 'CCAS de Roubaix')).toEqual({ kind: 'association', label: 'Association', deduced: false });
		expect(shownKind(null, 'CCAS de Roubaix')).toMatchObject({ kind: 'ccas', deduced: true });
		expect(shownKind('nimporte', 'PARKOUR 59')).toEqual({ kind: null, label: 'Non précisé', deduced: false });
	});

	it('the 39 real places: a kind only where the name states it, the rest non précisé', () => {
		const csv = readFileSync('db/seed/roubaix_lieux_mediation_numerique_2023.csv', 'utf8');
		const names = [...new Set(csv.split('\n').slice(1).filter(Boolean).map((line) => line.match(/^[^,]*,[^,]*,("(?:[^"]|"")*"|[^,]*)/)![1]!.replace(/^"|"$/g, '').replace(/""/g, '"')))];
		const known = names.filter((n) => kindFromName(n) !== null);
		// 2 CCAS, 2 City, 2 France services, 9 public bodies (Pôle Emploi ×2, CAF, CPAM, DGFiP, UTPAS ×3, MEL), 1 association.
		expect(known.length).toBe(16);
		expect(names.length - known.length).toBeGreaterThan(20);
	});
});

describe('the kind in the moderation diff', async () => {
	const { diffSnapshots } = await import('./listing-diff');
	const base = { name: 'PARKOUR 59', siret: null, website: null, email: null, phone: null };
	it('reads as the coordinator says it, « non précisé » when unset', () => {
		expect(diffSnapshots('actor', { ...base, kind: null }, { ...base, kind: 'association' })).toEqual([
			{ field: 'kind', label: 'Type de structure', before: 'Non précisé', after: 'Association' }
		]);
	});
	it('a snapshot written before these fields is the same as one with them empty', () => {
		expect(diffSnapshots('actor', base, { ...base, kind: null, presentation: null, pro_contact_name: null, pro_contact_phone: null })).toEqual([]);
	});
});
