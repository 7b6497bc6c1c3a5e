import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignedInUser } from '../auth/users';
import type { Connection } from '../db/connect';
import * as actors from '../db/queries/actors';
import { approveRevision, rollbackRevision, submitChange, type Decider } from '../listings/revisions';
import { readActor } from '../listings/snapshots';
import { actorIdByName, allRows, createUser, oneRow, seededDatabase } from '../testing/database';
import { directoryStructures } from './directory';

/**
 * The directory of structures on the real seeded data, on SQLite and (TEST_DATABASE_URL) on
 * PostgreSQL: what it shows, and that the contact for professionals goes through moderation and
 * never into what the public directory is built from.
 */

const NOW = new Date('2026-12-01T10:00:00.000Z');
const ORIGIN = 'https://carte.roubaix.test';
const REFERENT = 'Camille Référente';

let conn: Connection;
let coordinator: SignedInUser;
let member: SignedInUser;
let utpas: number;
const as = (user: SignedInUser): Decider => ({ user, origin: ORIGIN, now: NOW });

beforeAll(async () => {
	conn = await seededDatabase();
	utpas = await actorIdByName(conn, 'UTPAS ROUBAIX VILLE');
	coordinator = await createUser(conn, 'coordination@exemple.fr', 'coordinator');
	member = await createUser(conn, 'accueil.utpas@exemple.fr', 'member', [utpas]);
});

afterAll(async () => {
	await conn.db.destroy();
});

describe('the directory of structures', () => {
	it('lists every actor with its places, offers, kind and latest verification', async () => {
		const { structures } = await directoryStructures(conn);
		expect(structures).toHaveLength((await oneRow<{ n: number }>(conn, 'select count(*) as n from actors')).n);
		const ccas = structures.find((s) => s.name === 'CCAS de Roubaix')!;
		expect(ccas.kind).toEqual({ kind: 'ccas', label: 'CCAS (centre communal d’action sociale)', deduced: true });
		expect(ccas.places.map((p) => p.name).sort()).toEqual(['CCAS de ROUBAIX', 'CCAS de Roubaix']);
		expect(ccas.places.every((p) => p.offers.length > 0 && p.areaCodes.length > 0)).toBe(true);
		const latest = await oneRow<{ v: string }>(conn, 'select max(verified_at) as v from offers where actor_id = ?', ccas.id);
		expect(ccas.verified?.at).toBe(latest.v);
		// Nothing is invented: no seeded actor has a kind of its own, and most stay « non précisé ».
		expect(structures.length).toBe(36);
		expect(structures.filter((s) => s.kind.kind === null).length).toBe(21);
		expect(structures.every((s) => !s.kind.kind || s.kind.deduced)).toBe(true);
	});

	it('a member’s presentation, kind and professional contact wait for the coordination, then show (the contact only through its own query)', async () => {
		const record = (await readActor(conn.db, utpas))!;
		const after = { ...record.snapshot, kind: 'public_body' as const, presentation: 'Accueil social du Département.', pro_contact_name: REFERENT, pro_contact_phone: '03 20 00 00 01' };
		const proposed = await submitChange(conn.db, { entity: 'actor', entityId: utpas, actorId: utpas, baseVersion: record.version, after }, as(member));
		expect(proposed.kind).toBe('proposed');
		expect(await actors.professionalContact(conn.db, utpas)).toBeNull();

		if (proposed.kind !== 'proposed') throw new Error('not proposed');
		expect((await approveRevision(conn.db, proposed.revisionId, as(coordinator))).kind).toBe('done');
		expect(await actors.professionalContact(conn.db, utpas)).toEqual({ name: REFERENT, phone: '03 20 00 00 01' });

		const { structures } = await directoryStructures(conn);
		const shown = structures.find((s) => s.id === utpas)!;
		expect(shown.kind).toEqual({ kind: 'public_body', label: expect.stringMatching(/^Organisme ou service public/), deduced: false });
		expect(shown.presentation).toBe('Accueil social du Département.');
		expect(JSON.stringify(structures)).not.toContain(REFERENT);
		expect(JSON.stringify(structures)).not.toContain('03 20 00 00 01');
		for (const profile of await actors.publicProfiles(conn.db)) expect(Object.keys(profile).sort()).toEqual(['email', 'id', 'kind', 'name', 'phone', 'presentation', 'website']);
	});

	it('removing the contact empties it; a rollback puts it back, as any field', async () => {
		const record = (await readActor(conn.db, utpas))!;
		const cleared = await submitChange(
			conn.db,
			{ entity: 'actor', entityId: utpas, actorId: utpas, baseVersion: record.version, after: { ...record.snapshot, pro_contact_name: null, pro_contact_phone: null } },
			as(coordinator)
		);
		expect(cleared.kind).toBe('published');
		expect(await actors.professionalContact(conn.db, utpas)).toBeNull();
		if (cleared.kind !== 'published') throw new Error('not published');
		expect((await rollbackRevision(conn.db, cleared.revisionId, as(coordinator))).kind).toBe('done');
		expect((await actors.professionalContact(conn.db, utpas))?.name).toBe(REFERENT);
	});

	it('a snapshot without the directory’s fields (an import, an old revision) leaves them as they are', async () => {
		const record = (await readActor(conn.db, utpas))!;
		const { kind: _k, presentation: _p, pro_contact_name: _n, pro_contact_phone: _ph, ...older } = record.snapshot;
		expect(await actors.update(conn.db, utpas, { ...older, phone: '03 20 00 00 09' }, NOW.toISOString(), record.version)).toBe(true);
		const row = (await allRows<{ phone: string; kind: string; pro_contact_name: string }>(conn, 'select phone, kind, pro_contact_name from actors where id = ?', utpas))[0]!;
		expect(row).toEqual({ phone: '03 20 00 00 09', kind: 'public_body', pro_contact_name: REFERENT });
	});
});
