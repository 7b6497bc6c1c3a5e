import { error, fail, redirect } from '@sveltejs/kit';
import { LANGUAGES } from '$lib/domain/orientation/choices';
import { LEVEL_INFO, type LevelOrUnknown } from '$lib/domain/levels';
import { randomToken } from '$lib/server/auth/secrets';
import { database } from '$lib/server/db';
import type { DB } from '$lib/server/db/connect';
import * as referrals from '$lib/server/db/queries/referrals';
import * as referralPlaces from '$lib/server/db/queries/referral-places';
import { submittedForm } from '$lib/server/forms/read-form';
import { firstErrors, lacksContact, NO_CONTACT, sendSchema, sendValues, senderEmail } from '$lib/server/referrals/input';
import { allowReferral } from '$lib/server/referrals/limits';
import { sendReferral, unreachableReason, type ReferralContext } from '$lib/server/referrals/send';
import { normalizeEmail } from '$lib/server/auth/users';
import { contextWords, OWN_PARAMS, orientationContext } from './context.server';
import type { Actions, PageServerLoad } from './$types';

const id = (value: string | null): number | null => (value && /^\d{1,9}$/.test(value) ? Number(value) : null);

/** The refused referral this one sends again, when it is the sender's own: its context and contact. */
async function previousOf(db: DB, previousId: number | null, user: App.Locals['user']) {
	if (previousId === null || !user) return null;
	const previous = await referrals.byId(db, previousId);
	if (!previous || previous.status !== 'refused' || (previous.senderUserId !== user.id && previous.senderEmail !== user.email)) return null;
	return previous;
}

const contextOf = (p: referrals.Referral): ReferralContext => ({ needs: p.needs, autonomy: p.autonomy, constraints: p.constraints, irisCode: p.irisCode, areaCode: p.areaCode });

export const load: PageServerLoad = async ({ url, locals }) => {
	const { db } = database();
	let placeId = id(url.searchParams.get('lieu'));
	const offerParam = id(url.searchParams.get('offre'));
	if (offerParam !== null) placeId = (await referralPlaces.destination(db, offerParam))?.placeId ?? null;
	const offers = placeId === null ? [] : await referralPlaces.offersOfPlace(db, placeId);
	if (offers.length === 0) error(404, 'Ce lieu n’existe pas, ou n’a plus d’offre ouverte.');
	const destinations = [];
	for (const o of offers) {
		const d = (await referralPlaces.destination(db, o.id))!;
		destinations.push({ offerId: d.offerId, level: LEVEL_INFO[(d.level ?? 'unknown') as LevelOrUnknown].label, problem: unreachableReason(d), place: { id: d.placeId, name: d.placeName, address: d.address } });
	}
	const previous = await previousOf(db, id(url.searchParams.get('precedent')), locals.user);
	const context = previous ? contextOf(previous) : await orientationContext(db, url.searchParams);
	const answers = new URLSearchParams([...url.searchParams].filter(([name]) => !OWN_PARAMS.includes(name)));
	const chosen = destinations.find((d) => d.offerId === offerParam) ?? destinations.find((d) => !d.problem) ?? destinations[0]!;
	return {
		place: destinations[0]!.place,
		destinations,
		chosen: chosen.offerId,
		context: contextWords(context, null),
		answers: answers.toString().slice(0, 2000),
		key: randomToken(),
		previous: previous ? { id: previous.id, placeName: previous.placeName, reason: previous.refusalReason } : null,
		prefill: previous
			? { prenom: previous.residentName ?? '', telephone: previous.residentPhone ?? '', courriel: previous.residentEmail ?? '', langue: previous.residentLanguage ?? '', presentera: previous.residentWillCome }
			: null,
		sender: locals.user ? locals.user.email : null,
		languages: [{ code: 'fr', label: 'Français' }, ...LANGUAGES]
	};
};

export const actions: Actions = {
	default: async ({ request, locals, getClientAddress, url }) => {
		const form = await submittedForm(request);
		const values = { ...sendValues(form), reponses: String(form.get('reponses') ?? '').slice(0, 2000) };
		const parsed = sendSchema.safeParse(values);
		const errors: Record<string, string> = parsed.success ? {} : firstErrors(parsed.error.issues);
		if (lacksContact(values)) errors.telephone ??= NO_CONTACT;
		let email = locals.user?.email ?? '';
		if (!locals.user) {
			const checked = senderEmail.safeParse(values.expediteur.trim());
			if (checked.success) email = normalizeEmail(checked.data);
			else errors.expediteur = checked.error.issues[0]!.message;
		}
		if (!parsed.success || Object.keys(errors).length) return fail(400, { values, errors });
		const { db } = database();
		if (!(await allowReferral(db, getClientAddress(), locals.user ? `user:${locals.user.id}` : email))) {
			return fail(429, { values, errors: { form: 'Trop d’adressages envoyés d’ici en peu de temps. Réessayez dans une heure ; rien n’a été envoyé.' } });
		}
		const previous = await previousOf(db, parsed.data.precedent, locals.user);
		const context = previous ? contextOf(previous) : await orientationContext(db, new URLSearchParams(values.reponses));
		const result = await sendReferral(db, parsed.data, context, { userId: locals.user?.id ?? null, email }, url.origin);
		if (!result.ok) return fail(400, { values, errors: result.errors });
		redirect(303, `/adresser/envoye?offre=${parsed.data.offre}&etat=${result.status === 'sent' ? 'envoye' : 'a-confirmer'}`);
	}
};
