/**
 * The register of personal data: what the app keeps about people, why, for how long, and when
 * `npm run purge` erases it. The personal-data page (/donnees-personnelles) is written from this
 * list, and the purge computes its cut-off dates from it: one source, so the page cannot promise
 * what the command does not do.
 */

export type RetentionKey =
	| 'sessions'
	| 'tokens'
	| 'rate-events'
	| 'claims'
	| 'error-reports'
	| 'outbox'
	| 'campaign-recipients'
	| 'accounts'
	| 'audit'
	| 'referrals'
	| 'professional-contacts'
	| 'network-registrations'
	| 'network-survey';

export interface RetentionRule {
	key: RetentionKey;
	/** What is kept, as the page names it. */
	title: string;
	/** The fields that concern a person. */
	data: string;
	purpose: string;
	/** The retention in words, as the page says it. */
	keptFor: string;
	/** Days kept after the rule's reference date (below); 0: erased as soon as that date passes. */
	days: number;
}

const DAY_MS = 86_400_000;

export const RETENTION: readonly RetentionRule[] = [
	{
		key: 'accounts',
		title: 'Comptes des structures et de la coordination',
		data: 'adresse e-mail, rôle, structures gérées, date de création et de dernière connexion',
		purpose: 'se connecter pour tenir à jour la fiche de sa structure, ou modérer pour la coordination',
		keptFor: 'tant que le compte est actif ; un an après sa désactivation, l’adresse est effacée et le compte détaché de ses structures',
		days: 365
	},
	{
		key: 'sessions',
		title: 'Sessions de connexion',
		data: 'empreinte du cookie de session, compte, dates',
		purpose: 'rester connecté·e d’une page à l’autre',
		keptFor: '7 jours au plus, effacées à leur expiration ou à la déconnexion',
		days: 0
	},
	{
		key: 'tokens',
		title: 'Liens à usage unique (connexion, invitation, confirmation)',
		data: 'empreinte du lien, compte ou structure concernés, dates',
		purpose: 'vérifier qu’un lien reçu par e-mail est valable et ne sert qu’une fois',
		keptFor: 'jusqu’à un jour après la fin de leur validité (15 minutes pour une connexion, 60 jours pour une confirmation)',
		days: 1
	},
	{
		key: 'rate-events',
		title: 'Compteurs des limites de débit',
		data: 'empreinte chiffrée (HMAC) de l’adresse IP ou de l’adresse e-mail, heure de la demande',
		purpose: 'empêcher qu’un script n’envoie des liens de connexion, des signalements ou des orientations en masse',
		keptFor: '24 heures',
		days: 1
	},
	{
		key: 'claims',
		title: 'Demandes de gestion d’une fiche',
		data: 'nom, adresse e-mail et message de la personne qui demande',
		purpose: 'permettre à la coordination de vérifier qui demande à gérer la fiche d’une structure',
		keptFor: 'six mois après la décision de la coordination ; ensuite seuls la structure, la décision et les dates restent',
		days: 183
	},
	{
		key: 'error-reports',
		title: 'Signalements d’erreur sur une fiche',
		data: 'le message écrit (aucun nom ni adresse n’est demandé)',
		purpose: 'corriger la fiche d’un lieu',
		keptFor: 'un an après leur traitement ; ensuite le message est effacé, le motif et les dates restent',
		days: 365
	},
	{
		key: 'outbox',
		title: 'Copie des courriels envoyés',
		data: 'adresse du destinataire, objet et texte du courriel',
		purpose: 'montrer à la coordination ce qui a été envoyé (/admin/courriels) et servir d’envoi quand aucun serveur de messagerie n’est configuré',
		keptFor: '90 jours',
		days: 90
	},
	{
		key: 'campaign-recipients',
		title: 'Destinataires des campagnes de vérification',
		data: 'adresses e-mail de contact des structures sollicitées',
		purpose: 'suivre quelles structures ont confirmé leurs informations',
		keptFor: 'un an après l’envoi ; ensuite seuls la structure et les dates restent',
		days: 365
	},
	{
		key: 'professional-contacts',
		title: 'Contacts pour les professionnel·les des structures',
		data: 'nom et ligne directe de la personne qu’une structure désigne pour être jointe par les travailleurs sociaux',
		purpose:
			'permettre aux professionnel·les connecté·es (structures du réseau, coordination) de joindre directement une structure pour y orienter quelqu’un ; jamais affiché au public ni publié dans les données ouvertes',
		keptFor:
			'tant que la structure l’affiche : effacé dès qu’elle le retire ou le remplace ; l’historique des modifications, que seule la coordination consulte, garde l’ancien contact 90 jours, pour pouvoir corriger une erreur, puis l’efface',
		days: 90
	},
	{
		key: 'audit',
		title: 'Journal des actions',
		data: 'compte à l’origine de chaque modification, décision ou connexion, et sa date',
		purpose: 'savoir qui a changé quoi dans l’annuaire, et pouvoir revenir en arrière',
		keptFor: 'trois ans',
		days: 1095
	},
	{
		key: 'referrals',
		title: 'Adressages d’une personne à une structure',
		data: 'prénom ou initiales de la personne, son téléphone ou son e-mail, sa langue, la note du professionnel, la précision de la réponse, l’adresse e-mail de l’expéditeur',
		purpose: 'que la structure qui reçoit la personne puisse la joindre, et que l’expéditeur sache si elle a été reçue',
		keptFor: '90 jours après la réponse de la structure ou l’expiration de l’adressage (30 jours sans réponse) ; ensuite seuls le niveau, le besoin, le quartier, les dates et la réponse restent, pour des comptes',
		days: 90
	},
	{
		key: 'network-registrations',
		title: 'Inscriptions au Petit-déjeuner de l’inclusion numérique',
		data: 'nom, adresse e-mail, structure, besoins d’accessibilité ou alimentaires indiqués',
		purpose: 'réserver les places, tenir la liste d’attente, envoyer la confirmation, le rappel et la liste d’émargement',
		keptFor: '3 mois après la rencontre ; ensuite seuls le nombre d’inscrits et de présents restent',
		days: 92
	},
	{
		key: 'network-survey',
		title: 'Réponses à l’enquête sur les priorités du réseau',
		data: 'thématiques choisies, compte ou adresse e-mail de la personne invitée (pour ne compter qu’une réponse par personne)',
		purpose: 'choisir les thématiques des prochaines éditions du Petit-déjeuner',
		keptFor: 'le lien entre une réponse et la personne est effacé 30 jours après la clôture de l’enquête ; seuls les décomptes restent',
		days: 30
	}
];

/**
 * For each rule, the instant before which its data goes: the reference date (expiry, decision,
 * sending…) must be earlier than `now` minus the rule's days.
 */
export function retentionCutoffs(now: Date): Record<RetentionKey, string> {
	return Object.fromEntries(RETENTION.map((rule) => [rule.key, new Date(now.getTime() - rule.days * DAY_MS).toISOString()])) as Record<
		RetentionKey,
		string
	>;
}

/** What the purge of one rule erased, in words for the command's report. */
export function describeErased(rule: RetentionRule, count: number): string {
	return `${rule.title} : ${count.toLocaleString('fr-FR')} ${count > 1 ? 'effacements' : 'effacement'}`;
}
