import { describe, expect, it } from 'vitest';
import { chosenCountText, sheetChoiceError, sheetSearch } from './sheet-link';

describe('sheet link', () => {
	it('lists the places with commas, then the language and each need', () => {
		expect(sheetSearch([12, 3], 'ar', ['sante', 'demarches'])).toBe('?lieux=12,3&langue=ar&besoin=sante&besoin=demarches');
	});
	it('asks for a place when none is ticked, and for fewer beyond four', () => {
		expect(sheetChoiceError(0)).toMatch(/^Aucun lieu n’est coché\. Cochez « Mettre sur la fiche »/);
		expect(sheetChoiceError(1)).toBeNull();
		expect(sheetChoiceError(4)).toBeNull();
		expect(sheetChoiceError(6)).toBe('Une fiche contient au plus 4 lieux : 6 sont cochés. Décochez-en 2.');
	});
	it('counts in words', () => {
		expect(chosenCountText(0)).toBe('Aucun lieu coché sur 4 au plus');
		expect(chosenCountText(1)).toBe('1 lieu coché sur 4 au plus');
		expect(chosenCountText(3)).toBe('3 lieux cochés sur 4 au plus');
	});
});
