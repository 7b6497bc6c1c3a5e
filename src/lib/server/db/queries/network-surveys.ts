import type { DB } from '../connect';

/** The priorities survey: one open at a time, answered once per account or per invitation link. */

export interface Survey {
	id: number;
	title: string;
	themes: string[];
	maxChoices: number;
	openedAt: string;
	closedAt: string | null;
}

const columns = ['id', 'title', 'themes', 'max_choices', 'opened_at', 'closed_at'] as const;
type Row = { id: number; title: string; themes: string; max_choices: number; opened_at: string; closed_at: string | null };
const toSurvey = (r: Row): Survey => ({ id: r.id, title: r.title, themes: JSON.parse(r.themes) as string[], maxChoices: Number(r.max_choices), openedAt: r.opened_at, closedAt: r.closed_at });

export async function current(db: DB): Promise<Survey | null> {
	const row = await db.selectFrom('network_surveys').select(columns).where('closed_at', 'is', null).orderBy('id', 'desc').executeTakeFirst();
	return row ? toSurvey(row) : null;
}

export async function latestClosed(db: DB): Promise<Survey | null> {
	const row = await db.selectFrom('network_surveys').select(columns).where('closed_at', 'is not', null).orderBy('closed_at', 'desc').orderBy('id', 'desc').executeTakeFirst();
	return row ? toSurvey(row) : null;
}

export async function byId(db: DB, id: number): Promise<Survey | null> {
	const row = await db.selectFrom('network_surveys').select(columns).where('id', '=', id).executeTakeFirst();
	return row ? toSurvey(row) : null;
}

export async function create(db: DB, s: { title: string; themes: string[]; maxChoices: number; openedAt: string; createdBy: number }): Promise<number> {
	const row = await db
		.insertInto('network_surveys')
		.values({ title: s.title, themes: JSON.stringify(s.themes), max_choices: s.maxChoices, opened_at: s.openedAt, created_by: s.createdBy })
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

export async function close(db: DB, id: number, at: string): Promise<boolean> {
	const result = await db.updateTable('network_surveys').set({ closed_at: at }).where('id', '=', id).where('closed_at', 'is', null).executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/** How many answered, and how many chose each theme. */
export async function counts(db: DB, surveyId: number): Promise<{ answers: number; byTheme: Record<string, number> }> {
	const rows = await db.selectFrom('network_survey_answers').select('choices').where('survey_id', '=', surveyId).execute();
	const byTheme: Record<string, number> = {};
	for (const r of rows) for (const t of JSON.parse(r.choices) as string[]) byTheme[t] = (byTheme[t] ?? 0) + 1;
	return { answers: rows.length, byTheme };
}

export async function memberAnswered(db: DB, surveyId: number, userId: number): Promise<boolean> {
	return (await db.selectFrom('network_survey_answers').select('id').where('survey_id', '=', surveyId).where('user_id', '=', userId).executeTakeFirst()) !== undefined;
}

/** False when this account or this link has answered already (the unique constraints decide, across instances). */
export async function addAnswer(db: DB, a: { surveyId: number; choices: string[]; userId: number | null; invitationId: number | null; at: string }): Promise<boolean> {
	const result = await db
		.insertInto('network_survey_answers')
		.values({ survey_id: a.surveyId, choices: JSON.stringify(a.choices), user_id: a.userId, invitation_id: a.invitationId, created_at: a.at })
		.onConflict((oc) => oc.doNothing())
		.executeTakeFirst();
	return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function invitationByHash(db: DB, hash: string): Promise<{ id: number; surveyId: number; usedAt: string | null } | null> {
	const row = await db.selectFrom('network_survey_invitations').select(['id', 'survey_id', 'used_at']).where('token_hash', '=', hash).executeTakeFirst();
	return row ? { id: row.id, surveyId: row.survey_id, usedAt: row.used_at } : null;
}

export async function useInvitation(db: DB, id: number, at: string): Promise<boolean> {
	const result = await db.updateTable('network_survey_invitations').set({ used_at: at }).where('id', '=', id).where('used_at', 'is', null).executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/** True when this address had no invitation to this survey yet. */
export async function addInvitation(db: DB, i: { surveyId: number; email: string; tokenHash: string; at: string }): Promise<boolean> {
	const result = await db
		.insertInto('network_survey_invitations')
		.values({ survey_id: i.surveyId, email: i.email, token_hash: i.tokenHash, created_at: i.at })
		.onConflict((oc) => oc.columns(['survey_id', 'email']).doNothing())
		.executeTakeFirst();
	return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** The addresses of those who had a seat at an edition held before `today` and are not erased yet. */
export async function pastParticipants(db: DB, today: string): Promise<string[]> {
	const rows = await db
		.selectFrom('network_registrations as r')
		.innerJoin('network_editions as e', 'e.id', 'r.edition_id')
		.select('r.email_key')
		.distinct()
		.where('e.held_on', '<', today)
		.where('r.status', '=', 'confirmed')
		.where('r.erased_at', 'is', null)
		.orderBy('r.email_key')
		.execute();
	return rows.map((r) => r.email_key).filter(Boolean);
}

/**
 * Who answered, erased for the surveys closed before `before`: the answers lose their account or
 * link, the invitations their address; the counts stay.
 */
export async function eraseClosedBefore(db: DB, before: string): Promise<number> {
	const surveys = (await db.selectFrom('network_surveys').select('id').where('closed_at', '<', before).execute()).map((s) => s.id);
	if (surveys.length === 0) return 0;
	const answers = await db
		.updateTable('network_survey_answers')
		.set({ user_id: null, invitation_id: null })
		.where('survey_id', 'in', surveys)
		.where((eb) => eb.or([eb('user_id', 'is not', null), eb('invitation_id', 'is not', null)]))
		.executeTakeFirst();
	const invitations = await db.deleteFrom('network_survey_invitations').where('survey_id', 'in', surveys).executeTakeFirst();
	return Number(answers.numUpdatedRows) + Number(invitations.numDeletedRows ?? 0);
}
