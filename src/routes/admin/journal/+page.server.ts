import { actionLabel, AUDIT_FAMILIES } from '$lib/components/admin/labels';
import { requireCoordinator } from '$lib/server/auth/guards';
import type { DB } from '$lib/server/db/connect';
import { database } from '$lib/server/db';
import * as auditLog from '$lib/server/db/queries/audit';
import * as actors from '$lib/server/db/queries/actors';
import * as places from '$lib/server/db/queries/places';
import { describeDetailValue, recordHref, recordText } from '$lib/server/admin/audit-detail';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 50;

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

	const total = await auditLog.count(db, family);
	const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
	if (page > pages) {
		problems.push(`La page ${page} n’existe pas (le journal en compte ${pages}) : voici la première page.`);
		page = 1;
	}

	const rows = await auditLog.page(db, { family, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });

	const idsOf = (entity: string) => [...new Set(rows.filter((r) => r.entity === entity && r.entityId !== null).map((r) => r.entityId!))];
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
			record: { text: recordText(r.entity, r.entityId, nameOf(r.entity, r.entityId)), href: recordHref(r.entity, r.entityId) },
			detail: describeDetailValue(r.entity, r.detail)
		}))
	};
};
