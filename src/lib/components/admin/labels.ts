/**
 * The French words for the codes stored by moderation, claims, reports and the audit log.
 * Shared by the coordination pages; each status label also carries a tone for its badge, never
 * the only cue.
 */

export type Tone = 'ok' | 'warn' | 'bad' | 'neutral';

export const REVISION_STATUS: Record<string, { label: string; tone: Tone }> = {
	proposed: { label: 'proposée', tone: 'warn' },
	published: { label: 'publiée', tone: 'ok' },
	refused: { label: 'refusée', tone: 'bad' },
	superseded: { label: 'remplacée', tone: 'neutral' }
};

export const OPERATION_LABELS: Record<string, string> = {
	create: 'création',
	update: 'modification',
	rollback: 'retour arrière'
};

/** Where a change came from, as the history says it. */
export const ORIGIN_LABELS: Record<string, string> = {
	import: 'import',
	structure: 'la structure',
	coordination: 'la coordination'
};

export const CLAIM_STATUS: Record<string, { label: string; tone: Tone }> = {
	pending: { label: 'en attente', tone: 'warn' },
	approved: { label: 'acceptée', tone: 'ok' },
	refused: { label: 'refusée', tone: 'bad' }
};

export const REPORT_STATUS: Record<string, { label: string; tone: Tone }> = {
	open: { label: 'à traiter', tone: 'warn' },
	resolved: { label: 'corrigé', tone: 'ok' },
	dismissed: { label: 'classé sans suite', tone: 'neutral' }
};

/** Every action code written in src/lib/server and the scripts; unknown codes are shown raw. */
export const AUDIT_ACTIONS: Record<string, string> = {
	sign_in: 'Connexion',
	'sign_in.invitation': 'Connexion par une invitation',
	'sign_in.link_requested': 'Demande d’un lien de connexion',
	sign_out: 'Déconnexion',
	'revision.proposed': 'Modification proposée',
	'revision.published': 'Modification publiée directement',
	'revision.approved': 'Modification acceptée',
	'revision.refused': 'Modification refusée',
	'revision.rolled_back': 'Retour à une version précédente',
	'member.invited': 'Membre invité',
	'claim.filed': 'Demande de gestion d’une fiche',
	'claim.approved': 'Demande de gestion acceptée',
	'claim.refused': 'Demande de gestion refusée',
	'campaign.launched': 'Campagne de vérification lancée',
	'actor.confirmed': 'Informations confirmées à jour',
	'report.filed': 'Erreur signalée',
	'report.resolved': 'Signalement corrigé',
	'report.dismissed': 'Signalement classé sans suite',
	'actor.trusted_changed': 'Publication sans modération modifiée',
	'user.created_from_cli': 'Compte créé en ligne de commande',
	'actor.created': 'Structure créée',
	'import.review_created': 'Extrait national mis en revue',
	'import.added': 'Import : lieu ajouté',
	'import.applied': 'Import : changements repris',
	'import.merged': 'Import : fusionné avec un lieu existant',
	'import.kept_both': 'Import : les deux lieux gardés',
	'import.kept_local': 'Import : version locale gardée',
	'import.ignored': 'Import : ligne ignorée',
	'import.closed': 'Import : lieu fermé (disparu de la source)',
	'referral.create': 'Adressage préparé',
	'referral.confirm': 'Adressage confirmé par l’expéditeur sans compte',
	'referral.seen': 'Adressage vu par la structure',
	'referral.accept': 'Adressage accepté',
	'referral.refuse': 'Adressage refusé',
	'referral.remind': 'Adressage : rappel envoyé à la structure',
	'referral.expire': 'Adressage expiré',
	'referral.erase': 'Adressages : données de la personne effacées'
};

export const REVIEW_DECISIONS: Record<string, { label: string; tone: Tone }> = {
	pending: { label: 'à décider', tone: 'warn' },
	added: { label: 'ajouté', tone: 'ok' },
	applied: { label: 'changements repris', tone: 'ok' },
	merged: { label: 'fusionné', tone: 'ok' },
	kept_both: { label: 'les deux gardés', tone: 'ok' },
	kept_local: { label: 'version locale gardée', tone: 'neutral' },
	ignored: { label: 'ignoré', tone: 'neutral' },
	closed: { label: 'fermé', tone: 'bad' }
};

export function actionLabel(code: string): string {
	return AUDIT_ACTIONS[code] ?? code;
}

/** The journal's filter: a family of actions, matched on the part before the first dot. */
export const AUDIT_FAMILIES: { value: string; label: string }[] = [
	{ value: 'sign_in', label: 'Connexions' },
	{ value: 'sign_out', label: 'Déconnexions' },
	{ value: 'revision', label: 'Modifications de fiches' },
	{ value: 'member', label: 'Invitations' },
	{ value: 'claim', label: 'Demandes de gestion' },
	{ value: 'campaign', label: 'Campagnes de vérification' },
	{ value: 'actor', label: 'Structures (confirmation, publication sans modération)' },
	{ value: 'report', label: 'Signalements d’erreur' },
	{ value: 'user', label: 'Comptes' },
	{ value: 'referral', label: 'Adressages' }
];
