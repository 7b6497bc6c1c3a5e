import { describe, expect, it } from 'vitest';
import { hoursInWords, NO_HOURS, UNREADABLE_HOURS } from './hours-words';

// A fixed day: the typical week must not depend on when the tests run.
const REFERENCE = new Date('2026-01-07T12:00:00Z');

describe('hoursInWords', () => {
	it('says every day, closed days included', () => {
		expect(hoursInWords('Mo 09:00-12:00', REFERENCE)).toBe('Lundi : 9 h – 12 h ; fermé : du mardi au dimanche');
	});

	it('tells « non renseigné » (unknown) from « fermé »', () => {
		expect(hoursInWords('Mo-Fr 09:00-12:00,14:00-17:00; Sa unknown; PH off', REFERENCE)).toBe(
			'Du lundi au vendredi : 9 h – 12 h et 14 h – 17 h ; non renseigné : samedi ; fermé : dimanche et jours fériés'
		);
	});

	it('says when hours are missing or unreadable', () => {
		expect(hoursInWords(null, REFERENCE)).toBe(NO_HOURS);
		expect(hoursInWords('  ', REFERENCE)).toBe(NO_HOURS);
		expect(hoursInWords('Lundi matin', REFERENCE)).toBe(UNREADABLE_HOURS);
	});

	it('warns that a week cannot say seasons or dates', () => {
		expect(hoursInWords('Mo 09:00-12:00; Aug off', REFERENCE)).toMatch(/le texte OpenStreetMap précise des exceptions\)$/);
	});

	it('lists scattered days one by one', () => {
		expect(hoursInWords('Mo 09:00-12:00; We 14:00-17:00; Tu,Th,Fr unknown; PH off', REFERENCE)).toBe(
			'Lundi : 9 h – 12 h ; mercredi : 14 h – 17 h ; non renseigné : mardi, jeudi et vendredi ; fermé : samedi, dimanche et jours fériés'
		);
	});

	it('groups all seven days', () => {
		expect(hoursInWords('Mo-Su 09:00-18:00', REFERENCE)).toBe('Tous les jours : 9 h – 18 h');
	});
});
