import { sql } from 'kysely';
import { actionLabel, AUDIT_FAMILIES } from '$lib/components/admin/labels';
import { requireCoordinator } from '$lib/server/auth/guards';
import type { DB } from '$lib/server/db/connect';
import { database } from '$lib/server/db';
import * as actors from '$lib/server/db/queries/actors';
import * as places from '$lib/server/db/queries/places';
import { describeDetail, recordHref, recordText } from '$lib/server/admin/audit-detail';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 50;

function filtered(db: DB, family: string | null) {
	const query = db.selectFrom('audit_log');
	if (!family) return query;
	// A family is a whole first segment: "sign_in" takes sign_in and sign_in.invitation, not sign_out.
	return query.where(sql<boolean>`(audit_log.action = ${family} or substr(audit_log.action, 1, ${family.length + 1}) = ${`${family}.`})`);
}

async function namesOf(db: DB, table: 'actors' | 'places', ids: number[]) {
	return table === 'actors' ? actors.namesByIds(db, ids) : places.namesByIds(db, ids);
}

export const load: PageServerLoad = async ({ locals, url }) => {
	requireCoordinator(locals, url);
	const { db } = database();
	const problems: string[] = [];

	const wanted = (url.searchParams.get('action') ?? '').slice(0, 50);
	let family: string | null = null;
	if (wanted && AUDIT_FAMILIES.some((f) => f.value === wanted)) family = wanted;
	else if (wanted) problems.push('Type d’action inconnu : toutes les actions sont affichées.');

	const rawPage = url.searchParams.get('page');
	let page = 1;
	if (rawPage !== null) {
		if (/^[1-9][0-9]{0,5}$/.test(rawPage)) page = Number(rawPage);
		else problems.push('Numéro de page invalide : voici la première page.');
	}

	const total = Number(
		(await filtered(db, family).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0
	);
	const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
	if (page > pages) {
		problems.push(`La page ${page} n’existe pas (le journal en compte ${pages}) : voici la première page.`);
		page = 1;
	}

	const rows = await filtered(db, family)
		.leftJoin('users', 'users.id', 'audit_log.user_id')
		.select(['audit_log.id', 'audit_log.at', 'audit_log.action', 'audit_log.entity', 'audit_log.entity_id', 'audit_log.detail', 'users.email'])
		.orderBy('audit_log.at', 'desc')
		.orderBy('audit_log.id', 'desc')
		.limit(PAGE_SIZE)
		.offset((page - 1) * PAGE_SIZE)
		.execute();

	const idsOf = (entity: string) => [...new Set(rows.filter((r) => r.entity === entity && r.entity_id !== null).map((r) => r.entity_id!))];
	const [actorNames, placeNames] = await Promise.all([namesOf(db, 'actors', idsOf('actor')), namesOf(db, 'places', idsOf('place'))]);
	const nameOf = (entity: string | null, id: number | null) =>
		id === null ? null : entity === 'actor' ? (actorNames.get(id) ?? null) : entity === 'place' ? (placeNames.get(id) ?? null) : null;

	return {
		family,
		families: AUDIT_FAMILIES,
		page,
		pages,
		total,
		problems,
		entries: rows.map((r) => ({
			id: r.id,
			at: r.at,
			person: r.email,
			action: r.action,
			actionLabel: actionLabel(r.action),
			record: { text: recordText(r.entity, r.entity_id, nameOf(r.entity, r.entity_id)), href: recordHref(r.entity, r.entity_id) },
			detail: describeDetail(r.entity, r.detail)
		}))
	};
};
