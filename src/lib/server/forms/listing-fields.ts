import { z } from 'zod';
import { parseId } from '$lib/domain/ids';
import { LEVELS } from '$lib/domain/levels';
import type { OfferSnapshot, OfferStatusValue } from '$lib/domain/listing';
import { cap, cleanLine, cleanText, MAX_LIST_ENTRIES, type ListSchema } from './form-input';
import { MAX, MSG } from './listing-messages';
import { isValidSiret, normalizeFrenchPhone, normalizeWebUrl, readDegrees } from './field-values';

/**
 * The zod schema of each field of the listing forms: each takes the raw string (or, for checkbox
 * groups, the strings) of one field and answers its clean value or a French message.
 */

// ---------------------------------------------------------------------------------------------------
// Field schemas: each takes the raw string of one field

function maxLength(max: number) {
	return z.string().max(max, { error: (issue) => MSG.tooLong(max, String(issue.input ?? '').length) });
}

export function requiredLine(max: number, missing: string) {
	return z.string().transform(cleanLine).pipe(maxLength(max).min(1, { error: missing }));
}

export function optionalLine(max: number) {
	return z
		.string()
		.transform(cleanLine)
		.pipe(maxLength(max))
		.transform((text) => text || null);
}

export function optionalText(max: number) {
	return z
		.string()
		.transform(cleanText)
		.pipe(maxLength(max))
		.transform((text) => text || null);
}

/** An optional field whose non-empty value is read by `read`, which answers null when it cannot. */
function optionalParsed<T>(read: (text: string) => T | null, message: string) {
	return z
		.string()
		.transform(cleanLine)
		.transform((text, ctx): T | null => {
			if (text === '') return null;
			const value = read(text);
			if (value === null) ctx.addIssue({ code: 'custom', message });
			return value;
		});
}

export const siretField = z
	.string()
	.transform(cleanLine)
	.transform((text, ctx): string | null => {
		if (text === '') return null;
		const digits = text.replace(/\s/g, '');
		if (!/^\d{14}$/.test(digits)) {
			ctx.addIssue({ code: 'custom', message: MSG.siretFormat });
			return null;
		}
		if (!isValidSiret(digits)) ctx.addIssue({ code: 'custom', message: MSG.siretKey });
		return digits;
	});

export function urlField(message: string) {
	return z.string().transform(cleanLine).pipe(maxLength(MAX.url)).transform((text, ctx): string | null => {
		if (text === '') return null;
		const url = normalizeWebUrl(text);
		if (url === null) ctx.addIssue({ code: 'custom', message });
		return url;
	});
}

export const emailField = z
	.string()
	.transform(cleanLine)
	.pipe(maxLength(MAX.email))
	.transform((text) => text || null)
	.pipe(z.email({ error: MSG.email }).nullable());

export const phoneField = optionalParsed(normalizeFrenchPhone, MSG.phone);

export function coordinateField(missing: string, unreadable: string) {
	return z
		.string()
		.transform(cleanLine)
		.transform((text, ctx): number => {
			if (text === '') {
				ctx.addIssue({ code: 'custom', message: missing });
				return z.NEVER;
			}
			const value = readDegrees(text);
			if (value === null) {
				ctx.addIssue({ code: 'custom', message: unreadable });
				return z.NEVER;
			}
			return value;
		});
}

export const postalCodeField = z
	.string()
	.transform(cleanLine)
	.transform((text, ctx): string => {
		const digits = text.replace(/\s/g, '');
		if (digits === '') ctx.addIssue({ code: 'custom', message: MSG.postalCodeMissing });
		else if (!/^\d{5}$/.test(digits)) ctx.addIssue({ code: 'custom', message: MSG.postalCode });
		return digits;
	});

/** `AAAA-MM-JJ` as a date input sends it, or `JJ/MM/AAAA` as typed where the browser shows a text box. */
function readDate(text: string): { date: string } | { error: string } {
	const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
	const french = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
	let year: number, month: number, day: number;
	if (iso) [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
	else if (french) [year, month, day] = [Number(french[3]), Number(french[2]), Number(french[1])];
	else return { error: MSG.date };
	const probe = new Date(Date.UTC(year, month - 1, day));
	if (year < 2000 || year > 2099 || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
		return { error: MSG.dateUnknown };
	}
	return { date: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` };
}

export const dateField = z
	.string()
	.transform(cleanLine)
	.transform((text, ctx): string | null => {
		if (text === '') return null;
		const read = readDate(text);
		if ('error' in read) ctx.addIssue({ code: 'custom', message: read.error });
		return 'date' in read ? read.date : null;
	});

// ---------------------------------------------------------------------------------------------------
// Checkbox groups

/** Checked boxes, kept only when they belong to the vocabulary; stored in the vocabulary's order. */
export function choiceList(allowed: readonly string[]): ListSchema {
	return z.array(z.string()).transform((raw, ctx) => {
		if (raw.length > MAX_LIST_ENTRIES) {
			ctx.addIssue({ code: 'custom', message: MSG.tooManyChoices });
			return [];
		}
		const chosen = new Set(raw.map(cleanLine).filter(Boolean));
		const unknown = [...chosen].find((value) => !allowed.includes(value));
		if (unknown !== undefined) ctx.addIssue({ code: 'custom', message: MSG.unknownChoice(cap(unknown, 80)) });
		return allowed.filter((value) => chosen.has(value));
	});
}

export const otherLabelsField = z
	.string()
	.transform(cleanText)
	.transform((text, ctx): string[] => {
		const labels: string[] = [];
		for (const line of text.split('\n')) {
			const label = cleanLine(line);
			if (label !== '' && !labels.includes(label)) labels.push(label);
		}
		if (labels.some((label) => label.length > MAX.label)) ctx.addIssue({ code: 'custom', message: MSG.labelTooLong(MAX.label) });
		else if (labels.length > MAX.labels) ctx.addIssue({ code: 'custom', message: MSG.tooManyLabels(MAX.labels) });
		return labels;
	});

export const levelField = z
	.string()
	.transform(cleanLine)
	.transform((text, ctx): OfferSnapshot['level'] => {
		if (text === '') return null;
		const level = LEVELS.find((candidate) => candidate === text);
		if (level === undefined) ctx.addIssue({ code: 'custom', message: MSG.level });
		return level ?? null;
	});

const STATUSES: readonly OfferStatusValue[] = ['active', 'temporarily_closed', 'closed'];
export const statusField = z
	.string()
	.transform(cleanLine)
	.transform((text, ctx): OfferStatusValue => {
		if (text === '') return 'active';
		const status = STATUSES.find((candidate) => candidate === text);
		if (status === undefined) ctx.addIssue({ code: 'custom', message: MSG.status });
		return status ?? 'active';
	});

/** A hidden field: empty means "no place", anything else must be a row id. */
export const placeIdField = z
	.string()
	.transform(cleanLine)
	.transform((text, ctx): number | null => {
		if (text === '') return null;
		const id = parseId(text);
		if (id === null) {
			ctx.addIssue({ code: 'custom', message: MSG.placeId });
			return null;
		}
		return id;
	});

const CHECKED = new Set(['on', 'true', '1', 'oui']);
export const checkboxField = z.string().transform((text) => CHECKED.has(cleanLine(text).toLowerCase()));
