import type { Mail } from '../mail/transport';
import { REFUSAL_LABELS, STATUS_LABELS, type RefusalReason } from '$lib/domain/referrals/status';

/**
 * The referral's mails. The structure's mail names the resident only by first name or initials:
 * the contact details are behind the link, where the answer is given.
 */

const SIGNATURE = '\n\n—\nCarte de l’inclusion numérique de Roubaix\nVille de Roubaix, coordination de l’inclusion numérique';

export function referralMail(to: string, r: { placeName: string; residentName: string; needs: string; senderEmail: string }, link: string, expires: string): Mail {
	return {
		to,
		subject: `Une personne vous est adressée : ${r.placeName}`,
		text:
			`Bonjour,\n\nUn·e professionnel·le (${r.senderEmail}) vous adresse ${r.residentName} pour « ${r.needs} », à ${r.placeName}.\n\n` +
			`Pour voir comment la joindre et répondre (accepter ou refuser, en un clic), ouvrez ce lien :\n\n${link}\n\n` +
			`Il fonctionne jusqu’à votre réponse, et au plus tard le ${expires}. Aucun compte n’est nécessaire.` +
			SIGNATURE
	};
}

export function reminderMail(to: string, placeName: string, link: string): Mail {
	return {
		to,
		subject: `Rappel : une personne attend votre réponse (${placeName})`,
		text:
			`Bonjour,\n\nUne personne vous a été adressée il y a cinq jours ouvrés à ${placeName}, et attend encore votre réponse.\n\n${link}\n\n` +
			`Ce rappel est le seul : sans réponse, l’adressage expire 30 jours après son envoi.` +
			SIGNATURE
	};
}

export function senderConfirmationMail(to: string, placeName: string, link: string): Mail {
	return {
		to,
		subject: `Confirmez l’adressage vers ${placeName}`,
		text:
			`Bonjour,\n\nVous avez préparé l’adressage d’une personne vers ${placeName}. Il ne partira qu’après votre confirmation :\n\n${link}\n\n` +
			`Ce lien fonctionne une fois, pendant 24 heures. Si vous n’avez rien demandé, ignorez ce message : rien ne sera envoyé.` +
			SIGNATURE
	};
}

export function outcomeMail(
	to: string,
	r: { placeName: string; residentName: string; status: 'accepted' | 'refused' | 'expired'; detail: string | null; reason: RefusalReason | null; suggestion: string | null },
	link: string
): Mail {
	const head = `Bonjour,\n\nL’adressage de ${r.residentName} vers ${r.placeName} est ${STATUS_LABELS[r.status]}.`;
	const lines = [
		head,
		...(r.reason ? [`Motif : ${REFUSAL_LABELS[r.reason]}.`] : []),
		...(r.detail ? [`Précision : ${r.detail}`] : []),
		...(r.suggestion ? [`La structure suggère un autre lieu : ${r.suggestion}.`] : []),
		`Suivre vos adressages :\n${link}`
	];
	return { to, subject: `Adressage ${STATUS_LABELS[r.status]} : ${r.placeName}`, text: lines.join('\n\n') + SIGNATURE };
}
