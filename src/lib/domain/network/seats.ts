import { parisDate } from './editions';

/**
 * Seats and the waiting list: within the capacity a registration gets a seat, beyond it a place
 * in line, and a freed seat goes to the first in line (the oldest waiting registration).
 */

export interface Openable {
	heldOn: string;
	capacity: number | null;
	registrationOpen: boolean;
}

/** Registration is possible when the coordinator opened it, set a capacity, and the day has not passed. */
export function acceptsRegistrations(edition: Openable, now: Date): boolean {
	return edition.registrationOpen && edition.capacity !== null && edition.capacity > 0 && edition.heldOn >= parisDate(now);
}

export function placeFor(confirmed: number, capacity: number): 'confirmed' | 'waiting' {
	return confirmed < capacity ? 'confirmed' : 'waiting';
}

/** How many in line move up when seats free or the capacity grows. */
export function seatsToFill(confirmed: number, capacity: number, waiting: number): number {
	return Math.max(0, Math.min(waiting, capacity - confirmed));
}

/** The reminder goes two days before, on the date in Roubaix: the edition held on this date is due today. */
export function reminderDate(now: Date): string {
	const [y, m, d] = parisDate(now).split('-').map(Number);
	return new Date(Date.UTC(y!, m! - 1, d! + 2)).toISOString().slice(0, 10);
}
