import { requireCoordinator } from '$lib/server/auth/guards';
import { database } from '$lib/server/db';
import { usesLocalOutbox } from '$lib/server/mail/transport';
import { pendingCounts } from '$lib/server/admin/counts';
import type { LayoutServerLoad } from './$types';

// The guard here protects the navigation's counts; each page load and action checks again.
export const load: LayoutServerLoad = async ({ locals, url }) => {
	requireCoordinator(locals, url);
	return { pending: await pendingCounts(database().db), showOutbox: usesLocalOutbox() };
};
