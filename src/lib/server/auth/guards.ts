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

/** Only a path on this site, so a crafted `retour` cannot send someone elsewhere after sign-in. */
export function safeReturnPath(value: string | null | undefined): string {
	if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/espace';
	return value.slice(0, 500);
}
