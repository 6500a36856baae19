/**
 * Calendar files (RFC 5545) for programme reminders: made on the phone, imported into the
 * person's own calendar, which does the reminding. No server, no push.
 *
 * A calendar is often seen by someone else: a shared agenda, a partner who looks at the phone.
 * So the file names nothing by itself: the product id is neutral and the UIDs are hashes, and
 * what the calendar and its events are called, and whether they carry text or a link, is up to
 * the caller (src/lib/player/programme-calendar.ts, neutral unless the person chose otherwise).
 *
 * Times are FLOATING local times (`DTSTART:20261122T080000`, no `Z`, no TZID): "at eight in
 * the morning wherever I am". A daily practice belongs to the person's own day, so it should
 * stay at eight across a daylight-saving change and when they travel; a TZID would need a
 * VTIMEZONE with that zone's rules, which the app would have to ship and keep current.
 *
 * One VEVENT per remaining day rather than an RRULE: each day may carry its own text, and a
 * day done later simply moves nothing (progress is per day done). UIDs are stable per
 * programme, run and day, so exporting again updates the same events instead of adding copies.
 */

/** One day in the calendar. */
export interface CalendarDay {
	/** The event's UID: the same in every export of this day (see `eventUid`). */
	readonly uid: string;
	readonly summary: string;
	/** Text under the event; none when absent. */
	readonly description?: string;
	/** A link into the app; none when absent. */
	readonly url?: string;
}

/** What a programme's calendar file is made of. */
export interface ProgrammeCalendar {
	/** The name the calendar app may give an imported calendar. */
	readonly calendarName: string;
	/** The remaining days, in order: the first on `firstDate`, one per following date. */
	readonly days: readonly CalendarDay[];
	/** Local date of the first event, YYYY-MM-DD. */
	readonly firstDate: string;
	/** Local time of every event, HH:MM (24 h). */
	readonly time: string;
	readonly durationMinutes: number;
	/** The moment the file is made (DTSTAMP). */
	readonly now: Date;
	/** An alert at the event's start, with this text; none when absent. */
	readonly alarm?: string;
}

/** The product id in every file: a calendar shows it in an event's details. */
export const PRODUCT_ID = '-//Notes//Reminders//EN';

const CRLF = '\r\n';
/** Lines are folded at 75 octets (RFC 5545 3.1). */
const MAX_OCTETS = 75;
const encoder = new TextEncoder();

/** Escapes a TEXT value: backslash, semicolon, comma and line breaks (RFC 5545 3.3.11). */
export function escapeText(value: string): string {
	return value
		.replace(/\\/g, '\\\\')
		.replace(/;/g, '\\;')
		.replace(/,/g, '\\,')
		.replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Folds a content line into lines of at most 75 octets, each continuation starting with a
 * space. Splits between code points only, so a multi-byte UTF-8 sequence is never cut.
 */
export function foldLine(line: string): string {
	const lines: string[] = [];
	let current = '';
	let octets = 0;
	for (const char of line) {
		const size = encoder.encode(char).length;
		if (octets + size > MAX_OCTETS) {
			lines.push(current);
			current = ' ';
			octets = 1;
		}
		current += char;
		octets += size;
	}
	lines.push(current);
	return lines.join(CRLF);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A UTC moment as an iCalendar DATE-TIME (`20261121T094500Z`). */
export function utcStamp(date: Date): string {
	return (
		`${pad(date.getUTCFullYear(), 4)}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}` +
		`T${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z`
	);
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * The local date `offset` days after `date` (YYYY-MM-DD), counted on the calendar: computed
 * in UTC, so a daylight-saving change in the local zone cannot skip or repeat a day.
 */
export function addDays(date: string, offset: number): string {
	const match = DATE.exec(date);
	if (!match) throw new RangeError(`Not a date: ${date}`);
	const d = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + offset));
	return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** A floating local DATE-TIME (`20261122T080000`): the same clock time in any zone. */
export function floatingTime(date: string, time: string): string {
	const t = TIME.exec(time);
	if (!DATE.test(date) || !t) throw new RangeError(`Not a date and time: ${date} ${time}`);
	return `${date.replace(/-/g, '')}T${t[1]}${t[2]}00`;
}

/**
 * The UID of one day of one run: the same in every export, and naming nothing. It is a hash
 * of a random key kept on the device with the programme, run and day, so the same day always
 * gets the same UID, and nobody can tell from it which programme it belongs to (the few
 * programme ids could be tried one by one against a hash without the key).
 */
export async function eventUid(
	key: string,
	programmeId: string,
	run: number,
	day: number
): Promise<string> {
	const text = JSON.stringify([key, programmeId, run, day]);
	const digest = await crypto.subtle.digest('SHA-256', encoder.encode(text));
	return [...new Uint8Array(digest).slice(0, 16)]
		.map((byte) => byte.toString(16).padStart(2, '0'))
		.join('');
}

/**
 * The date of the first reminder: today when the chosen time is still ahead (in local
 * time), otherwise tomorrow.
 */
export function firstReminderDate(now: Date, time: string): string {
	const t = TIME.exec(time);
	if (!t) throw new RangeError(`Not a time: ${time}`);
	const today = `${pad(now.getFullYear(), 4)}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
	const minutesNow = now.getHours() * 60 + now.getMinutes();
	const minutesThen = Number(t[1]) * 60 + Number(t[2]);
	return minutesThen > minutesNow ? today : addDays(today, 1);
}

/** The whole calendar file, lines ending in CRLF. */
export function programmeCalendar(calendar: ProgrammeCalendar): string {
	if (!Number.isInteger(calendar.durationMinutes) || calendar.durationMinutes < 1) {
		throw new RangeError('An event lasts at least a minute');
	}
	const stamp = utcStamp(calendar.now);
	const lines = [
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		`PRODID:${PRODUCT_ID}`,
		'CALSCALE:GREGORIAN',
		'METHOD:PUBLISH',
		`X-WR-CALNAME:${escapeText(calendar.calendarName)}`
	];
	calendar.days.forEach((day, i) => {
		lines.push(
			'BEGIN:VEVENT',
			`UID:${day.uid}`,
			`DTSTAMP:${stamp}`,
			`DTSTART:${floatingTime(addDays(calendar.firstDate, i), calendar.time)}`,
			`DURATION:PT${calendar.durationMinutes}M`,
			`SUMMARY:${escapeText(day.summary)}`
		);
		if (day.description !== undefined) {
			lines.push(`DESCRIPTION:${escapeText(day.description)}`);
		}
		// A URI value, not TEXT: it is not escaped, only kept on one logical line.
		if (day.url !== undefined) lines.push(`URL:${day.url.replace(/[\r\n]/g, '')}`);
		// Shown as free time: a practice reminder should not block the person's agenda.
		lines.push('TRANSP:TRANSPARENT');
		if (calendar.alarm !== undefined) {
			lines.push(
				'BEGIN:VALARM',
				'ACTION:DISPLAY',
				`DESCRIPTION:${escapeText(calendar.alarm)}`,
				'TRIGGER:PT0M',
				'END:VALARM'
			);
		}
		lines.push('END:VEVENT');
	});
	lines.push('END:VCALENDAR');
	return lines.map(foldLine).join(CRLF) + CRLF;
}
