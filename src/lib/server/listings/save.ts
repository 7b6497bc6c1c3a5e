import { fail, redirect } from '@sveltejs/kit';
import { FIELD_LABELS } from '$lib/domain/listing-diff';
import type { ListingEntity, SnapshotOf } from '$lib/domain/listing';
import type { SignedInUser } from '../auth/users';
import { database } from '../db';
import type { VerifiedHow } from '../db/schema';
import { submitChange } from './revisions';

export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: Record<string, string>; values: Record<string, string | string[]> };

export interface SaveInput<E extends ListingEntity> {
	entity: E;
	entityId: number | null;
	actorId: number;
	user: SignedInUser;
	form: FormData;
	parsed: Parsed<SnapshotOf[E]>;
	url: URL;
	/** Where to go once saved: the new record's page for a creation. */
	next: (entityId: number | null, state: 'publie' | 'propose') => string;
}

const VERIFIED_HOW = new Set<VerifiedHow>(['structure', 'telephone', 'coordinator']);

/**
 * The one way every listing form saves: validation errors, a version check, then publish or
 * propose. Failures keep what was typed; success redirects (POST, redirect, GET) so a reload
 * cannot submit twice.
 */
export async function saveListing<E extends ListingEntity>(input: SaveInput<E>) {
	const { form, parsed } = input;
	if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
	const rawVersion = String(form.get('version') ?? '');
	const baseVersion = input.entityId === null ? null : /^\d{1,9}$/.test(rawVersion) ? Number(rawVersion) : -1;
	const how = String(form.get('verified_how') ?? '') as VerifiedHow;
	const result = await submitChange(
		database().db,
		{ entity: input.entity, entityId: input.entityId, actorId: input.actorId, baseVersion, after: parsed.value },
		{
			user: input.user,
			origin: input.url.origin,
			verifiedHow: input.user.role === 'coordinator' && VERIFIED_HOW.has(how) ? how : undefined
		}
	);
	switch (result.kind) {
		case 'published':
			redirect(303, input.next(result.entityId, 'publie'));
		case 'proposed':
			redirect(303, input.next(input.entityId, 'propose'));
		case 'unchanged':
			return { unchanged: true };
		case 'duplicate_name':
			return fail(400, { values: formValues(form), errors: { name: 'Une autre structure porte déjà ce nom.' } });
		case 'missing':
			return fail(404, { values: formValues(form), errors: { form: 'Cette fiche n’existe plus ou n’appartient pas à cette structure.' } });
		case 'conflict': {
			// Nothing is written. The page reloads the current record; what this person typed is
			// shown beside it, so they can redo their change on top of the other one.
			const labels = FIELD_LABELS[input.entity] as Record<string, string>;
			const typed = Object.entries(parsed.value as unknown as Record<string, unknown>).map(([field, value]) => ({
				field,
				label: labels[field] ?? field,
				value: Array.isArray(value) ? value.join(', ') : value === null ? '' : String(value)
			}));
			return fail(409, { conflict: result.changes, typed });
		}
	}
}

function formValues(form: FormData): Record<string, string> {
	const values: Record<string, string> = {};
	for (const [key, value] of form) if (typeof value === 'string') values[key] = value.slice(0, 5000);
	return values;
}

export { parseId } from '$lib/domain/ids';
