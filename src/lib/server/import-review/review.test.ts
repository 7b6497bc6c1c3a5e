/**
 * The import review, end to end on the server side: a newer extract of the real seed file is
 * compared (nothing written), then decided item by item or by section, with local corrections
 * protected, upstream ids kept on merged records, and every refusal in French with nothing written.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FieldComparison } from '$lib/domain/import-review/compare';
import { hoursInWords } from '$lib/domain/hours-words';
import type { PlaceSnapshot } from '$lib/domain/listing';
import type { SignedInUser } from '../auth/users';
import type { Connection } from '../db/connect';
import { submitChange } from '../listings/revisions';
import { readOffer, readPlace } from '../listings/snapshots';
import { allRows, auditLines, createUser, oneRow, placeIdByName, run, seededDatabase } from '../testing/database';
import { createReview } from './create';
import { decideAll, decideItem } from './decide';

// ---------------------------------------------------------------------------------------------------
// The extracts: the real seed file, and a newer copy of it built here.

const SEED_FILE = 'roubaix_lieux_mediation_numerique_2023.csv';
const SEED = readFileSync(join(process.cwd(), 'db/seed', SEED_FILE), 'utf8');

type Row = Record<string, string>;
const parsed = Papa.parse<Row>(SEED, { header: true, skipEmptyLines: true });
const COLUMNS = parsed.meta.fields!;
const SEED_ROWS: readonly Row[] = parsed.data;

const CCAS_ID = '627b6674ad1bdb06edc492ff-mediation-numerique-conseiller-numerique';
const SOCOPIRA_ID = '57220ed340bb4e553896741e-mediation-numerique-france-tiers-lieux';
const MEDIATHEQUE_ID = 'BN2550-mediation-numerique-assembleurs';
const NEW_ID = 'TEST0001-mediation-numerique-assembleurs';
const DUPLICATE_ID = 'BN9999-mediation-numerique-assembleurs';

const NEW_NAME = 'Point numérique du parc Barbieux';
const DUPLICATE_NAME = 'Médiathèque de Roubaix La Grand-Plage';
const UPSTREAM_PHONE = '+33320999999';
const UPSTREAM_HOURS = 'Mo-Fr 09:00-12:00';
// The review shows hours as the moderation diff does, in words (issue 15): its cells, not the stored text.
const shownHours = (osm: string) => hoursInWords(osm);
const DUPLICATE_EMAIL = 'accueil@mediatheque-roubaix.fr';
const DUPLICATE_HOURS = 'Tu-Sa 10:00-18:00';

const seedRow = (id: string): Row => {
	const row = SEED_ROWS.find((r) => r.id === id);
	if (!row) throw new Error(`no seed row ${id}`);
	return { ...row };
};

/** Every column present, the local `x_` ones empty (the national extract does not carry them). */
function row(values: Row): Row {
	const out: Row = {};
	for (const column of COLUMNS) out[column] = values[column] ?? '';
	return out;
}

/**
 * The newer extract: the CCAS has a new phone and new hours, Socopira is gone, a new place opened
 * in the parc Barbieux (far from every listed place), and the Médiathèque comes back under a new id
 * and a longer name at the same address.
 */
function newerExtract(): string {
	const rows = SEED_ROWS.filter((r) => r.id !== SOCOPIRA_ID).map((r) => ({ ...r }));
	const ccas = rows.find((r) => r.id === CCAS_ID)!;
	ccas.telephone = UPSTREAM_PHONE;
	ccas.horaires = UPSTREAM_HOURS;
	ccas.date_maj = '2026-10-01';
	rows.push(
		row({
			id: NEW_ID,
			pivot: '00000000000000',
			nom: NEW_NAME,
			commune: 'Roubaix',
			code_postal: '59100',
			adresse: '1 avenue Le Nôtre',
			latitude: '50.6779',
			longitude: '3.1452',
			telephone: '+33320123456',
			courriel: 'parc@exemple.fr',
			horaires: 'We 14:00-17:00',
			source: 'assembleurs',
			date_maj: '2026-09-15',
			services: 'Prendre en main un ordinateur;Accéder à du matériel',
			conditions_acces: 'Gratuit : Je peux accéder gratuitement au lieu et à ses services',
			modalites_accompagnement: "Dans un atelier : j'apprends collectivement à utiliser le numérique"
		})
	);
	const mediatheque = seedRow(MEDIATHEQUE_ID);
	rows.push(
		row({
			...mediatheque,
			id: DUPLICATE_ID,
			nom: DUPLICATE_NAME,
			latitude: '50.69093',
			longitude: '3.17678',
			courriel: DUPLICATE_EMAIL,
			horaires: DUPLICATE_HOURS,
			date_maj: '2026-09-30',
			x_dans_roubaix: '',
			x_code_iris: '',
			x_nom_iris: '',
			x_qpv_2024: '',
			x_quartier_bnr: '',
			x_voie_reference_bnr: '',
			x_distance_a_la_voie_bnr_m: '',
			x_coord_suspecte: ''
		})
	);
	return Papa.unparse(rows, { columns: COLUMNS });
}

const NEWER_FILE = 'lieux-mediation-numerique-2026-11.csv';

// ---------------------------------------------------------------------------------------------------
// The database

let conn: Connection;
let coordinator: SignedInUser;
let ccasPlace: number;
let socopiraPlace: number;
let mediathequePlace: number;

/** Times after the seed was loaded, a minute apart: corrections, reviews and decisions in order. */
let clock: number;
const tick = () => new Date((clock += 60_000));

interface ItemRow {
	id: number;
	review_id: number;
	kind: string;
	source: string;
	source_id: string;
	name: string;
	place_id: number | null;
	candidates: string;
	changes: string;
	decision: string;
	decided_by: number | null;
	decided_at: string | null;
}

const itemsOf = async (reviewId: number) => await allRows<ItemRow>(conn, 'select * from import_review_items where review_id = ? order by id', reviewId);
const itemBySourceId = async (reviewId: number, sourceId: string) => await oneRow<ItemRow>(conn, 'select * from import_review_items where review_id = ? and source_id = ?', reviewId, sourceId);
const changesOf = (item: ItemRow) => JSON.parse(item.changes) as FieldComparison[];
const placeRow = async (id: number) => await oneRow<Record<string, unknown> & PlaceSnapshot & { source: string; source_id: string | null; actor_id: number; version: number }>(conn, 'select * from places where id = ?', id);
const offersAt = async (placeId: number) => await allRows<{ id: number; hours: string | null; status: string; source: string; source_id: string | null; level: string | null; level_inferred: number; verified_how: string | null; verified_at: string | null }>(
		conn,
		'select * from offers where place_id = ? order by id',
		placeId
	);
const placeSources = async (placeId: number) => await allRows<{ source: string; source_id: string; place_id: number; seen_at: string }>(
		conn,
		'select * from place_sources where place_id = ? order by source_id',
		placeId
	);
const countOf = async (table: string) => (await oneRow<{ n: number }>(conn, `select count(*) as n from ${table}`)).n;

/** Everything the directory holds, as one hash: what a review or a refused decision must not touch. */
async function directoryChecksum(): Promise<string> {
	const hash = createHash('sha256');
	for (const table of ['actors', 'places', 'offers', 'place_sources', 'place_areas', 'revisions']) {
		const rows = (await allRows(conn, `select * from ${table}`)).map((r) => JSON.stringify(r)).sort();
		hash.update(`${table}:${rows.join('\n')}\n`);
	}
	return hash.digest('hex');
}

/** Makes the database refuse an offer update to these hours, as a failing disk or constraint would. */
async function refuseHours(hours: string): Promise<void> {
	if (conn.engine === 'postgres') {
		await run(conn, `create function refuse_hours() returns trigger language plpgsql as $$
			begin if new.hours = '${hours}' then raise exception 'refused by the test'; end if; return new; end $$`);
		await run(conn, 'create trigger refuse_hours before update of hours on offers for each row execute function refuse_hours()');
		return;
	}
	await run(conn, `create trigger refuse_hours before update of hours on offers when new.hours = '${hours}'
		begin select raise(abort, 'refused by the test'); end`);
}

/** The directory, the audit log and the review's decisions, all at once. */
async function everything(reviewId: number) {
	return { directory: await directoryChecksum(), audit: await countOf('audit_log'), items: await itemsOf(reviewId) };
}

async function review(content = newerExtract(), fileName = NEWER_FILE, user: SignedInUser | null = coordinator) {
	const result = await createReview(conn.db, user, fileName, content, tick());
	if (!result.ok) throw new Error(`review refused: ${result.error} ${JSON.stringify(result.rejected)}`);
	return result;
}

/** The coordinator corrects the CCAS's phone through the ordinary edit path (published at once). */
async function correctCcasPhone(phone: string) {
	const record = (await readPlace(conn.db, ccasPlace))!;
	const result = await submitChange(
		conn.db,
		{ entity: 'place', entityId: ccasPlace, actorId: record.actorId, baseVersion: record.version, after: { ...record.snapshot, phone } },
		{ user: coordinator, origin: 'https://carte.roubaix.test', now: tick() }
	);
	expect(result.kind).toBe('published');
}

beforeEach(async () => {
	conn = await seededDatabase();
	clock = Date.now() + 60_000;
	coordinator = await createUser(conn, 'coordination@ville-roubaix.fr', 'coordinator');
	ccasPlace = await placeIdByName(conn, 'CCAS de Roubaix');
	socopiraPlace = await placeIdByName(conn, 'Socopira');
	mediathequePlace = await placeIdByName(conn, 'Médiathèque de Roubaix');
});

afterEach(async () => {
	await conn.db.destroy();
});

// ---------------------------------------------------------------------------------------------------

describe('the extract built for these tests', () => {
	it('reads back as the seed with one row changed, one removed and two added', async () => {
		const rows = Papa.parse<Row>(newerExtract(), { header: true, skipEmptyLines: true }).data;
		expect(SEED_ROWS).toHaveLength(39);
		expect(rows).toHaveLength(40);
		expect(rows.some((r) => r.id === SOCOPIRA_ID)).toBe(false);
		expect(rows.find((r) => r.id === CCAS_ID)).toMatchObject({ telephone: UPSTREAM_PHONE, horaires: UPSTREAM_HOURS, date_maj: '2026-10-01' });
		expect(rows.filter((r) => r.id === NEW_ID || r.id === DUPLICATE_ID)).toHaveLength(2);
	});
});

describe('createReview', () => {
	it('sorts the newer extract into new, changed, gone, duplicate and unchanged, and writes nothing to the directory', async () => {
		const before = await directoryChecksum();
		const placesBefore = await allRows(conn, 'select * from places order by id');
		const offersBefore = await allRows(conn, 'select * from offers order by id');

		const result = await review();
		expect(result.counts).toEqual({ new: 1, changed: 1, gone: 1, duplicate: 1, unchanged: 37 });

		expect(await directoryChecksum(), 'places, offers, actors, sources and revisions untouched').toBe(before);
		expect(await allRows(conn, 'select * from places order by id')).toEqual(placesBefore);
		expect(await allRows(conn, 'select * from offers order by id')).toEqual(offersBefore);

		const reviewRow = await oneRow<{ file_name: string; format: string; rows_total: number; created_by: number; sha256: string }>(
			conn,
			'select * from import_reviews where id = ?',
			result.reviewId
		);
		expect(reviewRow).toMatchObject({ file_name: NEWER_FILE, format: 'csv', rows_total: 40, created_by: coordinator.id });
		expect(reviewRow.sha256).toBe(createHash('sha256').update(newerExtract()).digest('hex'));
		expect((await auditLines(conn)).at(-1)).toMatchObject({
			user_id: coordinator.id,
			action: 'import.review_created',
			entity: 'import',
			entity_id: result.reviewId,
			detail: { file: NEWER_FILE, rows: 40 }
		});

		// New: far from everything, no candidate.
		const fresh = await itemBySourceId(result.reviewId, NEW_ID);
		expect(fresh).toMatchObject({ kind: 'new', name: NEW_NAME, source: 'assembleurs', place_id: null, decision: 'pending', candidates: '[]' });

		// Changed: the CCAS, phone and hours, ours against upstream.
		const changed = await itemBySourceId(result.reviewId, CCAS_ID);
		expect(changed).toMatchObject({ kind: 'changed', name: 'CCAS de Roubaix', place_id: ccasPlace, decision: 'pending' });
		expect(changesOf(changed)).toEqual([
			{ field: 'phone', label: 'Téléphone', local: '+33320815757', upstream: UPSTREAM_PHONE, locallyCorrected: false },
			{ field: 'offer.hours', label: 'Horaires', local: shownHours('Sa 08:00-11:00'), upstream: shownHours(UPSTREAM_HOURS), locallyCorrected: false }
		]);

		// Gone: Socopira, with the place it points at.
		const gone = await itemBySourceId(result.reviewId, SOCOPIRA_ID);
		expect(gone).toMatchObject({ kind: 'gone', name: 'Socopira', source: 'france-tiers-lieux', place_id: socopiraPlace, decision: 'pending' });

		// Duplicate: the Médiathèque under another id, scored on name, address and distance.
		const duplicate = await itemBySourceId(result.reviewId, DUPLICATE_ID);
		expect(duplicate).toMatchObject({ kind: 'duplicate', name: DUPLICATE_NAME, place_id: null, decision: 'pending' });
		const candidates = JSON.parse(duplicate.candidates) as { id: number; name: string; score: number; reasons: string[] }[];
		expect(candidates[0]).toMatchObject({ id: mediathequePlace, name: 'Médiathèque de Roubaix' });
		expect(candidates[0]!.score).toBeGreaterThanOrEqual(0.6);
		expect(candidates[0]!.reasons).toEqual(expect.arrayContaining(['même adresse', 'à moins de 10 m']));
		expect(candidates[0]!.reasons.some((r) => r.startsWith('nom proche ('))).toBe(true);

		// Unchanged: nothing to decide.
		const unchanged = (await itemsOf(result.reviewId)).filter((i) => i.kind === 'unchanged');
		// 39 seeded rows, less the one removed and the one changed.
		expect(unchanged).toHaveLength(37);
		expect(unchanged.every((i) => i.decision === 'kept_local' && i.place_id !== null)).toBe(true);
	});

	it('the unmodified seed file is 39 unchanged places', async () => {
		const before = await directoryChecksum();
		const result = await review(SEED, SEED_FILE);
		expect(result.counts).toEqual({ new: 0, changed: 0, gone: 0, duplicate: 0, unchanged: 39 });
		expect(await directoryChecksum()).toBe(before);
	});

	it('a bad row is refused alone: the review lists it with its line, and the others are to decide', async () => {
		const rows = SEED_ROWS.map((r) => ({ ...r }));
		rows[2]!.code_postal = '591';
		rows[3]!.services = 'Faire du vélo';
		const before = await directoryChecksum();
		const result = await createReview(conn.db, coordinator, 'casse.csv', Papa.unparse(rows, { columns: COLUMNS }), tick());
		if (!result.ok) throw new Error(result.error);
		const review = await oneRow<{ report: string }>(conn, 'select report from import_reviews where id = ?', result.reviewId);
		const report = JSON.parse(review.report);
		expect(report.rejected).toEqual([{ position: 'ligne 4', errors: [{ field: 'code_postal', reason: 'code postal sur 5 chiffres attendu' }] }]);
		expect(report.warned).toEqual([
			{ position: 'ligne 5', name: rows[3]!.nom, warnings: [{ field: 'services', reason: 'valeur inconnue « Faire du vélo »', value: 'Faire du vélo' }] }
		]);
		expect(report.counts).toEqual({ rejected: 1, warned: 1, setAside: 0 });
		expect(await countOf('import_review_items')).toBe(38);
		expect(await directoryChecksum()).toBe(before);
	});
});

describe('a local correction is never overwritten silently', () => {
	it('is marked in the review; the section default keeps it and takes the rest', async () => {
		await correctCcasPhone('03 20 11 22 33');
		const result = await review();
		expect(result.counts).toEqual({ new: 1, changed: 1, gone: 1, duplicate: 1, unchanged: 37 });
		const item = await itemBySourceId(result.reviewId, CCAS_ID);
		expect(changesOf(item)).toEqual([
			{ field: 'phone', label: 'Téléphone', local: '03 20 11 22 33', upstream: UPSTREAM_PHONE, locallyCorrected: true },
			{ field: 'offer.hours', label: 'Horaires', local: shownHours('Sa 08:00-11:00'), upstream: shownHours(UPSTREAM_HOURS), locallyCorrected: false }
		]);
		const offersBefore = await offersAt(ccasPlace);
		expect(offersBefore.length).toBeGreaterThan(0);
		const placeVersionBefore = (await placeRow(ccasPlace)).version;

		const now = tick();
		expect(await decideAll(conn.db, coordinator, result.reviewId, 'changed', 'apply', now)).toEqual({ done: 1, refused: [] });

		const place = await placeRow(ccasPlace);
		expect(place.phone, 'the local phone stays').toBe('03 20 11 22 33');
		for (const offer of (await offersAt(ccasPlace))) {
			expect(offer.hours, 'the upstream hours are taken').toBe(UPSTREAM_HOURS);
			expect(offer.verified_how).toBe('import');
			expect(offer.verified_at).toBe('2026-10-01');
		}
		// Nothing of the place itself was taken: it is not rewritten.
		expect(place.version).toBe(placeVersionBefore);
		expect(await itemBySourceId(result.reviewId, CCAS_ID)).toMatchObject({ decision: 'applied', decided_by: coordinator.id, decided_at: now.toISOString() });
		expect(await placeSources(ccasPlace)).toEqual([{ source: 'conseiller-numerique', source_id: CCAS_ID, place_id: ccasPlace, seen_at: now.toISOString() }]);
		const reason = `Import « ${NEWER_FILE} » (revue n° ${result.reviewId})`;
		const offerRevisions = (await allRows<{ reason: string; author_id: number; status: string }>(
			conn,
			`select reason, author_id, status from revisions where entity = 'offer' and entity_id in (${offersBefore.map((o) => o.id).join(',')})`
		));
		expect(offerRevisions).toHaveLength(offersBefore.length);
		expect(offerRevisions.every((r) => r.reason === reason && r.author_id === coordinator.id && r.status === 'published')).toBe(true);
		expect((await auditLines(conn)).at(-1)).toMatchObject({
			action: 'import.applied',
			entity: 'place',
			entity_id: ccasPlace,
			detail: { review: result.reviewId, source_id: CCAS_ID, fields: ['offer.hours'] }
		});

		// The next extract still says the old phone: still a local correction, still unchecked by default.
		const next = await review();
		const again = await itemBySourceId(next.reviewId, CCAS_ID);
		expect(again.kind).toBe('changed');
		expect(changesOf(again)).toEqual([
			{ field: 'phone', label: 'Téléphone', local: '03 20 11 22 33', upstream: UPSTREAM_PHONE, locallyCorrected: true }
		]);
		expect(await decideAll(conn.db, coordinator, next.reviewId, 'changed', 'apply', tick())).toEqual({ done: 1, refused: [] });
		expect((await placeRow(ccasPlace)).phone).toBe('03 20 11 22 33');
	});

	it('is replaced when the coordinator ticks it explicitly', async () => {
		await correctCcasPhone('03 20 11 22 33');
		const result = await review();
		const item = await itemBySourceId(result.reviewId, CCAS_ID);
		expect(await decideItem(conn.db, coordinator, item.id, { action: 'apply', fields: ['phone'] }, tick())).toEqual({ ok: true });
		expect((await placeRow(ccasPlace)).phone).toBe(UPSTREAM_PHONE);
		// Only the ticked field: the hours stay as they were.
		expect((await offersAt(ccasPlace)).every((o) => o.hours === 'Sa 08:00-11:00')).toBe(true);
		expect((await itemBySourceId(result.reviewId, CCAS_ID)).decision).toBe('applied');
		// Taken from upstream, the phone is no longer a local correction: the next extract matches it.
		const next = await review();
		expect(changesOf(await itemBySourceId(next.reviewId, CCAS_ID))).toEqual([
			{ field: 'offer.hours', label: 'Horaires', local: shownHours('Sa 08:00-11:00'), upstream: shownHours(UPSTREAM_HOURS), locallyCorrected: false }
		]);
	});

	it('keep_local writes nothing but the decision', async () => {
		const result = await review();
		const item = await itemBySourceId(result.reviewId, CCAS_ID);
		const directory = await directoryChecksum();
		expect(await decideItem(conn.db, coordinator, item.id, { action: 'keep_local' }, tick())).toEqual({ ok: true });
		expect(await directoryChecksum()).toBe(directory);
		expect(await itemBySourceId(result.reviewId, CCAS_ID)).toMatchObject({ decision: 'kept_local', place_id: ccasPlace });
		expect((await auditLines(conn)).at(-1)).toMatchObject({ action: 'import.kept_local', entity_id: ccasPlace });
	});
});

describe('decisions', () => {
	it('add: a value the importer did not recognise is kept raw on the new place and flagged', async () => {
		const content = newerExtract().replace('Prendre en main un ordinateur;Accéder à du matériel', 'Prendre en main un ordinateur;Réparer son vélo');
		const result = await review(content);
		const item = await itemBySourceId(result.reviewId, NEW_ID);
		expect(await decideItem(conn.db, coordinator, item.id, { action: 'add' }, tick())).toEqual({ ok: true });
		const placeId = (await itemBySourceId(result.reviewId, NEW_ID)).place_id!;
		expect(await allRows(conn, 'select field, value from place_unknown_values where place_id = ?', placeId)).toEqual([
			{ field: 'services', value: 'Réparer son vélo' }
		]);
		expect(await allRows(conn, "select detail from quality_flags where place_id = ? and code = 'unknown_source_value'", placeId)).toEqual([
			{ detail: 'Valeur de la source non reconnue : « Réparer son vélo » (services).' }
		]);
	});

	it('add: the place, its offers and its structure are created with their upstream id, history and audit lines', async () => {
		const result = await review();
		const item = await itemBySourceId(result.reviewId, NEW_ID);
		const auditBefore = await countOf('audit_log');
		const now = tick();
		expect(await decideItem(conn.db, coordinator, item.id, { action: 'add' }, now)).toEqual({ ok: true });

		const decided = await itemBySourceId(result.reviewId, NEW_ID);
		expect(decided.decision).toBe('added');
		const placeId = decided.place_id!;
		const place = await placeRow(placeId);
		expect(place).toMatchObject({
			name: NEW_NAME,
			address: '1 avenue Le Nôtre',
			postal_code: '59100',
			commune: 'Roubaix',
			lat: 50.6779,
			lon: 3.1452,
			phone: '+33320123456',
			email: 'parc@exemple.fr',
			source: 'assembleurs',
			source_id: NEW_ID,
			source_updated_on: '2026-09-15'
		});
		const actor = await oneRow<{ name: string }>(conn, 'select name from actors where id = ?', place.actor_id);
		expect(actor.name).toBe(NEW_NAME);
		const offers = await offersAt(placeId);
		expect(offers.map((o) => o.level)).toEqual(['learn']);
		expect(offers[0]).toMatchObject({ hours: 'We 14:00-17:00', status: 'active', source: 'assembleurs', source_id: `${NEW_ID}#learn`, level_inferred: 0 });
		expect(await placeSources(placeId)).toEqual([{ source: 'assembleurs', source_id: NEW_ID, place_id: placeId, seen_at: now.toISOString() }]);

		const reason = `Import « ${NEWER_FILE} » (revue n° ${result.reviewId})`;
		expect(await allRows(conn, `select entity, operation, status, reason from revisions where entity = 'place' and entity_id = ?`, placeId)).toEqual([
			{ entity: 'place', operation: 'create', status: 'published', reason }
		]);
		expect(await allRows(conn, `select operation, reason from revisions where entity = 'offer' and entity_id = ?`, offers[0]!.id)).toEqual([
			{ operation: 'create', reason }
		]);
		const lines = (await auditLines(conn)).slice(auditBefore);
		expect(lines.map((l) => l.action)).toEqual(['actor.created', 'revision.published', 'revision.published', 'import.added']);
		expect(lines.at(-1)).toEqual({
			user_id: coordinator.id,
			action: 'import.added',
			entity: 'place',
			entity_id: placeId,
			detail: { review: result.reviewId, item: item.id, source_id: NEW_ID }
		});

		// Shown on the public data set: the next review of the same file finds it unchanged.
		const next = await review();
		expect(await itemBySourceId(next.reviewId, NEW_ID)).toMatchObject({ kind: 'unchanged', place_id: placeId });
	});

	it('merge: the chosen fields are taken into the candidate, which keeps the upstream id; the next review matches it', async () => {
		const result = await review();
		const item = await itemBySourceId(result.reviewId, DUPLICATE_ID);
		const placesBefore = await countOf('places');
		const offersBefore = await offersAt(mediathequePlace);
		const now = tick();
		expect(await decideItem(conn.db, coordinator, item.id, { action: 'merge', placeId: mediathequePlace, fields: ['email', 'offer.hours'] }, now)
		).toEqual({ ok: true });

		expect(await countOf('places'), 'no new place').toBe(placesBefore);
		const place = await placeRow(mediathequePlace);
		expect(place.email).toBe(DUPLICATE_EMAIL);
		expect(place.name, 'fields not chosen stay').toBe('Médiathèque de Roubaix');
		expect(place.source_id, 'its own upstream id stays').toBe(MEDIATHEQUE_ID);
		const offers = await offersAt(mediathequePlace);
		expect(offers.map((o) => o.id)).toEqual(offersBefore.map((o) => o.id));
		expect(offers.every((o) => o.hours === DUPLICATE_HOURS)).toBe(true);
		expect(await placeSources(mediathequePlace)).toEqual([
			{ source: 'assembleurs', source_id: DUPLICATE_ID, place_id: mediathequePlace, seen_at: now.toISOString() }
		]);
		expect(await itemBySourceId(result.reviewId, DUPLICATE_ID)).toMatchObject({ decision: 'merged', place_id: mediathequePlace });
		expect((await auditLines(conn)).at(-1)).toMatchObject({
			action: 'import.merged',
			entity: 'place',
			entity_id: mediathequePlace,
			detail: { source_id: DUPLICATE_ID, fields: ['email', 'offer.hours'] }
		});

		// The same file again: the merged id now points at the Médiathèque, no longer a duplicate.
		const next = await review();
		expect(next.counts.duplicate).toBe(0);
		const again = await itemBySourceId(next.reviewId, DUPLICATE_ID);
		expect(['changed', 'unchanged']).toContain(again.kind);
		expect(again.place_id).toBe(mediathequePlace);
		// What was not taken still differs (name, and the point a metre or two away); the email and the hours were taken.
		expect(changesOf(again).map((c) => c.field)).toEqual(['name', 'lat', 'lon']);
		// The Médiathèque's own row is still matched too, and nothing of it is gone.
		expect((await itemBySourceId(next.reviewId, MEDIATHEQUE_ID)).place_id).toBe(mediathequePlace);
		expect((await itemsOf(next.reviewId)).filter((i) => i.kind === 'gone').map((i) => i.source_id)).toEqual([SOCOPIRA_ID]);
	});

	it('merge into a place that is not a candidate is refused, nothing written', async () => {
		const result = await review();
		const item = await itemBySourceId(result.reviewId, DUPLICATE_ID);
		const before = await everything(result.reviewId);
		expect(await decideItem(conn.db, coordinator, item.id, { action: 'merge', placeId: ccasPlace, fields: ['email'] }, tick())).toEqual({
			ok: false,
			message: 'Choisissez l’un des lieux proposés pour la fusion.'
		});
		expect(await everything(result.reviewId)).toEqual(before);
	});

	it('keep both: the duplicate becomes its own place, with its upstream id', async () => {
		const result = await review();
		const item = await itemBySourceId(result.reviewId, DUPLICATE_ID);
		expect(await decideItem(conn.db, coordinator, item.id, { action: 'add' }, tick())).toEqual({ ok: true });
		const decided = await itemBySourceId(result.reviewId, DUPLICATE_ID);
		expect(decided.decision).toBe('kept_both');
		expect(decided.place_id).not.toBe(mediathequePlace);
		expect(await placeRow(decided.place_id!)).toMatchObject({ name: DUPLICATE_NAME, source_id: DUPLICATE_ID, email: DUPLICATE_EMAIL });
		expect((await placeRow(mediathequePlace)).email).toBeNull();
		expect((await placeSources(decided.place_id!)).map((s) => s.source_id)).toEqual([DUPLICATE_ID]);
		expect(await placeSources(mediathequePlace)).toEqual([]);
		expect((await auditLines(conn)).at(-1)).toMatchObject({ action: 'import.kept_both', entity_id: decided.place_id });
		// Both are matched by their own id next time.
		const next = await review();
		expect(await itemBySourceId(next.reviewId, DUPLICATE_ID)).toMatchObject({ kind: 'unchanged', place_id: decided.place_id });
	});

	it('ignore: nothing written but the decision', async () => {
		const result = await review();
		const directory = await directoryChecksum();
		for (const sourceId of [NEW_ID, DUPLICATE_ID]) {
			const item = await itemBySourceId(result.reviewId, sourceId);
			expect(await decideItem(conn.db, coordinator, item.id, { action: 'ignore' }, tick())).toEqual({ ok: true });
			expect(await itemBySourceId(result.reviewId, sourceId)).toMatchObject({ decision: 'ignored', place_id: null, decided_by: coordinator.id });
		}
		expect(await directoryChecksum()).toBe(directory);
		expect((await auditLines(conn)).at(-1)).toMatchObject({ action: 'import.ignored', entity: 'place', entity_id: null, detail: { source_id: DUPLICATE_ID } });
	});

	it('close: a place gone upstream has its offers closed, the place and its history stay', async () => {
		const result = await review();
		const item = await itemBySourceId(result.reviewId, SOCOPIRA_ID);
		const offers = await offersAt(socopiraPlace);
		expect(offers.length).toBeGreaterThan(0);
		expect(await decideItem(conn.db, coordinator, item.id, { action: 'close' }, tick())).toEqual({ ok: true });
		expect((await offersAt(socopiraPlace)).map((o) => o.status)).toEqual(offers.map(() => 'closed'));
		expect((await placeRow(socopiraPlace)).name).toBe('Socopira');
		expect((await itemBySourceId(result.reviewId, SOCOPIRA_ID)).decision).toBe('closed');
		const reasons = (await allRows<{ reason: string }>(
			conn,
			`select reason from revisions where entity = 'offer' and entity_id in (${offers.map((o) => o.id).join(',')})`
		)).map((r) => r.reason);
		expect(reasons).toEqual(offers.map(() => `Import « ${NEWER_FILE} » (revue n° ${result.reviewId}) : disparu de la source`));
		// Closed, it is no longer held from that source: the next extract does not list it as gone again.
		const next = await review();
		expect(next.counts.gone).toBe(0);
	});

	it('keep_local on a gone place keeps its offers open', async () => {
		const result = await review();
		const item = await itemBySourceId(result.reviewId, SOCOPIRA_ID);
		const directory = await directoryChecksum();
		expect(await decideItem(conn.db, coordinator, item.id, { action: 'keep_local' }, tick())).toEqual({ ok: true });
		expect(await directoryChecksum()).toBe(directory);
		expect((await offersAt(socopiraPlace)).every((o) => o.status === 'active')).toBe(true);
		expect((await itemBySourceId(result.reviewId, SOCOPIRA_ID)).decision).toBe('kept_local');
	});

	it('in bulk: a whole section at once, with the count of lines done', async () => {
		const result = await review();
		expect(await decideAll(conn.db, coordinator, result.reviewId, 'gone', 'close', tick())).toEqual({ done: 1, refused: [] });
		expect(await decideAll(conn.db, coordinator, result.reviewId, 'new', 'add', tick())).toEqual({ done: 1, refused: [] });
		expect(await decideAll(conn.db, coordinator, result.reviewId, 'duplicate', 'ignore', tick())).toEqual({ done: 1, refused: [] });
		expect(await decideAll(conn.db, coordinator, result.reviewId, 'changed', 'keep_local', tick())).toEqual({ done: 1, refused: [] });
		expect((await itemsOf(result.reviewId)).filter((i) => i.decision === 'pending')).toEqual([]);
		// Nothing left: a second pass does nothing.
		expect(await decideAll(conn.db, coordinator, result.reviewId, 'new', 'add', tick())).toEqual({ done: 0, refused: [] });
	});
});

describe('refusals: French messages, nothing written', () => {
	it('a decision that does not apply to the line, a second decision, an unknown line', async () => {
		const result = await review();
		const ids = new Map<string, number>();
		for (const id of [NEW_ID, CCAS_ID, SOCOPIRA_ID, DUPLICATE_ID]) ids.set(id, (await itemBySourceId(result.reviewId, id)).id);
		const item = (sourceId: string) => ids.get(sourceId)!;
		const notForThisLine = 'Cette décision ne s’applique pas à cette ligne.';
		const cases: [number, Parameters<typeof decideItem>[3], string][] = [
			[item(NEW_ID), { action: 'close' }, notForThisLine],
			[item(NEW_ID), { action: 'apply', fields: ['name'] }, notForThisLine],
			[item(NEW_ID), { action: 'keep_local' }, notForThisLine],
			[item(CCAS_ID), { action: 'add' }, notForThisLine],
			[item(CCAS_ID), { action: 'close' }, notForThisLine],
			[item(CCAS_ID), { action: 'ignore' }, notForThisLine],
			[item(SOCOPIRA_ID), { action: 'apply', fields: [] }, notForThisLine],
			[item(SOCOPIRA_ID), { action: 'add' }, notForThisLine],
			[item(DUPLICATE_ID), { action: 'close' }, notForThisLine],
			[item(DUPLICATE_ID), { action: 'apply', fields: ['email'] }, notForThisLine],
			// An unchanged line is settled from the start.
			[(await itemsOf(result.reviewId)).find((i) => i.kind === 'unchanged')!.id, { action: 'apply', fields: [] }, 'Cette ligne a déjà été traitée.'],
			[999_999, { action: 'add' }, 'Cette ligne de revue n’existe pas.']
		];
		const before = await everything(result.reviewId);
		for (const [id, choice, message] of cases) {
			expect(await decideItem(conn.db, coordinator, id, choice, tick()), `${id} ${choice.action}`).toEqual({ ok: false, message });
		}
		expect(await everything(result.reviewId)).toEqual(before);

		// Twice: the second time is refused and changes nothing.
		expect(await decideItem(conn.db, coordinator, item(NEW_ID), { action: 'ignore' }, tick())).toEqual({ ok: true });
		const once = await everything(result.reviewId);
		for (const choice of [{ action: 'ignore' }, { action: 'add' }] as const) {
			expect(await decideItem(conn.db, coordinator, item(NEW_ID), choice, tick())).toEqual({ ok: false, message: 'Cette ligne a déjà été traitée.' });
		}
		expect(await everything(result.reviewId)).toEqual(once);

		// In bulk, an action that does not fit the section refuses every line, in words.
		const bulk = await decideAll(conn.db, coordinator, result.reviewId, 'gone', 'add', tick());
		expect(bulk).toEqual({ done: 0, refused: [{ name: 'Socopira', message: notForThisLine }] });
		expect(await everything(result.reviewId)).toEqual(once);
	});

	it('a stale decision: the place changed after the review, the decision is refused and nothing is written', async () => {
		const result = await review();
		const item = await itemBySourceId(result.reviewId, CCAS_ID);
		// Someone corrects the phone while the coordinator is reading the review.
		await correctCcasPhone('03 20 44 55 66');
		const before = await everything(result.reviewId);
		const conflict = 'La fiche a changé pendant la revue : rechargez la page et décidez de nouveau.';
		expect(await decideItem(conn.db, coordinator, item.id, { action: 'apply', fields: ['phone', 'offer.hours'] }, tick())).toEqual({
			ok: false,
			message: conflict
		});
		const after = await everything(result.reviewId);
		expect(after.directory, 'places, offers, sources and revisions untouched').toBe(before.directory);
		expect(after.audit).toBe(before.audit);
		expect((await placeRow(ccasPlace)).phone).toBe('03 20 44 55 66');
		expect((await offersAt(ccasPlace)).every((o) => o.hours === 'Sa 08:00-11:00'), 'the offers neither').toBe(true);
		const refreshed = await itemBySourceId(result.reviewId, CCAS_ID);
		expect(refreshed.decision).toBe('pending');
		// Reloaded, the review shows the correction, unticked by default; deciding again works.
		expect(changesOf(refreshed)).toEqual([
			{ field: 'phone', label: 'Téléphone', local: '03 20 44 55 66', upstream: UPSTREAM_PHONE, locallyCorrected: true },
			{ field: 'offer.hours', label: 'Horaires', local: shownHours('Sa 08:00-11:00'), upstream: shownHours(UPSTREAM_HOURS), locallyCorrected: false }
		]);
		expect(await decideAll(conn.db, coordinator, result.reviewId, 'changed', 'apply', tick())).toEqual({ done: 1, refused: [] });
		expect((await placeRow(ccasPlace)).phone).toBe('03 20 44 55 66');
		expect((await offersAt(ccasPlace)).every((o) => o.hours === UPSTREAM_HOURS)).toBe(true);
	});

	it('a stale decision in bulk is listed as refused, with its name and the conflict message', async () => {
		const result = await review();
		await correctCcasPhone('03 20 44 55 66');
		const before = await directoryChecksum();
		expect(await decideAll(conn.db, coordinator, result.reviewId, 'changed', 'apply', tick())).toEqual({
			done: 0,
			refused: [{ name: 'CCAS de Roubaix', message: 'La fiche a changé pendant la revue : rechargez la page et décidez de nouveau.' }]
		});
		expect(await directoryChecksum()).toBe(before);
	});

	it('an offer changed after the review refuses the decision for the place too: a place and its offers go together', async () => {
		const result = await review();
		const item = await itemBySourceId(result.reviewId, CCAS_ID);
		const offerId = (await offersAt(ccasPlace))[0]!.id;
		const offer = (await readOffer(conn.db, offerId))!;
		const edited = await submitChange(
			conn.db,
			{ entity: 'offer', entityId: offerId, actorId: offer.actorId, baseVersion: offer.version, after: { ...offer.snapshot, hours: 'Sa 08:00-12:00' } },
			{ user: coordinator, origin: 'https://carte.roubaix.test', now: tick() }
		);
		expect(edited.kind).toBe('published');
		const before = await everything(result.reviewId);
		// Only the place's phone ticked: still refused, because the offers it would write changed.
		const refused = await decideItem(conn.db, coordinator, item.id, { action: 'apply', fields: ['phone'] }, tick());
		expect(refused).toEqual({ ok: false, message: 'La fiche a changé pendant la revue : rechargez la page et décidez de nouveau.' });
		expect((await everything(result.reviewId)).directory).toBe(before.directory);
		expect((await placeRow(ccasPlace)).phone).toBe('+33320815757');
		// Reloaded, the hours read as corrected here.
		const hours = changesOf(await itemBySourceId(result.reviewId, CCAS_ID)).find((c) => c.field === 'offer.hours');
		expect(hours).toMatchObject({ local: shownHours('Sa 08:00-12:00'), upstream: shownHours(UPSTREAM_HOURS), locallyCorrected: true });
	});

	it('a failure while writing the offers undoes the place written just before', async () => {
		const result = await review();
		const item = await itemBySourceId(result.reviewId, CCAS_ID);
		// The database refuses the offers' new hours: the place's phone was already written in the same transaction.
		await refuseHours(UPSTREAM_HOURS);
		const before = await everything(result.reviewId);
		await expect(decideItem(conn.db, coordinator, item.id, { action: 'apply', fields: ['phone', 'offer.hours'] }, tick())).rejects.toThrow(
			'refused by the test'
		);
		expect(await everything(result.reviewId)).toEqual(before);
		expect((await placeRow(ccasPlace)).phone).toBe('+33320815757');
		expect((await itemBySourceId(result.reviewId, CCAS_ID)).decision).toBe('pending');
	});
});
