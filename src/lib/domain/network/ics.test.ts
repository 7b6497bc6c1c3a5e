import { describe, expect, it } from 'vitest';
import { calendarFile, escapeText, foldLine } from './ics';

const event = {
	uid: 'inscription-42@inclusion-numerique.roubaix.fr',
	stamp: new Date('2026-03-01T08:05:09.123Z'),
	date: '2026-03-13',
	start: '09:00',
	end: '11:30',
	summary: 'Petit-déjeuner de l’inclusion numérique #11',
	description: 'Programme : accueil; ateliers, échanges\nPuis clôture \\ fin',
	location: 'Médiathèque, 2 rue Pierre Motte',
	url: 'http://localhost/reseau/11'
};

describe('the calendar file (RFC 5545)', () => {
	const ics = calendarFile(event);
	it('ends every line with CRLF and never a bare LF', () => {
		expect(ics.endsWith('\r\n')).toBe(true);
		expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
	});
	it('has the UID, the stamp in UTC and the times in Europe/Paris with its VTIMEZONE', () => {
		const lines = ics.replace(/\r\n /g, '').split('\r\n');
		expect(lines).toContain('UID:inscription-42@inclusion-numerique.roubaix.fr');
		expect(lines).toContain('DTSTAMP:20260301T080509Z');
		expect(lines).toContain('DTSTART;TZID=Europe/Paris:20260313T090000');
		expect(lines).toContain('DTEND;TZID=Europe/Paris:20260313T113000');
		expect(lines).toContain('TZID:Europe/Paris');
		expect(lines[0]).toBe('BEGIN:VCALENDAR');
		expect(lines.at(-2)).toBe('END:VCALENDAR');
	});
	it('escapes text values', () => {
		expect(escapeText('a;b,c\\d\ne')).toBe('a\\;b\\,c\\\\d\\ne');
		expect(ics).toContain('LOCATION:Médiathèque\\, 2 rue Pierre Motte');
	});
	it('folds at 75 octets without cutting a UTF-8 character', () => {
		const long = `DESCRIPTION:${'é'.repeat(100)}`;
		const folded = foldLine(long).split('\r\n');
		for (const line of folded) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
		expect(folded.slice(1).every((l) => l.startsWith(' '))).toBe(true);
		expect(folded.map((l, i) => (i === 0 ? l : l.slice(1))).join('')).toBe(long);
		for (const line of ics.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
	});
	it('takes the whole day when the time is not known', () => {
		const allDay = calendarFile({ ...event, start: null, end: null });
		expect(allDay).toContain('DTSTART;VALUE=DATE:20260313\r\nDTEND;VALUE=DATE:20260314\r\n');
		expect(allDay).not.toContain('VTIMEZONE');
	});
});
