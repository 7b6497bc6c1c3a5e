import { describe, expect, it } from 'vitest';
import { acceptsRegistrations, placeFor, reminderDate, seatsToFill } from './seats';

describe('seats and the waiting list', () => {
	it('gives a seat within the capacity, a place in line beyond it', () => {
		expect(placeFor(0, 2)).toBe('confirmed');
		expect(placeFor(1, 2)).toBe('confirmed');
		expect(placeFor(2, 2)).toBe('waiting');
		expect(placeFor(5, 2)).toBe('waiting');
	});
	it('moves up as many in line as there are free seats', () => {
		expect(seatsToFill(1, 2, 3)).toBe(1);
		expect(seatsToFill(2, 2, 3)).toBe(0);
		expect(seatsToFill(0, 5, 2)).toBe(2);
		expect(seatsToFill(3, 2, 1)).toBe(0);
	});
	it('opens registration only when opened, with a capacity, until the day itself (Paris time)', () => {
		const edition = { heldOn: '2026-03-13', capacity: 50, registrationOpen: true };
		expect(acceptsRegistrations(edition, new Date('2026-03-13T22:59:00Z'))).toBe(true);
		expect(acceptsRegistrations(edition, new Date('2026-03-13T23:00:00Z'))).toBe(false);
		expect(acceptsRegistrations({ ...edition, registrationOpen: false }, new Date('2026-03-01T10:00:00Z'))).toBe(false);
		expect(acceptsRegistrations({ ...edition, capacity: null }, new Date('2026-03-01T10:00:00Z'))).toBe(false);
	});
	it('reminds two days before, by the date in Roubaix', () => {
		expect(reminderDate(new Date('2026-03-11T08:00:00Z'))).toBe('2026-03-13');
		expect(reminderDate(new Date('2026-03-10T23:30:00Z'))).toBe('2026-03-13');
	});
});
