import { describe, expect, it } from 'vitest';
import { describeWeek } from '../hours';
import { LEVEL_FILTER_VALUES } from '../levels';
import { ACCESS_MODES } from '../vocabulary';
import { EVERYDAY_NEEDS } from './needs';
import {
	ACCESS_MODE_CODES,
	SHEET_LANGUAGES,
	SHEET_NEED_CODES,
	SHEET_TEXT,
	accessSteps,
	bringList,
	describeIntervals,
	fill,
	formatDays,
	formatIntervals,
	formatRange,
	formatSheetDate,
	formatSheetDay,
	groupDays,
	splitTemplate
} from './sheet-i18n';

/** Every leaf of a dictionary as « path → value », arrays by index. */
function leaves(value: unknown, path = ''): Map<string, unknown> {
	const out = new Map<string, unknown>();
	if (value !== null && typeof value === 'object') {
		for (const [key, child] of Object.entries(value)) {
			for (const [p, v] of leaves(child, path ? `${path}.${key}` : key)) out.set(p, v);
		}
		// An empty list (nothing to bring) is a leaf of its own, so its presence is compared too.
		if (Object.keys(value).length === 0) out.set(path, value);
	} else out.set(path, value);
	return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('sheet dictionaries', () => {
	const reference = leaves(SHEET_TEXT.fr);

	it.each(SHEET_LANGUAGES)('%s has every key of the French sheet, each a non-empty text', (lang) => {
		const dictionary = leaves(SHEET_TEXT[lang]);
		expect([...dictionary.keys()].sort()).toEqual([...reference.keys()].sort());
		for (const [path, value] of dictionary) {
			if (Array.isArray(value)) continue; // the empty « creer » list
			expect(typeof value, `${lang}: ${path}`).toBe('string');
			expect((value as string).trim(), `${lang}: ${path}`).not.toBe('');
		}
	});

	it.each(SHEET_LANGUAGES)('%s keeps the placeholders of each French template', (lang) => {
		for (const [path, value] of leaves(SHEET_TEXT[lang])) {
			if (typeof value !== 'string') continue;
			expect(placeholders(value), `${lang}: ${path}`).toEqual(placeholders(reference.get(path) as string));
		}
	});

	it('translates every level, including « à préciser »', () => {
		for (const lang of SHEET_LANGUAGES) expect(Object.keys(SHEET_TEXT[lang].levels).sort()).toEqual([...LEVEL_FILTER_VALUES].sort());
	});

	it('knows exactly the everyday needs and the access modes of the app', () => {
		expect([...SHEET_NEED_CODES]).toEqual(EVERYDAY_NEEDS.map((n) => n.code));
		expect([...ACCESS_MODE_CODES]).toEqual(ACCESS_MODES.map((m) => m.code));
	});

	it('translates each « à apporter » item of needs.ts, one for one', () => {
		for (const need of EVERYDAY_NEEDS) {
			for (const lang of SHEET_LANGUAGES) {
				const items = SHEET_TEXT[lang].bringItems[need.code as (typeof SHEET_NEED_CODES)[number]];
				expect(items, `${lang}: ${need.code}`).toHaveLength(need.bring.length);
			}
		}
	});

	it('writes Arabic right to left, the others left to right', () => {
		expect(SHEET_TEXT.ar.dir).toBe('rtl');
		expect(SHEET_TEXT.ar.htmlLang).toBe('ar');
		expect(SHEET_TEXT.ar.title).toMatch(/[\u0600-\u06FF]/);
		for (const lang of ['fr', 'falc', 'en'] as const) expect(SHEET_TEXT[lang].dir).toBe('ltr');
		expect(SHEET_TEXT.falc.htmlLang).toBe('fr');
		expect(SHEET_TEXT.en.htmlLang).toBe('en');
	});

	it('uses Arabic day names in the Arabic sheet', () => {
		expect(SHEET_TEXT.ar.days[0]).toBe('الاثنين');
		expect(SHEET_TEXT.ar.days[5]).toBe('السبت');
		expect(SHEET_TEXT.en.days[6]).toBe('Sunday');
	});
});

describe('templates', () => {
	it('fills placeholders and leaves unknown ones visible', () => {
		expect(fill(SHEET_TEXT.fr.givenOn, { date: '25 novembre 2026' })).toBe('Fiche remise le 25 novembre 2026');
		expect(fill('{a} {b}', { a: 'x' })).toBe('x {b}');
	});

	it('splits a template around a placeholder', () => {
		expect(splitTemplate(SHEET_TEXT.fr.access.call, 'phone')).toEqual(['Téléphoner au ', '']);
		expect(splitTemplate(SHEET_TEXT.falc.access.call, 'phone')).toEqual(['Téléphonez au ', '.']);
		expect(splitTemplate('sans', 'phone')).toEqual(['sans', '']);
	});
});

describe('hours in words', () => {
	const morning = [{ from: '09:00', to: '12:00' }];
	const twice = [
		{ from: '09:00', to: '12:00' },
		{ from: '14:00', to: '17:30' }
	];

	it('French: « 9 h – 12 h »', () => {
		expect(formatIntervals('fr', morning)).toBe('9 h – 12 h');
		expect(formatIntervals('fr', twice)).toBe('9 h – 12 h et 14 h – 17 h 30');
		expect(formatRange('fr', '08:30', '11:30')).toBe('8 h 30 – 11 h 30');
	});

	it('FALC: « de 9 h à 12 h »', () => {
		expect(formatIntervals('falc', morning)).toBe('de 9 h à 12 h');
		expect(formatIntervals('falc', twice)).toBe('de 9 h à 12 h et de 14 h à 17 h 30');
	});

	it('English: « 9:00 – 12:00 »', () => {
		expect(formatIntervals('en', morning)).toBe('9:00 – 12:00');
		expect(formatIntervals('en', twice)).toBe('9:00 – 12:00 and 14:00 – 17:30');
	});

	it('Arabic: « 9:00 – 12:00 », joined with « و »', () => {
		expect(formatIntervals('ar', morning)).toBe('9:00 – 12:00');
		expect(formatIntervals('ar', twice)).toBe('9:00 – 12:00 و 14:00 – 17:30');
	});

	it('says closed, all day and uncertain slots in each language', () => {
		expect(formatIntervals('fr', [])).toBe('fermé');
		expect(formatIntervals('en', [])).toBe('closed');
		expect(formatIntervals('ar', [])).toBe('مغلق');
		expect(formatIntervals('fr', [{ from: '00:00', to: '24:00' }])).toBe('24 h sur 24');
		expect(formatIntervals('en', [{ from: '10:00', to: '12:00', uncertain: true }])).toBe('10:00 – 12:00 (to be confirmed)');
	});

	it('keeps the structure’s own comment apart, untranslated', () => {
		expect(describeIntervals('en', [{ from: '10:00', to: '12:00', uncertain: true, comment: 'sur rendez-vous' }])).toEqual([
			{ range: '10:00 – 12:00', note: null, comment: 'sur rendez-vous' }
		]);
	});

	it('reads a real week through describeWeek', () => {
		const week = describeWeek('Sa 08:00-11:00', new Date('2026-11-25T10:00:00Z'))!;
		expect(formatIntervals('fr', week[5]!.intervals)).toBe('8 h – 11 h');
		expect(formatIntervals('ar', week[5]!.intervals)).toBe('8:00 – 11:00');
		expect(formatIntervals('en', week[0]!.intervals)).toBe('closed');
	});
});

describe('days', () => {
	const morning = [{ from: '09:00', to: '12:00' }];

	it('groups consecutive days with the same hours', () => {
		const days = [0, 1, 2, 3, 4].map((day) => ({ day, intervals: morning }));
		days.push({ day: 5, intervals: [{ from: '09:00', to: '11:00' }] });
		expect(groupDays(days).map((g) => [g.first, g.last])).toEqual([
			[0, 4],
			[5, 5]
		]);
		// Monday and Wednesday are not consecutive.
		expect(groupDays([{ day: 0, intervals: morning }, { day: 2, intervals: morning }])).toHaveLength(2);
	});

	it('names a day or a run of days in each language', () => {
		expect(formatDays('fr', 5, 5)).toBe('Samedi');
		expect(formatDays('fr', 0, 4)).toBe('Du lundi au vendredi');
		expect(formatDays('falc', 0, 4)).toBe('Du lundi au vendredi');
		expect(formatDays('en', 0, 4)).toBe('Monday to Friday');
		expect(formatDays('ar', 0, 4)).toBe('من الاثنين إلى الجمعة');
	});
});

describe('dates', () => {
	const day = new Date('2026-11-25T10:00:00Z');

	it('writes the day the sheet is given in each language', () => {
		expect(formatSheetDate('fr', day)).toBe('25 novembre 2026');
		expect(formatSheetDate('falc', day)).toBe('25 novembre 2026');
		expect(formatSheetDate('en', day)).toBe('25 November 2026');
		expect(formatSheetDate('ar', day)).toMatch(/^25 \S+ 2026$/);
		expect(formatSheetDate('ar', day)).toMatch(/[\u0600-\u06FF]/);
	});

	it('uses Paris’ calendar day and the French « 1er »', () => {
		// 23:30 UTC on 30 November is already 1 December in Paris.
		expect(formatSheetDate('fr', new Date('2026-11-30T23:30:00Z'))).toBe('1er décembre 2026');
		expect(formatSheetDate('en', new Date('2026-11-30T23:30:00Z'))).toBe('1 December 2026');
		expect(formatSheetDay('fr', '2026-07-14')).toBe('14 juillet 2026');
	});
});

describe('how to get in', () => {
	const none = { modes: [], phone: null, email: null, bookingUrl: null };

	it('advises a call when the access modes are unknown and a phone is known', () => {
		expect(accessSteps({ ...none, phone: '03 20 66 29 29' })).toEqual([{ kind: 'callFirst', phone: '03 20 66 29 29' }]);
	});

	it('advises to come during opening hours when neither is known', () => {
		expect(accessSteps(none)).toEqual([{ kind: 'comeDuringHours' }]);
		expect(accessSteps({ ...none, bookingUrl: 'https://rdv.example' })).toEqual([
			{ kind: 'comeDuringHours' },
			{ kind: 'book', url: 'https://rdv.example' }
		]);
	});

	it('follows the declared modes, in the schema’s order', () => {
		const steps = accessSteps({
			modes: ['rdv-en-ligne', 'telephoner', 'se-presenter'],
			phone: '03 20 00 00 00',
			email: null,
			bookingUrl: 'https://rdv.example'
		});
		expect(steps).toEqual([
			{ kind: 'walkIn' },
			{ kind: 'call', phone: '03 20 00 00 00' },
			{ kind: 'book', url: 'https://rdv.example' }
		]);
	});

	it('still prints the phone number beside other modes, and never leaves the list empty', () => {
		expect(accessSteps({ ...none, modes: ['se-presenter'], phone: '03' })).toEqual([{ kind: 'walkIn' }, { kind: 'phone', phone: '03' }]);
		expect(accessSteps({ ...none, modes: ['telephoner'] })).toEqual([{ kind: 'comeDuringHours' }]);
	});
});

describe('what to bring', () => {
	it('merges the needs’ items without repeating one', () => {
		const items = bringList('fr', ['demarches', 'sante']);
		expect(items.filter((i) => i === "Votre pièce d'identité")).toHaveLength(1);
		expect(items).toContain('Votre carte Vitale');
		expect(bringList('ar', ['sante'])).toHaveLength(3);
		expect(bringList('en', ['creer'])).toEqual([]);
	});
});
