import type { Mail } from './transport';

/** Every e-mail the application sends, in plain French text (readable in any mail client). */

const SIGNATURE = '\n\n—\nCarte de l’inclusion numérique de Roubaix\nVille de Roubaix, coordination de l’inclusion numérique';

export function signInMail(to: string, link: string): Mail {
	return {
		to,
		subject: 'Votre lien de connexion',
		text:
			`Bonjour,\n\nPour vous connecter à l’espace des structures, ouvrez ce lien :\n\n${link}\n\n` +
			`Il fonctionne une seule fois, pendant 15 minutes.\n` +
			`Si vous n’avez rien demandé, ignorez ce message : personne ne peut se connecter sans ce lien.` +
			SIGNATURE
	};
}

export function invitationMail(to: string, actorName: string, link: string): Mail {
	return {
		to,
		subject: `Invitation à tenir à jour « ${actorName} »`,
		text:
			`Bonjour,\n\nLa coordination de l’inclusion numérique de la Ville de Roubaix vous invite à tenir à jour ` +
			`les informations de « ${actorName} » sur la carte de l’inclusion numérique.\n\n` +
			`Pour accepter et vous connecter, ouvrez ce lien :\n\n${link}\n\n` +
			`Il fonctionne une seule fois, pendant 7 jours. Ensuite, vous pourrez demander un lien de connexion ` +
			`à tout moment avec cette adresse e-mail.` +
			SIGNATURE
	};
}

export function proposalMail(to: string, summary: string, link: string): Mail {
	return {
		to,
		subject: `Modification à valider : ${summary}`,
		text: `Bonjour,\n\nUne modification attend votre validation : ${summary}.\n\n${link}` + SIGNATURE
	};
}

export function decisionMail(to: string, summary: string, approved: boolean, reason: string | null, link: string): Mail {
	return {
		to,
		subject: approved ? `Modification publiée : ${summary}` : `Modification refusée : ${summary}`,
		text: approved
			? `Bonjour,\n\nVotre modification (${summary}) a été validée : elle est publiée sur la carte.\n\n${link}` + SIGNATURE
			: `Bonjour,\n\nVotre modification (${summary}) n’a pas été retenue.\n\nMotif : ${reason ?? 'non précisé'}\n\n` +
				`Vous pouvez la corriger et la proposer à nouveau :\n${link}` +
				SIGNATURE
	};
}

export function claimReceivedMail(to: string, actorName: string, link: string): Mail {
	return {
		to,
		subject: `Demande de gestion : ${actorName}`,
		text: `Bonjour,\n\nUne personne demande à gérer la fiche « ${actorName} ».\n\n${link}` + SIGNATURE
	};
}

export function claimRefusedMail(to: string, actorName: string, reason: string): Mail {
	return {
		to,
		subject: `Votre demande pour « ${actorName} »`,
		text:
			`Bonjour,\n\nVotre demande de gestion de la fiche « ${actorName} » n’a pas été acceptée.\n\nMotif : ${reason}\n\n` +
			`Pour en parler, répondez à la coordination de l’inclusion numérique de la Ville.` +
			SIGNATURE
	};
}

export function campaignMail(to: string, actorName: string, confirmLink: string, editLink: string): Mail {
	return {
		to,
		subject: `Vos informations sur la carte de l’inclusion numérique sont-elles à jour ?`,
		text:
			`Bonjour,\n\nLes habitants et les travailleurs sociaux de Roubaix s’appuient sur la carte de l’inclusion ` +
			`numérique pour orienter les personnes vers « ${actorName} ».\n\n` +
			`Si vos informations (adresse, horaires, contact, services) sont toujours exactes, un clic suffit :\n\n` +
			`Mes informations sont toujours à jour : ${confirmLink}\n\n` +
			`Si quelque chose a changé, corrigez-le ici :\n${editLink}\n\nMerci !` +
			SIGNATURE
	};
}
