import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OfferSnapshot, PlaceSnapshot } from '$lib/domain/listing';
import type { SignedInUser } from '../auth/users';
import type { Connection } from '../db/connect';
import { usesLocalOutbox } from '../mail/transport';
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
import { approveRevision, refuseRevision, rollbackRevision, submitChange, type Decider } from './revisions';
import { readActor, readOffer, readPlace } from './snapshots';

const NOW = new Date('2026-11-25T10:00:00.000Z');
const LATER = new Date('2026-11-26T14:30:00.000Z');
const ORIGIN = 'https://carte.roubaix.test';

let conn: Connection;
let coordinator: SignedInUser;
let ccas: number;
/** A member of the CCAS, an untrusted actor: their changes wait for the coordination. */
let member: SignedInUser;
let ccasPlace: number;

const as = (user: SignedInUser, now = NOW, extra: Partial<Decider> = {}): Decider => ({ user, origin: ORIGIN, now, ...extra });

const placeRow = async (id: number) => await oneRow(conn, 'select * from places where id = ?', id);
const offerRow = async (id: number) => await oneRow(conn, 'select * from offers where id = ?', id);
const areasOf = async (placeId: number) =>
	(await allRows<{ area_code: string }>(conn, 'select area_code from place_areas where place_id = ? order by area_code', placeId)).map(
		(r) => r.area_code
	);
const revisionRow = async (id: number) => await oneRow<{ status: string; operation: string; entity_id: number | null; base_version: number | null; author_id: number; decided_by: number | null; reason: string | null; before: string | null; after: string }>(
		conn,
		'select * from revisions where id = ?',
		id
	);
const revisionCount = async () => (await oneRow<{ n: number }>(conn, 'select count(*) as n from revisions')).n;
const lastAudit = async () => (await auditLines(conn)).at(-1);

async function loadPlace(id: number) {
	const record = await readPlace(conn.db, id);
	if (!record) throw new Error(`no place ${id}`);
	return record;
}

async function loadOffer(id: number) {
	const record = await readOffer(conn.db, id);
	if (!record) throw new Error(`no offer ${id}`);
	return record;
}

/** A change to one of the CCAS's places, loaded now, as the edit form would send it. */
async function placeChange(id: number, changes: Partial<PlaceSnapshot>) {
	const record = await loadPlace(id);
	return { entity: 'place' as const, entityId: id, actorId: record.actorId, baseVersion: record.version, after: { ...record.snapshot, ...changes } };
}

async function propose(user: SignedInUser, id: number, changes: Partial<PlaceSnapshot>): Promise<number> {
	const result = await submitChange(conn.db, await placeChange(id, changes), as(user));
	if (result.kind !== 'proposed') throw new Error(`expected a proposal, got ${result.kind}`);
	return result.revisionId;
}

beforeEach(async () => {
	conn = await seededDatabase();
	ccas = await actorIdByName(conn, 'CCAS de Roubaix');
	ccasPlace = await placeIdByName(conn, 'CCAS de Roubaix');
	coordinator = await createUser(conn, 'coordination@ville-roubaix.fr', 'coordinator');
	await createUser(conn, 'adjointe@ville-roubaix.fr', 'coordinator');
	member = await createUser(conn, 'agent@ccas-roubaix.fr', 'member', [ccas]);
});

afterEach(async () => {
	await conn.db.destroy();
});

describe('the seed this file relies on', () => {
	it('has the 39 places, and mail goes to the local outbox', async () => {
		expect((await oneRow<{ n: number }>(conn, 'select count(*) as n from places')).n).toBe(39);
		expect((await oneRow<{ trusted: number }>(conn, 'select trusted from actors where id = ?', ccas)).trusted).toBe(0);
		expect(usesLocalOutbox()).toBe(true);
	});
});

describe('a member of an untrusted structure', () => {
	it('proposes a change: the place is untouched, the coordination is told, the audit log says so', async () => {
		const before = await placeRow(ccasPlace);
		const revisionId = await propose(member, ccasPlace, { phone: '+33320000001', description: 'Permanence numérique le mardi matin.' });

		expect(await placeRow(ccasPlace)).toEqual(before);
		expect(await revisionRow(revisionId)).toMatchObject({
			status: 'proposed',
			operation: 'update',
			entity_id: ccasPlace,
			base_version: 1,
			author_id: member.id,
			decided_by: null
		});
		expect(JSON.parse((await revisionRow(revisionId)).after)).toMatchObject({ phone: '+33320000001' });

		const mails = await outbox(conn);
		expect(mails.map((m) => m.to_address).sort()).toEqual(['adjointe@ville-roubaix.fr', 'coordination@ville-roubaix.fr']);
		for (const mail of mails) {
			expect(mail.subject).toBe('Modification à valider : lieu « CCAS de Roubaix »');
			expect(mail.text).toContain(`${ORIGIN}/admin/revisions/${revisionId}`);
		}
		expect(await lastAudit()).toEqual({
			user_id: member.id,
			action: 'revision.proposed',
			entity: 'place',
			entity_id: ccasPlace,
			detail: { revision: revisionId, actor: ccas, fields: ['phone', 'description'] }
		});
	});

	it('saving the form without changing anything creates no proposal and sends no mail', async () => {
		const result = await submitChange(conn.db, await placeChange(ccasPlace, {}), as(member));
		expect(result).toEqual({ kind: 'unchanged' });
		expect(await revisionCount()).toBe(0);
		expect(await outbox(conn)).toEqual([]);
	});

	it('a second proposal for the same place replaces their first, not a colleague’s', async () => {
		const colleague = await createUser(conn, 'collegue@ccas-roubaix.fr', 'member', [ccas]);
		const first = await propose(member, ccasPlace, { phone: '+33320000001' });
		const colleagues = await propose(colleague, ccasPlace, { website: 'https://ccas.ville-roubaix.fr' });
		const second = await propose(member, ccasPlace, { phone: '+33320000002' });
		expect((await revisionRow(first)).status).toBe('superseded');
		expect((await revisionRow(colleagues)).status).toBe('proposed');
		expect((await revisionRow(second)).status).toBe('proposed');
		// The replaced proposal can no longer be approved.
		expect(await approveRevision(conn.db, first, as(coordinator))).toEqual({ kind: 'not_pending' });
		expect((await placeRow(ccasPlace)).phone).toBe('+33320815757');
	});

	it('cannot change a place of another structure by naming their own structure', async () => {
		const cafPlace = await placeIdByName(conn, 'Caf du Nord');
		const cafOffer = (await oneRow<{ id: number }>(conn, 'select id from offers where place_id = ?', cafPlace)).id;
		const place = await loadPlace(cafPlace);
		const offer = await loadOffer(cafOffer);
		const beforePlace = await placeRow(cafPlace);
		const beforeOffer = await offerRow(cafOffer);

		for (const user of [member, coordinator]) {
			expect(
				await submitChange(
					conn.db,
					{ entity: 'place', entityId: cafPlace, actorId: ccas, baseVersion: 1, after: { ...place.snapshot, name: 'CCAS annexe' } },
					as(user)
				)
			).toEqual({ kind: 'missing' });
			expect(
				await submitChange(
					conn.db,
					{ entity: 'offer', entityId: cafOffer, actorId: ccas, baseVersion: 1, after: { ...offer.snapshot, hours: 'Mo 09:00-12:00' } },
					as(user)
				)
			).toEqual({ kind: 'missing' });
		}
		expect(
			await submitChange(
				conn.db,
				{ entity: 'place', entityId: 99_999, actorId: ccas, baseVersion: 1, after: place.snapshot },
				as(member)
			)
		).toEqual({ kind: 'missing' });
		expect(await placeRow(cafPlace)).toEqual(beforePlace);
		expect(await offerRow(cafOffer)).toEqual(beforeOffer);
		expect(await revisionCount()).toBe(0);
		expect(await outbox(conn)).toEqual([]);
	});
});

describe('the coordination decides', () => {
	it('approving publishes the change, moves the place into its new IRIS and tells the author', async () => {
		// The point of another real place, in another IRIS.
		const echo = await loadPlace(await placeIdByName(conn, 'Centre social ECHO'));
		const echoAreas = await areasOf(await placeIdByName(conn, 'Centre social ECHO'));
		const irisOf = (codes: string[]) => codes.filter((c) => /^\d{9}$/.test(c));
		expect(irisOf(await areasOf(ccasPlace))).toEqual(['595120903']);
		expect(irisOf(echoAreas)).toEqual(['595120301']);

		const revisionId = await propose(member, ccasPlace, { address: '10 rue de l’Alma', lat: echo.snapshot.lat, lon: echo.snapshot.lon });
		expect(await approveRevision(conn.db, revisionId, as(coordinator, LATER))).toEqual({ kind: 'done' });

		const place = await loadPlace(ccasPlace);
		expect(place.version).toBe(2);
		expect(place.snapshot).toMatchObject({ address: '10 rue de l’Alma', lat: echo.snapshot.lat, lon: echo.snapshot.lon });
		expect((await placeRow(ccasPlace)).updated_at).toBe(LATER.toISOString());
		expect(await areasOf(ccasPlace)).toEqual(echoAreas);
		expect(await revisionRow(revisionId)).toMatchObject({ status: 'published', decided_by: coordinator.id });

		const toAuthor = (await outbox(conn)).filter((m) => m.to_address === member.email);
		expect(toAuthor).toHaveLength(1);
		expect(toAuthor[0]!.subject).toBe('Modification publiée : lieu « CCAS de Roubaix »');
		expect(toAuthor[0]!.text).toContain(`${ORIGIN}/espace`);
		expect(await lastAudit()).toMatchObject({ user_id: coordinator.id, action: 'revision.approved', entity: 'place', entity_id: ccasPlace });

		// A second click on « Valider » does nothing more.
		expect(await approveRevision(conn.db, revisionId, as(coordinator, LATER))).toEqual({ kind: 'not_pending' });
		expect((await loadPlace(ccasPlace)).version).toBe(2);
	});

	it('refusing keeps the place as it was and mails the reason to the author', async () => {
		const before = await placeRow(ccasPlace);
		const revisionId = await propose(member, ccasPlace, { phone: '+33320000001' });
		const reason = 'Ce numéro est celui de l’accueil de la mairie, pas celui du CCAS.';
		expect(await refuseRevision(conn.db, revisionId, reason, as(coordinator, LATER))).toEqual({ kind: 'done' });

		expect(await placeRow(ccasPlace)).toEqual(before);
		expect(await revisionRow(revisionId)).toMatchObject({ status: 'refused', reason, decided_by: coordinator.id });
		const toAuthor = (await outbox(conn)).filter((m) => m.to_address === member.email);
		expect(toAuthor).toHaveLength(1);
		expect(toAuthor[0]!.subject).toBe('Modification refusée : lieu « CCAS de Roubaix »');
		expect(toAuthor[0]!.text).toContain(`Motif : ${reason}`);
		expect(await lastAudit()).toMatchObject({ user_id: coordinator.id, action: 'revision.refused', entity: 'place', entity_id: ccasPlace });
		// Refused is final: it cannot be approved afterwards.
		expect(await approveRevision(conn.db, revisionId, as(coordinator, LATER))).toEqual({ kind: 'not_pending' });
		expect(await placeRow(ccasPlace)).toEqual(before);
	});

	it('a proposal made on a version that has since changed cannot be approved', async () => {
		const revisionId = await propose(member, ccasPlace, { description: 'Accueil sans rendez-vous.' });
		const published = await submitChange(conn.db, await placeChange(ccasPlace, { phone: '+33320000009' }), as(coordinator));
		expect(published.kind).toBe('published');
		const afterCoordinator = await placeRow(ccasPlace);

		const result = await approveRevision(conn.db, revisionId, as(coordinator, LATER));
		expect(result).toEqual({
			kind: 'conflict',
			changes: [{ field: 'phone', label: 'Téléphone', before: '+33320815757', after: '+33320000009' }]
		});
		expect(await placeRow(ccasPlace)).toEqual(afterCoordinator);
		expect((await revisionRow(revisionId)).status).toBe('proposed');
		expect((await outbox(conn)).some((m) => m.subject.startsWith('Modification publiée'))).toBe(false);
	});
});

describe('a trusted structure', () => {
	it('publishes its member’s change at once, without asking the coordination', async () => {
		await run(conn, 'update actors set trusted = 1 where id = ?', ccas);
		const result = await submitChange(conn.db, await placeChange(ccasPlace, { phone: '+33320000001' }), as(member));
		expect(result).toEqual({ kind: 'published', revisionId: expect.any(Number), entityId: ccasPlace });
		const place = await loadPlace(ccasPlace);
		expect(place.version).toBe(2);
		expect(place.snapshot.phone).toBe('+33320000001');
		expect(await outbox(conn)).toEqual([]);
		expect(await lastAudit()).toMatchObject({ user_id: member.id, action: 'revision.published', entity: 'place', entity_id: ccasPlace });
	});
});

describe('two people editing the same record', () => {
	it('the second save is refused with what the first changed, and does not overwrite it', async () => {
		const other = await createUser(conn, 'adjoint2@ville-roubaix.fr', 'coordinator');
		const formA = await placeChange(ccasPlace, {});
		const formB = await placeChange(ccasPlace, {});
		expect(formA.baseVersion).toBe(formB.baseVersion);

		const saveA = await submitChange(
			conn.db,
			{ ...formA, after: { ...formA.after, phone: '+33320000001', website: 'https://ccas.ville-roubaix.fr' } },
			as(coordinator)
		);
		expect(saveA.kind).toBe('published');
		const recordA = await loadPlace(ccasPlace);
		const revisionsAfterA = await revisionCount();

		const saveB = await submitChange(
			conn.db,
			{ ...formB, after: { ...formB.after, phone: '+33399999999', description: 'Texte de B' } },
			as(other)
		);
		expect(saveB).toEqual({
			kind: 'conflict',
			changes: [
				{ field: 'phone', label: 'Téléphone', before: '+33320815757', after: '+33320000001' },
				{
					field: 'website',
					label: 'Site web',
					before: 'https://www.ville-roubaix.fr/services-infos-pratiques/social-solidarites/ou-se-renseigner/les-ccas-de-quartiers/',
					after: 'https://ccas.ville-roubaix.fr'
				}
			]
		});
		expect(await loadPlace(ccasPlace)).toEqual(recordA);
		expect((await placeRow(ccasPlace)).description).toBeNull();
		expect(await revisionCount()).toBe(revisionsAfterA);
		expect((await auditLines(conn)).filter((l) => l.user_id === other.id)).toEqual([]);
	});

	it('a member saving an old form is refused too, before any proposal is made', async () => {
		const stale = await placeChange(ccasPlace, { description: 'Ancien formulaire' });
		await submitChange(conn.db, await placeChange(ccasPlace, { email: 'accueil@ccas-roubaix.fr' }), as(coordinator));
		const result = await submitChange(conn.db, stale, as(member));
		expect(result).toEqual({
			kind: 'conflict',
			changes: [{ field: 'email', label: 'E-mail', before: 'contact@ccas-roubaix.fr', after: 'accueil@ccas-roubaix.fr' }]
		});
		expect(await allRows(conn, "select id from revisions where status = 'proposed'")).toEqual([]);
		expect(await outbox(conn)).toEqual([]);
	});
});

describe('rollback', () => {
	it('puts back the previous state as a new revision of its own', async () => {
		const original = await loadPlace(ccasPlace);
		const published = await submitChange(conn.db, await placeChange(ccasPlace, { name: 'CCAS – Pellart', phone: '+33320000001' }), as(coordinator));
		if (published.kind !== 'published') throw new Error(published.kind);
		const changed = await loadPlace(ccasPlace);

		const result = await rollbackRevision(conn.db, published.revisionId, as(coordinator, LATER));
		if (result.kind !== 'done') throw new Error(JSON.stringify(result));
		const restored = await loadPlace(ccasPlace);
		expect(restored.snapshot).toEqual(original.snapshot);
		expect(restored.version).toBe(3);
		expect(await revisionRow(result.revisionId)).toMatchObject({ operation: 'rollback', status: 'published', entity_id: ccasPlace, base_version: 2 });
		expect(JSON.parse((await revisionRow(result.revisionId)).before!)).toEqual(changed.snapshot);
		expect(JSON.parse((await revisionRow(result.revisionId)).after)).toEqual(original.snapshot);
		// The change being undone stays in the history as it was.
		expect((await revisionRow(published.revisionId)).status).toBe('published');
		expect(await lastAudit()).toMatchObject({
			action: 'revision.rolled_back',
			entity: 'place',
			entity_id: ccasPlace,
			detail: { revision: published.revisionId, new_revision: result.revisionId }
		});
		// Undoing again finds nothing to do.
		expect(await rollbackRevision(conn.db, published.revisionId, as(coordinator, LATER))).toEqual({
			kind: 'impossible',
			message: 'La fiche est déjà dans cet état.'
		});
	});

	it('a creation cannot be rolled back, and says what to do instead', async () => {
		const created = await submitChange(
			conn.db,
			{ entity: 'place', entityId: null, actorId: ccas, baseVersion: null, after: newPlace(50.6873, 3.1833) },
			as(coordinator)
		);
		if (created.kind !== 'published') throw new Error(created.kind);
		const result = await rollbackRevision(conn.db, created.revisionId, as(coordinator, LATER));
		expect(result).toEqual({
			kind: 'impossible',
			message: 'Une création ne peut pas être annulée : pour retirer une offre, indiquez « fermée définitivement ».'
		});
		expect((await placeRow(created.entityId)).name).toBe('Point numérique de l’Alma');
	});

	it('a proposal that was never published cannot be rolled back', async () => {
		const revisionId = await propose(member, ccasPlace, { phone: '+33320000001' });
		expect(await rollbackRevision(conn.db, revisionId, as(coordinator))).toMatchObject({ kind: 'impossible' });
	});
});

function newPlace(lat: number, lon: number): PlaceSnapshot {
	return {
		name: 'Point numérique de l’Alma',
		address: '12 rue de l’Alma',
		address_complement: null,
		postal_code: '59100',
		commune: 'Roubaix',
		lat,
		lon,
		phone: null,
		email: null,
		website: null,
		description: 'Accès libre aux ordinateurs.'
	};
}

describe('offers', () => {
	let inferredOffer: number;

	beforeEach(async () => {
		inferredOffer = (await oneRow<{ id: number }>(
			conn,
			'select id from offers where actor_id = ? and place_id = ? and level_inferred = 1 order by id limit 1',
			ccas,
			ccasPlace
		)).id;
	});

	async function offerChange(id: number, changes: Partial<OfferSnapshot>) {
		const record = await loadOffer(id);
		return { entity: 'offer' as const, entityId: id, actorId: record.actorId, baseVersion: record.version, after: { ...record.snapshot, ...changes } };
	}

	it('a member’s change, once approved, makes the level certain and verified by the structure', async () => {
		const before = await offerRow(inferredOffer);
		const result = await submitChange(conn.db, await offerChange(inferredOffer, { hours: 'Tu 09:00-12:00' }), as(member));
		if (result.kind !== 'proposed') throw new Error(result.kind);
		expect(await offerRow(inferredOffer)).toEqual(before);
		expect((await outbox(conn))[0]!.subject).toBe('Modification à valider : offre « Apprendre en atelier » à « CCAS de Roubaix »');

		expect(await approveRevision(conn.db, result.revisionId, as(coordinator, LATER))).toEqual({ kind: 'done' });
		expect(await offerRow(inferredOffer)).toMatchObject({
			hours: 'Tu 09:00-12:00',
			level_inferred: 0,
			verified_at: LATER.toISOString(),
			verified_how: 'structure',
			version: 2
		});
	});

	it('a coordinator publishes at once, recording how the facts were checked', async () => {
		const byPhone = await submitChange(conn.db, await offerChange(inferredOffer, { hours: 'Tu 09:00-12:00' }), as(coordinator, NOW, { verifiedHow: 'telephone' }));
		expect(byPhone.kind).toBe('published');
		expect(await offerRow(inferredOffer)).toMatchObject({ level_inferred: 0, verified_at: NOW.toISOString(), verified_how: 'telephone', version: 2 });

		await submitChange(conn.db, await offerChange(inferredOffer, { hours: 'Tu 09:00-12:00; We 14:00-17:00' }), as(coordinator, LATER));
		expect(await offerRow(inferredOffer)).toMatchObject({ verified_at: LATER.toISOString(), verified_how: 'coordinator', version: 3 });
	});

	it('rolling back an offer restores its facts without calling them checked today', async () => {
		const originalHours = (await offerRow(inferredOffer)).hours;
		const published = await submitChange(conn.db, await offerChange(inferredOffer, { hours: 'Tu 09:00-12:00' }), as(coordinator, NOW, { verifiedHow: 'telephone' }));
		if (published.kind !== 'published') throw new Error(published.kind);
		const result = await rollbackRevision(conn.db, published.revisionId, as(coordinator, LATER));
		expect(result.kind).toBe('done');
		expect(originalHours).not.toBe('Tu 09:00-12:00');
		expect(await offerRow(inferredOffer)).toMatchObject({ hours: originalHours, verified_at: NOW.toISOString(), verified_how: 'telephone', version: 3 });
	});

	it('a new offer proposed by a member exists only once approved', async () => {
		const template = await loadOffer(inferredOffer);
		const count = async () => (await oneRow<{ n: number }>(conn, 'select count(*) as n from offers where actor_id = ?', ccas)).n;
		const before = await count();
		const result = await submitChange(
			conn.db,
			{
				entity: 'offer',
				entityId: null,
				actorId: ccas,
				baseVersion: null,
				after: { ...template.snapshot, level: 'discover', hours: 'Mo 14:00-17:00', description: 'Accès libre aux ordinateurs.' }
			},
			as(member)
		);
		if (result.kind !== 'proposed') throw new Error(result.kind);
		expect(await count()).toBe(before);
		expect(await lastAudit()).toMatchObject({ action: 'revision.proposed', entity: 'offer', entity_id: null });

		expect(await approveRevision(conn.db, result.revisionId, as(coordinator, LATER))).toEqual({ kind: 'done' });
		expect(await count()).toBe(before + 1);
		const createdId = (await revisionRow(result.revisionId)).entity_id!;
		expect(await offerRow(createdId)).toMatchObject({
			actor_id: ccas,
			place_id: ccasPlace,
			level: 'discover',
			level_inferred: 0,
			hours: 'Mo 14:00-17:00',
			source: 'local',
			verified_at: LATER.toISOString(),
			verified_how: 'structure'
		});
		expect(await revisionRow(result.revisionId)).toMatchObject({ status: 'published', operation: 'create' });
		expect(await lastAudit()).toMatchObject({ action: 'revision.approved', entity: 'offer', entity_id: createdId });
	});

	it('a new place proposed by a member exists only once approved, in the right areas', async () => {
		const echoId = await placeIdByName(conn, 'Centre social ECHO');
		const echo = await loadPlace(echoId);
		const count = async () => (await oneRow<{ n: number }>(conn, 'select count(*) as n from places')).n;
		const result = await submitChange(
			conn.db,
			{ entity: 'place', entityId: null, actorId: ccas, baseVersion: null, after: newPlace(echo.snapshot.lat, echo.snapshot.lon) },
			as(member)
		);
		if (result.kind !== 'proposed') throw new Error(result.kind);
		expect(await count()).toBe(39);
		expect((await outbox(conn)).map((m) => m.subject)).toContain('Modification à valider : lieu « Point numérique de l’Alma »');

		expect(await approveRevision(conn.db, result.revisionId, as(coordinator, LATER))).toEqual({ kind: 'done' });
		expect(await count()).toBe(40);
		const createdId = (await revisionRow(result.revisionId)).entity_id!;
		expect(await placeRow(createdId)).toMatchObject({ actor_id: ccas, name: 'Point numérique de l’Alma', source: 'local', version: 1 });
		expect(await areasOf(createdId)).toEqual(await areasOf(echoId));
	});
});

describe('structure names', () => {
	it('renaming a structure to another one’s name is refused and writes nothing', async () => {
		const parkour = await actorIdByName(conn, 'PARKOUR 59');
		const record = (await readActor(conn.db, parkour))!;
		const before = await oneRow(conn, 'select * from actors where id = ?', parkour);
		const auditBefore = (await auditLines(conn)).length;
		// Same name as the CCAS once accents and case are set aside.
		const result = await submitChange(
			conn.db,
			{ entity: 'actor', entityId: parkour, actorId: parkour, baseVersion: record.version, after: { ...record.snapshot, name: 'ccas DE roubaix' } },
			as(coordinator)
		);
		expect(result).toEqual({ kind: 'duplicate_name' });
		expect(await oneRow(conn, 'select * from actors where id = ?', parkour)).toEqual(before);
		expect(await revisionCount()).toBe(0);
		expect(await auditLines(conn)).toHaveLength(auditBefore);
	});

	it('a member proposing a name already taken is told at once, not after the coordination tries to approve', async () => {
		const record = (await readActor(conn.db, ccas))!;
		const result = await submitChange(
			conn.db,
			{ entity: 'actor', entityId: ccas, actorId: ccas, baseVersion: record.version, after: { ...record.snapshot, name: 'Caf du Nord' } },
			as(member)
		);
		expect(result).toEqual({ kind: 'duplicate_name' });
		expect(await revisionCount()).toBe(0);
		expect(await outbox(conn)).toEqual([]);
	});

	it('a clash appearing while a rename waits for approval is caught at approval, and nothing is written', async () => {
		const record = (await readActor(conn.db, ccas))!;
		const proposal = await submitChange(
			conn.db,
			{ entity: 'actor', entityId: ccas, actorId: ccas, baseVersion: record.version, after: { ...record.snapshot, name: 'Solidarité Roubaix' } },
			as(member)
		);
		if (proposal.kind !== 'proposed') throw new Error(proposal.kind);
		// Meanwhile the coordination gives that name to another structure.
		const caf = await actorIdByName(conn, 'Caf du Nord');
		const cafRecord = (await readActor(conn.db, caf))!;
		const renamed = await submitChange(
			conn.db,
			{ entity: 'actor', entityId: caf, actorId: caf, baseVersion: cafRecord.version, after: { ...cafRecord.snapshot, name: 'Solidarité Roubaix' } },
			as(coordinator)
		);
		expect(renamed.kind).toBe('published');

		expect(await approveRevision(conn.db, proposal.revisionId, as(coordinator, LATER))).toEqual({ kind: 'duplicate_name' });
		expect((await readActor(conn.db, ccas))!.snapshot.name).toBe('CCAS de Roubaix');
		expect((await revisionRow(proposal.revisionId)).status).toBe('proposed');
	});
});
