import { describe, expect, it } from 'vitest';
import { canMove, isAnswerable, isClosed, REFERRAL_STATUSES, sourcesOf } from './status';

describe('statuts d’un adressage', () => {
	it('moves forward only', () => {
		expect(canMove('awaiting_sender', 'sent')).toBe(true);
		expect(canMove('sent', 'seen')).toBe(true);
		expect(canMove('seen', 'accepted')).toBe(true);
		expect(canMove('sent', 'refused')).toBe(true);
		expect(canMove('seen', 'sent')).toBe(false);
		expect(canMove('awaiting_sender', 'accepted')).toBe(false);
		for (const closed of ['accepted', 'refused', 'expired'] as const) {
			for (const to of REFERRAL_STATUSES) expect(canMove(closed, to)).toBe(false);
			expect(isClosed(closed)).toBe(true);
		}
	});

	it('answers only a referral that reached the structure and is still open', () => {
		expect(REFERRAL_STATUSES.filter(isAnswerable)).toEqual(['sent', 'seen']);
		expect(sourcesOf('accepted')).toEqual(['sent', 'seen']);
		expect(sourcesOf('expired')).toEqual(['awaiting_sender', 'sent', 'seen']);
	});
});
