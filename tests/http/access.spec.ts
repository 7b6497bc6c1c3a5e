/**
 * Who may do what: every POST action of the accounts, /espace, /admin and public forms, sent as a
 * real form POST by four roles (visitor, member of the structure A, member of another structure
 * B, coordinator). One test per cell of the ROLE × ACTION table. An allowed cell sends a valid
 * payload and checks that the action ran (its effect in the database); a refused cell checks that
 * nothing at all was written. Then garbage of every kind to every action: never a 500, nothing
 * written. What the coordinator publishes here is rolled back, and what it creates is deleted, so
 * the public data set stays the real one.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { APIRequestContext, APIResponse, PlaywrightWorkerArgs, TestInfo } from '@playwright/test';
import { actorIdByName, BASE_URL, createUser, dbInsertId, dbRow, dbRows, dbWrite, issueToken, mailsTo, sessionCookie, uniqueEmail } from '../accounts';
import { expect, test } from '../fixtures';

type Role = 'visitor' | 'memberA' | 'memberB' | 'coordinator';
const ROLES: Role[] = ['visitor', 'memberA', 'memberB', 'coordinator'];
const ROLE_WORDS: Record<Role, string> = {
	visitor: 'visiteur',
	memberA: 'membre de A',
	memberB: 'membre de B',
	coordinator: 'coordination'
};

/** Structure A (the one acted on) and B (another). These are requests, no browser: run once, in the `http` project. */
const PAIR = { A: 'UTPAS ROUBAIX CROIX', B: 'UTPAS ROUBAIX WASQUEHAL' } as const;

// ---------------------------------------------------------------------------------------------------
// Database

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const one = <T>(sql: string, ...params: unknown[]) => dbRow(sql, ...params) as Promise<T>;
const all = <T>(sql: string, ...params: unknown[]) => dbRows<T>(sql, ...params);
const maxId = async (table: string) => (await one<{ id: number }>(`select coalesce(max(id), 0) as id from ${table}`)).id;

/** Everything a form action of the directory may write, as one hash. */
const WATCHED = ['actors', 'places', 'offers', 'revisions', 'claims', 'error_reports', 'campaigns', 'campaign_recipients', 'memberships', 'users', 'tokens', 'referrals', 'referral_tokens', 'network_editions', 'network_registrations', 'network_resources', 'network_surveys', 'network_survey_invitations', 'network_survey_answers'];
// PostgreSQL has no rowid: each table in the order of its primary key.
const KEY: Record<string, string> = { campaign_recipients: 'campaign_id, actor_id', memberships: 'user_id, actor_id' };
async function checksum(): Promise<string> {
	// « table:hash » per table, so a failure says which table was written.
	const parts: string[] = [];
	for (const table of WATCHED) parts.push(`${table}:${sha256(JSON.stringify(await all(`select * from ${table} order by ${KEY[table] ?? 'id'}`))).slice(0, 12)}`);
	return parts.join(' ');
}

interface PlaceRow {
	id: number;
	name: string;
	address: string;
	address_complement: string | null;
	postal_code: string;
	commune: string;
	lat: number;
	lon: number;
	phone: string | null;
	email: string | null;
	website: string | null;
	description: string | null;
	version: number;
}
interface OfferRow {
	id: number;
	place_id: number | null;
	level: string | null;
	themes: string;
	tags: string;
	publics: string;
	specific_support: string;
	fees: string;
	access_modes: string;
	programmes: string;
	other_labels: string;
	languages: string;
	hours: string | null;
	booking_url: string | null;
	remote: number;
	description: string | null;
	status: string;
	closed_from: string | null;
	closed_until: string | null;
	closure_message: string | null;
	version: number;
}
interface ActorRow {
	id: number;
	name: string;
	siret: string | null;
	website: string | null;
	email: string | null;
	phone: string | null;
	version: number;
	trusted: number;
}

const actorRow = (id: number) => one<ActorRow>('select id, name, siret, website, email, phone, version, trusted from actors where id = ?', id);
const placeRow = (id: number) => one<PlaceRow>('select * from places where id = ?', id);
const offerRow = (id: number) => one<OfferRow>('select * from offers where id = ?', id);

// ---------------------------------------------------------------------------------------------------
// Forms as the pages send them

type Fields = [string, string][];

function actorFields(a: ActorRow, change: Partial<Record<'phone', string>> = {}): Fields {
	return [
		['version', String(a.version)],
		['name', a.name],
		['siret', a.siret ?? ''],
		['website', a.website ?? ''],
		['email', a.email ?? ''],
		['phone', change.phone ?? a.phone ?? '']
	];
}

function placeFields(p: PlaceRow | null, change: Partial<Record<keyof PlaceRow, string>> = {}): Fields {
	const base: Record<string, string> = p
		? {
				name: p.name,
				address: p.address,
				address_complement: p.address_complement ?? '',
				postal_code: p.postal_code,
				commune: p.commune,
				lat: String(p.lat),
				lon: String(p.lon),
				phone: p.phone ?? '',
				email: p.email ?? '',
				website: p.website ?? '',
				description: p.description ?? ''
			}
		: {};
	const fields: Fields = p ? [['version', String(p.version)]] : [];
	for (const [k, v] of Object.entries({ ...base, ...change })) fields.push([k, String(v)]);
	return fields;
}

function offerFields(o: OfferRow | null, placeId: number, change: Record<string, string> = {}): Fields {
	const list = (json: string) => JSON.parse(json) as string[];
	const fields: Fields = [];
	if (o) fields.push(['version', String(o.version)]);
	const single: Record<string, string> = {
		place_id: String(o?.place_id ?? placeId),
		level: o?.level ?? 'learn',
		hours_mode: 'osm',
		hours_osm: o?.hours ?? '',
		booking_url: o?.booking_url ?? '',
		description: o?.description ?? '',
		status: o?.status ?? 'active',
		closed_from: o?.closed_from ?? '',
		closed_until: o?.closed_until ?? '',
		closure_message: o?.closure_message ?? '',
		other_labels: o ? list(o.other_labels).join('\n') : '',
		...change
	};
	for (const [k, v] of Object.entries(single)) fields.push([k, v]);
	if (o?.remote) fields.push(['remote', 'on']);
	const lists: Record<string, string[]> = o
		? {
				themes: list(o.themes),
				tags: list(o.tags),
				publics: list(o.publics),
				specific_support: list(o.specific_support),
				fees: list(o.fees),
				access_modes: list(o.access_modes),
				programmes: list(o.programmes),
				languages: list(o.languages)
			}
		: { themes: ['access'], languages: ['fr'] };
	for (const [k, values] of Object.entries(lists)) for (const v of values) fields.push([k, v]);
	return fields;
}

// ---------------------------------------------------------------------------------------------------
// Sending

// A new connection per request: a body the server does not read (a redirect before the form is
// parsed) makes it close the socket, which a reused keep-alive connection would report as a reset.
const HEADERS = { Origin: BASE_URL, Accept: 'text/html', Connection: 'close' };

function encode(fields: Fields): string {
	return new URLSearchParams(fields).toString();
}

async function post(api: APIRequestContext, path: string, body: Fields | string, session: string | null, contentType = 'application/x-www-form-urlencoded') {
	return api.post(path, {
		data: typeof body === 'string' ? body : encode(body),
		headers: { ...HEADERS, 'Content-Type': contentType, ...(session ? { Cookie: `session=${session}` } : {}) },
		maxRedirects: 0,
		timeout: 30_000
	});
}

/** The test-wide coordinator who prepares cells and cleans up after them (one per project). */
const helperCoordinator = new Map<string, string>();
async function helperSession(info: TestInfo): Promise<string> {
	let email = helperCoordinator.get(info.project.name);
	if (!email) {
		email = `acces-aide.${info.project.name}.${randomBytes(3).toString('hex')}@exemple.fr`;
		helperCoordinator.set(info.project.name, email);
	}
	return (await sessionCookie(await createUser(email, 'coordinator'))).value;
}

// ---------------------------------------------------------------------------------------------------
// The world of one cell

interface World {
	info: TestInfo;
	api: APIRequestContext;
	tag: string;
	A: ActorRow;
	B: ActorRow;
	place: PlaceRow;
	offer: OfferRow;
	/** The role's user (null for the visitor) and session. */
	userId: number | null;
	session: string | null;
	helper: string;
	/** Revisions above this id were written by this cell. */
	sinceRevision: number;
	/** Records the cell created, deleted at the end. */
	created: { places: number[]; offers: number[] };
}

async function makeWorld(api: APIRequestContext, info: TestInfo, role: Role): Promise<World> {
	const A = await actorRow(await actorIdByName(PAIR.A));
	const B = await actorRow(await actorIdByName(PAIR.B));
	await dbWrite('update actors set trusted = 0 where id in (?, ?)', A.id, B.id);
	const place = await one<PlaceRow>('select * from places where actor_id = ? order by id limit 1', A.id);
	const offer = await one<OfferRow>('select * from offers where place_id = ? order by id limit 1', place.id);
	let userId: number | null = null;
	if (role !== 'visitor') {
		const actors = role === 'memberA' ? [A.id] : role === 'memberB' ? [B.id] : [];
		userId = await createUser(uniqueEmail(`acces-${role}`, info), role === 'coordinator' ? 'coordinator' : 'member', actors);
	}
	return {
		info,
		api,
		tag: randomBytes(3).toString('hex'),
		A: await actorRow(A.id),
		B,
		place,
		offer,
		userId,
		session: userId === null ? null : (await sessionCookie(userId)).value,
		helper: await helperSession(info),
		sinceRevision: await maxId('revisions'),
		created: { places: [], offers: [] }
	};
}

/** Puts back what the coordinator published or created during the cell. */
async function cleanUp(w: World) {
	const published = await all<{ entity: string; entity_id: number; id: number }>(
		"select entity, entity_id, min(id) as id from revisions where id > ? and status = 'published' and operation = 'update' group by entity, entity_id",
		w.sinceRevision
	);
	for (const r of published) {
		const response = await post(w.api, `/admin/historique/${r.entity}/${r.entity_id}?/rollback`, [['revision', String(r.id)]], w.helper);
		expect([200, 409], `rollback of ${r.entity} ${r.entity_id}`).toContain(response.status());
	}
	for (const id of w.created.offers) await dbWrite('delete from offers where id = ?', id);
	for (const id of w.created.places) {
		await dbWrite('delete from quality_flags where place_id = ? or related_place_id = ?', id, id);
		await dbWrite('delete from place_areas where place_id = ?', id);
		await dbWrite('delete from places where id = ?', id);
	}
	await dbWrite('update actors set trusted = 0 where id in (?, ?)', w.A.id, w.B.id);
	await removeTestEditions();
}

// ---------------------------------------------------------------------------------------------------
// The actions

type Outcome = 'login' | 'forbidden' | 'ok';

interface Request {
	path: string;
	body: Fields;
	/** Checks what the allowed call did (its response and its effect in the database). */
	ran: (response: APIResponse, w: World) => Promise<void>;
}

type Garbage = { path: string; body: Fields | string };

interface Action {
	name: string;
	who: Record<Role, Outcome>;
	prepare: (w: World, role: Role) => Promise<Request>;
	/** Paths and bodies of garbage for this action (ids in the path included); async when it needs a record first. */
	garbage: (w: World) => Garbage[] | Promise<Garbage[]>;
}

const anyone: Record<Role, Outcome> = { visitor: 'ok', memberA: 'ok', memberB: 'ok', coordinator: 'ok' };
const ownersOnly: Record<Role, Outcome> = { visitor: 'login', memberA: 'ok', memberB: 'forbidden', coordinator: 'ok' };
const coordinatorOnly: Record<Role, Outcome> = { visitor: 'login', memberA: 'forbidden', memberB: 'forbidden', coordinator: 'ok' };

async function expectPage(response: APIResponse, status: number, text: string | RegExp) {
	expect(response.status()).toBe(status);
	const html = await response.text();
	if (typeof text === 'string') expect(html).toContain(text);
	else expect(html).toMatch(text);
}

function expectRedirect(response: APIResponse, location: string | RegExp) {
	expect(response.status()).toBe(303);
	const where = response.headers()['location'] ?? '';
	if (typeof location === 'string') expect(where).toBe(location);
	else expect(where).toMatch(location);
}

const HUGE = 'x'.repeat(300_000);
/** Ids that are no ids. (« 1 » with a space is read as 1 by the forms that coerce numbers: not garbage there.) */
const BAD_IDS = ['abc', '-1', '0', '1e3', '1.5', '99999999999999999999', '1;drop table actors', '<script>'];
const PATH_BAD_IDS = [...BAD_IDS, ' 1', '%00'];

const validPhone = (w: World) => `03 20 ${String(parseInt(w.tag, 16) % 100).padStart(2, '0')} ${String(parseInt(w.tag, 16) % 97).padStart(2, '0')} 10`;

/** A new proposal of A's structure by its member, through the page: something to decide on. */
async function proposeActorChange(w: World): Promise<number> {
	const email = uniqueEmail('acces-proposition', w.info);
	const author = await createUser(email, 'member', [w.A.id]);
	const response = await post(w.api, `/espace/structures/${w.A.id}`, actorFields(await actorRow(w.A.id), { phone: validPhone(w) }), (await sessionCookie(author)).value);
	expectRedirect(response, `/espace/structures/${w.A.id}?etat=propose`);
	return (await one<{ id: number }>("select max(id) as id from revisions where status = 'proposed' and author_id = ?", author)).id;
}

function newClaim(w: World): Promise<number> {
	return dbInsertId(
		"insert into claims (actor_id, email, name, message, status, created_at) values (?, ?, ?, null, 'pending', ?) returning id",
		w.A.id,
		uniqueEmail('acces-demande', w.info),
		`Demandeur ${w.tag}`,
		new Date().toISOString()
	);
}

function newReport(w: World): Promise<number> {
	return dbInsertId(
		"insert into error_reports (place_id, reason, message, created_at, status) values (?, 'hours', ?, ?, 'open') returning id",
		w.place.id,
		`Horaires faux ${w.tag}`,
		new Date().toISOString()
	);
}

/** A published change of A's place by the helper coordinator, to roll back. */
async function publishPlaceChange(w: World): Promise<number> {
	const response = await post(w.api, `/espace/lieux/${w.place.id}?/save`, placeFields(await placeRow(w.place.id), { description: `Publié pour le retour arrière ${w.tag}` }), w.helper);
	expectRedirect(response, `/espace/lieux/${w.place.id}?etat=publie`);
	return (await one<{ id: number }>("select max(id) as id from revisions where entity = 'place' and entity_id = ? and status = 'published'", w.place.id)).id;
}

// The network's cells work on editions numbered from 5000, removed with their registrations after each cell.
const TEST_EDITION_MIN = 5000;
async function removeTestEditions() {
	await dbWrite('delete from network_registrations where edition_id in (select id from network_editions where number >= ?)', TEST_EDITION_MIN);
	await dbWrite('delete from network_editions where number >= ?', TEST_EDITION_MIN);
	await dbWrite("delete from network_resources where title like 'À retirer %' or title like 'Ressource des droits %'");
	const surveyIds = "select id from network_surveys where title like 'Enquête des droits %'";
	await dbWrite(`delete from network_survey_answers where survey_id in (${surveyIds})`);
	await dbWrite(`delete from network_survey_invitations where survey_id in (${surveyIds})`);
	await dbWrite("delete from network_surveys where title like 'Enquête des droits %'");
}
/** An open survey of the cell (one at a time: the cells' own are removed after each). */
function openSurveyRow(w: World): Promise<number> {
	return dbInsertId(
		"insert into network_surveys (title, themes, max_choices, opened_at) values (?, '[\"health\",\"jobs\"]', 2, ?) returning id",
		`Enquête des droits ${w.tag}`,
		new Date().toISOString()
	);
}
let editionSeq = 0;
/** A new number each call (the multipart test prepares every action in one world). */
const editionNumber = (w: World) => TEST_EDITION_MIN + ((parseInt(w.tag, 16) + editionSeq++ * 7) % 4999);
const daysAhead = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
/** An edition open for registration, a month ahead, with `capacity` seats. */
async function openEdition(w: World, capacity = 10): Promise<{ id: number; number: number }> {
	const number = editionNumber(w);
	const stamp = new Date().toISOString();
	const id = await dbInsertId(
		"insert into network_editions (number, held_on, title, capacity, registration_open, created_at, updated_at) values (?, ?, ?, ?, 1, ?, ?) returning id",
		number,
		daysAhead(30),
		`Édition des droits ${w.tag}`,
		capacity,
		stamp,
		stamp
	);
	return { id, number };
}
/** A registration with a known cancel link. */
async function registrationWithLink(w: World, editionId: number): Promise<{ id: number; raw: string }> {
	const raw = randomBytes(32).toString('base64url');
	const id = await dbInsertId(
		"insert into network_registrations (edition_id, name, email, email_key, status, cancel_hash, created_at, confirmed_at) values (?, ?, ?, ?, 'confirmed', ?, ?, ?) returning id",
		editionId,
		`Inscrite ${w.tag}`,
		`inscrite.${w.tag}@exemple.fr`,
		`inscrite.${w.tag}@exemple.fr`,
		sha256(raw),
		new Date().toISOString(),
		new Date().toISOString()
	);
	return { id, raw };
}
const editionFields = (number: number, extra: Record<string, string> = {}): Fields =>
	Object.entries({ numero: String(number), date: daysAhead(45), titre: `Édition créée ${number}`, theme: 'health', capacite: '20', inscriptions: 'ouvertes', ...extra });



/** A referral received by A's structure, straight in the database; with a one-time link of `purpose` when asked. */
async function newReferral(w: World, status: 'sent' | 'awaiting_sender', purpose: 'answer' | 'confirm' | null = null): Promise<{ id: number; token: string }> {
	const now = new Date();
	const id = await dbInsertId(
		`insert into referrals (created_at, status, offer_id, place_id, actor_id, recipient_email, sender_email, needs, constraints, resident_name, resident_will_come, consent_at, idempotency_key, sent_at, expires_at)
		 values (?, ?, ?, ?, ?, ?, ?, '[]', '{}', ?, 1, ?, ?, ?, ?) returning id`,
		now.toISOString(),
		status,
		w.offer.id,
		w.place.id,
		w.A.id,
		uniqueEmail('acces-accueil', w.info),
		uniqueEmail('acces-envoi', w.info),
		`R. ${w.tag}`,
		now.toISOString(),
		`acces-${w.tag}-${randomBytes(6).toString('hex')}`,
		status === 'sent' ? now.toISOString() : null,
		new Date(now.getTime() + 86_400_000).toISOString()
	);
	const token = randomBytes(32).toString('base64url');
	if (purpose) {
		await dbWrite('insert into referral_tokens (hash, referral_id, purpose, created_at, expires_at) values (?, ?, ?, ?, ?)', sha256(token), id, purpose, now.toISOString(), new Date(now.getTime() + 86_400_000).toISOString());
	}
	return { id, token };
}

/** An offer whose place can receive a referral by mail (its own address or its structure's). */
async function reachableOffer(): Promise<number> {
	return (
		await one<{ id: number }>(
			"select min(o.id) as id from offers o join places p on p.id = o.place_id join actors a on a.id = o.actor_id where o.status != 'closed' and coalesce(nullif(p.email, ''), nullif(a.email, '')) is not null"
		)
	).id;
}

const referralStatus = async (id: number) => (await one<{ status: string }>('select status from referrals where id = ?', id)).status;

function referralForm(offer: number, key: string, change: Record<string, string> = {}): Fields {
	const base: Record<string, string> = { offre: String(offer), cle: key, precedent: '', reponses: 'besoin=demarches', prenom: 'R.', telephone: '', courriel: '', presentera: 'on', langue: '', note: '', consentement: 'on', expediteur: '', ...change };
	return Object.entries(base);
}

const ACTIONS: Action[] = [
	{
		name: 'POST /connexion (demander un lien)',
		who: anyone,
		prepare: async (w) => {
			const email = uniqueEmail('acces-lien', w.info);
			const userId = await createUser(email, 'member');
			return {
				path: '/connexion',
				body: [['email', email], ['retour', '/espace']],
				ran: async (response) => {
					// Someone already signed in is told so instead of « Regardez votre messagerie »; the link is sent all the same.
					await expectPage(response, 200, /Regardez votre messagerie|Vous êtes connecté·e avec l’adresse/);
					expect(await mailsTo(email)).toHaveLength(1);
					expect((await one<{ n: number }>("select count(*) as n from tokens where user_id = ? and purpose = 'sign_in'", userId)).n).toBe(1);
				}
			};
		},
		garbage: () => [
			{ path: '/connexion', body: [] },
			{ path: '/connexion', body: [['email', HUGE]] },
			{ path: '/connexion', body: [['email', ''], ['email', 'a@b.fr'], ['retour', '//evil.example']] },
			{ path: '/connexion', body: [['email', 'pas-une-adresse'], ['retour', HUGE]] }
		]
	},
	{
		name: 'POST /connexion/lien (ouvrir la session)',
		who: anyone,
		prepare: async (w) => {
			const userId = await createUser(uniqueEmail('acces-jeton', w.info), 'member');
			const token = await issueToken('sign_in', { userId });
			return {
				path: '/connexion/lien',
				body: [['jeton', token], ['retour', '/espace']],
				ran: async (response) => {
					expectRedirect(response, '/espace');
					expect(response.headers()['set-cookie'] ?? '').toMatch(/^session=/);
					expect((await one<{ n: number }>('select count(*) as n from sessions where user_id = ?', userId)).n).toBe(1);
					expect((await one<{ used_at: string | null }>('select used_at from tokens where hash = ?', sha256(token))).used_at).not.toBeNull();
				}
			};
		},
		garbage: () => [
			{ path: '/connexion/lien', body: [] },
			{ path: '/connexion/lien', body: [['jeton', HUGE]] },
			{ path: '/connexion/lien', body: [['jeton', 'x'.repeat(40)], ['jeton', 'y'.repeat(40)]] },
			{ path: '/connexion/lien', body: [['jeton', "' or 1=1 --"]] }
		]
	},
	{
		name: 'POST /deconnexion',
		who: anyone,
		prepare: async (w) => ({
			path: '/deconnexion',
			body: [],
			ran: async (response) => {
				expectRedirect(response, '/');
				if (w.userId !== null) expect((await one<{ n: number }>('select count(*) as n from sessions where user_id = ?', w.userId)).n).toBe(0);
			}
		}),
		garbage: () => [
			{ path: '/deconnexion', body: [['x', HUGE]] },
			{ path: '/deconnexion', body: [['a', '1'], ['a', '2']] }
		]
	},
	{
		name: 'POST /espace ?/confirm',
		who: ownersOnly,
		prepare: async (w) => {
			await dbWrite("update offers set verified_at = '2021-01-01T00:00:00.000Z', verified_how = 'import' where actor_id = ?", w.A.id);
			return {
				path: '/espace?/confirm',
				body: [['actor', String(w.A.id)]],
				ran: async (response) => {
					await expectPage(response, 200, `Merci : les informations de « ${w.A.name} » sont marquées comme vérifiées aujourd’hui.`);
					for (const o of await all<{ verified_how: string; verified_at: string }>('select verified_how, verified_at from offers where actor_id = ?', w.A.id)) {
						expect(o.verified_how).toBe('structure');
						expect(o.verified_at > '2021-01-02').toBe(true);
					}
				}
			};
		},
		garbage: () => [
			...BAD_IDS.map((id) => ({ path: '/espace?/confirm', body: [['actor', id]] as Fields })),
			{ path: '/espace?/confirm', body: [] },
			{ path: '/espace?/confirm', body: [['actor', 'abc'], ['actor', '1']] },
			{ path: '/espace?/confirm', body: [['actor', HUGE]] }
		]
	},
	{
		name: 'POST /espace/structures/[id] (enregistrer la structure)',
		who: ownersOnly,
		prepare: async (w, role) => {
			const phone = validPhone(w);
			return {
				path: `/espace/structures/${w.A.id}`,
				body: actorFields(w.A, { phone }),
				ran: async (response) => {
					if (role === 'coordinator') {
						expectRedirect(response, `/espace/structures/${w.A.id}?etat=publie`);
						expect((await actorRow(w.A.id)).phone).toBe(phone);
					} else {
						expectRedirect(response, `/espace/structures/${w.A.id}?etat=propose`);
						const r = await one<{ status: string; after: string }>("select status, after from revisions where entity = 'actor' and entity_id = ? and author_id = ? order by id desc", w.A.id, w.userId);
						expect(r.status).toBe('proposed');
						expect(JSON.parse(r.after).phone).toBe(phone);
						expect(await actorRow(w.A.id)).toEqual(w.A);
					}
				}
			};
		},
		garbage: (w) => [
			...PATH_BAD_IDS.map((id) => ({ path: `/espace/structures/${encodeURIComponent(id)}`, body: actorFields(w.A, { phone: '03 20 00 00 00' }) })),
			{ path: `/espace/structures/${w.A.id}`, body: [] },
			{ path: `/espace/structures/${w.A.id}`, body: [['version', String(w.A.version)], ['name', HUGE]] },
			{ path: `/espace/structures/${w.A.id}`, body: [['version', String(w.A.version)], ['name', ''], ['name', 'Autre nom'], ['phone', 'abc'], ['phone', '03 20 00 00 00']] },
			{ path: `/espace/structures/${w.A.id}`, body: [['version', 'abc'], ['name', ''], ['siret', HUGE.slice(0, 5000)]] }
		]
	},
	{
		name: 'POST /espace/lieux/[id] ?/save',
		who: ownersOnly,
		prepare: async (w, role) => {
			const description = `Accès ${role} ${w.tag}`;
			return {
				path: `/espace/lieux/${w.place.id}?/save`,
				body: placeFields(w.place, { description }),
				ran: async (response) => {
					if (role === 'coordinator') {
						expectRedirect(response, `/espace/lieux/${w.place.id}?etat=publie`);
						expect((await placeRow(w.place.id)).description).toBe(description);
					} else {
						expectRedirect(response, `/espace/lieux/${w.place.id}?etat=propose`);
						expect((await one<{ status: string }>("select status from revisions where entity = 'place' and entity_id = ? and author_id = ? order by id desc", w.place.id, w.userId)).status).toBe('proposed');
						expect(await placeRow(w.place.id)).toEqual(w.place);
					}
				}
			};
		},
		garbage: (w) => [
			...PATH_BAD_IDS.map((id) => ({ path: `/espace/lieux/${encodeURIComponent(id)}?/save`, body: placeFields(w.place, { name: '' }) })),
			{ path: `/espace/lieux/${w.place.id}?/save`, body: [] },
			{ path: `/espace/lieux/${w.place.id}?/save`, body: placeFields(w.place, { description: HUGE }) },
			{ path: `/espace/lieux/${w.place.id}?/save`, body: placeFields(w.place, { lat: 'NaN', lon: 'Infinity' }) },
			{ path: `/espace/lieux/${w.place.id}?/save`, body: placeFields(w.place, { lat: '1e3', postal_code: HUGE.slice(0, 9000) }) },
			{ path: `/espace/lieux/${w.place.id}?/save`, body: [['name', ''], ['name', 'X'], ['lat', 'abc'], ['lat', '50.69'], ['version', String(w.place.version)]] }
		]
	},
	{
		name: 'POST /espace/lieux/[id] ?/locate',
		who: ownersOnly,
		prepare: async (w) => ({
			path: `/espace/lieux/${w.place.id}?/locate`,
			body: placeFields(w.place),
			ran: async (response) => {
				await expectPage(response, 200, 'Point placé au milieu de');
				expect(await placeRow(w.place.id)).toEqual(w.place);
			}
		}),
		garbage: (w) => [
			...PATH_BAD_IDS.map((id) => ({ path: `/espace/lieux/${encodeURIComponent(id)}?/locate`, body: [['address', '1 rue de Lille']] as Fields })),
			{ path: `/espace/lieux/${w.place.id}?/locate`, body: [] },
			{ path: `/espace/lieux/${w.place.id}?/locate`, body: [['address', HUGE]] },
			{ path: `/espace/lieux/${w.place.id}?/locate`, body: [['address', 'rue'], ['address', 'rue de Lille'], ['street', HUGE.slice(0, 1000)]] }
		]
	},
	{
		name: 'POST /espace/lieux/nouveau?structure= ?/save',
		who: ownersOnly,
		prepare: async (w, role) => {
			const name = `Lieu de test des droits ${w.tag}`;
			return {
				path: `/espace/lieux/nouveau?structure=${w.A.id}&/save`,
				body: placeFields(null, {
					name,
					address: `3 impasse des Essais ${w.tag}`,
					postal_code: '59100',
					commune: 'Roubaix',
					lat: '50,6640',
					lon: '3,2150'
				}),
				ran: async (response) => {
					if (role === 'coordinator') {
						const created = await one<{ id: number } | undefined>('select id from places where name = ?', name);
						expect(created, 'the place is created').toBeDefined();
						w.created.places.push(created!.id);
						expectRedirect(response, `/espace/lieux/${created!.id}?etat=publie`);
					} else {
						expectRedirect(response, `/espace/structures/${w.A.id}?etat=propose`);
						const r = await one<{ operation: string; status: string; entity_id: number | null; after: string }>(
							"select operation, status, entity_id, after from revisions where entity = 'place' and author_id = ? order by id desc",
							w.userId
						);
						expect(r).toMatchObject({ operation: 'create', status: 'proposed', entity_id: null });
						expect(JSON.parse(r.after).name).toBe(name);
						expect((await one<{ n: number }>('select count(*) as n from places where name = ?', name)).n).toBe(0);
					}
				}
			};
		},
		garbage: (w) => [
			...PATH_BAD_IDS.map((id) => ({ path: `/espace/lieux/nouveau?structure=${encodeURIComponent(id)}&/save`, body: placeFields(null, { name: 'X', address: '1 rue de Lille', postal_code: '59100', lat: '50.69', lon: '3.17' }) })),
			{ path: '/espace/lieux/nouveau?/save', body: placeFields(null, { name: 'X' }) },
			{ path: `/espace/lieux/nouveau?structure=${w.A.id}&/save`, body: [] },
			{ path: `/espace/lieux/nouveau?structure=${w.A.id}&/save`, body: placeFields(null, { name: HUGE, address: '1 rue de Lille', lat: '50.69', lon: '3.17', postal_code: '59100' }) },
			{ path: `/espace/lieux/nouveau?structure=${w.A.id}&structure=${w.B.id}&/save`, body: [['name', ''], ['name', 'Y'], ['lat', '91']] }
		]
	},
	{
		name: 'POST /espace/lieux/nouveau?structure= ?/locate',
		who: ownersOnly,
		prepare: async (w) => ({
			path: `/espace/lieux/nouveau?structure=${w.A.id}&/locate`,
			body: [['name', 'Nouveau'], ['address', '12 rue de Lille']],
			ran: async (response) => {
				await expectPage(response, 200, 'Point placé au milieu de');
			}
		}),
		garbage: (w) => [
			...PATH_BAD_IDS.map((id) => ({ path: `/espace/lieux/nouveau?structure=${encodeURIComponent(id)}&/locate`, body: [['address', 'rue de Lille']] as Fields })),
			{ path: `/espace/lieux/nouveau?structure=${w.A.id}&/locate`, body: [['address', HUGE]] }
		]
	},
	{
		name: 'POST /espace/offres/[id] ?/save',
		who: ownersOnly,
		prepare: async (w, role) => {
			const description = `Offre, accès ${role} ${w.tag}`;
			return {
				path: `/espace/offres/${w.offer.id}?/save`,
				body: offerFields(w.offer, w.place.id, { description }),
				ran: async (response) => {
					if (role === 'coordinator') {
						expectRedirect(response, `/espace/offres/${w.offer.id}?etat=publie`);
						expect((await offerRow(w.offer.id)).description).toBe(description);
					} else {
						expectRedirect(response, `/espace/offres/${w.offer.id}?etat=propose`);
						const r = await one<{ status: string; after: string }>("select status, after from revisions where entity = 'offer' and entity_id = ? and author_id = ? order by id desc", w.offer.id, w.userId);
						expect(r.status).toBe('proposed');
						expect(JSON.parse(r.after).description).toBe(description);
						expect(await offerRow(w.offer.id)).toEqual(w.offer);
					}
				}
			};
		},
		garbage: (w) => [
			...PATH_BAD_IDS.map((id) => ({ path: `/espace/offres/${encodeURIComponent(id)}?/save`, body: offerFields(w.offer, w.place.id, { level: 'inconnu' }) })),
			{ path: `/espace/offres/${w.offer.id}?/save`, body: [] },
			{ path: `/espace/offres/${w.offer.id}?/save`, body: offerFields(w.offer, w.place.id, { hours_osm: HUGE.slice(0, 100_000) }) },
			{ path: `/espace/offres/${w.offer.id}?/save`, body: offerFields(w.offer, w.place.id, { hours_mode: 'grid', hours_Mo_1_from: '25h', hours_Mo_1_to: '99' }) },
			{ path: `/espace/offres/${w.offer.id}?/save`, body: offerFields(w.offer, w.place.id, { place_id: String(w.B.id * 1000 + 7) }) },
			{ path: `/espace/offres/${w.offer.id}?/save`, body: [...offerFields(w.offer, w.place.id, { level: 'x' }), ...Array.from({ length: 300 }, (_, i) => ['themes', `t${i}`] as [string, string])] },
			{ path: `/espace/offres/${w.offer.id}?/save`, body: [['place_id', 'abc'], ['place_id', String(w.place.id)], ['status', 'ouvert'], ['closed_from', '2026-02-30']] }
		]
	},
	{
		name: 'POST /espace/offres/[id] ?/preview',
		who: ownersOnly,
		prepare: async (w) => ({
			path: `/espace/offres/${w.offer.id}?/preview`,
			body: offerFields(w.offer, w.place.id, { hours_mode: 'grid', hours_osm: '', hours_Th_1_from: '10h', hours_Th_1_to: '12h' }),
			ran: async (response) => {
				await expectPage(response, 200, 'En clair : Jeudi : 10 h – 12 h');
				expect(await offerRow(w.offer.id)).toEqual(w.offer);
			}
		}),
		garbage: (w) => [
			...PATH_BAD_IDS.map((id) => ({ path: `/espace/offres/${encodeURIComponent(id)}?/preview`, body: [] as Fields })),
			{ path: `/espace/offres/${w.offer.id}?/preview`, body: [['hours_mode', 'osm'], ['hours_osm', HUGE.slice(0, 200_000)]] },
			{ path: `/espace/offres/${w.offer.id}?/preview`, body: [['hours_Mo_1_from', '25h'], ['hours_Mo_1_from', '9h'], ['hours_mode', 'grid'], ['hours_mode', 'osm']] }
		]
	},
	{
		name: 'POST /espace/offres/nouvelle?lieu= ?/save',
		who: ownersOnly,
		prepare: async (w, role) => {
			const description = `Nouvelle offre de test des droits ${w.tag}`;
			return {
				path: `/espace/offres/nouvelle?lieu=${w.place.id}&/save`,
				// Closed for good: even published, it never shows on the map.
				body: offerFields(null, w.place.id, { description, status: 'closed' }),
				ran: async (response) => {
					if (role === 'coordinator') {
						const created = await one<{ id: number } | undefined>('select id from offers where description = ?', description);
						expect(created, 'the offer is created').toBeDefined();
						w.created.offers.push(created!.id);
						expectRedirect(response, `/espace/offres/${created!.id}?etat=publie`);
					} else {
						expectRedirect(response, `/espace/structures/${w.A.id}?etat=propose`);
						const r = await one<{ operation: string; status: string; after: string }>(
							"select operation, status, after from revisions where entity = 'offer' and author_id = ? order by id desc",
							w.userId
						);
						expect(r).toMatchObject({ operation: 'create', status: 'proposed' });
						expect(JSON.parse(r.after).description).toBe(description);
						expect((await one<{ n: number }>('select count(*) as n from offers where description = ?', description)).n).toBe(0);
					}
				}
			};
		},
		garbage: async (w) => [
			...PATH_BAD_IDS.map((id) => ({ path: `/espace/offres/nouvelle?lieu=${encodeURIComponent(id)}&/save`, body: offerFields(null, w.place.id, { level: 'x' }) })),
			{ path: '/espace/offres/nouvelle?/save', body: offerFields(null, w.place.id) },
			{ path: `/espace/offres/nouvelle?lieu=${w.place.id}&/save`, body: [] },
			{ path: `/espace/offres/nouvelle?lieu=${w.place.id}&/save`, body: offerFields(null, w.place.id, { description: HUGE, level: 'x' }) },
			{ path: `/espace/offres/nouvelle?lieu=${w.place.id}&/save`, body: offerFields(null, w.place.id, { place_id: String((await one<{ id: number }>('select id from places where actor_id = ? limit 1', w.B.id)).id) }) }
		]
	},
	{
		name: 'POST /espace/offres/nouvelle?lieu= ?/preview',
		who: ownersOnly,
		prepare: async (w) => ({
			path: `/espace/offres/nouvelle?lieu=${w.place.id}&/preview`,
			body: [['hours_mode', 'grid'], ['hours_Sa_1_from', '9h'], ['hours_Sa_1_to', '11h30']],
			ran: async (response) => {
				await expectPage(response, 200, 'En clair : Samedi : 9 h – 11 h 30');
			}
		}),
		garbage: (w) => [
			...PATH_BAD_IDS.map((id) => ({ path: `/espace/offres/nouvelle?lieu=${encodeURIComponent(id)}&/preview`, body: [] as Fields })),
			{ path: `/espace/offres/nouvelle?lieu=${w.place.id}&/preview`, body: [['hours_Sa_1_from', HUGE.slice(0, 50_000)]] }
		]
	},
	{
		name: 'POST /espace/demande (demander à gérer une fiche)',
		who: anyone,
		prepare: async (w) => {
			const email = uniqueEmail('acces-demande', w.info);
			return {
				path: '/espace/demande',
				body: [['actor', String(w.A.id)], ['name', `Dominique ${w.tag}`], ['email', email], ['message', '']],
				ran: async (response) => {
					await expectPage(response, 200, `Votre demande pour « ${w.A.name} » est envoyée`);
					expect(await one<{ actor_id: number; status: string }>('select actor_id, status from claims where email = ?', email)).toEqual({ actor_id: w.A.id, status: 'pending' });
				}
			};
		},
		garbage: (w) => [
			...BAD_IDS.map((id) => ({ path: '/espace/demande', body: [['actor', id], ['name', 'Dominique'], ['email', 'a@b.fr']] as Fields })),
			{ path: '/espace/demande', body: [] },
			{ path: '/espace/demande', body: [['actor', String(w.A.id)], ['name', HUGE], ['email', 'a@b.fr']] },
			{ path: '/espace/demande', body: [['actor', String(w.A.id)], ['name', 'Dominique'], ['email', HUGE]] },
			{ path: '/espace/demande', body: [['actor', 'abc'], ['actor', String(w.A.id)], ['name', 'D'], ['email', 'a@b.fr']] }
		]
	},
	{
		name: 'POST /lieux/[id]/signaler (signaler une erreur)',
		who: anyone,
		prepare: async (w, role) => {
			const message = `Signalement ${role} ${w.tag}`;
			return {
				path: `/lieux/${w.place.id}/signaler`,
				body: [['reason', 'contact'], ['message', message]],
				ran: async (response) => {
					await expectPage(response, 200, 'Merci ! Votre signalement est transmis');
					expect(await one<{ place_id: number; reason: string; status: string }>('select place_id, reason, status from error_reports where message = ?', message)).toEqual({
						place_id: w.place.id,
						reason: 'contact',
						status: 'open'
					});
				}
			};
		},
		garbage: (w) => [
			...PATH_BAD_IDS.map((id) => ({ path: `/lieux/${encodeURIComponent(id)}/signaler`, body: [['reason', 'hours']] as Fields })),
			{ path: `/lieux/${w.place.id}/signaler`, body: [] },
			{ path: `/lieux/${w.place.id}/signaler`, body: [['reason', 'other'], ['message', HUGE]] },
			{ path: `/lieux/${w.place.id}/signaler`, body: [['reason', 'x'], ['reason', 'hours'], ['message', '']] },
			{ path: `/lieux/${w.place.id}/signaler`, body: [['reason', 'other'], ['message', '   ']] }
		]
	},
	{
		name: 'POST /confirmer/[jeton]',
		who: anyone,
		prepare: async (w) => {
			await dbWrite("update offers set verified_at = '2021-01-01T00:00:00.000Z', verified_how = 'import' where actor_id = ?", w.A.id);
			const token = await issueToken('confirm', { actorId: w.A.id });
			return {
				path: `/confirmer/${token}`,
				body: [],
				ran: async (response) => {
					await expectPage(response, 200, `Merci ! Les informations de « ${w.A.name} » sont marquées comme vérifiées`);
					expect((await one<{ verified_how: string }>('select verified_how from offers where actor_id = ? limit 1', w.A.id)).verified_how).toBe('structure');
				}
			};
		},
		garbage: () => [
			{ path: '/confirmer/abc', body: [] },
			{ path: `/confirmer/${'z'.repeat(4000)}`, body: [['x', HUGE]] },
			{ path: `/confirmer/${encodeURIComponent("' or 1=1 --")}`, body: [] },
			{ path: `/confirmer/${'a'.repeat(43)}`, body: [['jeton', 'a'], ['jeton', 'b']] }
		]
	},
	{
		name: 'POST /admin/revisions/[id] ?/approve',
		who: coordinatorOnly,
		prepare: async (w) => {
			const revision = await proposeActorChange(w);
			return {
				path: `/admin/revisions/${revision}?/approve`,
				body: [],
				ran: async (response) => {
					await expectPage(response, 200, 'Modification acceptée et publiée.');
					expect((await one<{ status: string }>('select status from revisions where id = ?', revision)).status).toBe('published');
				}
			};
		},
		garbage: () => [
			...PATH_BAD_IDS.map((id) => ({ path: `/admin/revisions/${encodeURIComponent(id)}?/approve`, body: [] as Fields })),
			{ path: '/admin/revisions/999999999?/approve', body: [['x', HUGE]] }
		]
	},
	{
		name: 'POST /admin/revisions/[id] ?/refuse',
		who: coordinatorOnly,
		prepare: async (w) => {
			const revision = await proposeActorChange(w);
			const reason = `Numéro à vérifier ${w.tag}`;
			return {
				path: `/admin/revisions/${revision}?/refuse`,
				body: [['reason', reason]],
				ran: async (response) => {
					await expectPage(response, 200, 'Modification refusée.');
					expect(await one<{ status: string; reason: string }>('select status, reason from revisions where id = ?', revision)).toEqual({ status: 'refused', reason });
				}
			};
		},
		garbage: (w) => [
			...PATH_BAD_IDS.map((id) => ({ path: `/admin/revisions/${encodeURIComponent(id)}?/refuse`, body: [['reason', 'Parce que']] as Fields })),
			{ path: `/admin/revisions/${Math.max(1, w.sinceRevision)}?/refuse`, body: [] },
			{ path: `/admin/revisions/${Math.max(1, w.sinceRevision)}?/refuse`, body: [['reason', HUGE]] },
			{ path: `/admin/revisions/${Math.max(1, w.sinceRevision)}?/refuse`, body: [['reason', ''], ['reason', 'Une raison valable']] }
		]
	},
	{
		name: 'POST /admin/structures ?/invite',
		who: coordinatorOnly,
		prepare: async (w) => {
			const email = uniqueEmail('acces-invite', w.info);
			return {
				path: '/admin/structures?/invite',
				body: [['actor', String(w.A.id)], ['email', email]],
				ran: async (response) => {
					await expectPage(response, 200, `Invitation envoyée à ${email}`);
					const user = await one<{ id: number }>('select id from users where email = ?', email);
					expect((await one<{ n: number }>('select count(*) as n from memberships where user_id = ? and actor_id = ?', user.id, w.A.id)).n).toBe(1);
					expect((await mailsTo(email)).map((m) => m.subject)).toEqual([`Invitation à tenir à jour « ${w.A.name} »`]);
				}
			};
		},
		garbage: (w) => [
			...BAD_IDS.map((id) => ({ path: '/admin/structures?/invite', body: [['actor', id], ['email', 'a@b.fr']] as Fields })),
			{ path: '/admin/structures?/invite', body: [] },
			{ path: '/admin/structures?/invite', body: [['actor', String(w.A.id)], ['email', HUGE]] },
			{ path: '/admin/structures?/invite', body: [['actor', 'x'], ['actor', String(w.A.id)], ['email', 'pas une adresse']] }
		]
	},
	{
		name: 'POST /admin/structures ?/trust',
		who: coordinatorOnly,
		prepare: async (w) => ({
			path: '/admin/structures?/trust',
			body: [['actor', String(w.A.id)], ['trusted', '1']],
			ran: async (response) => {
				await expectPage(response, 200, `« ${w.A.name} » : publication sans modération activée.`);
				expect((await actorRow(w.A.id)).trusted).toBe(1);
			}
		}),
		garbage: (w) => [
			...BAD_IDS.map((id) => ({ path: '/admin/structures?/trust', body: [['actor', id], ['trusted', '1']] as Fields })),
			{ path: '/admin/structures?/trust', body: [['actor', String(w.A.id)], ['trusted', '2']] },
			{ path: '/admin/structures?/trust', body: [['actor', String(w.A.id)], ['trusted', HUGE]] },
			{ path: '/admin/structures?/trust', body: [['actor', 'x'], ['actor', String(w.A.id)], ['trusted', 'oui'], ['trusted', '1']] }
		]
	},
	{
		name: 'POST /admin/demandes ?/approve',
		who: coordinatorOnly,
		prepare: async (w) => {
			const claim = await newClaim(w);
			return {
				path: '/admin/demandes?/approve',
				body: [['claim', String(claim)]],
				ran: async (response) => {
					await expectPage(response, 200, 'Demande acceptée');
					const claimRow = await one<{ status: string; email: string }>('select status, email from claims where id = ?', claim);
					expect(claimRow.status).toBe('approved');
					const user = await one<{ id: number }>('select id from users where email = ?', claimRow.email);
					expect((await one<{ n: number }>('select count(*) as n from memberships where user_id = ? and actor_id = ?', user.id, w.A.id)).n).toBe(1);
				}
			};
		},
		garbage: () => [
			...BAD_IDS.map((id) => ({ path: '/admin/demandes?/approve', body: [['claim', id]] as Fields })),
			{ path: '/admin/demandes?/approve', body: [] },
			{ path: '/admin/demandes?/approve', body: [['claim', '999999999']] },
			{ path: '/admin/demandes?/approve', body: [['claim', HUGE]] }
		]
	},
	{
		name: 'POST /admin/demandes ?/refuse',
		who: coordinatorOnly,
		prepare: async (w) => {
			const claim = await newClaim(w);
			const reason = `Inconnue de la structure ${w.tag}`;
			return {
				path: '/admin/demandes?/refuse',
				body: [['claim', String(claim)], ['reason', reason]],
				ran: async (response) => {
					await expectPage(response, 200, 'Demande refusée');
					expect(await one<{ status: string; reason: string }>('select status, reason from claims where id = ?', claim)).toEqual({ status: 'refused', reason });
				}
			};
		},
		garbage: async (w) => {
			const claim = await newClaim(w);
			return [
				...BAD_IDS.map((id) => ({ path: '/admin/demandes?/refuse', body: [['claim', id], ['reason', 'Parce que']] as Fields })),
				{ path: '/admin/demandes?/refuse', body: [['claim', String(claim)]] },
				{ path: '/admin/demandes?/refuse', body: [['claim', String(claim)], ['reason', HUGE]] },
				{ path: '/admin/demandes?/refuse', body: [['claim', String(claim)], ['reason', ''], ['reason', 'Une raison valable']] }
			];
		}
	},
	...(['resolve', 'dismiss'] as const).map(
		(verb): Action => ({
			name: `POST /admin/signalements ?/${verb}`,
			who: coordinatorOnly,
			prepare: async (w) => {
				const report = await newReport(w);
				return {
					path: `/admin/signalements?/${verb}`,
					body: [['report', String(report)], ['note', `Vu ${w.tag}`]],
					ran: async (response) => {
						await expectPage(response, 200, verb === 'resolve' ? 'marqué comme corrigé' : 'classé sans suite');
						expect(await one<{ status: string; resolution: string }>('select status, resolution from error_reports where id = ?', report)).toEqual({
							status: verb === 'resolve' ? 'resolved' : 'dismissed',
							resolution: `Vu ${w.tag}`
						});
					}
				};
			},
			garbage: async (w) => {
				const report = await newReport(w);
				return [
					...BAD_IDS.map((id) => ({ path: `/admin/signalements?/${verb}`, body: [['report', id]] as Fields })),
					{ path: `/admin/signalements?/${verb}`, body: [] },
					{ path: `/admin/signalements?/${verb}`, body: [['report', String(report)], ['note', HUGE]] },
					{ path: `/admin/signalements?/${verb}`, body: [['report', 'x'], ['report', String(report)]] }
				];
			}
		})
	),
	{
		name: 'POST /admin/campagnes ?/launch',
		who: coordinatorOnly,
		prepare: async (w) => {
			// At least A has not been verified for a long time.
			await dbWrite("update offers set verified_at = '2021-01-01T00:00:00.000Z', verified_how = 'import' where actor_id = ?", w.A.id);
			const before = await maxId('campaigns');
			return {
				path: '/admin/campagnes?/launch',
				body: [['mois', '24']],
				ran: async (response) => {
					expectRedirect(response, /^\/admin\/campagnes\/\d+\?lancee=1$/);
					const id = Number(/campagnes\/(\d+)/.exec(response.headers()['location']!)![1]);
					expect(id).toBeGreaterThan(before);
					expect((await one<{ months: number }>('select months from campaigns where id = ?', id)).months).toBe(24);
					expect((await one<{ n: number }>('select count(*) as n from campaign_recipients where campaign_id = ? and actor_id = ?', id, w.A.id)).n).toBe(1);
				}
			};
		},
		garbage: () => [
			...['abc', '0', '61', '-3', '1e1', '', HUGE].map((mois) => ({ path: '/admin/campagnes?/launch', body: [['mois', mois]] as Fields })),
			{ path: '/admin/campagnes?/launch', body: [] },
			{ path: '/admin/campagnes?/launch', body: [['mois', 'x'], ['mois', '12']] }
		]
	},
	{
		name: 'POST /admin/historique/[entity]/[id] ?/rollback',
		who: coordinatorOnly,
		prepare: async (w) => {
			const revision = await publishPlaceChange(w);
			return {
				path: `/admin/historique/place/${w.place.id}?/rollback`,
				body: [['revision', String(revision)]],
				ran: async (response) => {
					await expectPage(response, 200, `La fiche est revenue à son état d’avant la version n° ${revision}.`);
					expect((await placeRow(w.place.id)).description).toBe(w.place.description);
				}
			};
		},
		garbage: (w) => [
			...BAD_IDS.map((id) => ({ path: `/admin/historique/place/${w.place.id}?/rollback`, body: [['revision', id]] as Fields })),
			...PATH_BAD_IDS.map((id) => ({ path: `/admin/historique/place/${encodeURIComponent(id)}?/rollback`, body: [['revision', '1']] as Fields })),
			{ path: `/admin/historique/nimporte/${w.place.id}?/rollback`, body: [['revision', '1']] },
			{ path: `/admin/historique/offer/${w.place.id}?/rollback`, body: [['revision', '999999999']] },
			{ path: `/admin/historique/place/${w.place.id}?/rollback`, body: [['revision', HUGE]] }
		]
	},
	{
		name: 'POST /adresser (adresser une personne)',
		who: anyone,
		prepare: async (w) => {
			const key = `acces-envoi-${w.tag}-${randomBytes(6).toString('hex')}`;
			const visitor = w.userId === null;
			return {
				path: '/adresser',
				body: referralForm(await reachableOffer(), key, visitor ? { expediteur: uniqueEmail('acces-sans-compte', w.info) } : {}),
				ran: async (response) => {
					expectRedirect(response, visitor ? /^\/adresser\/envoye\?offre=\d+&etat=a-confirmer$/ : /^\/adresser\/envoye\?offre=\d+&etat=envoye$/);
					const row = await one<{ status: string; sender_user_id: number | null }>('select status, sender_user_id from referrals where idempotency_key = ?', key);
					expect(row).toEqual({ status: visitor ? 'awaiting_sender' : 'sent', sender_user_id: w.userId });
				}
			};
		},
		garbage: async (w) => {
			const offer = await reachableOffer();
			const key = () => `acces-garbage-${randomBytes(6).toString('hex')}`;
			return [
				{ path: '/adresser', body: [] },
				...BAD_IDS.map((id) => ({ path: '/adresser', body: referralForm(offer, key(), { offre: id, expediteur: 'a@exemple.fr' }) })),
				{ path: '/adresser', body: referralForm(offer, key(), { consentement: '', expediteur: 'a@exemple.fr' }) },
				{ path: '/adresser', body: referralForm(offer, key(), { presentera: '', expediteur: 'a@exemple.fr' }) },
				{ path: '/adresser', body: referralForm(offer, key(), { prenom: HUGE, expediteur: 'a@exemple.fr' }) },
				{ path: '/adresser', body: referralForm(offer, key(), { note: HUGE, reponses: HUGE, expediteur: 'a@exemple.fr' }) },
				{ path: '/adresser', body: referralForm(offer, 'court', { expediteur: 'a@exemple.fr' }) },
				{ path: '/adresser', body: referralForm(offer, key(), { precedent: '999999999', expediteur: 'a@exemple.fr' }) },
				{ path: '/adresser', body: referralForm(offer, key(), { telephone: 'pas un numéro', courriel: 'pas-une-adresse', expediteur: 'a@exemple.fr' }) },
				{ path: '/adresser', body: referralForm(offer, key(), { langue: 'xx', expediteur: w.userId === null ? 'pas-une-adresse' : '' }) }
			];
		}
	},
	{
		name: 'POST /adresser/confirmer/[jeton] (l’expéditeur sans compte confirme)',
		who: anyone,
		prepare: async (w) => {
			const { id, token } = await newReferral(w, 'awaiting_sender', 'confirm');
			return {
				path: `/adresser/confirmer/${token}`,
				body: [],
				ran: async (response) => {
					await expectPage(response, 200, 'L’adressage est envoyé');
					expect(await referralStatus(id)).toBe('sent');
				}
			};
		},
		garbage: async (w) => {
			const { token } = await newReferral(w, 'sent', 'answer');
			return [
				...['x'.repeat(40), "' or 1=1 --", '%00', 'a'.repeat(150)].map((t) => ({ path: `/adresser/confirmer/${encodeURIComponent(t)}`, body: [] as Fields })),
				// An answer link is no confirmation link.
				{ path: `/adresser/confirmer/${token}`, body: [['x', HUGE]] }
			];
		}
	},
	{
		name: 'POST /adresser/reponse/[jeton] (la structure répond par le lien)',
		who: anyone,
		prepare: async (w) => {
			const { id, token } = await newReferral(w, 'sent', 'answer');
			return {
				path: `/adresser/reponse/${token}`,
				body: [['decision', 'refuse'], ['motif', 'full'], ['lieu', ''], ['precision', '']],
				ran: async (response) => {
					await expectPage(response, 200, 'votre réponse (refusée) est transmise');
					expect(await referralStatus(id)).toBe('refused');
				}
			};
		},
		garbage: async (w) => {
			const { token } = await newReferral(w, 'sent', 'answer');
			const path = `/adresser/reponse/${token}`;
			return [
				{ path, body: [] },
				{ path, body: [['decision', 'peut-etre']] },
				{ path, body: [['decision', 'refuse'], ['motif', 'nimporte']] },
				{ path, body: [['decision', 'refuse'], ['motif', 'full'], ['lieu', '<script>']] },
				{ path, body: [['decision', 'refuse'], ['motif', 'full'], ['lieu', String(w.place.id)]] },
				{ path, body: [['decision', 'accept'], ['suite', 'appointment'], ['rendezvous', '']] },
				{ path, body: [['decision', 'accept'], ['suite', 'callback'], ['precision', HUGE]] },
				...['x'.repeat(40), "' or 1=1 --", '%00'].map((t) => ({ path: `/adresser/reponse/${encodeURIComponent(t)}`, body: [['decision', 'refuse'], ['motif', 'full']] as Fields }))
			];
		}
	},
	{
		name: 'POST /espace/orientations ?/repondre',
		who: ownersOnly,
		prepare: async (w) => {
			const { id } = await newReferral(w, 'sent');
			return {
				path: '/espace/orientations?/repondre',
				body: [['referral', String(id)], ['decision', 'accept'], ['suite', 'callback'], ['rendezvous', ''], ['precision', '']],
				ran: async (response) => {
					await expectPage(response, 200, 'Réponse enregistrée (acceptée)');
					expect(await referralStatus(id)).toBe('accepted');
				}
			};
		},
		garbage: async (w) => {
			const { id } = await newReferral(w, 'sent');
			const path = '/espace/orientations?/repondre';
			return [
				{ path, body: [] },
				...BAD_IDS.map((bad) => ({ path, body: [['referral', bad], ['decision', 'accept'], ['suite', 'callback']] as Fields })),
				{ path, body: [['referral', String(id)], ['decision', 'refuse'], ['motif', HUGE]] },
				{ path, body: [['referral', String(id)], ['referral', '1'], ['decision', 'nimporte']] },
				{ path, body: [['referral', '999999999'], ['decision', 'accept'], ['suite', 'callback']] }
			];
		}
	},
	{
		// Issue 13: the directory's fields of the same form (kind, presentation, contact for professionals).
		name: 'POST /espace/structures/[id] (type, présentation, contact pour les professionnels)',
		who: ownersOnly,
		prepare: async (w, role) => {
			const referent = `Référent ${role} ${w.tag}`;
			const fields: Fields = [
				...actorFields(w.A),
				['kind', 'public_body'],
				['presentation', `Accueil social ${w.tag}.`],
				['pro_contact_name', referent],
				['pro_contact_phone', validPhone(w)]
			];
			return {
				path: `/espace/structures/${w.A.id}`,
				body: fields,
				ran: async (response) => {
					const directory = () => one<Record<string, string | null>>('select kind, presentation, pro_contact_name, pro_contact_phone from actors where id = ?', w.A.id);
					if (role === 'coordinator') {
						expectRedirect(response, `/espace/structures/${w.A.id}?etat=publie`);
						expect(await directory()).toEqual({ kind: 'public_body', presentation: `Accueil social ${w.tag}.`, pro_contact_name: referent, pro_contact_phone: validPhone(w) });
					} else {
						expectRedirect(response, `/espace/structures/${w.A.id}?etat=propose`);
						const r = await one<{ status: string; after: string }>("select status, after from revisions where entity = 'actor' and entity_id = ? and author_id = ? order by id desc", w.A.id, w.userId);
						expect(r.status).toBe('proposed');
						expect(JSON.parse(r.after)).toMatchObject({ kind: 'public_body', pro_contact_name: referent });
						expect((await directory()).pro_contact_name).toBeNull();
					}
				}
			};
		},
		garbage: (w) => [
			{ path: `/espace/structures/${w.A.id}`, body: [...actorFields(w.A), ['pro_contact_name', 'Camille Sans Numéro']] },
			{ path: `/espace/structures/${w.A.id}`, body: [...actorFields(w.A), ['pro_contact_phone', '03 20 00 00 01']] },
			{ path: `/espace/structures/${w.A.id}`, body: [...actorFields(w.A), ['kind', 'secte'], ['kind', 'association']] },
			{ path: `/espace/structures/${w.A.id}`, body: [...actorFields(w.A), ['presentation', HUGE]] },
			{ path: `/espace/structures/${w.A.id}`, body: [...actorFields(w.A), ['pro_contact_name', HUGE.slice(0, 5000)], ['pro_contact_phone', 'abc']] }
		]
	},
	{
		name: 'POST /reseau/[numero] ?/register',
		who: anyone,
		prepare: async (w) => {
			const edition = await openEdition(w);
			const email = `inscription.${w.tag}@exemple.fr`;
			return {
				path: `/reseau/${edition.number}?/register`,
				body: [['nom', `Participante ${w.tag}`], ['email', email], ['structure', String(w.A.id)], ['besoins', '']],
				ran: async (response) => {
					expectRedirect(response, `/reseau/${edition.number}?inscription=confirmee#inscription`);
					const row = await one<{ status: string; actor_id: number }>('select status, actor_id from network_registrations where email = ?', email);
					expect(row).toEqual({ status: 'confirmed', actor_id: w.A.id });
				}
			};
		},
		garbage: async (w) => {
			const edition = await openEdition(w);
			const path = `/reseau/${edition.number}?/register`;
			return [
				{ path, body: [] },
				{ path, body: [['nom', HUGE], ['email', 'a@b.fr'], ['structure_autre', 'X']] },
				{ path, body: [['nom', 'Nom Correct'], ['email', 'pas-une-adresse'], ['structure_autre', 'X']] },
				{ path, body: [['nom', 'Nom Correct'], ['email', 'a@b.fr']] },
				...BAD_IDS.map((id) => ({ path, body: [['nom', 'Nom Correct'], ['email', 'a@b.fr'], ['structure', id]] as Fields })),
				{ path, body: [['nom', 'Nom Correct'], ['email', 'a@b.fr'], ['structure', '999999999']] },
				...PATH_BAD_IDS.map((id) => ({ path: `/reseau/${encodeURIComponent(id)}?/register`, body: [['nom', 'Nom Correct'], ['email', 'a@b.fr'], ['structure_autre', 'X']] as Fields })),
				{ path: '/reseau/1?/register', body: [['nom', 'Nom Correct'], ['email', 'a@b.fr'], ['structure_autre', 'X']] }
			];
		}
	},
	{
		name: 'POST /reseau/annuler/[jeton]',
		who: anyone,
		prepare: async (w) => {
			const edition = await openEdition(w);
			const registration = await registrationWithLink(w, edition.id);
			return {
				path: `/reseau/annuler/${registration.raw}`,
				body: [],
				ran: async (response) => {
					await expectPage(response, 200, 'Votre inscription est annulée');
					expect((await one<{ status: string }>('select status from network_registrations where id = ?', registration.id)).status).toBe('cancelled');
				}
			};
		},
		garbage: () => [
			...['abc', 'x'.repeat(43), '%00', 'x'.repeat(300)].map((jeton) => ({ path: `/reseau/annuler/${jeton}`, body: [] as Fields })),
			{ path: `/reseau/annuler/${'y'.repeat(43)}`, body: HUGE }
		]
	},
	{
		name: 'POST /admin/reseau/nouvelle',
		who: coordinatorOnly,
		prepare: async (w) => {
			const number = editionNumber(w);
			return {
				path: '/admin/reseau/nouvelle',
				body: editionFields(number),
				ran: async (response) => {
					expectRedirect(response, `/admin/reseau/${number}?etat=creee`);
					expect(await one<{ capacity: number; theme: string }>('select capacity, theme from network_editions where number = ?', number)).toEqual({ capacity: 20, theme: 'health' });
				}
			};
		},
		garbage: (w) => {
			const number = editionNumber(w);
			return [
				{ path: '/admin/reseau/nouvelle', body: [] },
				...['abc', '0', '-1', '1e3', HUGE].map((numero) => ({ path: '/admin/reseau/nouvelle', body: editionFields(number, { numero }) })),
				{ path: '/admin/reseau/nouvelle', body: editionFields(1) },
				...['2026-02-30', 'demain', ''].map((date) => ({ path: '/admin/reseau/nouvelle', body: editionFields(number, { date }) })),
				{ path: '/admin/reseau/nouvelle', body: editionFields(number, { theme: 'nimporte' }) },
				{ path: '/admin/reseau/nouvelle', body: editionFields(number, { capacite: '' }) },
				{ path: '/admin/reseau/nouvelle', body: editionFields(number, { debut: '25:00' }) },
				{ path: '/admin/reseau/nouvelle', body: editionFields(number, { debut: '10:00', fin: '09:00' }) },
				...BAD_IDS.map((lieu) => ({ path: '/admin/reseau/nouvelle', body: editionFields(number, { lieu }) })),
				{ path: '/admin/reseau/nouvelle', body: editionFields(number, { lieu: '999999999' }) },
				{ path: '/admin/reseau/nouvelle', body: editionFields(number, { programme: HUGE }) }
			];
		}
	},
	{
		name: 'POST /admin/reseau/[numero] ?/save',
		who: coordinatorOnly,
		prepare: async (w) => {
			const edition = await openEdition(w, 1);
			const waiting = await dbInsertId(
				"insert into network_registrations (edition_id, name, email, email_key, status, cancel_hash, created_at) values (?, 'Attente', ?, ?, 'waiting', ?, ?) returning id",
				edition.id,
				`attente.${w.tag}@exemple.fr`,
				`attente.${w.tag}@exemple.fr`,
				sha256(randomBytes(8).toString('hex')),
				new Date().toISOString()
			);
			return {
				path: `/admin/reseau/${edition.number}?/save`,
				body: editionFields(edition.number, { capacite: '2', lieu: String(w.place.id) }),
				ran: async (response) => {
					expectRedirect(response, `/admin/reseau/${edition.number}?etat=enregistree`);
					expect(await one<{ capacity: number; place_id: number }>('select capacity, place_id from network_editions where id = ?', edition.id)).toEqual({ capacity: 2, place_id: w.place.id });
					// The seat the capacity added went to the one waiting, by mail.
					expect((await one<{ status: string }>('select status from network_registrations where id = ?', waiting)).status).toBe('confirmed');
					expect((await mailsTo(`attente.${w.tag}@exemple.fr`)).at(-1)?.subject).toMatch(/^Une place s’est libérée/);
				}
			};
		},
		garbage: async (w) => {
			const edition = await openEdition(w);
			const path = `/admin/reseau/${edition.number}?/save`;
			return [
				{ path, body: [] },
				{ path, body: editionFields(1) },
				{ path, body: editionFields(edition.number, { titre: '' }) },
				{ path, body: editionFields(edition.number, { participants: '-4' }) },
				...PATH_BAD_IDS.map((id) => ({ path: `/admin/reseau/${encodeURIComponent(id)}?/save`, body: editionFields(edition.number) })),
				{ path: '/admin/reseau/4999?/save', body: editionFields(edition.number) }
			];
		}
	},
	{
		name: 'POST /admin/reseau/[numero] ?/presence',
		who: coordinatorOnly,
		prepare: async (w) => {
			const edition = await openEdition(w);
			const registration = await registrationWithLink(w, edition.id);
			return {
				path: `/admin/reseau/${edition.number}?/presence`,
				body: [['present', String(registration.id)]],
				ran: async (response) => {
					expectRedirect(response, `/admin/reseau/${edition.number}?etat=presences#inscrits`);
					expect((await one<{ attended: number }>('select attended from network_registrations where id = ?', registration.id)).attended).toBe(1);
				}
			};
		},
		garbage: async (w) => {
			const edition = await openEdition(w);
			const path = `/admin/reseau/${edition.number}?/presence`;
			return [
				...BAD_IDS.map((id) => ({ path, body: [['present', id]] as Fields })),
				{ path, body: [['present', HUGE]] },
				...PATH_BAD_IDS.map((id) => ({ path: `/admin/reseau/${encodeURIComponent(id)}?/presence`, body: [] as Fields }))
			];
		}
	},
	{
		name: 'POST /admin/reseau/ressources ?/upload',
		who: coordinatorOnly,
		prepare: async (w) => {
			const title = `Ressource des droits ${w.tag}`;
			return {
				path: '/admin/reseau/ressources?/upload',
				body: [['titre', title], ['themes', 'health'], ['lien', 'https://www.ameli.fr/'], ['description', '']],
				ran: async (response) => {
					expectRedirect(response, '/admin/reseau/ressources?etat=publiee');
					const row = await one<{ id: number; link_url: string; themes: string }>('select id, link_url, themes from network_resources where title = ?', title);
					expect(row).toMatchObject({ link_url: 'https://www.ameli.fr/', themes: '["health"]' });
					await dbWrite('delete from network_resources where id = ?', row.id);
				}
			};
		},
		garbage: () => {
			const path = '/admin/reseau/ressources?/upload';
			return [
				{ path, body: [] },
				{ path, body: [['titre', 'Titre correct'], ['themes', 'health']] },
				{ path, body: [['titre', 'Titre correct'], ['themes', 'nimporte'], ['lien', 'https://exemple.fr']] },
				{ path, body: [['titre', HUGE], ['themes', 'health'], ['lien', 'https://exemple.fr']] },
				{ path, body: [['titre', 'Titre correct'], ['themes', 'health'], ['lien', 'javascript:alert(1)']] },
				{ path, body: [['titre', 'Titre correct'], ['themes', 'health'], ['fichier', 'pas un fichier']] },
				...BAD_IDS.map((edition) => ({ path, body: [['titre', 'Titre correct'], ['themes', 'health'], ['lien', 'https://exemple.fr'], ['edition', edition]] as Fields })),
				{ path, body: [['titre', 'Titre correct'], ['themes', 'health'], ['lien', 'https://exemple.fr'], ['edition', '999999999']] }
			];
		}
	},
	{
		name: 'POST /admin/reseau/ressources ?/remove',
		who: coordinatorOnly,
		prepare: async (w) => {
			const id = await dbInsertId(
				"insert into network_resources (title, themes, link_url, created_at) values (?, '[\"health\"]', 'https://exemple.fr/', ?) returning id",
				`À retirer ${w.tag}`,
				new Date().toISOString()
			);
			return {
				path: '/admin/reseau/ressources?/remove',
				body: [['ressource', String(id)]],
				ran: async (response) => {
					expectRedirect(response, '/admin/reseau/ressources?etat=retiree');
					expect(await all('select id from network_resources where id = ?', id)).toEqual([]);
				}
			};
		},
		garbage: () => [
			...BAD_IDS.map((id) => ({ path: '/admin/reseau/ressources?/remove', body: [['ressource', id]] as Fields })),
			{ path: '/admin/reseau/ressources?/remove', body: [['ressource', '999999999']] },
			{ path: '/admin/reseau/ressources?/remove', body: [] }
		]
	},
	{
		name: 'POST /admin/reseau/enquete ?/open',
		who: coordinatorOnly,
		prepare: async (w) => ({
			path: '/admin/reseau/enquete?/open',
			body: [['titre', `Enquête des droits ${w.tag}`], ['themes', 'health'], ['themes', 'jobs'], ['choix', '2']],
			ran: async (response) => {
				expectRedirect(response, '/admin/reseau/enquete?etat=ouverte');
				expect(await one<{ themes: string; closed_at: null }>('select themes, closed_at from network_surveys where title = ?', `Enquête des droits ${w.tag}`)).toEqual({ themes: '["health","jobs"]', closed_at: null });
			}
		}),
		garbage: (w) => [
			{ path: '/admin/reseau/enquete?/open', body: [] },
			{ path: '/admin/reseau/enquete?/open', body: [['titre', `Enquête des droits ${w.tag}`], ['themes', 'health'], ['choix', '2']] },
			{ path: '/admin/reseau/enquete?/open', body: [['titre', `Enquête des droits ${w.tag}`], ['themes', 'health'], ['themes', 'nimporte'], ['choix', '2']] },
			...['0', '10', 'abc', '', HUGE].map((choix) => ({ path: '/admin/reseau/enquete?/open', body: [['titre', `Enquête des droits ${w.tag}`], ['themes', 'health'], ['themes', 'jobs'], ['choix', choix]] as Fields })),
			{ path: '/admin/reseau/enquete?/open', body: [['titre', HUGE], ['themes', 'health'], ['themes', 'jobs'], ['choix', '2']] }
		]
	},
	{
		name: 'POST /admin/reseau/enquete ?/close',
		who: coordinatorOnly,
		prepare: async (w) => {
			const id = await openSurveyRow(w);
			return {
				path: '/admin/reseau/enquete?/close',
				body: [['enquete', String(id)]],
				ran: async (response) => {
					expectRedirect(response, '/admin/reseau/enquete?etat=close');
					expect((await one<{ closed_at: string | null }>('select closed_at from network_surveys where id = ?', id)).closed_at).not.toBeNull();
				}
			};
		},
		garbage: () => [...BAD_IDS.map((id) => ({ path: '/admin/reseau/enquete?/close', body: [['enquete', id]] as Fields })), { path: '/admin/reseau/enquete?/close', body: [['enquete', '999999999']] }]
	},
	{
		name: 'POST /admin/reseau/enquete ?/invite',
		who: coordinatorOnly,
		prepare: async (w) => {
			const id = await openSurveyRow(w);
			return {
				path: '/admin/reseau/enquete?/invite',
				body: [],
				ran: async (response) => {
					expectRedirect(response, /^\/admin\/reseau\/enquete\?invites=\d+$/);
					const invited = Number(/invites=(\d+)/.exec(response.headers()['location']!)![1]);
					expect((await all('select id from network_survey_invitations where survey_id = ?', id)).length).toBe(invited);
				}
			};
		},
		// Without an open survey there is no one to invite; the body is not read.
		garbage: () => [{ path: '/admin/reseau/enquete?/invite', body: HUGE }]
	},
	{
		name: 'POST /reseau/enquete (répondre, membre connecté)',
		who: { visitor: 'login', memberA: 'ok', memberB: 'ok', coordinator: 'ok' },
		prepare: async (w) => {
			const id = await openSurveyRow(w);
			return {
				path: '/reseau/enquete',
				body: [['choix', 'health']],
				ran: async (response) => {
					await expectPage(response, 200, 'Votre réponse est enregistrée');
					expect(await one<{ choices: string; user_id: number }>('select choices, user_id from network_survey_answers where survey_id = ?', id)).toEqual({ choices: '["health"]', user_id: w.userId });
				}
			};
		},
		garbage: async (w) => {
			await openSurveyRow(w);
			return [
				{ path: '/reseau/enquete', body: [] },
				{ path: '/reseau/enquete', body: [['choix', 'women']] },
				{ path: '/reseau/enquete', body: [['choix', 'health'], ['choix', 'jobs'], ['choix', 'rights']] },
				{ path: '/reseau/enquete', body: [['choix', HUGE]] }
			];
		}
	},
	{
		name: 'POST /reseau/enquete/[jeton]',
		who: anyone,
		prepare: async (w) => {
			const id = await openSurveyRow(w);
			const raw = randomBytes(32).toString('base64url');
			const invitation = await dbInsertId(
				'insert into network_survey_invitations (survey_id, email, token_hash, created_at) values (?, ?, ?, ?) returning id',
				id,
				`invitee.${w.tag}@exemple.fr`,
				sha256(raw),
				new Date().toISOString()
			);
			return {
				path: `/reseau/enquete/${raw}`,
				body: [['choix', 'jobs']],
				ran: async (response) => {
					await expectPage(response, 200, 'Votre réponse est enregistrée');
					expect((await one<{ used_at: string | null }>('select used_at from network_survey_invitations where id = ?', invitation)).used_at).not.toBeNull();
					expect(await one<{ choices: string; invitation_id: number }>('select choices, invitation_id from network_survey_answers where survey_id = ?', id)).toEqual({ choices: '["jobs"]', invitation_id: invitation });
				}
			};
		},
		garbage: () => [
			...['abc', 'x'.repeat(43), '%00', 'x'.repeat(300)].map((jeton) => ({ path: `/reseau/enquete/${jeton}`, body: [['choix', 'health']] as Fields })),
			{ path: `/reseau/enquete/${'z'.repeat(43)}`, body: HUGE }
		]
	}
];

// ---------------------------------------------------------------------------------------------------

async function apiContext(playwright: PlaywrightWorkerArgs['playwright']) {
	return playwright.request.newContext({ baseURL: BASE_URL });
}

test.describe('droits : chaque action × chaque rôle', () => {
	for (const action of ACTIONS) {
		for (const role of ROLES) {
			const outcome = action.who[role];
			const expected = outcome === 'login' ? 'renvoyé vers /connexion' : outcome === 'forbidden' ? '403' : 'autorisé';
			test(`${action.name} — ${ROLE_WORDS[role]} : ${expected}`, async ({ playwright }, info) => {
				const api = await apiContext(playwright);
				const w = await makeWorld(api, info, role);
				try {
					const request = await action.prepare(w, role);
					const before = await checksum();
					const response = await post(api, request.path, request.body, w.session);
					expect(response.status(), 'never a 500').toBeLessThan(500);
					if (outcome === 'ok') {
						await request.ran(response, w);
						return;
					}
					if (outcome === 'login') {
						expectRedirect(response, `/connexion?retour=${encodeURIComponent(request.path)}`);
					} else {
						expect(response.status()).toBe(403);
						expect(await response.text()).toMatch(/Vous ne gérez pas cette structure|Cette page est réservée à la coordination de la Ville/);
					}
					expect(await checksum(), 'a refused call writes nothing').toBe(before);
				} finally {
					await cleanUp(w);
					await api.dispose();
				}
			});
		}
	}
});

test.describe('données absurdes : jamais de 500, rien d’écrit', () => {
	for (const action of ACTIONS) {
		test(`${action.name}`, async ({ playwright }, info) => {
			const api = await apiContext(playwright);
			const worlds = await Promise.all((['coordinator', 'memberA', 'visitor'] as Role[]).map((role) => makeWorld(api, info, role)));
			try {
				for (const w of worlds) {
					const cases = await action.garbage(w);
					const before = await checksum();
					for (const { path, body } of cases) {
						// A fresh session each time: a garbage sign-out must not change who sends the next one.
						const session = w.userId === null ? null : (await sessionCookie(w.userId)).value;
						const response = await post(api, path, body, session);
						const label = `${w.userId === null ? 'visiteur' : w.userId} ${path.slice(0, 120)} ${typeof body === 'string' ? body.slice(0, 80) : encode(body).slice(0, 120)}`;
						expect.soft(response.status(), label).toBeLessThan(500);
					}
					expect(await checksum(), 'garbage writes nothing').toBe(before);
				}
			} finally {
				for (const w of worlds) await cleanUp(w);
				await api.dispose();
			}
		});
	}

	test('un corps multipart illisible ne donne jamais 500', async ({ playwright }, info) => {
		const api = await apiContext(playwright);
		const w = await makeWorld(api, info, 'coordinator');
		const broken = '--XX\r\nContent-Disposition: form-data; name="a"\r\n\r\ncoupé au milieu';
		try {
			// The real address of each action, as a valid call would use it.
			const paths: [string, string][] = [];
			for (const action of ACTIONS) paths.push([action.name, (await action.prepare(w, 'coordinator')).path]);
			const before = await checksum();
			const failures: string[] = [];
			for (const [name, path] of paths) {
				const response = await post(api, path, broken, (await sessionCookie(w.userId!)).value, 'multipart/form-data; boundary=XX');
				if (response.status() >= 500) failures.push(`${response.status()} ${name} (${path})`);
			}
			expect(failures, `actions answering 500 to a broken multipart body:\n${failures.join('\n')}`).toEqual([]);
			expect(await checksum(), 'nothing written').toBe(before);
		} finally {
			await cleanUp(w);
			await api.dispose();
		}
	});
});
