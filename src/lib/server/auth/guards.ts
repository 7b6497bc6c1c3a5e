import { error, redirect } from '@sveltejs/kit';
import type { SignedInUser } from './users';

/**
 * Called at the top of every load and every action that needs an account: the hook only reads
 * the cookie, each route decides.
 */
export function requireUser(locals: App.Locals, url: URL): SignedInUser {
	if (!locals.user) redirect(303, `/connexion?retour=${encodeURIComponent(url.pathname + url.search)}`);
	return locals.user;
}

export function requireCoordinator(locals: App.Locals, url: URL): SignedInUser {
	const user = requireUser(locals, url);
	if (user.role !== 'coordinator') error(403, 'Cette page est réservée à la coordination de la Ville.');
	return user;
}

export function requireActor(locals: App.Locals, url: URL, actorId: number): SignedInUser {
	const user = requireUser(locals, url);
	if (user.role !== 'coordinator' && !user.actorIds.includes(actorId)) {
		error(403, 'Vous ne gérez pas cette structure. Demandez à la coordination de vous y inviter.');
	}
	return user;
}

export const DEFAULT_RETURN_PATH = '/espace';

/** Where a sign-in without `retour` lands: the coordination's dashboard, or the member's space. */
export function landingPath(role: string): string {
	return role === 'coordinator' ? '/admin' : DEFAULT_RETURN_PATH;
}

/** Any origin does: only "is it the same one after parsing" matters, not which one it is. */
const PLACEHOLDER_ORIGIN = 'http://site.invalid';

/**
 * Only a path on this site, so a crafted `retour` cannot send someone elsewhere after sign-in.
 * The value is parsed the way a browser will parse the Location header, against the site's
 * origin: a prefix check alone let `/\t/evil.example` through (URL parsers drop tabs and line
 * breaks, leaving `//evil.example`). Control characters fall back outright: besides that trick,
 * a CR or LF cannot go in a header at all, and the sign-in would end in a 500. What comes back is
 * the serialised path, query and fragment, so it is plain printable ASCII.
 */
export function safeReturnPath(value: string | null | undefined, origin: string = PLACEHOLDER_ORIGIN): string {
	return safeReturnPathOrNull(value, origin) ?? DEFAULT_RETURN_PATH;
}

/**
 * The same check, but `null` when there is no usable path, so the caller can choose the landing
 * page by role (a coordinator lands on /admin, a member on /espace).
 */
export function safeReturnPathOrNull(value: string | null | undefined, origin: string = PLACEHOLDER_ORIGIN): string | null {
	if (!value || value.length > 500 || !value.startsWith('/') || /[\u0000-\u001f\u007f]/.test(value)) return null;
	let parsed: URL;
	try {
		parsed = new URL(value, origin);
	} catch {
		return null;
	}
	if (parsed.origin !== new URL(origin).origin) return null;
	const path = parsed.pathname + parsed.search + parsed.hash;
	// `/\evil` and `//evil` already changed the origin above; this only guards the serialisation.
	if (!path.startsWith('/') || path.startsWith('//') || path.length > 500) return null;
	return path;
}
