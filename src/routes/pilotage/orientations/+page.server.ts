import { LEVEL_INFO, type LevelOrUnknown } from '$lib/domain/levels';
import { EVERYDAY_NEEDS } from '$lib/domain/orientation/needs';
import { hoursInWords, referralFigures, type Dimension } from '$lib/domain/referrals/figures';
import { REFUSAL_LABELS, REFUSAL_REASONS } from '$lib/domain/referrals/status';
import { database } from '$lib/server/db';
import * as actors from '$lib/server/db/queries/actors';
import { listAreas } from '$lib/server/db/queries/areas';
import * as referrals from '$lib/server/db/queries/referrals';
import type { PageServerLoad } from './$types';

const TITLES: Record<Dimension, string> = {
	level: 'Par niveau d’accompagnement',
	need: 'Par besoin',
	actor: 'Par structure qui reçoit',
	area: 'Par quartier (IRIS) de la personne'
};

/** Counts only: the query reads no field about a person, and no row is shown. */
export const load: PageServerLoad = async () => {
	const { db } = database();
	const facts = await referrals.facts(db);
	const actorNames = await actors.namesByIds(db, [...new Set(facts.map((f) => f.actorId))]);
	const areaNames = new Map((await listAreas(db)).map((a) => [a.code, a.name]));
	const label = (dimension: Dimension, key: string): string => {
		if (dimension === 'level') return LEVEL_INFO[key as LevelOrUnknown]?.label ?? key;
		if (dimension === 'need') return key === 'none' ? 'non précisé' : (EVERYDAY_NEEDS.find((n) => n.code === key)?.label ?? key);
		if (dimension === 'actor') return actorNames.get(Number(key)) ?? `structure ${key}`;
		return key === 'none' ? 'non précisé' : (areaNames.get(key) ?? key);
	};
	const tables = (['level', 'need', 'actor', 'area'] as const).map((dimension) => ({
		dimension,
		title: TITLES[dimension],
		rows: referralFigures(facts, dimension).map((r) => ({ ...r, label: label(dimension, r.key), median: hoursInWords(r.medianHoursToAnswer) }))
	}));
	const saturated = tables.find((t) => t.dimension === 'actor')!.rows.filter((r) => r.saturation > 0);
	return {
		total: facts.length,
		tables,
		saturated: saturated.map((r) => ({ label: r.label, saturation: r.saturation, sent: r.sent })),
		reasons: REFUSAL_REASONS.filter((r) => r !== 'full').map((r) => ({ code: r, label: REFUSAL_LABELS[r] }))
	};
};
