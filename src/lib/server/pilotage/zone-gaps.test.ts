import { describe, expect, it } from 'vitest';
import type { GapEntry, GapReport } from '$lib/domain/coverage/gaps';
import { gapsInZone } from './zone-gaps';

const entry = (areaKey: string, rank: number): GapEntry => {
	const [kind, code] = areaKey.split(':') as ['iris' | 'qpv', string];
	return { rank, areaKey, kind, code, name: code, level: 'reinforced' } as GapEntry;
};
const report = { entries: [entry('iris:A', 1), entry('qpv:Q', 2), entry('iris:B', 3), entry('qpv:R', 4), entry('iris:C', 5)] } as GapReport;
const keys = (r: GapReport) => r.entries.map((e) => `${e.areaKey}#${e.rank}`);

describe('the gaps of the chosen zone', () => {
	it('keeps every gap for the commune', () => {
		expect(gapsInZone(report, { key: 'commune:1', kind: 'commune', irisCodes: ['A', 'B', 'C'] })).toBe(report);
	});
	it('gives a QPV its own gaps and its IRIS’s, with their town-wide ranks', () => {
		expect(keys(gapsInZone(report, { key: 'qpv:Q', kind: 'qpv', irisCodes: ['A', 'C'] }))).toEqual(['iris:A#1', 'qpv:Q#2', 'iris:C#5']);
	});
	it('gives an IRIS its own gaps only', () => {
		expect(keys(gapsInZone(report, { key: 'iris:B', kind: 'iris', irisCodes: ['B'] }))).toEqual(['iris:B#3']);
	});
	it('gives a grand quartier the gaps of its IRIS', () => {
		expect(keys(gapsInZone(report, { key: 'grand_quartier:G', kind: 'grand_quartier', irisCodes: ['B', 'C'] }))).toEqual(['iris:B#3', 'iris:C#5']);
	});
});
