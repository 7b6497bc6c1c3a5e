import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../db/connect';
import * as editions from '../db/queries/network-editions';
import * as registrations from '../db/queries/network-registrations';
import { purgePersonalData } from '../privacy/purge';
import { seedEditions } from '../seed/network';
import { allRows, migratedDatabase, outbox } from '../testing/database';
import { cancelByLink, register, sendReminders } from './registrations';

const ORIGIN = 'http://localhost:5173';
const NOW = new Date('2026-03-01T10:00:00.000Z');
let conn: Connection;
let editionId: number;

const person = (n: number, email = `personne${n}@exemple.fr`) => ({ name: `Personne ${n}`, email, actorId: null, structureName: 'Association test', needs: null });

beforeEach(async () => {
	conn = await migratedDatabase();
	await seedEditions(conn.db, NOW);
	editionId = await editions.create(
		conn.db,
		{
			number: 11,
			heldOn: '2026-03-13',
			startsAt: '09:00',
			endsAt: '11:30',
			theme: 'health',
			title: 'Édition de test',
			placeId: null,
			placeName: 'Salle de test',
			programme: null,
			summary: null,
			participants: null,
			capacity: 2,
			registrationOpen: true
		},
		NOW.toISOString()
	);
});

afterEach(async () => {
	await conn.db.destroy();
});

/** The cancel link of the last mail to this address. */
async function cancelLinkOf(email: string): Promise<string> {
	const mail = (await outbox(conn)).filter((m) => m.to_address === email).at(-1)!;
	return /\/reseau\/annuler\/([A-Za-z0-9_-]+)/.exec(mail.text)![1]!;
}

describe('the seed of the editions', () => {
	it('adds the ten editions once, whatever the number of starts', async () => {
		const again = await migratedDatabase();
		expect(await seedEditions(again.db, NOW)).toBe(10);
		await again.db.destroy();
		expect(await seedEditions(conn.db, NOW)).toBe(0);
		const all = await editions.all(conn.db);
		expect(all.filter((e) => e.number <= 10)).toHaveLength(10);
		const first = (await editions.byNumber(conn.db, 1))!;
		expect(first).toMatchObject({ heldOn: '2022-09-30', theme: null, placeName: null, summary: null, participants: null });
	});
});

describe('registering for an edition', () => {
	it('gives seats up to the capacity, then the waiting list, and refuses the same address twice', async () => {
		expect(await register(conn.db, editionId, person(1), ORIGIN, NOW)).toEqual({ ok: true, status: 'confirmed' });
		expect(await register(conn.db, editionId, person(2), ORIGIN, NOW)).toEqual({ ok: true, status: 'confirmed' });
		expect(await register(conn.db, editionId, person(3), ORIGIN, NOW)).toEqual({ ok: true, status: 'waiting' });
		expect(await register(conn.db, editionId, person(4), ORIGIN, NOW)).toEqual({ ok: true, status: 'waiting' });
		expect(await register(conn.db, editionId, person(9, ' PERSONNE1@Exemple.fr '.trim()), ORIGIN, NOW)).toEqual({ ok: false, reason: 'duplicate' });
		expect(await registrations.countByStatus(conn.db, editionId)).toEqual({ confirmed: 2, waiting: 2, cancelled: 0 });
		const raw = await allRows<{ raw: string }>(conn, "select raw from outbox where to_address = 'personne1@exemple.fr'");
		expect(raw[0]!.raw).toContain('text/calendar');
		expect(raw[0]!.raw).toContain('petit-dejeuner-11.ics');
		const waiting = (await outbox(conn)).find((m) => m.to_address === 'personne3@exemple.fr')!;
		expect(waiting.subject).toBe('Liste d’attente : Petit-déjeuner de l’inclusion numérique #11');
	});

	it('refuses when registration is closed or the day has passed', async () => {
		expect(await register(conn.db, editionId, person(1), ORIGIN, new Date('2026-03-14T10:00:00Z'))).toEqual({ ok: false, reason: 'closed' });
		const first = (await editions.byNumber(conn.db, 1))!;
		expect(await register(conn.db, first.id, person(1), ORIGIN, NOW)).toEqual({ ok: false, reason: 'closed' });
		expect(await allRows(conn, 'select id from network_registrations')).toHaveLength(0);
	});

	it('gives a freed seat to the first in line, by mail with the calendar file, once', async () => {
		for (const n of [1, 2, 3, 4]) await register(conn.db, editionId, person(n), ORIGIN, NOW);
		const link = await cancelLinkOf('personne2@exemple.fr');
		expect(await cancelByLink(conn.db, link, ORIGIN, NOW)).toEqual({ ok: true, editionNumber: 11 });
		expect(await cancelByLink(conn.db, link, ORIGIN, NOW)).toEqual({ ok: false, reason: 'used' });
		const list = await registrations.ofEdition(conn.db, editionId);
		expect(list.map((r) => [r.email, r.status])).toEqual([
			['personne1@exemple.fr', 'confirmed'],
			['personne3@exemple.fr', 'confirmed'],
			['personne4@exemple.fr', 'waiting'],
			['personne2@exemple.fr', 'cancelled']
		]);
		const mails = (await outbox(conn)).filter((m) => m.to_address === 'personne3@exemple.fr');
		expect(mails.map((m) => m.subject)).toEqual([
			'Liste d’attente : Petit-déjeuner de l’inclusion numérique #11',
			'Une place s’est libérée : Petit-déjeuner de l’inclusion numérique #11'
		]);
		// The promoted person's new link cancels; the waiting-list one no longer does.
		expect(await cancelByLink(conn.db, await cancelLinkOf('personne3@exemple.fr'), ORIGIN, NOW)).toMatchObject({ ok: true });
		expect((await registrations.ofEdition(conn.db, editionId)).find((r) => r.email === 'personne4@exemple.fr')!.status).toBe('confirmed');
		expect(await cancelByLink(conn.db, 'x'.repeat(43), ORIGIN, NOW)).toEqual({ ok: false, reason: 'unknown' });
	});

	it('lets someone who cancelled register again', async () => {
		await register(conn.db, editionId, person(1), ORIGIN, NOW);
		await cancelByLink(conn.db, await cancelLinkOf('personne1@exemple.fr'), ORIGIN, NOW);
		expect(await register(conn.db, editionId, person(1), ORIGIN, NOW)).toEqual({ ok: true, status: 'confirmed' });
	});
});

describe('the reminder two days before', () => {
	it('goes to the confirmed seats only, once, on the right day', async () => {
		for (const n of [1, 2, 3]) await register(conn.db, editionId, person(n), ORIGIN, NOW);
		expect((await sendReminders(conn.db, ORIGIN, new Date('2026-03-10T08:00:00Z'))).sent).toBe(0);
		const day = new Date('2026-03-11T08:00:00Z');
		expect(await sendReminders(conn.db, ORIGIN, day)).toEqual({ sent: 2, failed: 0, heldOn: '2026-03-13' });
		expect(await sendReminders(conn.db, ORIGIN, day)).toEqual({ sent: 0, failed: 0, heldOn: '2026-03-13' });
		const reminders = (await outbox(conn)).filter((m) => m.subject.startsWith('Rappel'));
		expect(reminders.map((m) => m.to_address).sort()).toEqual(['personne1@exemple.fr', 'personne2@exemple.fr']);
	});
});

describe('erasure after the edition', () => {
	it('empties the registrations 92 days after the edition, keeping the counts', async () => {
		await register(conn.db, editionId, person(1), ORIGIN, NOW);
		await registrations.setAttended(conn.db, editionId, [(await registrations.ofEdition(conn.db, editionId))[0]!.id]);
		expect((await purgePersonalData(conn.db, new Date('2026-06-12T10:00:00Z')))['network-registrations']).toBe(0);
		expect((await purgePersonalData(conn.db, new Date('2026-06-15T10:00:00Z')))['network-registrations']).toBe(1);
		const [row] = await allRows<{ name: string; email: string; structure_name: string | null; attended: number; status: string }>(
			conn,
			'select name, email, structure_name, attended, status from network_registrations'
		);
		expect(row).toEqual({ name: '', email: '', structure_name: null, attended: 1, status: 'confirmed' });
		expect((await purgePersonalData(conn.db, new Date('2026-06-16T10:00:00Z')))['network-registrations']).toBe(0);
	});
});
