import { frenchDate } from '$lib/domain/network/editions';
import { calendarFile } from '$lib/domain/network/ics';
import type { Mail } from '../mail/transport';
import type { Edition } from '../db/queries/network-editions';

/** The mails of a registration for the Petit-déjeuner, in plain French text. */

const SIGNATURE = '\n\n—\nPetit-déjeuner de l’inclusion numérique\nVille de Roubaix, coordination de l’inclusion numérique';

export const editionName = (e: Pick<Edition, 'number'>) => `Petit-déjeuner de l’inclusion numérique #${e.number}`;

const hour = (t: string) => t.replace(/^0/, '').replace(':', ' h ').replace(' h 00', ' h');

function when(e: Edition): string {
	const day = frenchDate(e.heldOn);
	if (!e.startsAt) return `le ${day}`;
	return `le ${day}, de ${hour(e.startsAt)}${e.endsAt ? ` à ${hour(e.endsAt)}` : ''}`;
}

function where(e: Edition): string {
	return e.placeName ? [e.placeName, e.placeAddress].filter(Boolean).join(', ') : 'lieu communiqué prochainement';
}

function calendar(e: Edition, registrationId: number, origin: string, now: Date): NonNullable<Mail['attachments']>[number] {
	const host = new URL(origin).hostname;
	return {
		filename: `petit-dejeuner-${e.number}.ics`,
		contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
		content: calendarFile({
			uid: `reseau-${e.number}-inscription-${registrationId}@${host}`,
			stamp: now,
			date: e.heldOn,
			start: e.startsAt,
			end: e.endsAt,
			summary: `${editionName(e)} : ${e.title}`,
			description: `${e.title}${e.programme ? `\n\n${e.programme}` : ''}\n\n${origin}/reseau/${e.number}`,
			location: e.placeName ? where(e) : null,
			url: `${origin}/reseau/${e.number}`
		})
	};
}

const RETENTION_LINE = 'Vos nom, adresse et besoins sont effacés 3 mois après la rencontre.';

export function seatMail(to: string, e: Edition, registrationId: number, cancelLink: string, origin: string, now: Date, promoted = false): Mail {
	return {
		to,
		subject: promoted ? `Une place s’est libérée : ${editionName(e)}` : `Inscription confirmée : ${editionName(e)}`,
		text:
			`Bonjour,\n\n${promoted ? 'Une place s’est libérée : vous passez de la liste d’attente à une place confirmée. ' : ''}` +
			`Votre inscription au ${editionName(e)} est confirmée.\n\n« ${e.title} »\n${when(e)}\n${where(e)}\n\n` +
			`Le fichier joint (.ics) ajoute la rencontre à votre agenda.\n\n` +
			`Si vous ne pouvez pas venir, libérez votre place pour la personne suivante sur la liste d’attente :\n${cancelLink}\n\n` +
			RETENTION_LINE +
			SIGNATURE,
		attachments: [calendar(e, registrationId, origin, now)]
	};
}

export function waitingMail(to: string, e: Edition, cancelLink: string): Mail {
	return {
		to,
		subject: `Liste d’attente : ${editionName(e)}`,
		text:
			`Bonjour,\n\nLe ${editionName(e)} (« ${e.title} », ${when(e)}) est complet : vous êtes sur la liste d’attente.\n` +
			`Si une place se libère, elle vous est attribuée dans l’ordre d’inscription et vous recevez un courriel avec l’invitation pour votre agenda.\n\n` +
			`Pour quitter la liste d’attente :\n${cancelLink}\n\n` +
			RETENTION_LINE +
			SIGNATURE
	};
}

export function cancelledMail(to: string, e: Edition): Mail {
	return {
		to,
		subject: `Inscription annulée : ${editionName(e)}`,
		text: `Bonjour,\n\nVotre inscription au ${editionName(e)} (${when(e)}) est annulée. Merci d’avoir libéré la place.` + SIGNATURE
	};
}

export function reminderMail(to: string, e: Edition, origin: string): Mail {
	return {
		to,
		subject: `Rappel : ${editionName(e)} dans deux jours`,
		text: `Bonjour,\n\nRappel : le ${editionName(e)} a lieu ${when(e)}, ${where(e)}.\n\n« ${e.title} »\n\n${origin}/reseau/${e.number}` + SIGNATURE
	};
}
