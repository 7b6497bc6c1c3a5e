import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../db/connect';
import { allRows, auditLines, createUser, oneRow, run, seededDatabase } from '../testing/database';
import { purgePersonalData } from './purge';

// The purge's clock: every date below is written relative to it, never to today.
const NOW = new Date('2027-06-15T10:00:00.000Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();

let conn: Connection;
let actorId: number;
let placeId: number;
let retired: number;
let active: number;
const snapshot = (name: string | null) => JSON.stringify({ name: 'Structure', phone: null, pro_contact_name: name, pro_contact_phone: name ? '03 20 00 00 01' : null });

beforeAll(async () => {
	conn = await seededDatabase();
	actorId = (await oneRow<{ id: number }>(conn, 'select min(id) as id from actors')).id;
	placeId = (await oneRow<{ id: number }>(conn, 'select min(id) as id from places')).id;
	retired = (await createUser(conn, 'ancienne.referente@exemple.fr', 'member', [actorId])).id;
	active = (await createUser(conn, 'referente.active@exemple.fr', 'member', [actorId])).id;
	await run(conn, 'update users set disabled_at = ? where id = ?', daysAgo(400), retired);
	for (const [hash, user, expires] of [
		['s-old', active, daysAgo(1)],
		['s-live', active, daysAgo(-3)]
	] as const)
		await run(conn, 'insert into sessions (hash, user_id, created_at, expires_at) values (?, ?, ?, ?)', hash, user, daysAgo(10), expires);
	for (const [hash, expires] of [
		['t-old', daysAgo(2)],
		['t-live', daysAgo(-1)]
	] as const)
		await run(conn, "insert into tokens (hash, purpose, user_id, created_at, expires_at) values (?, 'sign_in', ?, ?, ?)", hash, active, daysAgo(3), expires);
	await run(conn, 'insert into rate_events (key, at) values (?, ?), (?, ?)', 'old', daysAgo(2), 'recent', daysAgo(0.1));
	const claim = "insert into claims (actor_id, email, name, message, status, created_at, decided_at) values (?, ?, ?, 'Je gère l’accueil.', ?, ?, ?)";
	await run(conn, claim, actorId, 'sacha.vieux@exemple.fr', 'Sacha Vieux', 'approved', daysAgo(300), daysAgo(200));
	await run(conn, claim, actorId, 'alex.recent@exemple.fr', 'Alex Récent', 'refused', daysAgo(40), daysAgo(30));
	await run(conn, claim, actorId, 'camille.attente@exemple.fr', 'Camille Attente', 'pending', daysAgo(400), null);
	const report = 'insert into error_reports (place_id, reason, message, created_at, status, resolved_at) values (?, ?, ?, ?, ?, ?)';
	await run(conn, report, placeId, 'hours', 'Ancien message', daysAgo(500), 'resolved', daysAgo(400));
	await run(conn, report, placeId, 'hours', 'Message traité récemment', daysAgo(100), 'dismissed', daysAgo(90));
	await run(conn, report, placeId, 'other', 'Message encore ouvert', daysAgo(700), 'open', null);
	const mail = "insert into outbox (created_at, to_address, subject, text, raw) values (?, ?, 'Sujet', 'Texte', '')";
	await run(conn, mail, daysAgo(91), 'vieux@exemple.fr');
	await run(conn, mail, daysAgo(10), 'recent@exemple.fr');
	const campaign = await oneRow<{ id: number }>(conn, 'insert into campaigns (created_by, created_at, months) values (?, ?, 12) returning id', active, daysAgo(500));
	await run(conn, 'insert into campaign_recipients (campaign_id, actor_id, emails, sent_at) values (?, ?, ?, ?)', campaign.id, actorId, '["accueil@exemple.fr"]', daysAgo(400));
	// A structure's contact for professionals in its history: replaced 100 days ago, replaced 10 days ago, still proposed.
	const revision =
		"insert into revisions (entity, entity_id, actor_id, operation, status, base_version, before, after, author_id, created_at, decided_by, decided_at) values ('actor', ?, ?, 'update', ?, 1, ?, ?, ?, ?, ?, ?)";
	await run(conn, revision, actorId, actorId, 'published', snapshot('Dominique Ancien'), snapshot('Claude Suivant'), active, daysAgo(101), active, daysAgo(100));
	await run(conn, revision, actorId, actorId, 'published', snapshot('Claude Suivant'), snapshot(null), active, daysAgo(11), active, daysAgo(10));
	await run(conn, revision, actorId, actorId, 'proposed', snapshot(null), snapshot('Eden En Attente'), active, daysAgo(200), null, null);
	await run(conn, "insert into audit_log (at, user_id, action, detail) values (?, ?, 'old.action', '{}'), (?, ?, 'recent.action', '{}')", daysAgo(1100), active, daysAgo(5), active);
});

afterAll(async () => {
	await conn.db.destroy();
});

describe('npm run purge: what the register says is kept no longer is erased, the rest stays', () => {
	it('erases each kind past its retention, and only that', async () => {
		const report = await purgePersonalData(conn.db, NOW);
		expect(report).toEqual({
			accounts: 1,
			sessions: 1,
			tokens: 1,
			'rate-events': 1,
			claims: 1,
			'error-reports': 1,
			outbox: 1,
			'campaign-recipients': 1,
			audit: 1,
			referrals: 0,
			'professional-contacts': 1,
			// Erased in src/lib/server/network/registrations.test.ts
			'network-registrations': 0,
			'network-survey': 0
		});
		const history = await allRows<{ before: string; after: string }>(conn, "select before, after from revisions where entity = 'actor' and author_id = ? order by id", active);
		expect(history.map((r) => [JSON.parse(r.before), JSON.parse(r.after)])).toEqual([
			[{ name: 'Structure', phone: null }, { name: 'Structure', phone: null }],
			[JSON.parse(snapshot('Claude Suivant')), JSON.parse(snapshot(null))],
			[JSON.parse(snapshot(null)), JSON.parse(snapshot('Eden En Attente'))]
		]);

		const users = await allRows<{ id: number; email: string }>(conn, 'select id, email from users where id in (?, ?) order by id', retired, active);
		expect(users).toEqual([
			{ id: retired, email: `compte-${retired}@efface.invalid` },
			{ id: active, email: 'referente.active@exemple.fr' }
		]);
		expect(await allRows(conn, 'select user_id from memberships where user_id = ?', retired)).toEqual([]);
		expect((await allRows<{ hash: string }>(conn, 'select hash from sessions order by hash')).map((r) => r.hash)).toEqual(['s-live']);
		expect((await allRows<{ hash: string }>(conn, 'select hash from tokens order by hash')).map((r) => r.hash)).toEqual(['t-live']);
		expect((await allRows<{ key: string }>(conn, 'select key from rate_events')).map((r) => r.key)).toEqual(['recent']);

		const claims = await allRows<{ status: string; name: string; email: string; message: string | null }>(conn, 'select status, name, email, message from claims order by id');
		expect(claims).toEqual([
			{ status: 'approved', name: '', email: '', message: null },
			{ status: 'refused', name: 'Alex Récent', email: 'alex.recent@exemple.fr', message: 'Je gère l’accueil.' },
			{ status: 'pending', name: 'Camille Attente', email: 'camille.attente@exemple.fr', message: 'Je gère l’accueil.' }
		]);
		const reports = await allRows<{ status: string; reason: string; message: string | null }>(conn, 'select status, reason, message from error_reports order by id');
		expect(reports).toEqual([
			{ status: 'resolved', reason: 'hours', message: null },
			{ status: 'dismissed', reason: 'hours', message: 'Message traité récemment' },
			{ status: 'open', reason: 'other', message: 'Message encore ouvert' }
		]);
		expect((await allRows<{ to_address: string }>(conn, 'select to_address from outbox')).map((r) => r.to_address)).toEqual(['recent@exemple.fr']);
		expect((await oneRow<{ emails: string }>(conn, 'select emails from campaign_recipients')).emails).toBe('[]');
		const actions = (await auditLines(conn)).map((l) => l.action);
		expect(actions).not.toContain('old.action');
		expect(actions).toContain('recent.action');
		expect((await auditLines(conn)).at(-1)).toMatchObject({ action: 'privacy.purge', user_id: null, detail: report });
	});

	it('a second run the same day erases nothing more', async () => {
		const report = await purgePersonalData(conn.db, NOW);
		expect(Object.values(report).every((n) => n === 0), JSON.stringify(report)).toBe(true);
	});
});
