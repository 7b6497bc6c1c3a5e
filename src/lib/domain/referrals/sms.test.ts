import { describe, expect, it } from 'vitest';
import { smsHref, smsText } from './sms';

describe('texte du SMS', () => {
	const place = { name: 'Médiathèque', address: '2 rue Pierre Motte, 59100 Roubaix', nextOpening: 'mardi 10 h', phone: '03 20 00 00 00', link: 'https://exemple.fr/lieux/3' };
	it('gives the place, address, next opening and link', () => {
		expect(smsText(place)).toBe(
			'Votre rendez-vous numérique : Médiathèque\n2 rue Pierre Motte, 59100 Roubaix\nProchaine ouverture : mardi 10 h\nTél. 03 20 00 00 00\nhttps://exemple.fr/lieux/3'
		);
	});
	it('says to call when the hours are unknown, and leaves out a missing phone', () => {
		const text = smsText({ ...place, nextOpening: null, phone: null });
		expect(text).toContain('Horaires : appelez avant de venir');
		expect(text).not.toContain('Tél.');
	});
	it('encodes the body of the sms: link', () => {
		const href = smsHref('a & b\nc');
		expect(href).toBe('sms:?body=a%20%26%20b%0Ac');
		expect(decodeURIComponent(href.slice('sms:?body='.length))).toBe('a & b\nc');
	});
});
