import { areasContaining } from '$lib/domain/geography';
import type { DB } from '$lib/server/db/connect';
import { areaShapes } from '$lib/server/db/queries/areas';
import type { ReferralContext } from '$lib/server/referrals/send';
import { resolveOrientation } from '../orienter/resolve.server';

/** The parameters of /adresser itself; every other one is an answer of the orientation. */
export const OWN_PARAMS = ['lieu', 'offre', 'precedent'];

/** The orientation's answers carried in the URL (or the form's hidden field): need, autonomy, constraints, IRIS. */
export async function orientationContext(db: DB, answers: URLSearchParams): Promise<ReferralContext> {
	const search = new URLSearchParams([...answers].filter(([name]) => !OWN_PARAMS.includes(name)));
	const { params, origin } = await resolveOrientation(search);
	const shapes = origin ? await areaShapes(db) : [];
	const iris = origin ? areasContaining(shapes, origin.lon, origin.lat).find((s) => s.kind === 'iris') : undefined;
	return {
		needs: params.needs,
		autonomy: params.autonomy,
		constraints: {
			languages: params.languages,
			specificSupport: params.specificSupport,
			freeOnly: params.freeOnly,
			availability: params.availability,
			withoutAppointment: params.withoutAppointment
		},
		irisCode: iris?.code ?? null,
		areaCode: params.area
	};
}

export { contextWords } from '$lib/server/referrals/view';
