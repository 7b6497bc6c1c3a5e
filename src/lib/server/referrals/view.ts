import { LANGUAGES } from '$lib/domain/orientation/choices';
import { EVERYDAY_NEEDS } from '$lib/domain/orientation/needs';
import { LEVEL_INFO, type LevelOrUnknown } from '$lib/domain/levels';
import { NEXT_STEP_LABELS, REFUSAL_LABELS, STATUS_LABELS } from '$lib/domain/referrals/status';
import type { Referral } from '../db/queries/referrals';

/** Referrals as the pages show them: every code in words, dates in Paris time. */

/** The context in words, for the form and the structure's page. */
export function contextWords(c: { needs: string[]; constraints: Record<string, unknown> }, level: string | null) {
	const languages = (c.constraints.languages as string[] | undefined) ?? [];
	return {
		needs: c.needs.map((code) => EVERYDAY_NEEDS.find((n) => n.code === code)?.label ?? code),
		level: LEVEL_INFO[(level ?? 'unknown') as LevelOrUnknown]?.label ?? 'à préciser',
		constraints: [
			...languages.map((code) => `parle ${LANGUAGES.find((l) => l.code === code)?.label.toLowerCase() ?? code}`),
			...(c.constraints.freeOnly ? ['gratuit seulement'] : []),
			...(c.constraints.withoutAppointment ? ['sans rendez-vous'] : [])
		]
	};
}

export const languageLabel = (code: string | null): string | null =>
	code === null ? null : code === 'fr' ? 'Français' : (LANGUAGES.find((l) => l.code === code)?.label ?? code);

const when = (iso: string | null) =>
	iso ? new Date(iso).toLocaleString('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' }) : null;

export function referralView(r: Referral) {
	const words = contextWords(r, r.level);
	return {
		id: r.id,
		status: r.status,
		statusLabel: STATUS_LABELS[r.status],
		open: r.status === 'sent' || r.status === 'seen',
		placeId: r.placeId,
		placeName: r.placeName,
		actorName: r.actorName,
		...words,
		residentName: r.residentName,
		phone: r.residentPhone,
		email: r.residentEmail,
		willCome: r.residentWillCome,
		language: languageLabel(r.residentLanguage),
		note: r.note,
		senderEmail: r.senderEmail,
		sentAt: when(r.sentAt),
		answeredAt: when(r.answeredAt),
		expiresAt: when(r.expiresAt),
		erased: r.erasedAt !== null,
		nextStep: r.nextStep ? (r.nextStep === 'appointment' ? `rendez-vous le ${r.appointment ?? '…'}` : NEXT_STEP_LABELS[r.nextStep]) : null,
		refusal: r.refusalReason ? REFUSAL_LABELS[r.refusalReason] : null,
		answerNote: r.answerNote,
		suggested: r.suggestedPlaceId !== null ? { id: r.suggestedPlaceId, name: r.suggestedPlaceName ?? '' } : null
	};
}

export type ReferralView = ReturnType<typeof referralView>;
