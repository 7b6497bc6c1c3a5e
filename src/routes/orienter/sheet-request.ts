import { z } from 'zod';
import { SHEET_LANGUAGES, SHEET_NEED_CODES } from '$lib/domain/orientation/sheet-i18n';
import { sheetChoiceError } from '$lib/domain/orientation/sheet-link';

/**
 * « Préparer la fiche » as posted from the results: the places ticked, the sheet's language and the
 * needs. The sheet's own page refuses a bad link with a 400; here a bad choice is the worker's to
 * fix on the results, so the error is worded for them and their choices come back with it.
 */
export const sheetRequest = z
	.object({
		lieux: z.array(z.string().regex(/^\d{1,9}$/)).transform((ids) => [...new Set(ids.map(Number))]),
		langue: z.enum(SHEET_LANGUAGES).catch('fr'),
		besoin: z.array(z.enum(SHEET_NEED_CODES)).catch([])
	})
	.superRefine((value, ctx) => {
		const message = sheetChoiceError(value.lieux.length);
		if (message) ctx.addIssue({ code: 'custom', path: ['lieux'], message });
	});

export type SheetRequestInput = z.input<typeof sheetRequest>;

/** What the form sends, read leniently: unreadable ids are dropped rather than blamed on the worker. */
export function sheetRequestInput(form: FormData): SheetRequestInput {
	const strings = (name: string) => form.getAll(name).filter((v): v is string => typeof v === 'string');
	return { lieux: strings('lieux').filter((v) => /^\d{1,9}$/.test(v)), langue: form.get('langue') ?? undefined, besoin: strings('besoin') } as SheetRequestInput;
}
