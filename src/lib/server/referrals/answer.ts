import { audit } from '../audit';
import type { DB } from '../db/connect';
import * as places from '../db/queries/places';
import * as referrals from '../db/queries/referrals';
import * as referralTokens from '../db/queries/referral-tokens';
import { inTransaction } from '../db/transaction';
import { sendMailSafely } from '../mail/transport';
import { isAnswerable } from '$lib/domain/referrals/status';
import type { AnswerInput } from './input';
import { outcomeMail } from './mails';

export type AnswerResult = { ok: true; status: 'accepted' | 'refused' } | { ok: false; errors: Record<string, string> };

export const ALREADY_ANSWERED = 'Cet adressage a déjà reçu sa réponse (ou a expiré) : rien n’a changé.';

/**
 * The structure's answer, from the mailed link (`by` null) or from /espace (a member). One answer
 * only: the move is conditional on the referral still being open, and every answer link of the
 * referral is used up with it. The sender is told by mail.
 */
export async function answerReferral(db: DB, referralId: number, input: AnswerInput, by: number | null, origin: string, now = new Date()): Promise<AnswerResult> {
	const referral = await referrals.byId(db, referralId);
	if (!referral || !isAnswerable(referral.status)) return { ok: false, errors: { form: ALREADY_ANSWERED } };
	let suggestion: string | null = null;
	if (input.decision === 'refuse' && input.lieu !== null) {
		const place = await places.summary(db, input.lieu);
		if (!place || place.id === referral.placeId) return { ok: false, errors: { lieu: 'Choisissez un autre lieu de l’annuaire (ou aucun).' } };
		suggestion = `${place.name}, ${place.address}`;
	}
	if (input.decision === 'accept' && input.suite === 'appointment' && !input.rendezvous) {
		return { ok: false, errors: { rendezvous: 'Indiquez la date et l’heure du rendez-vous.' } };
	}
	const at = now.toISOString();
	const status = input.decision === 'accept' ? 'accepted' : 'refused';
	const moved = await inTransaction(db, async (trx) => {
		const change: referrals.Change =
			input.decision === 'accept'
				? { next_step: input.suite, appointment: input.suite === 'appointment' ? input.rendezvous : null, answer_note: input.precision || null }
				: { refusal_reason: input.motif, suggested_place_id: input.lieu, answer_note: input.precision || null };
		if (!(await referrals.move(trx, referralId, ['sent', 'seen'], status, { ...change, answered_at: at, answered_by: by, closed_at: at }))) return false;
		await referralTokens.useTokens(trx, referralId, 'answer', at);
		await audit(
			trx,
			{
				userId: by,
				action: status === 'accepted' ? 'referral.accept' : 'referral.refuse',
				entity: 'referral',
				entityId: referralId,
				detail: input.decision === 'refuse' ? { reason: input.motif, suggestedPlaceId: input.lieu } : { nextStep: input.suite }
			},
			now
		);
		return true;
	});
	if (!moved) return { ok: false, errors: { form: ALREADY_ANSWERED } };
	const detail = input.decision === 'accept' ? (input.suite === 'appointment' ? `rendez-vous le ${input.rendezvous}` : 'la structure rappelle la personne') : null;
	await sendMailSafely(
		db,
		outcomeMail(
			referral.senderEmail,
			{ placeName: referral.placeName, residentName: referral.residentName ?? '', status, detail: [detail, input.precision].filter(Boolean).join(' — ') || null, reason: input.decision === 'refuse' ? input.motif : null, suggestion },
			`${origin}/espace/orientations`
		)
	);
	return { ok: true, status };
}

/** The structure opened the referral (link or /espace): « vue » for the sender. */
export async function markSeen(db: DB, referralId: number, by: number | null, now = new Date()): Promise<void> {
	await inTransaction(db, async (trx) => {
		if (await referrals.move(trx, referralId, ['sent'], 'seen', { seen_at: now.toISOString() })) {
			await audit(trx, { userId: by, action: 'referral.seen', entity: 'referral', entityId: referralId }, now);
		}
	});
}
