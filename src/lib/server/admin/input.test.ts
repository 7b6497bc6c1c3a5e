import { describe, expect, it } from 'vitest';
import { emailSchema, monthsSchema, noteSchema, parseId, reasonSchema, textField } from './input';

describe('parseId', () => {
	it('accepts plain positive integers only', () => {
		expect(parseId('1')).toBe(1);
		expect(parseId('4021')).toBe(4021);
		for (const bad of ['', '0', '-1', '01', '1.5', '1e3', ' 7', '7 ', '12abc', '0x10', '9999999999999999', null, undefined, 12]) {
			expect(parseId(bad)).toBeNull();
		}
	});
});

describe('textField', () => {
	it('reads strings, ignores files and cuts long values', () => {
		const form = new FormData();
		form.set('a', 'bonjour');
		form.set('f', new Blob(['x']), 'x.txt');
		form.set('long', 'x'.repeat(10_000));
		expect(textField(form, 'a')).toBe('bonjour');
		expect(textField(form, 'f')).toBe('');
		expect(textField(form, 'missing')).toBe('');
		expect(textField(form, 'long')).toHaveLength(5000);
	});
});

describe('schemas', () => {
	it('checks a refusal reason between 3 and 500 characters', () => {
		expect(reasonSchema.safeParse('  ok ').success).toBe(false);
		expect(reasonSchema.safeParse('Doublon').data).toBe('Doublon');
		expect(reasonSchema.safeParse('x'.repeat(501)).success).toBe(false);
		expect(reasonSchema.safeParse('x'.repeat(500)).success).toBe(true);
	});
	it('lets a note be empty but not too long', () => {
		expect(noteSchema.safeParse('').success).toBe(true);
		expect(noteSchema.safeParse('x'.repeat(501)).success).toBe(false);
	});
	it('checks e-mails', () => {
		expect(emailSchema.safeParse(' a@b.fr ').data).toBe('a@b.fr');
		expect(emailSchema.safeParse('pas une adresse').error?.issues[0]?.message).toMatch(/Adresse e-mail invalide/);
	});
	it('takes 1 to 60 months', () => {
		expect(monthsSchema.safeParse('12').data).toBe(12);
		for (const bad of ['0', '61', '1.5', '-3', 'douze', '', '123']) expect(monthsSchema.safeParse(bad).success).toBe(false);
	});
});
