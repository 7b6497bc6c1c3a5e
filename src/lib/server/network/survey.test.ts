import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../db/connect';
import * as editions from '../db/queries/network-editions';
import * as registrations from '../db/queries/network-registrations';
import * as surveys from '../db/queries/network-surveys';
import { purgePersonalData } from '../privacy/purge';
import { allRows, createUser, migratedDatabase, outbox } from '../testing/database';
import { answerAsMember, answerByLink, closeSurvey, inviteParticipants, openSurvey, results } from './survey';

const NOW = new Date('2026-04-01T10:00:00.000Z');
let conn: Connection;

beforeEach(async () => {
	conn = await migratedDatabase();
});
afterEach(async () => {
	await conn.db.destroy();
});

async function pastRegistration(email: string, status: 'confirmed' | 'cancelled', heldOn: string, number: number) {
	const editionId = await editions.create(
		conn.db,
		{ number, heldOn, startsAt: null, endsAt: null, theme: null, title: `Éd ${number}`, placeId: null, placeName: null, programme: null, summary: null, participants: null, capacity: 10, registrationOpen: false },
		NOW.toISOString()
	);
	await registrations.insert(conn.db, { editionId, name: 'X', email, actorId: null, structureName: 'S', needs: null, status: 'confirmed', cancelHash: `h-${email}-${number}`, createdAt: NOW.toISOString() });
	if (status === 'cancelled') await conn.db.updateTable('network_registrations').set({ status: 'cancelled' }).where('email', '=', email).execute();
}

const linkOf = async (email: string) => /\/reseau\/enquete\/([A-Za-z0-9_-]+)/.exec((await outbox(conn)).filter((m) => m.to_address === email).at(-1)!.text)![1]!;

describe('the priorities survey', () => {
	it('is answered once per member and once per link, within the proposed themes, and counted', async () => {
		const coordinator = await createUser(conn, 'coord@exemple.fr', 'coordinator');
		const member = await createUser(conn, 'membre@exemple.fr', 'member');
		await pastRegistration('venue@exemple.fr', 'confirmed', '2026-03-13', 11);
		await pastRegistration('annulee@exemple.fr', 'cancelled', '2026-03-13', 12);
		await pastRegistration('future@exemple.fr', 'confirmed', '2026-06-12', 13);

		const opened = await openSurvey(conn.db, coordinator, { title: 'Thématiques 2027', themes: ['health', 'cybersecurity', 'jobs'], maxChoices: 2 }, NOW);
		expect(opened.ok).toBe(true);
		const id = (opened as { id: number }).id;
		expect(await openSurvey(conn.db, coordinator, { title: 'Une autre', themes: ['health', 'jobs'], maxChoices: 1 }, NOW)).toMatchObject({ ok: false });

		expect(await answerAsMember(conn.db, member, id, ['health', 'jobs', 'cybersecurity'], NOW)).toMatchObject({ ok: false, reason: 'invalid' });
		expect(await answerAsMember(conn.db, member, id, ['women'], NOW)).toMatchObject({ ok: false, reason: 'invalid' });
		expect(await answerAsMember(conn.db, member, id, ['health', 'cybersecurity'], NOW)).toEqual({ ok: true });
		expect(await answerAsMember(conn.db, member, id, ['jobs'], NOW)).toMatchObject({ ok: false, reason: 'already' });

		// Only those who had a seat at a past edition, and once whatever the clicks.
		expect(await inviteParticipants(conn.db, coordinator, 'http://localhost', NOW)).toEqual({ invited: 1 });
		expect(await inviteParticipants(conn.db, coordinator, 'http://localhost', NOW)).toEqual({ invited: 0 });
		expect((await outbox(conn)).map((m) => m.to_address)).toEqual(['venue@exemple.fr']);
		const link = await linkOf('venue@exemple.fr');
		expect(await answerByLink(conn.db, link, ['health'], NOW)).toEqual({ ok: true });
		expect(await answerByLink(conn.db, link, ['jobs'], NOW)).toMatchObject({ ok: false, reason: 'already' });

		const survey = (await surveys.byId(conn.db, id))!;
		expect(await results(conn.db, survey)).toEqual({
			answers: 2,
			rows: [
				{ theme: 'health', label: 'Numérique en santé', count: 2 },
				{ theme: 'cybersecurity', label: 'Cybersécurité et culture des médias', count: 1 },
				{ theme: 'jobs', label: 'Formations et métiers du numérique', count: 0 }
			]
		});

		expect(await closeSurvey(conn.db, coordinator, id, NOW)).toBe(true);
		expect(await closeSurvey(conn.db, coordinator, id, NOW)).toBe(false);
		expect(await answerAsMember(conn.db, await createUser(conn, 'autre@exemple.fr', 'member'), id, ['health'], NOW)).toMatchObject({ ok: false, reason: 'closed' });
		expect((await surveys.latestClosed(conn.db))?.id).toBe(id);

		// 30 days after closing, who answered is forgotten; the counts stay.
		expect((await purgePersonalData(conn.db, new Date('2026-04-30T10:00:00Z')))['network-survey']).toBe(0);
		expect((await purgePersonalData(conn.db, new Date('2026-05-02T10:00:00Z')))['network-survey']).toBe(3);
		expect(await allRows(conn, 'select user_id, invitation_id from network_survey_answers')).toEqual([
			{ user_id: null, invitation_id: null },
			{ user_id: null, invitation_id: null }
		]);
		expect(await allRows(conn, 'select id from network_survey_invitations')).toEqual([]);
		expect((await results(conn.db, survey)).answers).toBe(2);
	});
});
