/**
 * The life of a referral. `awaiting_sender`: a worker without an account has not yet confirmed it
 * from their professional mailbox, nothing has gone to the structure. `sent` → `seen` when the
 * structure opens it; `accepted`, `refused` and `expired` close it (then the 90-day erasure clock
 * starts). A closed referral never reopens: a refused one is sent again as a new referral.
 */

export const REFERRAL_STATUSES = ['awaiting_sender', 'sent', 'seen', 'accepted', 'refused', 'expired'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export const STATUS_LABELS: Record<ReferralStatus, string> = {
	awaiting_sender: 'à confirmer par l’expéditeur',
	sent: 'envoyée',
	seen: 'vue',
	accepted: 'acceptée',
	refused: 'refusée',
	expired: 'expirée'
};

const NEXT: Record<ReferralStatus, readonly ReferralStatus[]> = {
	awaiting_sender: ['sent', 'expired'],
	sent: ['seen', 'accepted', 'refused', 'expired'],
	seen: ['accepted', 'refused', 'expired'],
	accepted: [],
	refused: [],
	expired: []
};

export function canMove(from: ReferralStatus, to: ReferralStatus): boolean {
	return NEXT[from].includes(to);
}

/** The statuses a move to `to` may start from (the conditional update's `where status in …`). */
export function sourcesOf(to: ReferralStatus): ReferralStatus[] {
	return REFERRAL_STATUSES.filter((from) => canMove(from, to));
}

export const isClosed = (status: ReferralStatus): boolean => NEXT[status].length === 0;
export const isAnswerable = (status: ReferralStatus): boolean => status === 'sent' || status === 'seen';

/** Days a sent referral waits for an answer before it expires. */
export const EXPIRY_DAYS = 30;
/** Working days without an answer before the one reminder. */
export const REMINDER_WORKING_DAYS = 5;
/** Days after closing when the resident's fields are erased. */
export const ERASURE_DAYS = 90;
/** Hours a worker without an account has to confirm from their mailbox. */
export const SENDER_CONFIRMATION_HOURS = 24;

export const REFUSAL_REASONS = ['full', 'out_of_scope', 'public_not_served', 'unreachable', 'other'] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];
export const REFUSAL_LABELS: Record<RefusalReason, string> = {
	full: 'complet',
	out_of_scope: 'hors de nos missions',
	public_not_served: 'public non accueilli',
	unreachable: 'personne injoignable',
	other: 'autre'
};

export const NEXT_STEPS = ['callback', 'appointment'] as const;
export type NextStep = (typeof NEXT_STEPS)[number];
export const NEXT_STEP_LABELS: Record<NextStep, string> = {
	callback: 'nous rappelons la personne',
	appointment: 'rendez-vous le…'
};
