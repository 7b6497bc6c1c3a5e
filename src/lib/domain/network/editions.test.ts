import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NEEDS } from '../themes';
import { frenchDate, parisDate, SEED_EDITIONS, splitEditions } from './editions';
import { NETWORK_THEME_CODES, NETWORK_THEMES_OF_NEED, networkThemesOfNeeds } from './themes';

const NOTE = '/work/shared/seed/000_9079c01f8c1879db.txt';

describe('the ten editions of the City’s note', () => {
	it.skipIf(!existsSync(NOTE))('have the note’s numbers, dates and titles, character for character', () => {
		const note = readFileSync(NOTE, 'utf8');
		for (const e of SEED_EDITIONS) {
			const [y, m, d] = e.heldOn.split('-');
			expect(note, `#${e.number}`).toMatch(new RegExp(`#\\s?${e.number} le ${d}/${m}/${y} : ${e.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\n|$)`));
		}
	});

	it('are #1 to #10, each of #2–#10 with a theme of its own, #1 with none', () => {
		expect(SEED_EDITIONS.map((e) => e.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
		expect(SEED_EDITIONS[0]!.theme).toBeNull();
		const themes = SEED_EDITIONS.slice(1).map((e) => e.theme);
		expect(new Set(themes).size).toBe(9);
		expect([...themes].sort()).toEqual([...NETWORK_THEME_CODES].sort());
	});
});

describe('the network themes and the directory’s needs', () => {
	it('map every need, and the health need to the health edition', () => {
		expect(Object.keys(NETWORK_THEMES_OF_NEED).sort()).toEqual(NEEDS.map((n) => n.code).sort());
		expect(networkThemesOfNeeds(['health'])).toEqual(['health']);
		expect(networkThemesOfNeeds(['safety', 'culture', 'nimporte'])).toEqual(['cybersecurity']);
	});
});

describe('splitting editions around today (Roubaix time)', () => {
	const list = [
		{ number: 9, heldOn: '2025-06-13' },
		{ number: 11, heldOn: '2026-03-13' },
		{ number: 10, heldOn: '2025-10-10' },
		{ number: 12, heldOn: '2026-06-12' }
	];
	it('puts the soonest next edition first and the latest past one first', () => {
		const { upcoming, past } = splitEditions(list, new Date('2026-01-05T12:00:00Z'));
		expect(upcoming.map((e) => e.number)).toEqual([11, 12]);
		expect(past.map((e) => e.number)).toEqual([10, 9]);
	});
	it('counts the day in Paris: 23:30 UTC on 12 March is already 13 March there', () => {
		expect(parisDate(new Date('2026-03-12T23:30:00Z'))).toBe('2026-03-13');
		expect(splitEditions(list, new Date('2026-03-13T22:30:00Z')).upcoming[0]!.number).toBe(11);
		expect(splitEditions(list, new Date('2026-03-13T23:30:00Z')).upcoming[0]!.number).toBe(12);
	});
	it('writes dates in French', () => {
		expect(frenchDate('2022-09-30')).toBe('vendredi 30 septembre 2022');
	});
});
