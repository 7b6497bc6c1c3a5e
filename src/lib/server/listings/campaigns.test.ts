import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkToken, consumeToken } from '../auth/tokens';
import { signedInUser, type SignedInUser } from '../auth/users';
import type { Connection } from '../db/connect';
import {
	actorIdByName,
	allRows,
	auditLines,
	createUser,
	run,
	oneRow,
	outbox,
	placeIdByName,
	seededDatabase
} from '../testing/database';
import { decideClaim, fileClaim, inviteMember } from './claims';
import { closeErrorReport, fileErrorReport } from './error-reports';
import { campaignProgress, confirmActor, launchCampaign, staleActors } from './freshness-campaigns';
import { submitChange } from './revisions';
import { readPlace } from './snapshots';

/** The seed's verification dates run from 2018 to March 2023: "now" is fixed so the tests do not age. */
const CAMPAIGN_DAY = new Date('2024-12-01T09:00:00.000Z');
const CONFIRM_DAY = new Date('2024-12-05T16:20:00.000Z');
const ORIGIN = 'https://carte.roubaix.test';

/** Verified or updated at the source on or after 1 December 2022: not stale at 24 months on CAMPAIGN_DAY. */
const RECENT = ['B\'CoWorker Roubaix', 'Centre Social Nautilus', 'Ville de Roubaix'];

let conn: Connection;
let coordinator: SignedInUser;

beforeEach(async () => {
	conn = await seededDatabase();
	coordinator = await createUser(conn, 'coordination@ville-roubaix.fr', 'coordinator');
});

afterEach(async () => {
	await conn.db.destroy();
});

const actionsLogged = async () => (await auditLines(conn)).map((l) => l.action);
const tokenIn = (text: string, path: string) => {
	const match = new RegExp(`${ORIGIN.replace(/[.]/g, '\\.')}${path}([A-Za-z0-9_-]+)`).exec(text);
	if (!match) throw new Error(`no ${path} link in ${text}`);
	return match[1]!;
};

describe('structures whose information has not been confirmed for a while', () => {
	it('lists those not verified within the chosen number of months', async () => {
		const names = (await staleActors(conn.db, 24, CAMPAIGN_DAY)).map((a) => a.name);
		expect(names).toHaveLength(36 - RECENT.length);
		for (const recent of RECENT) expect(names).not.toContain(recent);
		expect(names).toEqual(expect.arrayContaining(['Caf du Nord', 'CCAS de Roubaix', 'PARKOUR 59']));
		// At 12 months, even the most recent (March 2023) is stale; at 36 months, the 2018 ones only among others.
		expect(await staleActors(conn.db, 12, CAMPAIGN_DAY)).toHaveLength(36);
		const at36 = (await staleActors(conn.db, 36, CAMPAIGN_DAY)).map((a) => a.name);
		expect(at36).toContain('Caf du Nord');
		expect(at36).not.toContain('PARKOUR 59');
	});

	it('a structure that confirms leaves the list', async () => {
		const caf = await actorIdByName(conn, 'Caf du Nord');
		await confirmActor(conn.db, caf, null, CAMPAIGN_DAY);
		const ids = (await staleActors(conn.db, 1, CAMPAIGN_DAY)).map((a) => a.id);
		expect(ids).not.toContain(caf);
		expect(ids).toHaveLength(35);
	});
});

describe('a freshness campaign', () => {
	let ccas: number;
	let caf: number;

	beforeEach(async () => {
		ccas = await actorIdByName(conn, 'CCAS de Roubaix');
		caf = await actorIdByName(conn, 'Caf du Nord');
		// The CCAS has two people managing it (and one who left); the Caf has no public address but one member.
		await createUser(conn, 'agent1@ccas-roubaix.fr', 'member', [ccas]);
		await createUser(conn, 'agent2@ccas-roubaix.fr', 'member', [ccas]);
		const left = await createUser(conn, 'ancien@ccas-roubaix.fr', 'member', [ccas]);
		await run(conn, 'update users set disabled_at = ? where id = ?', '2024-01-01T00:00:00.000Z', left.id);
		await createUser(conn, 'referent@caf.fr', 'member', [caf]);
	});

	it('mails every stale structure a one-click confirmation link and records who was asked', async () => {
		const stale = await staleActors(conn.db, 24, CAMPAIGN_DAY);
		const result = await launchCampaign(conn.db, coordinator, 24, ORIGIN, CAMPAIGN_DAY);
		expect(result.actors).toBe(stale.length);

		const mails = await outbox(conn);
		// The managers are written to rather than the public address; nobody who left is.
		const ccasMails = mails.filter((m) => new RegExp(`/espace/structures/${ccas}(?!\\d)`).test(m.text));
		expect(ccasMails.map((m) => m.to_address).sort()).toEqual(['agent1@ccas-roubaix.fr', 'agent2@ccas-roubaix.fr']);
		expect(mails.map((m) => m.to_address)).not.toContain('contact@ccas-roubaix.fr');
		expect(mails.map((m) => m.to_address)).not.toContain('ancien@ccas-roubaix.fr');
		expect(mails.filter((m) => m.to_address === 'referent@caf.fr')).toHaveLength(1);
		// Otherwise the structure's public address.
		expect(mails.filter((m) => m.to_address === 'contact@parkour59.com')).toHaveLength(1);
		// One mail per address, never two.
		expect(new Set(mails.map((m) => m.to_address)).size).toBe(mails.length);

		for (const mail of mails) {
			expect(mail.subject).toBe('Vos informations sur la carte de l’inclusion numérique sont-elles à jour ?');
			const token = tokenIn(mail.text, '/confirmer/');
			expect(await checkToken(conn.db, token, ['confirm'], CAMPAIGN_DAY)).toMatchObject({ ok: true, campaignId: result.campaignId });
		}

		const recipients = await allRows<{ actor_id: number; emails: string; sent_at: string | null; confirmed_at: string | null }>(
			conn,
			'select actor_id, emails, sent_at, confirmed_at from campaign_recipients where campaign_id = ?',
			result.campaignId
		);
		expect(recipients.map((r) => r.actor_id).sort((a, b) => a - b)).toEqual(stale.map((a) => a.id).sort((a, b) => a - b));
		const sent = recipients.filter((r) => r.sent_at === CAMPAIGN_DAY.toISOString());
		expect(result.sent).toBe(sent.length);
		expect(sent.flatMap((r) => JSON.parse(r.emails) as string[]).sort()).toEqual(mails.map((m) => m.to_address).sort());
		// A structure with nobody to write to is listed, unsent, so the coordination can phone it.
		const financesId = await actorIdByName(conn, 'Finances Publiques');
		const finances = recipients.find((r) => r.actor_id === financesId)!;
		expect(finances).toMatchObject({ emails: '[]', sent_at: null, confirmed_at: null });
		expect((await auditLines(conn)).at(0)).toMatchObject({
			user_id: coordinator.id,
			action: 'campaign.launched',
			entity: 'campaign',
			entity_id: result.campaignId,
			detail: { months: 24, actors: stale.length }
		});
	});

	it('confirming from the link marks every offer as verified today by the structure, and only that structure’s', async () => {
		const { campaignId } = await launchCampaign(conn.db, coordinator, 24, ORIGIN, CAMPAIGN_DAY);
		const mail = (await outbox(conn)).find((m) => m.to_address === 'agent1@ccas-roubaix.fr')!;
		const used = await consumeToken(conn.db, tokenIn(mail.text, '/confirmer/'), ['confirm'], CONFIRM_DAY);
		if (!used.ok) throw new Error(used.reason);
		expect(used).toMatchObject({ actorId: ccas, campaignId });
		const otherOffers = async () => await allRows(conn, 'select * from offers where actor_id != ? order by id', ccas);
		const othersBefore = await otherOffers();

		await confirmActor(conn.db, used.actorId!, used.campaignId, CONFIRM_DAY);

		const offers = await allRows<{ verified_at: string; verified_how: string }>(conn, 'select verified_at, verified_how from offers where actor_id = ?', ccas);
		expect(offers.length).toBe(5);
		for (const offer of offers) expect(offer).toEqual({ verified_at: CONFIRM_DAY.toISOString(), verified_how: 'structure' });
		expect(await otherOffers()).toEqual(othersBefore);
		expect(await oneRow(conn, 'select confirmed_at from campaign_recipients where campaign_id = ? and actor_id = ?', campaignId, ccas)
		).toEqual({ confirmed_at: CONFIRM_DAY.toISOString() });
		expect((await auditLines(conn)).at(-1)).toEqual({
			user_id: null,
			action: 'actor.confirmed',
			entity: 'actor',
			entity_id: ccas,
			detail: { campaign: campaignId }
		});
		// The same link cannot confirm twice.
		expect(await consumeToken(conn.db, tokenIn(mail.text, '/confirmer/'), ['confirm'], CONFIRM_DAY)).toEqual({ ok: false, reason: 'used' });
	});

	it('progress shows who was written to, who confirmed and who edited instead', async () => {
		const { campaignId, actors, sent } = await launchCampaign(conn.db, coordinator, 24, ORIGIN, CAMPAIGN_DAY);
		await confirmActor(conn.db, ccas, campaignId, CONFIRM_DAY);
		// The Caf's referent corrects their place rather than clicking « à jour ».
		const referent = (await signedInUser(conn.db, (await oneRow<{ id: number }>(conn, "select id from users where email = 'referent@caf.fr'")).id))!;
		const place = (await readPlace(conn.db, await placeIdByName(conn, 'Caf du Nord')))!;
		const edit = await submitChange(
			conn.db,
			{ entity: 'place', entityId: place.id, actorId: caf, baseVersion: place.version, after: { ...place.snapshot, phone: '+33320000003' } },
			{ user: referent, origin: ORIGIN, now: CONFIRM_DAY }
		);
		expect(edit.kind).toBe('proposed');

		const progress = await campaignProgress(conn.db, campaignId);
		expect(progress).toHaveLength(actors);
		expect(progress.filter((r) => r.sent_at !== null)).toHaveLength(sent);
		expect(progress.filter((r) => r.confirmed_at !== null).map((r) => r.id)).toEqual([ccas]);
		expect(progress.filter((r) => r.edited_at !== null).map((r) => r.id)).toEqual([caf]);
		expect(progress.find((r) => r.id === ccas)!.emails.sort()).toEqual(['agent1@ccas-roubaix.fr', 'agent2@ccas-roubaix.fr']);
	});
});

describe('claims: someone asks to manage a structure', () => {
	let caf: number;

	beforeEach(async () => {
		caf = await actorIdByName(conn, 'Caf du Nord');
		await createUser(conn, 'adjointe@ville-roubaix.fr', 'coordinator');
	});

	async function file() {
		const result = await fileClaim(
			conn.db,
			{ actorId: caf, name: 'Marie Dupont', email: 'marie.dupont@caf59.fr', message: 'Je suis la référente numérique.' },
			ORIGIN,
			CAMPAIGN_DAY
		);
		expect(result).toEqual({ ok: true, actorName: 'Caf du Nord' });
		return (await oneRow<{ id: number }>(conn, 'select id from claims order by id desc limit 1')).id;
	}

	it('filing a claim tells every coordinator', async () => {
		const id = await file();
		expect(await oneRow(conn, 'select status, actor_id, email from claims where id = ?', id)).toEqual({
			status: 'pending',
			actor_id: caf,
			email: 'marie.dupont@caf59.fr'
		});
		const mails = await outbox(conn);
		expect(mails.map((m) => m.to_address).sort()).toEqual(['adjointe@ville-roubaix.fr', 'coordination@ville-roubaix.fr']);
		for (const mail of mails) {
			expect(mail.subject).toBe('Demande de gestion : Caf du Nord');
			expect(mail.text).toContain(`${ORIGIN}/admin/demandes#demande-${id}`);
		}
		expect(await auditLines(conn)).toEqual([
			{ user_id: null, action: 'claim.filed', entity: 'actor', entity_id: caf, detail: { claim: id } }
		]);
	});

	it('a claim for a structure that does not exist is refused and mails nobody', async () => {
		expect(await fileClaim(conn.db, { actorId: 99_999, name: 'X', email: 'x@example.fr', message: null }, ORIGIN)).toEqual({ ok: false });
		expect(await allRows(conn, 'select * from claims')).toEqual([]);
		expect(await outbox(conn)).toEqual([]);
	});

	it('approving creates the account and membership, and mails a 7-day invitation', async () => {
		const id = await file();
		expect(await decideClaim(conn.db, coordinator, id, { approve: true }, ORIGIN, CONFIRM_DAY)).toEqual({ ok: true });

		const user = await oneRow<{ id: number; role: string }>(conn, "select id, role from users where email = 'marie.dupont@caf59.fr'");
		expect(user.role).toBe('member');
		expect((await signedInUser(conn.db, user.id))!.actorIds).toEqual([caf]);
		expect(await oneRow(conn, 'select status, decided_by from claims where id = ?', id)).toEqual({ status: 'approved', decided_by: coordinator.id });

		const invitation = (await outbox(conn)).filter((m) => m.to_address === 'marie.dupont@caf59.fr');
		expect(invitation).toHaveLength(1);
		expect(invitation[0]!.subject).toBe('Invitation à tenir à jour « Caf du Nord »');
		const token = tokenIn(invitation[0]!.text, '/connexion/lien\\?jeton=');
		const sixDays = new Date(CONFIRM_DAY.getTime() + 6 * 24 * 3_600_000);
		expect(await checkToken(conn.db, token, ['invitation'], sixDays)).toMatchObject({ ok: true, userId: user.id, actorId: caf });
		expect((await auditLines(conn)).at(-1)).toMatchObject({
			user_id: coordinator.id,
			action: 'claim.approved',
			entity_id: caf,
			detail: { claim: id, user: user.id }
		});

		// A second decision on the same claim does nothing.
		const mailCount = (await outbox(conn)).length;
		expect(await decideClaim(conn.db, coordinator, id, { approve: false, reason: 'Doublon' }, ORIGIN, CONFIRM_DAY)).toEqual({ ok: false });
		expect(await oneRow(conn, 'select status from claims where id = ?', id)).toEqual({ status: 'approved' });
		expect(await outbox(conn)).toHaveLength(mailCount);
	});

	it('refusing mails the reason and creates no account', async () => {
		const id = await file();
		const reason = 'La Caf a déjà une personne référente pour cette fiche.';
		expect(await decideClaim(conn.db, coordinator, id, { approve: false, reason }, ORIGIN, CONFIRM_DAY)).toEqual({ ok: true });
		expect(await oneRow(conn, 'select status, reason from claims where id = ?', id)).toEqual({ status: 'refused', reason });
		expect(await allRows(conn, "select id from users where email = 'marie.dupont@caf59.fr'")).toEqual([]);
		const refusal = (await outbox(conn)).filter((m) => m.to_address === 'marie.dupont@caf59.fr');
		expect(refusal).toHaveLength(1);
		expect(refusal[0]!.subject).toBe('Votre demande pour « Caf du Nord »');
		expect(refusal[0]!.text).toContain(`Motif : ${reason}`);
		expect((await auditLines(conn)).at(-1)).toMatchObject({ user_id: coordinator.id, action: 'claim.refused', entity_id: caf, detail: { claim: id, reason } });
	});

	it('inviting a coordinator to a structure adds the membership without demoting them', async () => {
		const other = await createUser(conn, 'adjoint2@ville-roubaix.fr', 'coordinator');
		expect(await inviteMember(conn.db, coordinator, 'Adjoint2@ville-roubaix.fr', caf, ORIGIN, CAMPAIGN_DAY)).toEqual({
			ok: true,
			actorName: 'Caf du Nord'
		});
		expect(await signedInUser(conn.db, other.id)).toMatchObject({ role: 'coordinator', actorIds: [caf] });
		expect((await outbox(conn)).map((m) => m.subject)).toEqual(['Invitation à tenir à jour « Caf du Nord »']);
		expect(await actionsLogged()).toEqual(['member.invited']);
		expect(await inviteMember(conn.db, coordinator, 'x@example.fr', 99_999, ORIGIN)).toMatchObject({ ok: false });
	});
});

describe('error reports from the public', () => {
	it('a report is filed open, closed once, and a second close changes nothing', async () => {
		const place = await placeIdByName(conn, 'Caf du Nord');
		await fileErrorReport(conn.db, place, 'hours', 'Fermé le mercredi depuis septembre.', CAMPAIGN_DAY);
		const { id } = await oneRow<{ id: number }>(conn, 'select id from error_reports');
		expect(await oneRow(conn, 'select place_id, reason, status from error_reports where id = ?', id)).toEqual({
			place_id: place,
			reason: 'hours',
			status: 'open'
		});

		expect(await closeErrorReport(conn.db, coordinator, id, 'resolved', 'Horaires corrigés.', CONFIRM_DAY)).toBe(true);
		expect(await closeErrorReport(conn.db, coordinator, id, 'dismissed', null, CONFIRM_DAY)).toBe(false);
		expect(await oneRow(conn, 'select status, resolution, resolved_by from error_reports where id = ?', id)).toEqual({
			status: 'resolved',
			resolution: 'Horaires corrigés.',
			resolved_by: coordinator.id
		});
		expect(await auditLines(conn)).toEqual([
			{ user_id: null, action: 'report.filed', entity: 'place', entity_id: place, detail: { report: id, reason: 'hours' } },
			{ user_id: coordinator.id, action: 'report.resolved', entity: 'report', entity_id: id, detail: { resolution: 'Horaires corrigés.' } }
		]);
	});

	it('closing a report that does not exist returns false', async () => {
		expect(await closeErrorReport(conn.db, coordinator, 12_345, 'dismissed', null)).toBe(false);
		expect(await auditLines(conn)).toEqual([]);
	});
});
