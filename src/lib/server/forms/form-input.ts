import { z } from 'zod';

/**
 * Reading a submitted form without ever throwing: text fields only (file parts read as absent), a
 * repeated field keeps its first value, text is cleaned (control characters, line breaks, Unicode
 * form) and capped before any work, and what was typed is echoed back, capped, so a refused page
 * shows it again. Each field's schema runs on its own, so one bad field never hides another's message.
 */

export type FormResult<T> =
	| { ok: true; value: T }
	| { ok: false; errors: Record<string, string>; values: Record<string, string | string[]> };

/** Per-field ceiling of the echo; a request may be large, the re-displayed page need not be. */
export const ECHO_LIMIT = 5000;
/** Text beyond this is cut before any work: it is already far past every field's maximum. */
const INPUT_LIMIT = 20_000;
/** Checkbox groups never have this many boxes; more is a forged request. */
export const MAX_LIST_ENTRIES = 200;

// ---------------------------------------------------------------------------------------------------
// Reading FormData

/** File parts have no place in these forms: they read as if absent. */
export function strings(form: FormData, name: string): string[] {
	return form.getAll(name).filter((entry): entry is string => typeof entry === 'string');
}

/** A repeated single-valued field keeps its first value, as a browser would send only one. */
export function first(form: FormData, name: string): string {
	return strings(form, name)[0] ?? '';
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function cap(raw: string, limit: number): string {
	return raw.slice(0, limit).replace(LONE_SURROGATE, '');
}

function echoList(list: readonly string[]): string[] {
	const echoed: string[] = [];
	let room = ECHO_LIMIT;
	for (const item of list) {
		if (room <= 0) break;
		const kept = cap(item, room);
		echoed.push(kept);
		room -= Math.max(kept.length, 1);
	}
	return echoed;
}

export function echo(form: FormData, single: readonly string[], multiple: readonly string[]): Record<string, string | string[]> {
	const values: Record<string, string | string[]> = {};
	for (const name of single) values[name] = cap(first(form, name), ECHO_LIMIT);
	for (const name of multiple) values[name] = echoList(strings(form, name));
	return values;
}

// ---------------------------------------------------------------------------------------------------
// Cleaning text

const CONTROL = /[\u0000-\u001F\u007F-\u009F]/g;
const LINE_BREAKING = /[\t\n\v\f\r\u0085\u2028\u2029]/g;

/** One line of text: breaks become spaces, other control characters go, runs of spaces shrink. */
export function cleanLine(raw: string): string {
	return cap(raw, INPUT_LIMIT)
		.normalize('NFC')
		.replace(LINE_BREAKING, ' ')
		.replace(CONTROL, '')
		.replace(/ {2,}/g, ' ')
		.trim();
}

/** A text area: line breaks survive (as \n), at most one blank line in a row. */
export function cleanText(raw: string): string {
	return cap(raw, INPUT_LIMIT)
		.normalize('NFC')
		.replace(/\r\n?|[\u0085\u2028\u2029]/g, '\n')
		.replace(/[\t\v\f]/g, ' ')
		.replace(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/g, '')
		.split('\n')
		.map((line) => line.replace(/ {2,}/g, ' ').trimEnd())
		.join('\n')
		.replace(/\n{3,}/g, '\n\n')
		.trim();
}

type FieldSchema = z.ZodType<unknown, string>;
export type ListSchema = z.ZodType<string[], string[]>;

// ---------------------------------------------------------------------------------------------------
// Running the schemas

type Parsed<S extends Record<string, FieldSchema | ListSchema>> = { [K in keyof S]: z.output<S[K]> };

/**
 * Each field is parsed on its own, so one bad field never hides another's message; the first
 * message of a field is the one shown next to it.
 */
export function parseFields<S extends Record<string, FieldSchema | ListSchema>>(
	shape: S,
	input: { [K in keyof S]: z.input<S[K]> }
): { data: Partial<Parsed<S>>; errors: Record<string, string> } {
	const data: Partial<Parsed<S>> = {};
	const errors: Record<string, string> = {};
	for (const key of Object.keys(shape) as (keyof S & string)[]) {
		const result = (shape[key] as z.ZodType).safeParse(input[key]);
		if (result.success) data[key] = result.data as Parsed<S>[typeof key];
		else errors[key] = result.error.issues[0]?.message ?? 'Valeur invalide.';
	}
	return { data, errors };
}

export function isComplete<S extends Record<string, unknown>>(data: Partial<S>, keys: readonly (keyof S)[]): data is S {
	return keys.every((key) => key in data);
}

export function readSingles<const K extends string>(form: FormData, names: readonly K[]): Record<K, string> {
	return Object.fromEntries(names.map((name) => [name, first(form, name)])) as Record<K, string>;
}

export function readLists<const K extends string>(form: FormData, names: readonly K[]): Record<K, string[]> {
	return Object.fromEntries(names.map((name) => [name, strings(form, name)])) as Record<K, string[]>;
}
