import { audit } from '../audit';
import type { SignedInUser } from '../auth/users';
import type { DB } from '../db/connect';
import * as editions from '../db/queries/network-editions';
import { inTransaction, lockKey } from '../db/transaction';
import { sendMailSafely } from '../mail/transport';
import { fillSeats } from './registrations';

/** The coordinator's writes of an edition: checked, audited, in one transaction. */

export type SaveResult = { ok: true; number: number } | { ok: false; errors: Record<string, string> };

async function check(trx: DB, values: editions.EditionValues, exceptId: number | null): Promise<Record<string, string> | null> {
	if (await editions.numberTaken(trx, values.number, exceptId)) return { numero: `L’édition n° ${values.number} existe déjà.` };
	if (values.placeId !== null && !(await editions.placeExists(trx, values.placeId))) return { lieu: 'Ce lieu n’est plus dans l’annuaire : choisissez-en un autre.' };
	return null;
}

export async function createEdition(db: DB, user: SignedInUser, values: editions.EditionValues, now = new Date()): Promise<SaveResult> {
	return inTransaction(db, async (trx) => {
		await lockKey(trx, 'network-editions');
		const errors = await check(trx, values, null);
		if (errors) return { ok: false, errors };
		const id = await editions.create(trx, values, now.toISOString());
		await audit(trx, { userId: user.id, action: 'network.edition.create', entity: 'network_edition', entityId: id, detail: { number: values.number } }, now);
		return { ok: true, number: values.number };
	});
}

/** A capacity raised gives the new seats to the first in line, by mail. */
export async function updateEdition(db: DB, user: SignedInUser, id: number, values: editions.EditionValues, origin: string, now = new Date()): Promise<SaveResult> {
	const outcome = await inTransaction(db, async (trx) => {
		await lockKey(trx, 'network-editions');
		await lockKey(trx, `network-registration:${id}`);
		const errors = await check(trx, values, id);
		if (errors) return { ok: false as const, errors };
		if (!(await editions.update(trx, id, values, now.toISOString()))) return { ok: false as const, errors: { form: 'Cette édition n’existe plus.' } };
		await audit(trx, { userId: user.id, action: 'network.edition.update', entity: 'network_edition', entityId: id, detail: { number: values.number } }, now);
		return { ok: true as const, number: values.number, mails: await fillSeats(trx, id, origin, now) };
	});
	if (!outcome.ok) return outcome;
	for (const mail of outcome.mails) await sendMailSafely(db, mail);
	return { ok: true, number: outcome.number };
}
