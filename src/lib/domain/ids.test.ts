import { describe, expect, it } from 'vitest';
import { isId, MAX_ID, parseId } from './ids';

describe('parseId', () => {
	it.each([
		['1', 1],
		['42', 42],
		['2147483647', MAX_ID],
		['2147483648', null],
		['99999999999999999999', null],
		['0', null],
		['-1', null],
		['01', null],
		['1e3', null],
		[' 7', null],
		['7 ', null],
		['12abc', null],
		['', null]
	])('%j → %s', (raw, expected) => {
		expect(parseId(raw)).toBe(expected);
	});

	it('refuses what is not a string', () => {
		expect(parseId(12)).toBeNull();
		expect(parseId(null)).toBeNull();
		expect(parseId(new Blob(['1']))).toBeNull();
	});
});

describe('isId', () => {
	it.each([
		[1, true],
		[MAX_ID, true],
		[MAX_ID + 1, false],
		[0, false],
		[1.5, false],
		['1', false],
		[Number.NaN, false]
	])('%j → %s', (value, expected) => {
		expect(isId(value)).toBe(expected);
	});
});
