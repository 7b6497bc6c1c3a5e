import { audit } from '../audit';
import type { DB } from '../db/connect';
import * as referrals from '../db/queries/referrals';
import * as referralTokens from '../db/queries/referral-tokens';
import * as referralPlaces from '../db/queries/referral-places';
import { inTransaction } from '../db/transaction';
import { sendMailSafely, type Mail } from '../mail/transport';
import { EVERYDAY_NEEDS } from '$lib/domain/orientation/needs';
import { EXPIRY_DAYS, SENDER_CONFIRMATION_HOURS } from '$lib/domain/referrals/status';
import type { SendInput } from './input';
import { issueLink } from './links';
import { referralMail, senderConfirmationMail } from './mails';

/** What the orientation said about the resident: never a name or an address. */
export interface ReferralContext {
	needs: string[];
	autonomy: string | null;
	constraints: Record<string, unknown>;
	irisCode: string | null;
	areaCode: string | null;
}

export interface Sender {
	userId: number | null;
	email: string;
}

export type SendResult =
	| { ok: true; id: number; status: 'sent' | 'awaiting_sender'; duplicate: boolean }
	| { ok: false; errors: Record<string, string> };

const DAY_MS = 86_400_000;

export const needsInWords = (codes: readonly string[]): string =>
	codes.map((c) => EVERYDAY_NEEDS.find((n) => n.code === c)?.label ?? c).join(', ') || 'besoin non précisé';

export const dateInWords = (iso: string): string =>
	new Date(iso).toLocaleDateString('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' });

/** Why a place cannot receive a referral by mail, or null when it can. */
export function unreachableReason(d: referralPlaces.Destination): string | null {
	if (d.status === 'closed') return 'Cette offre est fermée : choisissez un autre lieu.';
	if (d.email) return null;
	return d.phone
		? `Ce lieu n’a pas d’adresse e-mail : l’adressage ne peut pas lui être envoyé. Appelez le ${d.phone}.`
		: 'Ce lieu n’a ni adresse e-mail ni téléphone connus : l’adressage ne peut pas lui être envoyé.';
}

/** The mail that takes a sent referral to the structure, with a fresh answer link. */
export async function structureMail(db: DB, id: number, origin: string, now: Date): Promise<Mail> {
	const r = (await referrals.byId(db, id))!;
	const raw = await issueLink(db, id, 'answer', r.expiresAt!, now);
	return referralMail(
		r.recipientEmail,
		{ placeName: r.placeName, residentName: r.residentName ?? '', needs: needsInWords(r.needs), senderEmail: r.senderEmail },
		`${origin}/adresser/reponse/${raw}`,
		dateInWords(r.expiresAt!)
	);
}

/**
 * Records a referral and mails it: to the structure when the sender is signed in, else to the
 * sender's professional address for confirmation first. The idempotency key makes a second post
 * of the same form (a double click, a reload) return the first referral without mailing again.
 */
export async function sendReferral(db: DB, input: SendInput, context: ReferralContext, sender: Sender, origin: string, now = new Date()): Promise<SendResult> {
	const destination = await referralPlaces.destination(db, input.offre);
	if (!destination) return { ok: false, errors: { offre: 'Cette offre n’existe pas (ou plus).' } };
	const problem = unreachableReason(destination);
	if (problem) return { ok: false, errors: { form: problem } };
	if (input.precedent !== null) {
		const previous = await referrals.byId(db, input.precedent);
		const mine = previous && (previous.senderUserId === sender.userId && sender.userId !== null ? true : previous.senderEmail === sender.email);
		if (!previous || !mine || previous.status !== 'refused') return { ok: false, errors: { form: 'L’adressage refusé que vous renvoyez est introuvable parmi les vôtres.' } };
	}
	const direct = sender.userId !== null;
	const status = direct ? 'sent' : 'awaiting_sender';
	let mail: Mail | null = null;
	const created = await inTransaction(db, async (trx) => {
		const result = await referrals.create(trx, {
			createdAt: now.toISOString(),
			status,
			offerId: destination.offerId,
			placeId: destination.placeId,
			actorId: destination.actorId,
			recipientEmail: destination.email!,
			senderUserId: sender.userId,
			senderEmail: sender.email,
			needs: context.needs,
			level: destination.level,
			autonomy: context.autonomy,
			constraints: context.constraints,
			irisCode: context.irisCode,
			areaCode: context.areaCode,
			residentName: input.prenom,
			residentPhone: input.telephone || null,
			residentEmail: input.courriel || null,
			residentWillCome: input.presentera,
			residentLanguage: input.langue || null,
			note: input.note || null,
			consentAt: now.toISOString(),
			idempotencyKey: input.cle,
			previousId: input.precedent,
			sentAt: direct ? now.toISOString() : null,
			expiresAt: new Date(now.getTime() + (direct ? EXPIRY_DAYS * DAY_MS : SENDER_CONFIRMATION_HOURS * 3_600_000)).toISOString()
		});
		if (!result.created) return result;
		await audit(trx, { userId: sender.userId, action: 'referral.create', entity: 'referral', entityId: result.id, detail: { offerId: destination.offerId, actorId: destination.actorId, status, previousId: input.precedent } }, now);
		if (direct) mail = await structureMail(trx, result.id, origin, now);
		else {
			const expires = new Date(now.getTime() + SENDER_CONFIRMATION_HOURS * 3_600_000).toISOString();
			const raw = await issueLink(trx, result.id, 'confirm', expires, now);
			mail = senderConfirmationMail(sender.email, destination.placeName, `${origin}/adresser/confirmer/${raw}`);
		}
		return result;
	});
	// Mail never undoes the committed referral; a failed send is logged (sendMailSafely).
	if (mail) await sendMailSafely(db, mail);
	if (!created.created) {
		const existing = await referrals.byId(db, created.id);
		return { ok: true, id: created.id, status: existing?.status === 'awaiting_sender' ? 'awaiting_sender' : 'sent', duplicate: true };
	}
	return { ok: true, id: created.id, status, duplicate: false };
}

/** The confirmation link of a sender without an account: the referral now goes to the structure. */
export async function confirmSender(db: DB, referralId: number, origin: string, now = new Date()): Promise<boolean> {
	let mail: Mail | null = null;
	const moved = await inTransaction(db, async (trx) => {
		const expiresAt = new Date(now.getTime() + EXPIRY_DAYS * DAY_MS).toISOString();
		if (!(await referrals.move(trx, referralId, ['awaiting_sender'], 'sent', { sent_at: now.toISOString(), expires_at: expiresAt }))) return false;
		await referralTokens.useTokens(trx, referralId, 'confirm', now.toISOString());
		await audit(trx, { userId: null, action: 'referral.confirm', entity: 'referral', entityId: referralId }, now);
		mail = await structureMail(trx, referralId, origin, now);
		return true;
	});
	if (mail) await sendMailSafely(db, mail);
	return moved;
}
