import { parisDate } from '$lib/domain/network/editions';
import { acceptsRegistrations, placeFor, reminderDate, seatsToFill } from '$lib/domain/network/seats';
import { audit } from '../audit';
import { randomToken, sha256 } from '../auth/secrets';
import type { DB } from '../db/connect';
import * as editions from '../db/queries/network-editions';
import * as registrations from '../db/queries/network-registrations';
import { inTransaction, lockKey } from '../db/transaction';
import { sendMail, sendMailSafely, type Mail } from '../mail/transport';
import { cancelledMail, reminderMail, seatMail, waitingMail } from './mails';

/**
 * Registering, cancelling and moving up the waiting list. Each runs in one transaction under a
 * lock per edition, so two people taking the last seat at once cannot both get it (on PostgreSQL
 * across instances too); the mails go after the commit and a failed send undoes nothing.
 */

export interface RegistrationInput {
	name: string;
	email: string;
	actorId: number | null;
	structureName: string | null;
	needs: string | null;
}

export type RegisterResult = { ok: true; status: 'confirmed' | 'waiting' } | { ok: false; reason: 'closed' | 'duplicate' };

export const cancelPath = (raw: string) => `/reseau/annuler/${raw}`;
const lock = (editionId: number) => `network-registration:${editionId}`;

export async function register(db: DB, editionId: number, input: RegistrationInput, origin: string, now = new Date()): Promise<RegisterResult> {
	const raw = randomToken();
	const outcome = await inTransaction(db, async (trx): Promise<RegisterResult & { id?: number }> => {
		await lockKey(trx, lock(editionId));
		const edition = await editions.byId(trx, editionId);
		if (!edition || !acceptsRegistrations(edition, now)) return { ok: false, reason: 'closed' };
		if (await registrations.activeByEmail(trx, editionId, input.email)) return { ok: false, reason: 'duplicate' };
		const counts = await registrations.countByStatus(trx, editionId);
		const status = placeFor(counts.confirmed, edition.capacity!);
		const id = await registrations.insert(trx, { editionId, ...input, status, cancelHash: sha256(raw), createdAt: now.toISOString() });
		await audit(trx, { userId: null, action: 'network.register', entity: 'network_registration', entityId: id, detail: { edition: edition.number, status } }, now);
		return { ok: true, status, id };
	});
	if (!outcome.ok) return outcome;
	const edition = (await editions.byId(db, editionId))!;
	const link = origin + cancelPath(raw);
	await sendMailSafely(
		db,
		outcome.status === 'confirmed' ? seatMail(input.email, edition, outcome.id!, link, origin, now) : waitingMail(input.email, edition, link)
	);
	return { ok: true, status: outcome.status };
}

/** What a cancel link points to, without using it (the page that shows the button). */
export async function registrationOfLink(db: DB, raw: string) {
	if (!/^[A-Za-z0-9_-]{20,100}$/.test(raw)) return null;
	const registration = await registrations.byCancelHash(db, sha256(raw));
	if (!registration) return null;
	const edition = await editions.byId(db, registration.editionId);
	return edition ? { registration, edition } : null;
}

/**
 * Gives the seats that are free to the first in line, each with a new cancel link (the mail
 * carries it; the one of the waiting-list mail stops working). Inside the caller's transaction;
 * returns the mails to send after it commits.
 */
export async function fillSeats(trx: DB, editionId: number, origin: string, now: Date): Promise<Mail[]> {
	const edition = await editions.byId(trx, editionId);
	if (!edition || edition.capacity === null || edition.heldOn < parisDate(now)) return [];
	const counts = await registrations.countByStatus(trx, editionId);
	const mails: Mail[] = [];
	for (let n = seatsToFill(counts.confirmed, edition.capacity, counts.waiting); n > 0; n--) {
		const id = await registrations.firstWaiting(trx, editionId);
		if (id === null || !(await registrations.promote(trx, id, now.toISOString()))) break;
		const raw = randomToken();
		await registrations.setCancelHash(trx, id, sha256(raw));
		await audit(trx, { userId: null, action: 'network.promote', entity: 'network_registration', entityId: id, detail: { edition: edition.number } }, now);
		const person = (await registrations.byId(trx, id))!;
		mails.push(seatMail(person.email, edition, id, origin + cancelPath(raw), origin, now, true));
	}
	return mails;
}

export type CancelResult = { ok: true; editionNumber: number } | { ok: false; reason: 'unknown' | 'used' };

/** The cancel link's POST: the seat or the place in line is given up, and the first in line gets the seat. */
export async function cancelByLink(db: DB, raw: string, origin: string, now = new Date()): Promise<CancelResult> {
	const found = await registrationOfLink(db, raw);
	if (!found) return { ok: false, reason: 'unknown' };
	const { registration, edition } = found;
	const mails = await inTransaction(db, async (trx) => {
		await lockKey(trx, lock(edition.id));
		if (!(await registrations.cancel(trx, registration.id, now.toISOString()))) return null;
		await audit(trx, { userId: null, action: 'network.cancel', entity: 'network_registration', entityId: registration.id, detail: { edition: edition.number } }, now);
		return fillSeats(trx, edition.id, origin, now);
	});
	if (mails === null) return { ok: false, reason: 'used' };
	await sendMailSafely(db, cancelledMail(registration.email, edition));
	for (const mail of mails) await sendMailSafely(db, mail);
	return { ok: true, editionNumber: edition.number };
}

/**
 * The reminders of the editions held two days from `now` (Roubaix's date). Each is claimed before
 * it is sent, so a second run, or two at once, sends nothing more; a send that fails is given
 * back, to go on the next run.
 */
export async function sendReminders(db: DB, origin: string, now = new Date()): Promise<{ sent: number; failed: number; heldOn: string }> {
	const heldOn = reminderDate(now);
	let sent = 0;
	let failed = 0;
	for (const due of await registrations.dueReminders(db, heldOn)) {
		if (!(await registrations.markReminded(db, due.id, now.toISOString()))) continue;
		const edition = (await editions.byId(db, due.editionId))!;
		try {
			await sendMail(db, reminderMail(due.email, edition, origin), now);
			sent++;
		} catch (error) {
			console.error('Rappel non envoyé', error);
			await registrations.clearReminded(db, due.id);
			failed++;
		}
	}
	return { sent, failed, heldOn };
}
