import { describe, expect, it } from 'vitest';
import { describeDetail, recordHref, recordText } from './audit-detail';

describe('describeDetail', () => {
	it('names known keys in French and links what has a page', () => {
		expect(describeDetail('place', JSON.stringify({ revision: 4, actor: 2, fields: ['name', 'lat'] }))).toEqual([
			{ label: 'Version', text: 'n° 4', href: '/admin/revisions/4' },
			{ label: 'Structure', text: 'n° 2', href: '/admin/historique/actor/2' },
			{ label: 'Champs', text: 'Nom du lieu, Latitude', href: null }
		]);
		expect(describeDetail('place', JSON.stringify({ reason: 'hours' }))).toEqual([{ label: 'Raison', text: 'Les horaires', href: null }]);
		expect(describeDetail('actor', JSON.stringify({ trusted: true }))).toEqual([{ label: 'Publication sans modération', text: 'oui', href: null }]);
	});
	it('skips nulls, keeps unknown keys raw and never throws', () => {
		expect(describeDetail('actor', JSON.stringify({ campaign: null, odd: 'x' }))).toEqual([{ label: 'odd', text: 'x', href: null }]);
		expect(describeDetail(null, 'not json')).toEqual([{ label: 'Détail', text: 'not json', href: null }]);
		expect(describeDetail(null, '{}')).toEqual([]);
		expect(describeDetail(null, '[1,2]')).toEqual([{ label: 'Détail', text: '[1,2]', href: null }]);
		expect(describeDetail('offer', JSON.stringify({ revision: 'abc' }))).toEqual([{ label: 'Version', text: 'abc', href: null }]);
	});
});

describe('records', () => {
	it('links listings to their history and other records to their page', () => {
		expect(recordHref('place', 3)).toBe('/admin/historique/place/3');
		expect(recordHref('report', 5)).toBe('/admin/signalements#signalement-5');
		expect(recordHref('campaign', 1)).toBe('/admin/campagnes/1');
		expect(recordHref('user', 1)).toBeNull();
		expect(recordHref(null, null)).toBeNull();
		expect(recordText('place', 3, 'Médiathèque')).toBe('lieu « Médiathèque »');
		expect(recordText('user', 7)).toBe('compte n° 7');
		expect(recordText(null, null)).toBe('—');
	});
});
