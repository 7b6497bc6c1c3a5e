import { parisDate } from '$lib/domain/network/editions';
import { isNetworkTheme, networkThemeLabel, NETWORK_THEME_CODES } from '$lib/domain/network/themes';
import { audit } from '../audit';
import { randomToken, sha256 } from '../auth/secrets';
import type { SignedInUser } from '../auth/users';
import type { DB } from '../db/connect';
import * as surveys from '../db/queries/network-surveys';
import { inTransaction, lockKey } from '../db/transaction';
import { sendMailSafely } from '../mail/transport';

/**
 * The priorities survey: the coordinator proposes network themes for the next editions; each
 * member (signed in) or past participant (single-use link by mail) answers once; the counts are
 * the coordinator's while it runs, everyone's once it is closed.
 */

export const surveyPath = (raw: string) => `/reseau/enquete/${raw}`;

export type OpenResult = { ok: true; id: number } | { ok: false; errors: Record<string, string> };

export async function openSurvey(db: DB, user: SignedInUser, input: { title: string; themes: string[]; maxChoices: number }, now = new Date()): Promise<OpenResult> {
	return inTransaction(db, async (trx) => {
		await lockKey(trx, 'network-survey');
		if (await surveys.current(trx)) return { ok: false, errors: { form: 'Une enquête est déjà ouverte : clôturez-la avant d’en ouvrir une autre.' } };
		const themes = NETWORK_THEME_CODES.filter((c) => input.themes.includes(c));
		const id = await surveys.create(trx, { ...input, themes, openedAt: now.toISOString(), createdBy: user.id });
		await audit(trx, { userId: user.id, action: 'network.survey.open', entity: 'network_survey', entityId: id, detail: { themes } }, now);
		return { ok: true, id };
	});
}

export async function closeSurvey(db: DB, user: SignedInUser, id: number, now = new Date()): Promise<boolean> {
	return inTransaction(db, async (trx) => {
		if (!(await surveys.close(trx, id, now.toISOString()))) return false;
		await audit(trx, { userId: user.id, action: 'network.survey.close', entity: 'network_survey', entityId: id }, now);
		return true;
	});
}

/** One link per past participant, once per survey whatever the number of clicks on « inviter ». */
export async function inviteParticipants(db: DB, user: SignedInUser, origin: string, now = new Date()): Promise<{ invited: number } | null> {
	const survey = await surveys.current(db);
	if (!survey) return null;
	const mails: { to: string; raw: string }[] = [];
	await inTransaction(db, async (trx) => {
		for (const email of await surveys.pastParticipants(trx, parisDate(now))) {
			const raw = randomToken();
			if (await surveys.addInvitation(trx, { surveyId: survey.id, email, tokenHash: sha256(raw), at: now.toISOString() })) mails.push({ to: email, raw });
		}
		await audit(trx, { userId: user.id, action: 'network.survey.invite', entity: 'network_survey', entityId: survey.id, detail: { invited: mails.length } }, now);
	});
	for (const m of mails) {
		await sendMailSafely(db, {
			to: m.to,
			subject: `Enquête : ${survey.title}`,
			text:
				`Bonjour,\n\nVous avez participé au Petit-déjeuner de l’inclusion numérique. Quelles thématiques voulez-vous pour les prochaines éditions ?\n\n` +
				`Répondez ici (une minute, une seule réponse, ce lien ne sert qu’une fois) :\n${origin}${surveyPath(m.raw)}\n\n` +
				`Votre réponse est comptée sans votre nom ; le lien entre elle et votre adresse est effacé 30 jours après la clôture de l’enquête.` +
				`\n\n—\nPetit-déjeuner de l’inclusion numérique\nVille de Roubaix, coordination de l’inclusion numérique`
		});
	}
	return { invited: mails.length };
}

export type ChoicesCheck = { ok: true; choices: string[] } | { ok: false; message: string };

export function checkChoices(survey: surveys.Survey, typed: unknown[]): ChoicesCheck {
	const choices = [...new Set(typed.filter((t): t is string => typeof t === 'string'))];
	if (choices.length === 0) return { ok: false, message: 'Cochez au moins une thématique.' };
	if (!choices.every((c) => isNetworkTheme(c) && survey.themes.includes(c))) return { ok: false, message: 'Cochez des thématiques de la liste.' };
	if (choices.length > survey.maxChoices) return { ok: false, message: `Cochez ${survey.maxChoices} thématiques au plus.` };
	return { ok: true, choices };
}

export type AnswerResult = { ok: true } | { ok: false; reason: 'closed' | 'already' | 'invalid'; message: string };

const ALREADY = 'Vous avez déjà répondu à cette enquête : une seule réponse par personne. Merci !';

export async function answerAsMember(db: DB, user: SignedInUser, surveyId: number, typed: unknown[], now = new Date()): Promise<AnswerResult> {
	const survey = await surveys.byId(db, surveyId);
	if (!survey || survey.closedAt) return { ok: false, reason: 'closed', message: 'Cette enquête est close.' };
	const check = checkChoices(survey, typed);
	if (!check.ok) return { ok: false, reason: 'invalid', message: check.message };
	return inTransaction(db, async (trx) => {
		if (!(await surveys.addAnswer(trx, { surveyId, choices: check.choices, userId: user.id, invitationId: null, at: now.toISOString() }))) {
			return { ok: false, reason: 'already', message: ALREADY };
		}
		await audit(trx, { userId: user.id, action: 'network.survey.answer', entity: 'network_survey', entityId: surveyId }, now);
		return { ok: true };
	});
}

/** What an invitation link points to, without using it. */
export async function surveyOfLink(db: DB, raw: string) {
	if (!/^[A-Za-z0-9_-]{20,100}$/.test(raw)) return null;
	const invitation = await surveys.invitationByHash(db, sha256(raw));
	if (!invitation) return null;
	const survey = await surveys.byId(db, invitation.surveyId);
	return survey ? { invitation, survey } : null;
}

export async function answerByLink(db: DB, raw: string, typed: unknown[], now = new Date()): Promise<AnswerResult> {
	const found = await surveyOfLink(db, raw);
	if (!found) return { ok: false, reason: 'invalid', message: 'Ce lien n’est pas valide. Vérifiez qu’il a été copié en entier depuis le courriel.' };
	const { invitation, survey } = found;
	if (survey.closedAt) return { ok: false, reason: 'closed', message: 'Cette enquête est close.' };
	if (invitation.usedAt) return { ok: false, reason: 'already', message: ALREADY };
	const check = checkChoices(survey, typed);
	if (!check.ok) return { ok: false, reason: 'invalid', message: check.message };
	return inTransaction(db, async (trx) => {
		if (!(await surveys.useInvitation(trx, invitation.id, now.toISOString()))) return { ok: false, reason: 'already', message: ALREADY };
		await surveys.addAnswer(trx, { surveyId: survey.id, choices: check.choices, userId: null, invitationId: invitation.id, at: now.toISOString() });
		await audit(trx, { userId: null, action: 'network.survey.answer', entity: 'network_survey', entityId: survey.id }, now);
		return { ok: true };
	});
}

/** The counts, most chosen first, in words. */
export async function results(db: DB, survey: surveys.Survey) {
	const { answers, byTheme } = await surveys.counts(db, survey.id);
	const rows = survey.themes.map((t) => ({ theme: t, label: networkThemeLabel(t) ?? t, count: byTheme[t] ?? 0 })).sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'fr'));
	return { answers, rows };
}
