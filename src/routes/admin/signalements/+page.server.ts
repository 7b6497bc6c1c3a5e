import { fail } from '@sveltejs/kit';
import { requireCoordinator } from '$lib/server/auth/guards';
import { database } from '$lib/server/db';
import * as errorReports from '$lib/server/db/queries/error-reports';
import { closeErrorReport, ERROR_REASONS } from '$lib/server/listings/error-reports';
import { errorsByField, noteSchema, parseId, readForm, textField, UNREADABLE_FORM } from '$lib/server/admin/input';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	requireCoordinator(locals, url);
	const { db } = database();
	const [open, closed] = await Promise.all([errorReports.listOpen(db), errorReports.listClosed(db, 50)]);
	const reasonLabel = (code: string) => ERROR_REASONS.find((r) => r.value === code)?.label ?? code;
	const withLabel = <T extends { reason: string }>(r: T) => ({ ...r, reasonLabel: reasonLabel(r.reason) });
	return { open: open.map(withLabel), closed: closed.map(withLabel) };
};

async function close({ locals, url, request }: RequestEvent, status: 'resolved' | 'dismissed') {
	const coordinator = requireCoordinator(locals, url);
	const form = await readForm(request);
	if (!form) return fail(400, { report: null, problem: UNREADABLE_FORM });
	const id = parseId(textField(form, 'report', 20));
	if (id === null) return fail(400, { report: null, problem: 'Signalement inconnu : rien n’a changé.' });
	const values = { note: textField(form, 'note') };
	const parsed = noteSchema.safeParse(values.note);
	if (!parsed.success) return fail(400, { report: id, values, errors: errorsByField(parsed.error, 'note') });
	const done = await closeErrorReport(database().db, coordinator, id, status, parsed.data || null);
	if (!done) return fail(409, { report: id, problem: 'Ce signalement est déjà traité, ou n’existe pas : rien n’a changé.' });
	return { closed: { report: id, status } };
}

export const actions: Actions = {
	resolve: (event) => close(event, 'resolved'),
	dismiss: (event) => close(event, 'dismissed')
};
