import type { DB } from '../db/connect';
import * as registrations from '../db/queries/network-registrations';
import { parisDate } from '$lib/domain/network/editions';

/**
 * The purge of the registrations (rule 'network-registrations'): `before` is the instant the
 * rule's days before now; the editions held (Roubaix's date) before that day lose their people.
 */
export function registrationsAfterEdition(db: DB, before: string): Promise<number> {
	return registrations.eraseHeldBefore(db, parisDate(new Date(before)), new Date().toISOString());
}
