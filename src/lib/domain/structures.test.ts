import { describe, expect, it } from 'vitest';
import { shownKind } from './actor-kinds';
import { matchStructures, parseStructureFilters, structureFiltersToParams, type DirectoryStructure } from './structures';

const AREAS = new Set(['5951201', '595120101', '595120102', 'QN05980M']);

function structure(id: number, name: string, places: DirectoryStructure['places'], extra: Partial<DirectoryStructure> = {}): DirectoryStructure {
	return { id, name, kind: shownKind(null, name), presentation: null, website: null, email: null, phone: null, verified: null, places, remoteOffers: [], ...extra };
}
const place = (id: number, areaCodes: string[], offers: DirectoryStructure['places'][number]['offers']) => ({
	id,
	name: `Lieu ${id}`,
	address: '1 rue de Lille',
	areaCodes,
	quartier: null,
	inQpv: areaCodes.includes('QN05980M'),
	offers
});
const offer = (id: number, level: 'discover' | 'learn' | 'support' | 'reinforced' | 'unknown', needs: string[], status: 'active' | 'temporarily_closed' | 'closed' = 'active') => ({
	id,
	level,
	inferred: false,
	needs,
	status
});

// A CCAS with a workshop in one quartier and a help desk in the other; an association with no offer; a remote-only one.
const CCAS = structure(1, 'CCAS de Roubaix', [
	place(10, ['5951201', '595120101', 'QN05980M'], [offer(100, 'learn', ['everyday'])]),
	place(11, ['5951201', '595120102'], [offer(101, 'support', ['admin']), offer(102, 'reinforced', ['admin'], 'closed')])
]);
const ASSO = structure(2, 'Les Amis du clavier', [place(20, ['5951201', '595120101'], [])], { kind: shownKind('association', 'Les Amis du clavier') });
const REMOTE = structure(3, 'Aide à distance', [], { remoteOffers: [offer(300, 'support', ['health'])] });
const ALL = [CCAS, ASSO, REMOTE];
const names = (params: string) => matchStructures(ALL, parseStructureFilters(new URLSearchParams(params), AREAS).filters).map((s) => s.name);

describe('the directory of structures: filters from the URL', () => {
	it('reads need, level, quartier, kind and name, and writes them back the same', () => {
		const { filters, errors } = parseStructureFilters(new URLSearchParams('besoin=admin&niveau=etre-accompagne&quartier=595120102&type=ccas&type=non-precise&q=ccas'), AREAS);
		expect(errors).toEqual([]);
		expect(filters).toEqual({ needs: ['admin'], levels: ['support'], area: '595120102', kinds: ['ccas', 'unknown'], query: 'ccas' });
		expect(structureFiltersToParams(filters).toString()).toBe('besoin=admin&niveau=etre-accompagne&quartier=595120102&type=ccas&type=non-precise&q=ccas');
	});

	it('names what it does not understand, in French, and ignores it', () => {
		const { filters, errors } = parseStructureFilters(new URLSearchParams('besoin=magie&niveau=5&quartier=75001&type=secte&tri=nom'), AREAS);
		expect(filters).toEqual({ needs: [], levels: [], area: null, kinds: [], query: '' });
		expect(errors.map((e) => e.message)).toEqual([
			'Paramètre inconnu : « tri ».',
			'Besoin inconnu : « magie ».',
			'Niveau inconnu : « 5 ».',
			'Type de structure inconnu : « secte ».',
			'Quartier inconnu : « 75001 ».'
		]);
	});

	it('keeps a structure when one open offer meets need, level and quartier together', () => {
		expect(names('')).toEqual(['CCAS de Roubaix', 'Les Amis du clavier', 'Aide à distance']);
		expect(names('niveau=etre-accompagne')).toEqual(['CCAS de Roubaix', 'Aide à distance']);
		expect(names('niveau=etre-accompagne&quartier=595120102')).toEqual(['CCAS de Roubaix']);
		// The workshop is in 01, the help desk in 02: no help desk in 01.
		expect(names('niveau=etre-accompagne&quartier=595120101')).toEqual([]);
		// A closed offer is no offer.
		expect(names('niveau=renforce')).toEqual([]);
		expect(names('besoin=health')).toEqual(['Aide à distance']);
		expect(names('quartier=qpv')).toEqual(['CCAS de Roubaix']);
		expect(names('quartier=5951201')).toEqual(['CCAS de Roubaix', 'Les Amis du clavier']);
	});

	it('filters by the kind shown, deduced or said, and by « non précisé »', () => {
		expect(names('type=ccas')).toEqual(['CCAS de Roubaix']);
		expect(names('type=association')).toEqual(['Les Amis du clavier']);
		expect(names('type=non-precise')).toEqual(['Aide à distance']);
		expect(names('type=ccas&type=association')).toEqual(['CCAS de Roubaix', 'Les Amis du clavier']);
		expect(names('q=CLAVIER')).toEqual(['Les Amis du clavier']);
	});
});
