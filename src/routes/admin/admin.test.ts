import type { Component } from 'svelte';
import { render } from 'svelte/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PlaceSnapshot } from '$lib/domain/listing';
import type { SignedInUser } from '$lib/server/auth/users';
import { migrate, type Connection } from '$lib/server/db/connect';
import { fileClaim } from '$lib/server/listings/claims';
import { fileErrorReport } from '$lib/server/listings/error-reports';
import { submitChange } from '$lib/server/listings/revisions';
import { readPlace } from '$lib/server/listings/snapshots';
import { auditLines, createUser, freshDatabase, oneRow, run as execute } from '$lib/server/testing/database';

/**
 * The coordination pages' loads and actions against an empty database (in memory, or a new one on
 * the PostgreSQL server named by TEST_DATABASE_URL): the guard, the decisions, and that garbage
 * input ends in a French 400 that changes nothing, never a 500. The test reads and sets up rows
 * through the test helpers' SQL only: the pages themselves go through the query modules.
 */

const conn: Connection = vi.hoisted(() => ({}) as Connection);
vi.mock('$lib/server/db', () => ({ database: () => conn }));

const { load: dashboardLoad } = await import('./+page.server');
const revisionsPage = await import('./revisions/+page.server');
const revisionPage = await import('./revisions/[id]/+page.server');
const historyPage = await import('./historique/[entity]/[id]/+page.server');
const structuresPage = await import('./structures/+page.server');
const claimsPage = await import('./demandes/+page.server');
const reportsPage = await import('./signalements/+page.server');
const campaignsPage = await import('./campagnes/+page.server');
const campaignPage = await import('./campagnes/[id]/+page.server');
const journalPage = await import('./journal/+page.server');
const outboxPage = await import('./courriels/+page.server');

const ORIGIN = 'http://localhost:5173';
let coordinator: SignedInUser;
let member: SignedInUser;
let actorId: number;
let placeId: number;

type Anything = never;

function event(path: string, user: SignedInUser | null, params: Record<string, string> = {}, body?: Record<string, string> | BodyInit) {
	const url = new URL(path, ORIGIN);
	let request: Request;
	if (body === undefined) request = new Request(url);
	else if (typeof body === 'object' && !(body instanceof FormData) && !(body instanceof Blob) && !(body instanceof ArrayBuffer)) {
		const form = new FormData();
		for (const [k, v] of Object.entries(body as Record<string, string>)) form.set(k, v);
		request = new Request(url, { method: 'POST', body: form });
	} else request = new Request(url, { method: 'POST', body: body as BodyInit, headers: { 'content-type': 'multipart/form-data; boundary=x' } });
	return { url, params, request, locals: { user } } as Anything;
}

/** A load's data, or an action's return value, without the type gymnastics. */
async function run<T = Record<string, any>>(fn: unknown, e: unknown): Promise<T> {
	return (await (fn as (e: unknown) => Promise<unknown>)(e)) as T;
}

const place: PlaceSnapshot = {
	name: 'Médiathèque test',
	address: '2 rue Pierre Motte',
	address_complement: null,
	postal_code: '59100',
	commune: 'Roubaix',
	lat: 50.69,
	lon: 3.18,
	phone: null,
	email: null,
	website: null,
	description: null
};

async function proposePlaceName(name: string): Promise<number> {
	const current = (await readPlace(conn.db, placeId))!;
	const result = await submitChange(
		conn.db,
		{ entity: 'place', entityId: placeId, actorId, baseVersion: current.version, after: { ...current.snapshot, name } },
		{ user: member, origin: ORIGIN }
	);
	if (result.kind !== 'proposed') throw new Error(`expected a proposal, got ${result.kind}`);
	return result.revisionId;
}

const revisionStatus = async (id: number) => (await oneRow<{ status: string }>(conn, 'select status from revisions where id = ?', id)).status;
const trusted = async () => (await oneRow<{ trusted: number }>(conn, 'select trusted from actors where id = ?', actorId)).trusted;

/** Inserts one row with these columns; returns its id. */
async function insert(table: 'actors' | 'places', row: Record<string, unknown>): Promise<number> {
	const columns = Object.keys(row);
	const query = `insert into ${table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')}) returning id`;
	return (await oneRow<{ id: number }>(conn, query, ...Object.values(row))).id;
}

beforeAll(async () => {
	Object.assign(conn, await freshDatabase());
	await migrate(conn.db);
	const now = new Date().toISOString();
	actorId = await insert('actors', { name: 'Association test', name_key: 'association test', created_at: now, updated_at: now });
	placeId = await insert('places', { ...place, actor_id: actorId, source: 'test', created_at: now, updated_at: now });
	coordinator = await createUser(conn, 'coord@ville.fr', 'coordinator');
	member = await createUser(conn, 'membre@asso.fr', 'member', [actorId]);
});

afterAll(async () => {
	await conn.db?.destroy();
});

describe('guard', () => {
	it('sends strangers to sign in and refuses members, in loads and actions', async () => {
		await expect(run(dashboardLoad, event('/admin', null))).rejects.toMatchObject({ status: 303 });
		await expect(run(dashboardLoad, event('/admin', member))).rejects.toMatchObject({ status: 403 });
		await expect(run(structuresPage.actions.trust, event('/admin/structures?/trust', member, {}, { actor: String(actorId), trusted: '1' }))).rejects.toMatchObject({
			status: 403
		});
		expect(await trusted()).toBe(0);
	});
});

describe('revisions', () => {
	it('lists a proposal, refuses a short reason, then approves', async () => {
		const id = await proposePlaceName('Médiathèque renommée');
		const list = await run(revisionsPage.load, event('/admin/revisions', coordinator));
		expect(list.pending.map((r: { id: number }) => r.id)).toContain(id);

		const detail = await run(revisionPage.load, event(`/admin/revisions/${id}`, coordinator, { id: String(id) }));
		expect(detail.changes).toEqual([{ field: 'name', label: 'Nom du lieu', before: 'Médiathèque test', after: 'Médiathèque renommée' }]);
		expect(detail.conflict).toBeNull();

		const refused = await run(revisionPage.actions.refuse, event(`/admin/revisions/${id}?/refuse`, coordinator, { id: String(id) }, { reason: ' x ' }));
		expect(refused).toMatchObject({ status: 400, data: { values: { reason: ' x ' } } });
		expect(refused.data.errors.reason).toMatch(/3 caractères/);
		expect(await revisionStatus(id)).toBe('proposed');

		expect(await run(revisionPage.actions.approve, event(`/admin/revisions/${id}?/approve`, coordinator, { id: String(id) }, {}))).toEqual({ decided: 'approved' });
		expect(await revisionStatus(id)).toBe('published');
		const again = await run(revisionPage.actions.approve, event(`/admin/revisions/${id}?/approve`, coordinator, { id: String(id) }, {}));
		expect(again).toMatchObject({ status: 409 });
	});

	it('404s on bad ids, never 500', async () => {
		for (const id of ['abc', '0', '-1', '1.5', '99999']) {
			await expect(run(revisionPage.load, event(`/admin/revisions/${id}`, coordinator, { id }))).rejects.toMatchObject({ status: 404 });
		}
		await expect(run(revisionPage.actions.approve, event('/admin/revisions/x?/approve', coordinator, { id: 'x' }))).rejects.toMatchObject({ status: 404 });
	});

	it('shows a conflict when the record changed since the proposal, and refuses to approve it', async () => {
		const id = await proposePlaceName('Nom proposé');
		const current = (await readPlace(conn.db, placeId))!;
		await submitChange(
			conn.db,
			{ entity: 'place', entityId: placeId, actorId, baseVersion: current.version, after: { ...current.snapshot, address: '3 rue Pierre Motte' } },
			{ user: coordinator, origin: ORIGIN }
		);
		const detail = await run(revisionPage.load, event(`/admin/revisions/${id}`, coordinator, { id: String(id) }));
		expect(detail.conflict).toEqual([{ field: 'address', label: 'Adresse', before: '2 rue Pierre Motte', after: '3 rue Pierre Motte' }]);
		const approve = await run(revisionPage.actions.approve, event(`/admin/revisions/${id}?/approve`, coordinator, { id: String(id) }, {}));
		expect(approve).toMatchObject({ status: 409, data: { conflict: [{ field: 'address' }] } });
		expect(await revisionStatus(id)).toBe('proposed');
		const refuse = await run(revisionPage.actions.refuse, event(`/admin/revisions/${id}?/refuse`, coordinator, { id: String(id) }, { reason: 'La fiche a changé.' }));
		expect(refuse).toEqual({ decided: 'refused' });
		expect(await revisionStatus(id)).toBe('refused');
	});
});

describe('history', () => {
	it('lists versions newest first and rolls one back', async () => {
		const params = { entity: 'place', id: String(placeId) };
		const data = await run(historyPage.load, event(`/admin/historique/place/${placeId}`, coordinator, params));
		expect(data.publicHref).toBe(`/lieux/${placeId}`);
		const ids = data.revisions.map((r: { id: number }) => r.id);
		expect(ids).toEqual([...ids].sort((a, b) => b - a));
		const target = data.revisions.find((r: { canRollback: boolean }) => r.canRollback);

		for (const revision of ['x', '', '1 OR 1=1']) {
			const bad = await run(historyPage.actions.rollback, event('/admin/historique/place/1?/rollback', coordinator, params, { revision }));
			expect(bad).toMatchObject({ status: 400 });
		}
		const done = await run(historyPage.actions.rollback, event('/admin/historique/place/1?/rollback', coordinator, params, { revision: String(target.id) }));
		expect(done).toMatchObject({ rolledBack: { from: target.id } });
		const twice = await run(historyPage.actions.rollback, event('/admin/historique/place/1?/rollback', coordinator, params, { revision: String(target.id) }));
		expect(twice).toMatchObject({ status: 409, data: { problem: 'La fiche est déjà dans cet état.' } });
		// A revision of another record is refused even with the right id pattern.
		const other = await run(historyPage.actions.rollback, event('/admin/historique/actor/1?/rollback', coordinator, { entity: 'actor', id: String(actorId) }, { revision: String(target.id) }));
		expect(other).toMatchObject({ status: 400 });
	});

	it('404s on an unknown entity or id', async () => {
		for (const params of [{ entity: 'user', id: '1' }, { entity: 'place', id: 'abc' }, { entity: 'offer', id: '4242' }]) {
			await expect(run(historyPage.load, event('/admin/historique', coordinator, params))).rejects.toMatchObject({ status: 404 });
		}
	});
});

describe('structures', () => {
	it('filters by name, invites with French errors and toggles trust with an audit line', async () => {
		const none = await run(structuresPage.load, event('/admin/structures?q=zzz', coordinator));
		expect(none.actors).toEqual([]);
		const found = await run(structuresPage.load, event('/admin/structures?q=ASSOCIATION', coordinator));
		expect(found.actors[0]).toMatchObject({ name: 'Association test', places: 1, members: [{ email: 'membre@asso.fr' }] });

		const bad = await run(structuresPage.actions.invite, event('/admin/structures?/invite', coordinator, {}, { actor: 'abc', email: 'pas-un-mail' }));
		expect(bad).toMatchObject({ status: 400, data: { values: { actor: 'abc', email: 'pas-un-mail' } } });
		expect(Object.keys(bad.data.errors).sort()).toEqual(['actor', 'email']);
		const missing = await run(structuresPage.actions.invite, event('/admin/structures?/invite', coordinator, {}, { actor: '9999', email: 'a@b.fr' }));
		expect(missing).toMatchObject({ status: 400, data: { errors: { actor: 'Cette structure n’existe pas.' } } });
		const ok = await run(structuresPage.actions.invite, event('/admin/structures?/invite', coordinator, {}, { actor: String(actorId), email: ' Nouvelle@Asso.fr ' }));
		expect(ok).toEqual({ invited: { email: 'nouvelle@asso.fr', actorName: 'Association test' } });

		for (const trusted of ['yes', '']) {
			const wrong = await run(structuresPage.actions.trust, event('/admin/structures?/trust', coordinator, {}, { actor: String(actorId), trusted }));
			expect(wrong).toMatchObject({ status: 400 });
		}
		await run(structuresPage.actions.trust, event('/admin/structures?/trust', coordinator, {}, { actor: String(actorId), trusted: '1' }));
		expect(await trusted()).toBe(1);
		const lines = (await auditLines(conn)).filter((l) => l.action === 'actor.trusted_changed');
		expect(lines).toHaveLength(1);
		expect(lines[0]!.detail).toEqual({ trusted: true });
		await run(structuresPage.actions.trust, event('/admin/structures?/trust', coordinator, {}, { actor: String(actorId), trusted: '0' }));
	});

	it('answers an unreadable body with a 400', async () => {
		const garbage = await run(structuresPage.actions.invite, event('/admin/structures?/invite', coordinator, {}, '--x\r\nnot a part'));
		expect(garbage).toMatchObject({ status: 400 });
	});
});

describe('claims and reports', () => {
	it('decides claims once, with a required reason to refuse', async () => {
		await fileClaim(conn.db, { actorId, name: 'Awa', email: 'awa@asso.fr', message: 'Je suis la directrice' }, ORIGIN);
		const data = await run(claimsPage.load, event('/admin/demandes', coordinator));
		const claim = data.pending[0];
		const refuse = await run(claimsPage.actions.refuse, event('/admin/demandes?/refuse', coordinator, {}, { claim: String(claim.id), reason: '' }));
		expect(refuse).toMatchObject({ status: 400, data: { claim: claim.id } });
		expect(await run(claimsPage.actions.approve, event('/admin/demandes?/approve', coordinator, {}, { claim: 'nope' }))).toMatchObject({ status: 400 });
		expect(await run(claimsPage.actions.approve, event('/admin/demandes?/approve', coordinator, {}, { claim: String(claim.id) }))).toMatchObject({
			decided: { approved: true, email: 'awa@asso.fr' }
		});
		expect(await run(claimsPage.actions.approve, event('/admin/demandes?/approve', coordinator, {}, { claim: String(claim.id) }))).toMatchObject({ status: 409 });
		const after = await run(claimsPage.load, event('/admin/demandes', coordinator));
		expect(after.pending).toEqual([]);
		expect(after.decided[0]).toMatchObject({ id: claim.id, status: 'approved', deciderEmail: 'coord@ville.fr' });
	});

	it('closes a report once, with a note of 500 characters at most', async () => {
		await fileErrorReport(conn.db, placeId, 'hours', 'Fermé le lundi');
		const data = await run(reportsPage.load, event('/admin/signalements', coordinator));
		const report = data.open[0];
		expect(report).toMatchObject({ placeName: expect.any(String), reasonLabel: 'Les horaires' });
		const long = await run(reportsPage.actions.resolve, event('/admin/signalements?/resolve', coordinator, {}, { report: String(report.id), note: 'x'.repeat(501) }));
		expect(long).toMatchObject({ status: 400, data: { report: report.id } });
		expect(await run(reportsPage.actions.dismiss, event('/admin/signalements?/dismiss', coordinator, {}, { report: String(report.id), note: '' }))).toEqual({
			closed: { report: report.id, status: 'dismissed' }
		});
		expect(await run(reportsPage.actions.resolve, event('/admin/signalements?/resolve', coordinator, {}, { report: String(report.id) }))).toMatchObject({ status: 409 });
	});
});

describe('campaigns', () => {
	it('previews, refuses bad months and launches', async () => {
		const preview = await run(campaignsPage.load, event('/admin/campagnes?mois=12', coordinator));
		expect(preview.monthsError).toBeNull();
		// No offer was ever verified: the actor is due.
		expect(preview.stale.map((a: { name: string }) => a.name)).toEqual(['Association test']);
		const wrong = await run(campaignsPage.load, event('/admin/campagnes?mois=douze', coordinator));
		expect(wrong.monthsError).toMatch(/entre 1 et 60/);

		for (const mois of ['0', '61', 'abc', '']) {
			expect(await run(campaignsPage.actions.launch, event('/admin/campagnes?/launch', coordinator, {}, { mois }))).toMatchObject({ status: 400 });
		}
		await expect(run(campaignsPage.actions.launch, event('/admin/campagnes?/launch', coordinator, {}, { mois: '12' }))).rejects.toMatchObject({
			status: 303,
			location: expect.stringMatching(/^\/admin\/campagnes\/\d+\?lancee=1$/)
		});
		const list = await run(campaignsPage.load, event('/admin/campagnes', coordinator));
		const campaign = list.campaigns[0];
		expect(campaign).toMatchObject({ recipients: 1, sent: 1, confirmed: 0 });
		const detail = await run(campaignPage.load, event(`/admin/campagnes/${campaign.id}`, coordinator, { id: String(campaign.id) }));
		expect(detail.rows[0]).toMatchObject({ name: 'Association test', emails: expect.arrayContaining(['membre@asso.fr']) });
		await expect(run(campaignPage.load, event('/admin/campagnes/x', coordinator, { id: 'x' }))).rejects.toMatchObject({ status: 404 });
		const dashboard = await run(dashboardLoad, event('/admin', coordinator));
		expect(dashboard.campaign).toMatchObject({ sent: 1, confirmed: 0 });
	});
});

describe('journal and outbox', () => {
	it('pages and filters the log without ever failing', async () => {
		const all = await run(journalPage.load, event('/admin/journal', coordinator));
		expect(all.problems).toEqual([]);
		expect(all.entries.length).toBeGreaterThan(5);
		expect(all.entries.some((e: { actionLabel: string }) => e.actionLabel === 'Publication sans modération modifiée')).toBe(true);
		const revisions = await run(journalPage.load, event('/admin/journal?action=revision', coordinator));
		expect(revisions.entries.every((e: { action: string }) => e.action.startsWith('revision.'))).toBe(true);
		for (const query of ['page=abc', 'page=0', 'page=999', 'page=-2', 'action=bogus', 'page=1e9']) {
			const data = await run(journalPage.load, event(`/admin/journal?${query}`, coordinator));
			expect(data.page).toBe(1);
			expect(data.problems.length).toBe(1);
		}
	});

	it('shows the local outbox, newest first', async () => {
		const data = await run(outboxPage.load, event('/admin/courriels', coordinator));
		expect(data.messages.length).toBeGreaterThan(0);
		expect(data.messages[0].id).toBeGreaterThan(data.messages.at(-1).id);
	});
});

describe('pages', () => {
	it('render on the server with one h1, a title, and database text escaped', async () => {
		expect(await execute(conn, 'update actors set name = ? where id = ?', 'Asso <img src=x onerror=alert(1)>', actorId)).toBe(1);
		const revision = (await oneRow<{ id: number }>(conn, 'select id from revisions order by id limit 1')).id;
		const campaign = (await oneRow<{ id: number }>(conn, 'select id from campaigns order by id limit 1')).id;
		const pages: [string, Record<string, string>, string][] = [
			['/admin', {}, './+page.svelte'],
			['/admin/revisions', {}, './revisions/+page.svelte'],
			[`/admin/revisions/${revision}`, { id: String(revision) }, './revisions/[id]/+page.svelte'],
			[`/admin/historique/place/${placeId}`, { entity: 'place', id: String(placeId) }, './historique/[entity]/[id]/+page.svelte'],
			['/admin/structures', {}, './structures/+page.svelte'],
			['/admin/demandes', {}, './demandes/+page.svelte'],
			['/admin/signalements', {}, './signalements/+page.svelte'],
			['/admin/campagnes', {}, './campagnes/+page.svelte'],
			[`/admin/campagnes/${campaign}`, { id: String(campaign) }, './campagnes/[id]/+page.svelte'],
			['/admin/journal', {}, './journal/+page.svelte'],
			['/admin/courriels', {}, './courriels/+page.svelte']
		];
		const loads: Record<string, unknown> = {
			'./+page.svelte': dashboardLoad,
			'./revisions/+page.svelte': revisionsPage.load,
			'./revisions/[id]/+page.svelte': revisionPage.load,
			'./historique/[entity]/[id]/+page.svelte': historyPage.load,
			'./structures/+page.svelte': structuresPage.load,
			'./demandes/+page.svelte': claimsPage.load,
			'./signalements/+page.svelte': reportsPage.load,
			'./campagnes/+page.svelte': campaignsPage.load,
			'./campagnes/[id]/+page.svelte': campaignPage.load,
			'./journal/+page.svelte': journalPage.load,
			'./courriels/+page.svelte': outboxPage.load
		};
		for (const [path, params, file] of pages) {
			const data = await run(loads[file], event(path, coordinator, params));
			const page = ((await import(/* @vite-ignore */ file)) as { default: Component<Record<string, unknown>> }).default;
			const { head, body } = render(page, { props: { data, form: null } });
			expect(body.match(/<h1[ >]/g), path).toHaveLength(1);
			expect(head, path).toMatch(/<title>.+ · Coordination · Inclusion numérique à Roubaix<\/title>/);
			expect(body, path).not.toContain('<img src=x');
		}
	});
});
