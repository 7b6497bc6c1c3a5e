import type { OpenInterval } from '../hours';
import type { LevelOrUnknown } from '../levels';

/**
 * Everything the orientation sheet says in its four languages, and the few rules that turn a
 * listing into sentences (how to get in, hours). Pure: the page and its tests share it, and it is
 * imported by the browser too, hence only type imports from the hours module (which pulls the
 * `opening_hours` library).
 *
 * Only the interface is translated. What a structure wrote itself (name, description, closure
 * message, comments in its hours) stays French: a machine translation could change a meaning the
 * structure is responsible for, so the sheet shows it as it is and says it is French.
 */

export const SHEET_LANGUAGES = ['fr', 'falc', 'en', 'ar'] as const;
export type SheetLanguage = (typeof SHEET_LANGUAGES)[number];

export function isSheetLanguage(value: unknown): value is SheetLanguage {
	return typeof value === 'string' && (SHEET_LANGUAGES as readonly string[]).includes(value);
}

/** Access modes by their URL code (see ACCESS_MODES in the vocabulary), so this file needs no schema package. */
export const ACCESS_MODE_CODES = ['se-presenter', 'telephoner', 'mail', 'prescription', 'rdv-en-ligne', 'pas-de-public'] as const;
export type AccessModeCode = (typeof ACCESS_MODE_CODES)[number];

/** EVERYDAY_NEEDS codes; a test checks this list against needs.ts. */
export const SHEET_NEED_CODES = ['demarches', 'sante', 'emploi', 'ecole', 'securite', 'materiel', 'reparer', 'bases', 'creer'] as const;
export type SheetNeedCode = (typeof SHEET_NEED_CODES)[number];

type Week<T> = readonly [T, T, T, T, T, T, T];

export interface SheetText {
	/** The language's own name, for the language switcher. */
	languageName: string;
	/** Value of the `lang` attribute: FALC is French, so screen readers keep a French voice. */
	htmlLang: string;
	dir: 'ltr' | 'rtl';
	/** BCP 47 locale for Intl date formatting. */
	dateLocale: string;
	title: string;
	intro: string;
	/** « {date} » placeholder. */
	givenOn: string;
	address: string;
	howToGetIn: string;
	hours: string;
	bring: string;
	/** « {needs} » placeholder. */
	forNeeds: string;
	levelsOffered: string;
	levelInferred: string;
	levels: Record<LevelOrUnknown, string>;
	access: {
		walkIn: string;
		/** « {phone} » placeholder. */
		call: string;
		/** « {phone} » placeholder: access modes unknown and a phone number known. */
		callFirst: string;
		/** « {phone} » placeholder: a phone number besides the declared access modes. */
		phone: string;
		/** « {email} » placeholder. */
		email: string;
		prescription: string;
		book: string;
		noPublic: string;
		/** Access modes unknown and no phone number. */
		comeDuringHours: string;
	};
	hoursUnknown: string;
	days: Week<string>;
	/** « {from} » and « {to} » placeholders: consecutive days with the same hours. */
	dayRange: string;
	otherDays: string;
	everyDay: string;
	closed: string;
	allDay: string;
	toConfirm: string;
	/** Joins two time ranges of one day. */
	and: string;
	/** Between the items of a list written on one line (Arabic has its own comma). */
	listSeparator: string;
	temporarilyClosed: string;
	/** « {date} » placeholder. */
	closedUntil: string;
	closedForGood: string;
	scanQr: string;
	qrAlt: string;
	mapAlt: string;
	/** The legend of the « FR » mark on the structure's own texts. */
	frenchText: string;
	needs: Record<SheetNeedCode, string>;
	/** Parallel to EVERYDAY_NEEDS[…].bring: same count and order, addressed to the resident. */
	bringItems: Record<SheetNeedCode, readonly string[]>;
}

const fr: SheetText = {
	languageName: 'Français',
	htmlLang: 'fr',
	dir: 'ltr',
	dateLocale: 'fr-FR',
	title: "Fiche d'orientation",
	intro: 'Lieux où se faire aider avec le numérique à Roubaix.',
	givenOn: 'Fiche remise le {date}',
	address: 'Adresse',
	howToGetIn: 'Comment y aller',
	hours: 'Horaires',
	bring: 'À apporter',
	forNeeds: 'Pour : {needs}',
	levelsOffered: 'Accompagnement proposé',
	levelInferred: 'niveau déduit',
	levels: {
		discover: "Découvrir et s'informer",
		learn: 'Apprendre en atelier',
		support: 'Être accompagné',
		reinforced: 'Accompagnement renforcé',
		unknown: 'Niveau à préciser'
	},
	access: {
		walkIn: 'Se présenter sur place',
		call: 'Téléphoner au {phone}',
		callFirst: 'Téléphonez avant de venir : {phone}',
		phone: 'Téléphone : {phone}',
		email: 'Écrire un e-mail à {email}',
		prescription: "Sur orientation d'un professionnel (fiche envoyée par e-mail)",
		book: 'Prendre rendez-vous en ligne',
		noPublic: "N'accueille pas de public",
		comeDuringHours: "Présentez-vous aux heures d'ouverture"
	},
	hoursUnknown: 'Horaires non renseignés : téléphonez avant de vous déplacer',
	days: ['Lundi', 'Mardi', 'Mercredi', 'Jeudi', 'Vendredi', 'Samedi', 'Dimanche'],
	dayRange: 'Du {from} au {to}',
	otherDays: 'Les autres jours',
	everyDay: 'Tous les jours',
	closed: 'fermé',
	allDay: '24 h sur 24',
	toConfirm: 'à confirmer',
	and: ' et ',
	listSeparator: ', ',
	temporarilyClosed: 'Fermé temporairement',
	closedUntil: "jusqu'au {date}",
	closedForGood: "Ce lieu n'accueille plus ce service : téléphonez avant de vous déplacer",
	scanQr: 'Scannez pour voir la fiche du lieu',
	qrAlt: 'QR code vers la fiche du lieu',
	mapAlt: 'Plan de Roubaix : le point montre où se trouve le lieu',
	frenchText: 'Texte de la structure, en français',
	needs: {
		demarches: 'Démarches administratives',
		sante: 'Santé',
		emploi: 'Emploi',
		ecole: 'École',
		securite: 'Arnaques et sécurité',
		materiel: 'Avoir un ordinateur ou un téléphone pas cher',
		reparer: 'Faire réparer son matériel',
		bases: 'Apprendre les bases',
		creer: 'Créer, loisirs numériques'
	},
	// needs.ts speaks to the worker (« sa carte Vitale »); the sheet speaks to the resident.
	bringItems: {
		demarches: [
			"Votre pièce d'identité",
			'Les courriers reçus',
			'Vos identifiants (numéro allocataire, numéro fiscal…)',
			'Votre téléphone portable'
		],
		sante: ['Votre carte Vitale', "Votre pièce d'identité", 'Votre téléphone portable'],
		emploi: ['Votre identifiant France Travail', 'Votre CV si vous en avez un (papier ou clé USB)', 'Votre téléphone portable'],
		ecole: ["Les identifiants donnés par l'école", 'Votre téléphone portable'],
		securite: ["Le téléphone ou l'ordinateur concerné", 'Les messages suspects reçus'],
		materiel: ["Un justificatif de ressources (attestation CAF, avis d'imposition)", "Votre pièce d'identité"],
		reparer: ['Le matériel à réparer et son chargeur'],
		bases: ['Votre téléphone ou votre tablette si vous en avez un'],
		creer: []
	}
};

/**
 * Facile à lire et à comprendre: short sentences, everyday words, « vous », one idea per line
 * (a « \n » starts a new line; the page shows it with `white-space: pre-line`).
 */
const falc: SheetText = {
	languageName: 'Facile à lire (FALC)',
	htmlLang: 'fr',
	dir: 'ltr',
	dateLocale: 'fr-FR',
	title: "Où aller pour avoir de l'aide",
	intro: 'Ces lieux vous aident avec le téléphone, l’ordinateur et internet.',
	givenOn: 'Fiche donnée le {date}.',
	address: 'Allez à cette adresse.',
	howToGetIn: 'Comment faire ?',
	hours: 'Quand venir ?',
	bring: 'Ce que vous devez apporter',
	forNeeds: 'Pour : {needs}',
	levelsOffered: 'Ce que le lieu fait pour vous',
	levelInferred: 'pas encore sûr',
	levels: {
		discover: 'Découvrir le numérique',
		learn: 'Apprendre en groupe',
		support: 'Une personne vous aide',
		reinforced: 'Une personne fait les démarches pour vous',
		unknown: 'Nous ne savons pas encore'
	},
	access: {
		walkIn: 'Vous pouvez venir sans rendez-vous.',
		call: 'Téléphonez au {phone}.',
		callFirst: 'Téléphonez avant de venir.\nLe numéro est : {phone}',
		phone: 'Le numéro de téléphone est : {phone}',
		email: 'Envoyez un e-mail à {email}',
		prescription: 'Un professionnel doit vous envoyer.\nIl écrit un e-mail au lieu.',
		book: 'Prenez rendez-vous sur internet.',
		noPublic: 'Ce lieu ne reçoit pas de public.',
		comeDuringHours: 'Venez quand le lieu est ouvert.'
	},
	hoursUnknown: 'Nous ne connaissons pas les horaires.\nTéléphonez avant de venir.',
	days: ['Lundi', 'Mardi', 'Mercredi', 'Jeudi', 'Vendredi', 'Samedi', 'Dimanche'],
	dayRange: 'Du {from} au {to}',
	otherDays: 'Les autres jours',
	everyDay: 'Tous les jours',
	closed: 'fermé',
	allDay: 'jour et nuit',
	toConfirm: 'à vérifier',
	and: ' et ',
	listSeparator: ', ',
	temporarilyClosed: 'Le lieu est fermé pour le moment.',
	closedUntil: 'Il est fermé jusqu’au {date}.',
	closedForGood: 'Le lieu ne fait plus cette aide.\nTéléphonez avant de venir.',
	scanQr: 'Prenez ce carré en photo avec votre téléphone.\nVous voyez la page du lieu.',
	qrAlt: 'QR code vers la page du lieu',
	mapAlt: 'Plan de Roubaix. Le point montre le lieu.',
	frenchText: "Texte écrit par le lieu. Il n'est pas en facile à lire.",
	needs: {
		demarches: 'Faire vos papiers sur internet',
		sante: 'La santé',
		emploi: 'Le travail',
		ecole: "L'école",
		securite: 'Les arnaques',
		materiel: 'Avoir un ordinateur ou un téléphone pas cher',
		reparer: 'Réparer un ordinateur ou un téléphone',
		bases: "Apprendre l'ordinateur et le téléphone",
		creer: 'Faire des photos et des vidéos'
	},
	bringItems: {
		demarches: [
			"Votre pièce d'identité",
			'Les lettres que vous avez reçues',
			'Vos numéros et vos mots de passe (CAF, impôts…)',
			'Votre téléphone portable'
		],
		sante: ['Votre carte Vitale', "Votre pièce d'identité", 'Votre téléphone portable'],
		emploi: ['Votre numéro France Travail', 'Votre CV, si vous en avez un', 'Votre téléphone portable'],
		ecole: ["Les codes donnés par l'école", 'Votre téléphone portable'],
		securite: ["Le téléphone ou l'ordinateur qui a un problème", 'Les messages bizarres que vous avez reçus'],
		materiel: ["Un papier qui montre combien vous gagnez (CAF, impôts)", "Votre pièce d'identité"],
		reparer: ["L'appareil à réparer et son chargeur"],
		bases: ['Votre téléphone ou votre tablette, si vous en avez'],
		creer: []
	}
};

const en: SheetText = {
	languageName: 'English',
	htmlLang: 'en',
	dir: 'ltr',
	// British English: day-month order, as in France.
	dateLocale: 'en-GB',
	title: 'Where to get help',
	intro: 'Places in Roubaix that help with phones, computers and the internet.',
	givenOn: 'Sheet given on {date}',
	address: 'Address',
	howToGetIn: 'How to get in',
	hours: 'Opening hours',
	bring: 'What to bring',
	forNeeds: 'For: {needs}',
	levelsOffered: 'Kind of help',
	levelInferred: 'inferred level',
	levels: {
		discover: 'Discover and get information',
		learn: 'Learn in a group workshop',
		support: 'One-to-one help',
		reinforced: 'Someone does it for you (with your permission)',
		unknown: 'Level to be confirmed'
	},
	access: {
		walkIn: 'Just come in, no appointment',
		call: 'Phone {phone}',
		callFirst: 'Phone before you go: {phone}',
		phone: 'Phone: {phone}',
		email: 'Email {email}',
		prescription: 'Referral by a professional (form sent by email)',
		book: 'Book an appointment online',
		noPublic: 'Not open to the public',
		comeDuringHours: 'Come during opening hours'
	},
	hoursUnknown: 'Opening hours not known: phone before you go',
	days: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
	dayRange: '{from} to {to}',
	otherDays: 'Other days',
	everyDay: 'Every day',
	closed: 'closed',
	allDay: 'open 24 hours',
	toConfirm: 'to be confirmed',
	and: ' and ',
	listSeparator: ', ',
	temporarilyClosed: 'Temporarily closed',
	closedUntil: 'until {date}',
	closedForGood: 'This service has stopped here: phone before you go',
	scanQr: "Scan to see the place's page",
	qrAlt: "QR code to the place's page",
	mapAlt: 'Map of Roubaix: the dot shows where the place is',
	frenchText: 'Text from the organisation, in French',
	needs: {
		demarches: 'Official paperwork',
		sante: 'Health',
		emploi: 'Jobs',
		ecole: 'School',
		securite: 'Scams and online safety',
		materiel: 'Getting a low-cost computer or phone',
		reparer: 'Getting a device repaired',
		bases: 'Learning the basics',
		creer: 'Digital creation and leisure'
	},
	bringItems: {
		demarches: ['Your ID', 'The letters you received', 'Your login details (CAF number, tax number…)', 'Your mobile phone'],
		sante: ['Your carte Vitale (health insurance card)', 'Your ID', 'Your mobile phone'],
		emploi: ['Your France Travail ID', 'Your CV if you have one (paper or USB stick)', 'Your mobile phone'],
		ecole: ['The login details given by the school', 'Your mobile phone'],
		securite: ['The phone or computer concerned', 'The suspicious messages you received'],
		materiel: ['Proof of income (CAF certificate, tax notice)', 'Your ID'],
		reparer: ['The device to repair and its charger'],
		bases: ['Your phone or tablet if you have one'],
		creer: []
	}
};

const ar: SheetText = {
	languageName: 'العربية',
	htmlLang: 'ar',
	dir: 'rtl',
	// Latin digits: the ones used in the Maghreb, and the ones of the phone numbers, addresses and hours on the sheet.
	dateLocale: 'ar-u-nu-latn',
	title: 'ورقة التوجيه',
	intro: 'أماكن في روبيه تساعدكم في استعمال الهاتف والحاسوب والإنترنت.',
	givenOn: 'سُلّمت هذه الورقة في {date}',
	address: 'العنوان',
	howToGetIn: 'طريقة الوصول',
	hours: 'أوقات الاستقبال',
	bring: 'ما يجب إحضاره',
	forNeeds: 'من أجل: {needs}',
	levelsOffered: 'نوع المساعدة',
	levelInferred: 'مستوى مُستنتَج',
	levels: {
		discover: 'الاكتشاف والاستعلام',
		learn: 'التعلّم في ورشة جماعية',
		support: 'مرافقة فردية',
		reinforced: 'شخص مؤهَّل يقوم بالإجراءات نيابةً عنكم',
		unknown: 'المستوى غير محدَّد'
	},
	access: {
		walkIn: 'يمكنكم الحضور مباشرة دون موعد',
		call: 'اتصلوا بالرقم {phone}',
		callFirst: 'اتصلوا قبل الذهاب: {phone}',
		phone: 'الهاتف: {phone}',
		email: 'راسلوا عبر البريد الإلكتروني: {email}',
		prescription: 'بتوجيه من مختص (استمارة تُرسل بالبريد الإلكتروني)',
		book: 'احجزوا موعدًا عبر الإنترنت',
		noPublic: 'لا يستقبل الجمهور',
		comeDuringHours: 'احضروا خلال أوقات الاستقبال'
	},
	hoursUnknown: 'أوقات الاستقبال غير معروفة: اتصلوا قبل الذهاب',
	days: ['الاثنين', 'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة', 'السبت', 'الأحد'],
	dayRange: 'من {from} إلى {to}',
	otherDays: 'باقي الأيام',
	everyDay: 'كل الأيام',
	closed: 'مغلق',
	allDay: '24 ساعة على 24',
	toConfirm: 'يجب التأكد',
	and: ' و ',
	listSeparator: '، ',
	temporarilyClosed: 'مغلق مؤقتًا',
	closedUntil: 'حتى {date}',
	closedForGood: 'توقفت هذه الخدمة هنا: اتصلوا قبل الذهاب',
	scanQr: 'امسحوا الرمز لرؤية صفحة المكان',
	qrAlt: 'رمز QR يؤدي إلى صفحة المكان',
	mapAlt: 'خريطة روبيه: النقطة تبيّن موقع المكان',
	frenchText: 'نص من الجهة، باللغة الفرنسية',
	needs: {
		demarches: 'الإجراءات الإدارية',
		sante: 'الصحة',
		emploi: 'العمل',
		ecole: 'المدرسة',
		securite: 'الاحتيال والأمان',
		materiel: 'الحصول على حاسوب أو هاتف بثمن منخفض',
		reparer: 'إصلاح الأجهزة',
		bases: 'تعلّم الأساسيات',
		creer: 'الإبداع والترفيه الرقمي'
	},
	bringItems: {
		demarches: ['وثيقة هوية', 'الرسائل التي وصلتكم', 'معرّفات الدخول (رقم المستفيد من CAF، الرقم الضريبي…)', 'هاتفكم المحمول'],
		sante: ['بطاقة Vitale (بطاقة التأمين الصحي)', 'وثيقة هوية', 'هاتفكم المحمول'],
		emploi: ['معرّف France Travail', 'سيرتكم الذاتية إن وُجدت (ورقية أو على مفتاح USB)', 'هاتفكم المحمول'],
		ecole: ['معرّفات الدخول التي أعطتها المدرسة', 'هاتفكم المحمول'],
		securite: ['الهاتف أو الحاسوب المعني', 'الرسائل المشبوهة التي وصلتكم'],
		materiel: ['وثيقة تثبت الدخل (شهادة CAF، إشعار الضريبة)', 'وثيقة هوية'],
		reparer: ['الجهاز المراد إصلاحه مع شاحنه'],
		bases: ['هاتفكم أو لوحتكم الإلكترونية إن وُجدت'],
		creer: []
	}
};

export const SHEET_TEXT: Record<SheetLanguage, SheetText> = { fr, falc, en, ar };

// ---------------------------------------------------------------------------------------------------
// Templates

/** Replaces « {name} » placeholders; an unknown placeholder stays visible rather than vanishing. */
export function fill(template: string, values: Record<string, string>): string {
	return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/**
 * The text before and after one placeholder, so the page can put its own element in between
 * (a phone number must stay left-to-right inside Arabic).
 */
export function splitTemplate(template: string, name: string): [before: string, after: string] {
	const marker = `{${name}}`;
	const at = template.indexOf(marker);
	if (at < 0) return [template, ''];
	return [template.slice(0, at), template.slice(at + marker.length)];
}

// ---------------------------------------------------------------------------------------------------
// Dates and hours

const PARIS = 'Europe/Paris';

/**
 * « 25 novembre 2026 », « 25 November 2026 », « 25 نوفمبر 2026 », in Roubaix's calendar whatever the
 * server's time zone. French writes the first of the month « 1er ».
 */
export function formatSheetDate(lang: SheetLanguage, date: Date): string {
	const parts = new Intl.DateTimeFormat(SHEET_TEXT[lang].dateLocale, {
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone: PARIS
	}).formatToParts(date);
	const french = SHEET_TEXT[lang].dateLocale.startsWith('fr');
	return parts.map((p) => (french && p.type === 'day' && p.value === '1' ? '1er' : p.value)).join('');
}

/** An ISO calendar day ('2026-12-01') read as that day in Paris, for closure dates. */
export function formatSheetDay(lang: SheetLanguage, isoDay: string): string {
	const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDay);
	if (!match) return isoDay;
	// Noon UTC is the same calendar day in Paris in every season.
	return formatSheetDate(lang, new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12)));
}

/** 'HH:MM' as the language writes a time: « 9 h », « 9 h 30 » in French, « 9:00 » otherwise. */
export function formatClockIn(lang: SheetLanguage, hhmm: string): string {
	const match = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
	if (!match) return hhmm;
	const hours = Number(match[1]);
	const minutes = match[2]!;
	if (SHEET_TEXT[lang].htmlLang === 'fr') return minutes === '00' ? `${hours} h` : `${hours} h ${minutes}`;
	return `${hours}:${minutes}`;
}

/** One time range: « 9 h – 12 h », « de 9 h à 12 h » (FALC), « 9:00 – 12:00 ». */
export function formatRange(lang: SheetLanguage, from: string, to: string): string {
	if (from === '00:00' && to === '24:00') return SHEET_TEXT[lang].allDay;
	const start = formatClockIn(lang, from);
	const end = formatClockIn(lang, to);
	// FALC avoids the dash, a sign many readers do not read as « until ».
	return lang === 'falc' ? `de ${start} à ${end}` : `${start} – ${end}`;
}

export interface IntervalText {
	range: string;
	/** « à confirmer » when the source marks the slot as uncertain, translated. */
	note: string | null;
	/** The structure's own comment on the slot, in French. */
	comment: string | null;
}

export function describeIntervals(lang: SheetLanguage, intervals: readonly OpenInterval[]): IntervalText[] {
	return intervals.map((interval) => ({
		range: formatRange(lang, interval.from, interval.to),
		note: interval.uncertain && !interval.comment ? SHEET_TEXT[lang].toConfirm : null,
		comment: interval.comment ?? null
	}));
}

/** A day's intervals as one line; the structure's comments are left out (the page shows them apart, in French). */
export function formatIntervals(lang: SheetLanguage, intervals: readonly OpenInterval[]): string {
	if (intervals.length === 0) return SHEET_TEXT[lang].closed;
	return describeIntervals(lang, intervals)
		.map((part) => (part.note ? `${part.range} (${part.note})` : part.range))
		.join(SHEET_TEXT[lang].and);
}

export interface DayHours {
	/** Monday = 0 … Sunday = 6. */
	day: number;
	intervals: readonly OpenInterval[];
}

export interface DayGroup {
	first: number;
	last: number;
	intervals: readonly OpenInterval[];
}

/**
 * Consecutive open days with the same hours, as one line (« Du lundi au vendredi »): a printed
 * sheet has no room for five identical rows, and a reader compares fewer lines.
 */
export function groupDays(days: readonly DayHours[]): DayGroup[] {
	const groups: DayGroup[] = [];
	for (const { day, intervals } of days) {
		const previous = groups.at(-1);
		if (previous && previous.last === day - 1 && JSON.stringify(previous.intervals) === JSON.stringify(intervals)) {
			previous.last = day;
		} else groups.push({ first: day, last: day, intervals });
	}
	return groups;
}

/** « Samedi », « Du lundi au vendredi », « Monday to Friday », « من الاثنين إلى الجمعة ». */
export function formatDays(lang: SheetLanguage, first: number, last: number): string {
	const text = SHEET_TEXT[lang];
	const name = (day: number) => text.days[day] ?? '';
	if (first === last) return name(first);
	// French day names take a capital only at the start of a line.
	const inside = (day: number) => (text.htmlLang === 'fr' ? name(day).toLocaleLowerCase('fr') : name(day));
	return fill(text.dayRange, { from: inside(first), to: inside(last) });
}

// ---------------------------------------------------------------------------------------------------
// How to get in

export type AccessStep =
	| { kind: 'walkIn' }
	| { kind: 'call'; phone: string }
	| { kind: 'callFirst'; phone: string }
	| { kind: 'phone'; phone: string }
	| { kind: 'email'; email: string }
	| { kind: 'prescription' }
	| { kind: 'book'; url: string | null }
	| { kind: 'noPublic' }
	| { kind: 'comeDuringHours' };

export interface AccessInput {
	/** Declared access modes (codes); empty when the source does not say. */
	modes: readonly string[];
	phone: string | null;
	email: string | null;
	bookingUrl: string | null;
}

/**
 * What the resident should do to be received, in the schema's order. When the source declares no
 * access mode, a phone call is the safe advice (hours are often missing too); without a phone, the
 * only advice left is to come while it is open.
 */
export function accessSteps({ modes, phone, email, bookingUrl }: AccessInput): AccessStep[] {
	const steps: AccessStep[] = [];
	if (modes.length === 0) {
		steps.push(phone ? { kind: 'callFirst', phone } : { kind: 'comeDuringHours' });
		if (bookingUrl) steps.push({ kind: 'book', url: bookingUrl });
		return steps;
	}
	for (const code of ACCESS_MODE_CODES) {
		if (!modes.includes(code)) continue;
		if (code === 'se-presenter') steps.push({ kind: 'walkIn' });
		else if (code === 'telephoner' && phone) steps.push({ kind: 'call', phone });
		else if (code === 'mail' && email) steps.push({ kind: 'email', email });
		else if (code === 'prescription') steps.push({ kind: 'prescription' });
		else if (code === 'rdv-en-ligne') steps.push({ kind: 'book', url: bookingUrl });
		else if (code === 'pas-de-public') steps.push({ kind: 'noPublic' });
	}
	// Declared modes we cannot act on (« téléphoner » without a number): fall back on the opening hours.
	if (steps.length === 0) steps.push({ kind: 'comeDuringHours' });
	if (bookingUrl && !steps.some((s) => s.kind === 'book')) steps.push({ kind: 'book', url: bookingUrl });
	// A number on paper is what a resident uses when something goes wrong, whatever the declared modes.
	if (phone && !steps.some((s) => s.kind === 'call')) steps.push({ kind: 'phone', phone });
	return steps;
}

/** The template of a step, with its placeholder still in it. */
export function accessTemplate(lang: SheetLanguage, step: AccessStep): string {
	return SHEET_TEXT[lang].access[step.kind];
}

// ---------------------------------------------------------------------------------------------------
// What to bring

/** The items of the chosen needs, in the sheet's language, once each (two needs often ask for the same ID). */
export function bringList(lang: SheetLanguage, needs: readonly SheetNeedCode[]): string[] {
	const items = needs.flatMap((code) => SHEET_TEXT[lang].bringItems[code]);
	return [...new Set(items)];
}
