import type { NeedCode } from '../themes';

/**
 * A resident's need in everyday words, as a receptionist would say it, mapped to the directory's
 * themes and tags. `kind` says whether the person wants a task done (a démarche) or a skill.
 */
export interface EverydayNeed {
	code: string;
	label: string;
	examples: string;
	/** An offer matches when it has any of these themes or tags. */
	matches: NeedCode[];
	kind: 'task' | 'skill';
	/** What the resident should bring, in plain French. */
	bring: string[];
}

export const EVERYDAY_NEEDS: readonly EverydayNeed[] = [
	{
		code: 'demarches',
		label: 'Démarches administratives',
		examples: 'CAF, impôts, retraite, titre de séjour',
		matches: ['admin'],
		kind: 'task',
		bring: ["une pièce d'identité", 'les courriers reçus', 'ses identifiants (numéro allocataire, numéro fiscal…)', 'son téléphone portable']
	},
	{
		code: 'sante',
		label: 'Santé',
		examples: 'ameli, Mon Espace Santé, prendre rendez-vous',
		matches: ['health', 'admin'],
		kind: 'task',
		bring: ['sa carte Vitale', "une pièce d'identité", 'son téléphone portable']
	},
	{
		code: 'emploi',
		label: 'Emploi',
		examples: 'France Travail, CV, candidatures',
		matches: ['jobs'],
		kind: 'task',
		bring: ['son identifiant France Travail', 'son CV s’il existe (papier ou clé USB)', 'son téléphone portable']
	},
	{
		code: 'ecole',
		label: 'École',
		examples: 'ENT, Pronote',
		matches: ['parenting', 'everyday'],
		kind: 'skill',
		bring: ["les identifiants donnés par l'école", 'son téléphone portable']
	},
	{
		code: 'securite',
		label: 'Arnaques et sécurité',
		examples: 'messages suspects, mots de passe',
		matches: ['safety', 'culture'],
		kind: 'skill',
		bring: ['le téléphone ou l’ordinateur concerné', 'les messages suspects reçus']
	},
	{
		code: 'materiel',
		label: 'Avoir un ordinateur ou un téléphone pas cher',
		examples: 'matériel reconditionné, prix solidaire',
		matches: ['equipment'],
		kind: 'task',
		bring: ['un justificatif de ressources (attestation CAF, avis d’imposition)', "une pièce d'identité"]
	},
	{
		code: 'reparer',
		label: 'Faire réparer son matériel',
		examples: 'Repair Café, réemploi',
		matches: ['repair'],
		kind: 'task',
		bring: ['le matériel à réparer et son chargeur']
	},
	{
		code: 'bases',
		label: 'Apprendre les bases',
		examples: 'ordinateur, smartphone, internet, e-mail',
		matches: ['everyday', 'access'],
		kind: 'skill',
		bring: ['son téléphone ou sa tablette s’il en a un']
	},
	{
		code: 'creer',
		label: 'Créer, loisirs numériques',
		examples: 'photo, vidéo, fablab',
		matches: ['creative'],
		kind: 'skill',
		bring: []
	}
];

export function everydayNeed(code: string): EverydayNeed | undefined {
	return EVERYDAY_NEEDS.find((n) => n.code === code);
}
