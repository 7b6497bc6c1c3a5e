/** The listing forms' limits and their French messages, one place for both. */

export const MAX = {
	name: 150,
	address: 200,
	addressComplement: 200,
	commune: 100,
	description: 2000,
	presentation: 1000,
	email: 254,
	url: 500,
	hours: 1000,
	closureMessage: 300,
	label: 150,
	labels: 30,
	languages: 30
} as const;

export const MSG = {
	tooLong: (max: number, actual: number) => `${max} caractères au plus (vous en avez saisi ${actual}).`,
	actorName: 'Indiquez le nom de la structure.',
	placeName: 'Indiquez le nom du lieu.',
	address: 'Indiquez l’adresse (numéro et rue).',
	postalCodeMissing: 'Indiquez le code postal.',
	postalCode: 'Le code postal compte 5 chiffres (exemple : 59100).',
	siretFormat: 'Le numéro SIRET compte 14 chiffres (les espaces sont acceptés).',
	siretKey: 'Ce numéro SIRET n’existe pas (sa clé de contrôle est fausse) : vérifiez chaque chiffre.',
	email: 'Adresse e-mail invalide (exemple : contact@association-roubaix.fr).',
	phone: 'Numéro de téléphone français attendu, à 10 chiffres (exemple : 03 20 00 00 00).',
	website: 'Adresse web invalide : elle commence par https:// ou http:// (exemple : https://www.ville-roubaix.fr).',
	bookingUrl:
		'Lien de rendez-vous invalide : il commence par https:// ou http:// (exemple : https://www.rdv-exemple.fr/roubaix).',
	coordinateMissing: (name: 'latitude' | 'longitude') =>
		`Indiquez la ${name}, ou choisissez le point sur la carte.`,
	coordinate: (name: 'Latitude' | 'Longitude', example: string) =>
		`${name} illisible : nombre décimal attendu (exemple : ${example}).`,
	outsideRoubaix: 'Ce point est en dehors de Roubaix : choisissez-le sur la carte ou vérifiez l’adresse.',
	placeId: 'Lieu inconnu : rechargez la page et réessayez.',
	placeMissing: 'Choisissez le lieu où l’offre est proposée, ou cochez « À distance ».',
	level: 'Niveau d’accompagnement inconnu : choisissez-en un dans la liste, ou « à préciser ».',
	unknownChoice: (value: string) => `Choix inconnu : « ${value} ». Rechargez la page et cochez de nouveau.`,
	tooManyChoices: 'Trop de valeurs envoyées : rechargez la page et cochez de nouveau.',
	needRequired: 'Cochez au moins un besoin auquel l’offre répond.',
	labelTooLong: (max: number) => `Chaque label tient sur une ligne de ${max} caractères au plus.`,
	tooManyLabels: (max: number) => `${max} labels au plus, un par ligne.`,
	language: (value: string) =>
		`Langue inconnue : « ${value} ». Indiquez les codes à deux lettres séparés par des virgules (exemple : fr, ar, en).`,
	tooManyLanguages: (max: number) => `${max} langues au plus.`,
	hours: 'Horaires illisibles au format OpenStreetMap.',
	status: 'Statut inconnu : choisissez « ouvert », « fermé temporairement » ou « fermé définitivement ».',
	closedFromMissing: 'Indiquez à partir de quand l’offre est fermée.',
	date: 'Date attendue au format AAAA-MM-JJ (exemple : 2026-03-03).',
	dateUnknown: 'Cette date n’existe pas dans le calendrier.',
	closedUntilBefore: 'La fin de la fermeture ne peut pas précéder son début.',
	kind: 'Type de structure inconnu : choisissez-en un dans la liste, ou « non précisé ».',
	proPhoneMissing: 'Indiquez la ligne directe de cette personne, ou effacez son nom.',
	proNameMissing: 'Indiquez le nom de la personne à joindre sur cette ligne, ou effacez le numéro.'
} as const;
