import { z } from 'zod';

/**
 * Reading what a coordinator's form or URL carries without ever throwing: ids by a strict pattern,
 * text cut to a ceiling before any work, French messages keyed by field name.
 */

/** A database id, or null for anything else ("12abc", "-1", "1e3", " 7", a file…). */
export { parseId } from '$lib/domain/ids';

/** A body SvelteKit lets through but cannot parse (a broken multipart) must not become a 500. */
export async function readForm(request: Request): Promise<FormData | null> {
	try {
		return await request.formData();
	} catch {
		return null;
	}
}

/** A text field, or '' when absent or a file; the ceiling is far above any field's maximum. */
export function textField(form: FormData, name: string, ceiling = 5000): string {
	const value = form.get(name);
	return typeof value === 'string' ? value.slice(0, ceiling) : '';
}

export const reasonSchema = z
	.string()
	.trim()
	.min(3, { error: 'Indiquez la raison du refus (3 caractères au moins) : elle est envoyée à la personne.' })
	.max(500, { error: 'La raison compte 500 caractères au plus.' });

export const noteSchema = z.string().trim().max(500, { error: 'La note compte 500 caractères au plus.' });

export const emailSchema = z
	.string()
	.trim()
	.pipe(z.email({ error: 'Adresse e-mail invalide : elle doit ressembler à nom@exemple.fr.' }).max(254, { error: 'Adresse e-mail trop longue.' }));

export const monthsSchema = z
	.string()
	.trim()
	.regex(/^[0-9]{1,2}$/, { error: 'Indiquez un nombre entier de mois, entre 1 et 60.' })
	.transform(Number)
	.pipe(z.number().int().min(1, { error: 'Indiquez un nombre entier de mois, entre 1 et 60.' }).max(60, { error: 'Indiquez un nombre entier de mois, entre 1 et 60.' }));

/** The first message per field, as the pages show them. */
export function errorsByField(error: z.ZodError, fallbackField = 'form'): Record<string, string> {
	const errors: Record<string, string> = {};
	for (const issue of error.issues) {
		const key = issue.path.length > 0 ? String(issue.path[0]) : fallbackField;
		errors[key] ??= issue.message;
	}
	return errors;
}

export const UNREADABLE_FORM = 'Le formulaire envoyé est illisible. Rechargez la page et réessayez.';
