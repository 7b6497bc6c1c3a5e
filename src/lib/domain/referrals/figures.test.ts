import { describe, expect, it } from 'vitest';
import { hoursInWords, median, referralFigures, type ReferralFact } from './figures';

const base: ReferralFact = { status: 'sent', level: 'support', needs: ['papers'], actorId: 1, areaCode: '595120101', sentAt: '2027-01-11T09:00:00Z', answeredAt: null, refusalReason: null };

describe('chiffres des adressages', () => {
	it('takes the median of odd and even lists', () => {
		expect(median([])).toBeNull();
		expect(median([5, 1, 3])).toBe(3);
		expect(median([4, 1, 3, 10])).toBe(3.5);
	});

	it('counts sent, accepted, refusals by reason and saturation per group', () => {
		const facts: ReferralFact[] = [
			{ ...base, status: 'accepted', answeredAt: '2027-01-11T11:00:00Z' },
			{ ...base, status: 'refused', refusalReason: 'full', answeredAt: '2027-01-11T13:00:00Z' },
			{ ...base, status: 'refused', refusalReason: 'out_of_scope', answeredAt: '2027-01-12T09:00:00Z', actorId: 2 },
			{ ...base, status: 'expired', level: 'learn', needs: ['papers', 'health'] },
			{ ...base, status: 'awaiting_sender', sentAt: null }
		];
		const byLevel = referralFigures(facts, 'level');
		expect(byLevel.map((r) => [r.key, r.sent])).toEqual([['support', 3], ['learn', 1]]);
		const support = byLevel[0]!;
		expect(support.accepted).toBe(1);
		expect(support.refusedTotal).toBe(2);
		expect(support.refused.full).toBe(1);
		expect(support.refused.out_of_scope).toBe(1);
		expect(support.saturation).toBe(1);
		expect(support.medianHoursToAnswer).toBe(4);
		expect(byLevel[1]!.medianHoursToAnswer).toBeNull();
		expect(byLevel[1]!.expired).toBe(1);

		const byNeed = referralFigures(facts, 'need');
		expect(byNeed.map((r) => [r.key, r.sent])).toEqual([['papers', 4], ['health', 1]]);
		expect(referralFigures(facts, 'actor').map((r) => [r.key, r.saturation])).toEqual([['1', 1], ['2', 0]]);
	});

	it('writes durations in words', () => {
		expect(hoursInWords(null)).toBe('—');
		expect(hoursInWords(3.2)).toBe('3 h');
		expect(hoursInWords(60)).toBe('2,5 j');
	});
});
