import { z } from 'zod';
import { LANGUAGES } from '$lib/domain/orientation/choices';

/** The send form, read and checked at the server; every message in French, next to its field. */

const optional = (max: number, message: string) => z.string().trim().max(max, { error: message });

export const sendSchema = z
	.object({
		offre: z.string().regex(/^\d{1,9}$/, { error: 'Choisissez l’offre à laquelle adresser la personne.' }).transform(Number),
		cle: z.string().regex(/^[A-Za-z0-9_-]{16,100}$/, { error: 'Formulaire incomplet : rechargez la page.' }),
		precedent: z.union([z.literal(''), z.string().regex(/^\d{1,9}$/, { error: 'Adressage précédent inconnu.' })]).transform((v) => (v ? Number(v) : null)),
		prenom: z.string().trim().min(1, { error: 'Indiquez le prénom ou les initiales de la personne.' }).max(40, { error: '40 caractères au plus : le prénom ou les initiales suffisent.' }),
		telephone: optional(20, 'Numéro trop long.').refine((v) => v === '' || /^\+?[0-9 .()-]{10,20}$/.test(v), { error: 'Numéro de téléphone illisible (par exemple 06 12 34 56 78).' }),
		courriel: optional(254, 'Adresse trop longue.').refine((v) => v === '' || z.email().safeParse(v).success, { error: 'Adresse e-mail illisible.' }),
		presentera: z.boolean(),
		langue: z.union([z.literal(''), z.enum(['fr', ...LANGUAGES.map((l) => l.code)] as [string, ...string[]], { error: 'Langue inconnue.' })]),
		note: optional(500, '500 caractères au plus.'),
		consentement: z.literal(true, { error: 'Lisez la mention à la personne et cochez son accord : sans lui, rien n’est envoyé.' }),
		expediteur: optional(254, 'Adresse trop longue.')
	})
	.superRefine((v, ctx) => {
		if (!v.telephone && !v.courriel && !v.presentera) ctx.addIssue({ code: 'custom', path: ['telephone'], message: NO_CONTACT });
	});

/** Checked on the raw values too: zod skips the refinement above while another field is wrong. */
export const NO_CONTACT = 'Donnez un téléphone ou un e-mail, ou cochez « la personne se présentera ».';
export const lacksContact = (v: { telephone: string; courriel: string; presentera: boolean }): boolean => !v.telephone.trim() && !v.courriel.trim() && !v.presentera;

export type SendInput = z.infer<typeof sendSchema>;

export const FIELDS = ['offre', 'cle', 'precedent', 'prenom', 'telephone', 'courriel', 'langue', 'note', 'expediteur'] as const;

/** What was typed, as strings (to show back on error), cut to a sane length. */
export function sendValues(form: FormData) {
	const values = {} as Record<(typeof FIELDS)[number], string>;
	for (const name of FIELDS) {
		const v = form.get(name);
		values[name] = typeof v === 'string' ? v.slice(0, 600) : '';
	}
	return { ...values, presentera: form.get('presentera') === 'on', consentement: form.get('consentement') === 'on' };
}

/** The sender without an account: a professional address, checked like the others. */
export const senderEmail = z.email({ error: 'Donnez votre adresse e-mail professionnelle : le lien de confirmation y sera envoyé.' });

export const answerSchema = z.discriminatedUnion('decision', [
	z.object({
		decision: z.literal('accept'),
		suite: z.enum(['callback', 'appointment'], { error: 'Dites ce qui se passe ensuite.' }),
		rendezvous: optional(80, '80 caractères au plus.'),
		precision: optional(300, '300 caractères au plus.')
	}),
	z.object({
		decision: z.literal('refuse'),
		motif: z.enum(['full', 'out_of_scope', 'public_not_served', 'unreachable', 'other'], { error: 'Choisissez le motif du refus.' }),
		lieu: z.union([z.literal(''), z.string().regex(/^\d{1,9}$/, { error: 'Lieu inconnu.' })]).transform((v) => (v ? Number(v) : null)),
		precision: optional(300, '300 caractères au plus.')
	})
], { error: 'Choisissez d’accepter ou de refuser.' });

export type AnswerInput = z.infer<typeof answerSchema>;

export function answerValues(form: FormData) {
	const get = (n: string) => {
		const v = form.get(n);
		return typeof v === 'string' ? v.slice(0, 400) : '';
	};
	return { decision: get('decision'), suite: get('suite'), rendezvous: get('rendezvous'), motif: get('motif'), lieu: get('lieu'), precision: get('precision') };
}

export const firstErrors = (issues: readonly { path: readonly PropertyKey[]; message: string }[]): Record<string, string> => {
	const out: Record<string, string> = {};
	for (const i of issues) {
		const key = String(i.path[0] ?? 'form');
		out[key] ??= i.message;
	}
	return out;
};
