/**
 * The resident's copy as a text message, sent from the worker's own phone (an `sms:` link: the
 * app sends nothing and keeps no number). Short, plain, no accents lost: one SMS of 160 GSM
 * characters is not the goal, a readable message is (phones split longer ones).
 */

export interface SmsPlace {
	name: string;
	address: string;
	/** « lundi 14 h », already in words, or null when the hours are unknown. */
	nextOpening: string | null;
	phone: string | null;
	link: string;
}

export function smsText(place: SmsPlace): string {
	return [
		`Votre rendez-vous numérique : ${place.name}`,
		place.address,
		place.nextOpening ? `Prochaine ouverture : ${place.nextOpening}` : 'Horaires : appelez avant de venir',
		...(place.phone ? [`Tél. ${place.phone}`] : []),
		place.link
	].join('\n');
}

/** `sms:?body=…` opens the phone's messages with the text filled in and no recipient chosen. */
export function smsHref(text: string): string {
	return `sms:?body=${encodeURIComponent(text)}`;
}
