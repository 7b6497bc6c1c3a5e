import { acceptsRegistrations } from '$lib/domain/network/seats';
import { networkThemeLabel } from '$lib/domain/network/themes';
import type { DB } from '../db/connect';
import * as editions from '../db/queries/network-editions';
import * as registrations from '../db/queries/network-registrations';

/** What the public pages show of an edition: no one's name, only counts. */
export async function publicEdition(db: DB, e: editions.Edition, now: Date) {
	const open = acceptsRegistrations(e, now);
	const counts = open ? await registrations.countByStatus(db, e.id) : null;
	return {
		number: e.number,
		heldOn: e.heldOn,
		startsAt: e.startsAt,
		endsAt: e.endsAt,
		theme: e.theme,
		themeLabel: networkThemeLabel(e.theme),
		title: e.title,
		placeId: e.placeId,
		placeName: e.placeName,
		placeAddress: e.placeAddress,
		programme: e.programme,
		summary: e.summary,
		participants: e.participants,
		open,
		seatsLeft: counts && e.capacity !== null ? Math.max(0, e.capacity - counts.confirmed) : null
	};
}

export type PublicEdition = Awaited<ReturnType<typeof publicEdition>>;
