/**
 * The calendar file sent with a registration's confirmation, written by hand to RFC 5545: lines
 * end in CRLF and are folded at 75 octets (never inside a UTF-8 character), text values escape
 * backslash, semicolon, comma and line breaks, times are Roubaix's (TZID=Europe/Paris with its
 * VTIMEZONE, so a phone abroad or a server in UTC shows the right hour).
 */

export interface CalendarEvent {
	/** Stable per registration, so a second file updates the same event instead of adding one. */
	uid: string;
	stamp: Date;
	/** YYYY-MM-DD */
	date: string;
	/** 'HH:MM' local time in Roubaix; without them the event takes the whole day. */
	start: string | null;
	end: string | null;
	summary: string;
	description: string;
	location: string | null;
	url: string | null;
	/** CANCELLED when the seat is given up: the calendar then removes the event. */
	status?: 'CONFIRMED' | 'CANCELLED';
}

export function escapeText(value: string): string {
	return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

const encoder = new TextEncoder();

/** One content line folded into lines of at most 75 octets, each continuation starting with a space. */
export function foldLine(line: string): string {
	const parts: string[] = [];
	let current = '';
	let size = 0;
	for (const char of line) {
		const octets = encoder.encode(char).length;
		const limit = parts.length === 0 ? 75 : 74; // the leading space counts
		if (size + octets > limit) {
			parts.push(current);
			current = '';
			size = 0;
		}
		current += char;
		size += octets;
	}
	parts.push(current);
	return parts.join('\r\n ');
}

const compactDate = (date: string) => date.replace(/-/g, '');
const compactTime = (time: string) => `${time.replace(':', '')}00`;

function utcStamp(date: Date): string {
	return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

function nextDay(date: string): string {
	const [y, m, d] = date.split('-').map(Number);
	return new Date(Date.UTC(y!, m! - 1, d! + 1)).toISOString().slice(0, 10);
}

const PARIS_TIMEZONE = [
	'BEGIN:VTIMEZONE',
	'TZID:Europe/Paris',
	'BEGIN:DAYLIGHT',
	'TZOFFSETFROM:+0100',
	'TZOFFSETTO:+0200',
	'TZNAME:CEST',
	'DTSTART:19700329T020000',
	'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
	'END:DAYLIGHT',
	'BEGIN:STANDARD',
	'TZOFFSETFROM:+0200',
	'TZOFFSETTO:+0100',
	'TZNAME:CET',
	'DTSTART:19701025T030000',
	'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
	'END:STANDARD',
	'END:VTIMEZONE'
];

export function calendarFile(event: CalendarEvent): string {
	const timed = event.start !== null;
	const when = timed
		? [
				`DTSTART;TZID=Europe/Paris:${compactDate(event.date)}T${compactTime(event.start!)}`,
				`DTEND;TZID=Europe/Paris:${compactDate(event.date)}T${compactTime(event.end ?? event.start!)}`
			]
		: [`DTSTART;VALUE=DATE:${compactDate(event.date)}`, `DTEND;VALUE=DATE:${compactDate(nextDay(event.date))}`];
	const lines = [
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		'PRODID:-//Ville de Roubaix//Carte de l’inclusion numérique//FR',
		'CALSCALE:GREGORIAN',
		`METHOD:${event.status === 'CANCELLED' ? 'CANCEL' : 'PUBLISH'}`,
		...(timed ? PARIS_TIMEZONE : []),
		'BEGIN:VEVENT',
		`UID:${event.uid}`,
		`DTSTAMP:${utcStamp(event.stamp)}`,
		...when,
		`SUMMARY:${escapeText(event.summary)}`,
		`DESCRIPTION:${escapeText(event.description)}`,
		...(event.location ? [`LOCATION:${escapeText(event.location)}`] : []),
		...(event.url ? [`URL:${event.url}`] : []),
		`STATUS:${event.status ?? 'CONFIRMED'}`,
		'END:VEVENT',
		'END:VCALENDAR'
	];
	return lines.map(foldLine).join('\r\n') + '\r\n';
}
