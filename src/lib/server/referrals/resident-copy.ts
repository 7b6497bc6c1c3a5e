import { nextOpening } from '$lib/domain/hours';
import { smsHref, smsText } from '$lib/domain/referrals/sms';
import type { Destination } from '../db/queries/referral-places';

/** The resident's copy of a referral: the text message and its `sms:` link, from the offer's place. */
export function residentCopy(d: Destination, origin: string, now = new Date()) {
	const next = nextOpening(d.hours, now);
	const when =
		next === null
			? null
			: next.getTime() === now.getTime()
				? 'ouvert en ce moment'
				: next.toLocaleString('fr-FR', { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' });
	const text = smsText({ name: d.placeName, address: d.address, nextOpening: when, phone: d.phone, link: `${origin}/lieux/${d.placeId}` });
	return { text, href: smsHref(text) };
}
