import { z } from 'zod';
import { NETWORK_THEME_CODES } from '$lib/domain/network/themes';
import { emailSchema, errorsByField, textField } from '../admin/input';
import type { EditionValues } from '../db/queries/network-editions';
import type { RegistrationInput } from './registrations';

/** The network's two forms, read without throwing: what was typed comes back on error, with French messages by field. */

const optionalText = (max: number, label: string) =>
	z
		.string()
		.trim()
		.max(max, { error: `${label} : ${max.toLocaleString('fr-FR')} caractères au plus.` })
		.transform((v) => (v === '' ? null : v));

const optionalId = z
	.string()
	.trim()
	.regex(/^(|[1-9]\d{0,8})$/, { error: 'Choisissez dans la liste.' })
	.transform((v) => (v === '' ? null : Number(v)));

const optionalCount = (label: string) =>
	z
		.string()
		.trim()
		.regex(/^(|\d{1,4})$/, { error: `${label} : un nombre entier entre 0 et 9 999.` })
		.transform((v) => (v === '' ? null : Number(v)));

const time = z
	.string()
	.trim()
	.regex(/^(|([01]\d|2[0-3]):[0-5]\d)$/, { error: 'Une heure comme 09:00.' })
	.transform((v) => (v === '' ? null : v));

const registrationSchema = z
	.object({
		nom: z.string().trim().min(2, { error: 'Indiquez vos nom et prénom.' }).max(120, { error: '120 caractères au plus.' }),
		email: emailSchema,
		structure: optionalId,
		structure_autre: optionalText(200, 'Structure'),
		besoins: optionalText(500, 'Besoins')
	})
	.refine((v) => v.structure !== null || v.structure_autre !== null, {
		path: ['structure'],
		error: 'Choisissez votre structure dans la liste, ou écrivez son nom si elle n’y est pas.'
	});

export const REGISTRATION_FIELDS = ['nom', 'email', 'structure', 'structure_autre', 'besoins'] as const;

export type FormResult<T> = { ok: true; data: T; values: Record<string, string> } | { ok: false; values: Record<string, string>; errors: Record<string, string> };

export function readRegistration(form: FormData): FormResult<RegistrationInput> {
	const values = Object.fromEntries(REGISTRATION_FIELDS.map((f) => [f, textField(form, f, 2000)]));
	const parsed = registrationSchema.safeParse(values);
	if (!parsed.success) return { ok: false, values, errors: errorsByField(parsed.error) };
	const d = parsed.data;
	return {
		ok: true,
		values,
		data: { name: d.nom, email: d.email, actorId: d.structure, structureName: d.structure === null ? d.structure_autre : null, needs: d.besoins }
	};
}

const editionSchema = z
	.object({
		numero: z
			.string()
			.trim()
			.regex(/^[1-9]\d{0,3}$/, { error: 'Le numéro de l’édition : un nombre entier, 1 ou plus.' })
			.transform(Number),
		date: z
			.string()
			.trim()
			.regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Une date comme 2026-03-13.' })
			.refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), {
				error: 'Cette date n’existe pas.'
			}),
		debut: time,
		fin: time,
		theme: z.enum(['', ...NETWORK_THEME_CODES], { error: 'Choisissez une thématique de la liste.' }),
		titre: z.string().trim().min(3, { error: 'Le titre de l’édition (3 caractères au moins).' }).max(300, { error: '300 caractères au plus.' }),
		lieu: optionalId,
		lieu_nom: optionalText(200, 'Lieu'),
		programme: optionalText(5000, 'Programme'),
		resume: optionalText(5000, 'Compte rendu'),
		participants: optionalCount('Participants'),
		capacite: optionalCount('Places'),
		inscriptions: z.enum(['', 'ouvertes'])
	})
	.refine((v) => v.fin === null || (v.debut !== null && v.fin > v.debut), { path: ['fin'], error: 'L’heure de fin vient après celle du début.' })
	.refine((v) => v.inscriptions === '' || (v.capacite !== null && v.capacite > 0), {
		path: ['capacite'],
		error: 'Indiquez le nombre de places pour ouvrir les inscriptions.'
	});

export const EDITION_FIELDS = ['numero', 'date', 'debut', 'fin', 'theme', 'titre', 'lieu', 'lieu_nom', 'programme', 'resume', 'participants', 'capacite', 'inscriptions'] as const;

export function readEdition(form: FormData): FormResult<EditionValues> {
	const values = Object.fromEntries(EDITION_FIELDS.map((f) => [f, textField(form, f, 6000)]));
	const parsed = editionSchema.safeParse(values);
	if (!parsed.success) return { ok: false, values, errors: errorsByField(parsed.error) };
	const d = parsed.data;
	return {
		ok: true,
		values,
		data: {
			number: d.numero,
			heldOn: d.date,
			startsAt: d.debut,
			endsAt: d.fin,
			theme: d.theme === '' ? null : d.theme,
			title: d.titre,
			placeId: d.lieu,
			placeName: d.lieu === null ? d.lieu_nom : null,
			programme: d.programme,
			summary: d.resume,
			participants: d.participants,
			capacity: d.capacite,
			registrationOpen: d.inscriptions === 'ouvertes'
		}
	};
}

/** The form's values for an edition as stored, to fill the edit page. */
export function editionValues(e: EditionValues & { typedPlaceName?: string | null }): Record<string, string> {
	return {
		numero: String(e.number),
		date: e.heldOn,
		debut: e.startsAt ?? '',
		fin: e.endsAt ?? '',
		theme: e.theme ?? '',
		titre: e.title,
		lieu: e.placeId === null ? '' : String(e.placeId),
		lieu_nom: e.typedPlaceName ?? '',
		programme: e.programme ?? '',
		resume: e.summary ?? '',
		participants: e.participants === null ? '' : String(e.participants),
		capacite: e.capacity === null ? '' : String(e.capacity),
		inscriptions: e.registrationOpen ? 'ouvertes' : ''
	};
}
