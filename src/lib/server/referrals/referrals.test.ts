import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../db/connect';
import * as referrals from '../db/queries/referrals';
import { allRows, auditLines, createUser, oneRow, outbox, run, seededDatabase } from '../testing/database';
import { referralFigures } from '$lib/domain/referrals/figures';
import { answerReferral, markSeen } from './answer';
import { runFollowUp } from './follow';
import { checkLink } from './links';
import { confirmSender, sendReferral, type ReferralContext } from './send';
import { sendSchema } from './input';
import { allowReferral, REFERRAL_RULES } from './limits';

// Every date is relative to this clock, never to today. Monday 11 January 2027, 10:00 in Paris.
const T0 = new Date('2027-01-11T09:00:00.000Z');
const at = (days: number) => new Date(T0.getTime() + days * 86_400_000);
const ORIGIN = 'http://test.invalid';
const context: ReferralContext = { needs: ['papers'], autonomy: 'with-help', constraints: { languages: [] }, irisCode: '595120101', areaCode: null };

let conn: Connection;
let offerId: number;
let otherOfferId: number;
let otherPlaceId: number;
let sender: { id: number; email: string };
let key = 0;

const form = (offre: number, extra: Record<string, unknown> = {}) =>
	sendSchema.parse({ offre: String(offre), cle: `cle-de-test-${++key}-xxxxxxxx`, precedent: '', prenom: 'Nadia', telephone: '06 12 34 56 78', courriel: '', presentera: false, langue: 'ar', note: 'Préfère le matin', consentement: true, expediteur: '', ...extra });
const linkIn = (text: string, path: string) => new RegExp(`${ORIGIN}${path}/([A-Za-z0-9_-]+)`).exec(text)![1]!;

beforeAll(async () => {
	conn = await seededDatabase();
	// Two offers of two places that have an address to write to (real data: the place's, else its actor's).
	const reachable = await allRows<{ offer: number; place: number }>(
		conn,
		"select o.id as offer, p.id as place from offers o join places p on p.id = o.place_id join actors a on a.id = o.actor_id where o.status != 'closed' and (coalesce(p.email, '') != '' or coalesce(a.email, '') != '') order by o.id"
	);
	offerId = reachable[0]!.offer;
	const other = reachable.find((r) => r.place !== reachable[0]!.place)!;
	otherOfferId = other.offer;
	otherPlaceId = other.place;
	const user = await createUser(conn, 'travailleuse.sociale@exemple.fr', 'member', []);
	sender = { id: user.id, email: user.email };
});
afterAll(async () => conn.db.destroy());

describe('adressage : envoi, réponse, suivi', () => {
	it('sends once per idempotency key, with a link that answers only its referral', async () => {
		const input = form(offerId);
		const first = await sendReferral(conn.db, input, context, { userId: sender.id, email: sender.email }, ORIGIN, T0);
		const again = await sendReferral(conn.db, input, context, { userId: sender.id, email: sender.email }, ORIGIN, T0);
		expect(first).toMatchObject({ ok: true, status: 'sent', duplicate: false });
		expect(again).toMatchObject({ ok: true, duplicate: true });
		if (!first.ok || !again.ok) throw new Error('not sent');
		expect(again.id).toBe(first.id);
		const mails = (await outbox(conn)).filter((m) => m.subject.startsWith('Une personne vous est adressée'));
		expect(mails).toHaveLength(1);
		expect(mails[0]!.text).not.toContain('06 12 34 56 78');
		const raw = linkIn(mails[0]!.text, '/adresser/reponse');
		expect(await checkLink(conn.db, raw, 'answer', T0)).toEqual({ ok: true, referralId: first.id });
		expect(await checkLink(conn.db, raw, 'confirm', T0)).toMatchObject({ ok: false });

		await markSeen(conn.db, first.id, null, at(0.1));
		expect((await referrals.byId(conn.db, first.id))!.status).toBe('seen');
		const refused = await answerReferral(conn.db, first.id, { decision: 'refuse', motif: 'full', lieu: otherPlaceId, precision: '' }, null, ORIGIN, at(0.2));
		expect(refused).toEqual({ ok: true, status: 'refused' });
		expect(await checkLink(conn.db, raw, 'answer', at(0.3))).toEqual({ ok: false, reason: 'used' });
		// A second answer changes nothing.
		expect(await answerReferral(conn.db, first.id, { decision: 'accept', suite: 'callback', rendezvous: '', precision: '' }, null, ORIGIN, at(0.3))).toMatchObject({ ok: false });
		const told = (await outbox(conn)).filter((m) => m.to_address === sender.email);
		expect(told.at(-1)!.text).toContain('Motif : complet');

		// Re-sent to the suggested place, accepted there.
		const resent = await sendReferral(conn.db, form(otherOfferId, { precedent: String(first.id) }), context, { userId: sender.id, email: sender.email }, ORIGIN, at(0.4));
		if (!resent.ok) throw new Error(JSON.stringify(resent));
		expect((await answerReferral(conn.db, resent.id, { decision: 'accept', suite: 'appointment', rendezvous: 'mardi 19 janvier à 14 h', precision: '' }, null, ORIGIN, at(1))).ok).toBe(true);
		const mine = await referrals.ofSender(conn.db, sender.id, sender.email);
		expect(mine.map((r) => r.status)).toEqual(['accepted', 'refused']);
		expect(mine[1]!.suggestedPlaceId).toBe(otherPlaceId);
		expect((await auditLines(conn)).filter((l) => l.entity === 'referral').map((l) => l.action)).toEqual([
			'referral.create',
			'referral.seen',
			'referral.refuse',
			'referral.create',
			'referral.accept'
		]);
	});

	it('refuses a place without e-mail, saying to call', async () => {
		const offer = await oneRow<{ id: number; place: number; actor: number }>(conn, 'select id, place_id as place, actor_id as actor from offers where id = ?', otherOfferId);
		await run(conn, "update places set email = null, phone = '03 20 00 00 00' where id = ?", offer.place);
		await run(conn, 'update actors set email = null where id = ?', offer.actor);
		const result = await sendReferral(conn.db, form(otherOfferId), context, { userId: sender.id, email: sender.email }, ORIGIN, T0);
		expect(result).toEqual({ ok: false, errors: { form: expect.stringContaining('appelez le 03 20 00 00 00'.replace('appelez', 'Appelez')) } });
	});

	it('waits for the confirmation of a sender without an account', async () => {
		const result = await sendReferral(conn.db, form(offerId), context, { userId: null, email: 'conseillere@mairie.exemple.fr' }, ORIGIN, T0);
		if (!result.ok) throw new Error('not recorded');
		expect(result.status).toBe('awaiting_sender');
		const mail = (await outbox(conn)).filter((m) => m.to_address === 'conseillere@mairie.exemple.fr').at(-1)!;
		const raw = linkIn(mail.text, '/adresser/confirmer');
		const check = await checkLink(conn.db, raw, 'confirm', T0);
		expect(check).toEqual({ ok: true, referralId: result.id });
		expect(await confirmSender(conn.db, result.id, ORIGIN, T0)).toBe(true);
		expect(await confirmSender(conn.db, result.id, ORIGIN, T0)).toBe(false);
		expect((await referrals.byId(conn.db, result.id))!.status).toBe('sent');
	});

	it('reminds once after five working days, expires after 30 days, erases 90 days after closing', async () => {
		const sent = await sendReferral(conn.db, form(offerId), context, { userId: sender.id, email: sender.email }, ORIGIN, T0);
		if (!sent.ok) throw new Error('not sent');
		const reminders = async () => (await outbox(conn)).filter((m) => m.subject.startsWith('Rappel')).length;
		const before = await reminders();
		// Friday 15 January: only four working days.
		expect((await runFollowUp(conn.db, ORIGIN, at(4))).reminded).toBe(0);
		const monday = await runFollowUp(conn.db, ORIGIN, at(7));
		expect(monday.reminded).toBe(2); // this one and the confirmed one, both sent on T0
		expect((await runFollowUp(conn.db, ORIGIN, at(8))).reminded).toBe(0);
		expect((await reminders()) - before).toBe(2);

		const expiry = await runFollowUp(conn.db, ORIGIN, at(30));
		expect(expiry.expired).toBe(2);
		expect((await referrals.byId(conn.db, sent.id))!.status).toBe('expired');
		expect((await runFollowUp(conn.db, ORIGIN, at(30))).expired).toBe(0);

		expect((await runFollowUp(conn.db, ORIGIN, at(119))).erased).toBe(2); // the two answered on day 0–1
		const erasure = await runFollowUp(conn.db, ORIGIN, at(121));
		expect(erasure.erased).toBe(2);
		const row = await oneRow<Record<string, unknown>>(conn, 'select * from referrals where id = ?', sent.id);
		expect(row).toMatchObject({ resident_name: null, resident_phone: null, resident_email: null, note: null, status: 'expired', level: expect.anything() });
		expect((await runFollowUp(conn.db, ORIGIN, at(122))).erased).toBe(0);
	});

	it('gives planners counts with saturation, no person', async () => {
		const facts = await referrals.facts(conn.db);
		const byActor = referralFigures(facts, 'actor');
		expect(byActor.reduce((n, r) => n + r.saturation, 0)).toBe(1);
		expect(byActor.reduce((n, r) => n + r.sent, 0)).toBe(4);
		expect(Object.keys(facts[0]!)).not.toContain('residentName');
	});

	it('limits the referrals per sender, whatever the client', async () => {
		const results: boolean[] = [];
		for (let i = 0; i <= REFERRAL_RULES.perSender.limit; i++) results.push(await allowReferral(conn.db, `10.0.0.${i}`, 'pressee@exemple.fr', T0));
		expect(results.filter(Boolean)).toHaveLength(REFERRAL_RULES.perSender.limit);
		expect(results.at(-1)).toBe(false);
		// An hour later the count starts again.
		expect(await allowReferral(conn.db, '10.0.0.1', 'pressee@exemple.fr', at(1 / 24 + 0.001))).toBe(true);
	});
});
