import { describe, expect, it } from 'vitest';
import {
	addDays,
	escapeText,
	eventUid,
	firstReminderDate,
	floatingTime,
	foldLine,
	PRODUCT_ID,
	programmeCalendar,
	type ProgrammeCalendar
} from './ics';

const octets = (line: string) => new TextEncoder().encode(line).length;

/** Undoes folding (RFC 5545 3.1): a CRLF followed by one space or tab joins the lines. */
const unfold = (text: string) => text.replace(/\r\n[ \t]/g, '');

const base: ProgrammeCalendar = {
	calendarName: 'Rustpunt: Fundament',
	days: [3, 4, 5].map((day) => ({
		uid: `uid-${day}`,
		summary: `Rustpunt: dag ${day} van Fundament`,
		description: 'Vandaag: rustig, zonder haast; even ademen.\nTik op de link.',
		url: `https://example.test/programma?id=fundament&dag=${day}`
	})),
	firstDate: '2026-10-24',
	time: '08:00',
	durationMinutes: 5,
	now: new Date(Date.UTC(2026, 9, 20, 9, 45, 7))
};

/** A calendar as the app makes it by default: one neutral title, no text, no link. */
const neutral: ProgrammeCalendar = {
	...base,
	calendarName: 'Moment voor mezelf',
	days: [3, 4, 5].map((day) => ({ uid: `uid-${day}`, summary: 'Moment voor mezelf' })),
	alarm: 'Moment voor mezelf'
};

const KEY = '0123456789abcdef0123456789abcdef';

describe('programme calendar (.ics)', () => {
	it('writes a VCALENDAR with CRLF line ends, one VEVENT per remaining day', () => {
		const ics = programmeCalendar(base);
		expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:')).toBe(true);
		expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
		// No bare LF or CR anywhere.
		expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
		expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(3);
		expect(ics.match(/END:VEVENT/g)).toHaveLength(3);
		const lines = unfold(ics).split('\r\n');
		expect(lines).toContain('DTSTAMP:20261020T094507Z');
		expect(lines).toContain('DURATION:PT5M');
		expect(lines).toContain('URL:https://example.test/programma?id=fundament&dag=4');
		expect(lines).toContain('X-WR-CALNAME:Rustpunt: Fundament');
	});

	it('uses floating local times that stay at 08:00 across the change from summer time', () => {
		// Europe leaves summer time in the night of 24 to 25 October 2026.
		const starts = unfold(programmeCalendar(base))
			.split('\r\n')
			.filter((line) => line.startsWith('DTSTART'));
		expect(starts).toEqual([
			'DTSTART:20261024T080000',
			'DTSTART:20261025T080000',
			'DTSTART:20261026T080000'
		]);
		expect(programmeCalendar(base)).not.toMatch(/TZID|VTIMEZONE|DTSTART:[^\r]*Z/);
	});

	it('counts dates on the calendar across DST changes, month and year ends', () => {
		expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
		expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
		expect(addDays('2026-10-31', 1)).toBe('2026-11-01');
		expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
		expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
		expect(floatingTime('2026-03-29', '02:30')).toBe('20260329T023000');
		expect(() => floatingTime('2026-3-29', '8:00')).toThrow(RangeError);
	});

	it('gives each day a UID that is the same in two exports made at different moments', async () => {
		const days = await Promise.all(
			[3, 4, 5].map(async (day) => ({
				uid: await eventUid(KEY, 'fundament', 2, day),
				summary: 'Moment voor mezelf'
			}))
		);
		const uids = (ics: string) =>
			unfold(ics)
				.split('\r\n')
				.filter((l) => l.startsWith('UID:'));
		const first = uids(programmeCalendar({ ...neutral, days }));
		const second = uids(
			programmeCalendar({
				...neutral,
				days: await Promise.all(
					[3, 4, 5].map(async (day) => ({
						uid: await eventUid(KEY, 'fundament', 2, day),
						summary: 'Rustpunt: Fundament'
					}))
				),
				now: new Date(Date.UTC(2026, 9, 22)),
				time: '19:30'
			})
		);
		expect(first).toEqual(second);
		expect(new Set(first).size).toBe(3);
		// Another run of the same programme gets other UIDs.
		expect(await eventUid(KEY, 'fundament', 3, 3)).not.toBe(await eventUid(KEY, 'fundament', 2, 3));
	});

	it('makes UIDs that name neither the programme nor the app, and differ per device key', async () => {
		const uid = await eventUid(KEY, 'uit-de-band', 1, 2);
		expect(uid).toMatch(/^[0-9a-f]{32}$/);
		expect(await eventUid(KEY, 'uit-de-band', 1, 2)).toBe(uid);
		// Without the device's key, trying the programme ids one by one finds nothing.
		expect(await eventUid('f'.repeat(32), 'uit-de-band', 1, 2)).not.toBe(uid);
	});

	it('writes a neutral calendar without text, link or product name', () => {
		const ics = unfold(programmeCalendar(neutral));
		const lines = ics.split('\r\n');
		expect(lines).toContain(`PRODID:${PRODUCT_ID}`);
		expect(lines).toContain('X-WR-CALNAME:Moment voor mezelf');
		expect(lines.filter((l) => l === 'SUMMARY:Moment voor mezelf')).toHaveLength(3);
		expect(lines.filter((l) => l.startsWith('URL:'))).toEqual([]);
		// The only description is the alert's own (a display alert must have one).
		expect(lines.filter((l) => l.startsWith('DESCRIPTION:'))).toEqual(
			Array(3).fill('DESCRIPTION:Moment voor mezelf')
		);
		expect(ics).not.toMatch(/rustpunt|programm/i);
	});

	it('escapes backslash, semicolon, comma and line breaks in text', () => {
		expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
		const lines = unfold(programmeCalendar(base)).split('\r\n');
		expect(lines).toContain(
			'DESCRIPTION:Vandaag: rustig\\, zonder haast\\; even ademen.\\nTik op de link.'
		);
	});

	it('folds lines at 75 octets without splitting a UTF-8 sequence', () => {
		const long = 'DESCRIPTION:' + 'é'.repeat(40) + '🌿'.repeat(10) + 'x'.repeat(30);
		const folded = foldLine(long);
		const parts = folded.split('\r\n');
		expect(parts.length).toBeGreaterThan(1);
		for (const part of parts) expect(octets(part)).toBeLessThanOrEqual(75);
		for (const part of parts.slice(1)) expect(part.startsWith(' ')).toBe(true);
		// Every part is whole UTF-8 on its own: no lone surrogates, no replacement characters.
		for (const part of parts) {
			expect(new TextDecoder('utf-8', { fatal: true }).decode(new TextEncoder().encode(part))).toBe(
				part
			);
			expect(part).not.toMatch(
				/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
			);
		}
		expect(unfold(folded)).toBe(long);
		expect(foldLine('SHORT:line')).toBe('SHORT:line');
		expect(octets(foldLine('X'.repeat(75)))).toBe(75);
	});

	it('keeps every line of a long calendar within 75 octets', () => {
		const wordy = {
			...base,
			days: base.days.map((d) => ({
				...d,
				description: 'Wat voel je in je buik, en in je handen? '.repeat(6)
			}))
		};
		for (const line of programmeCalendar(wordy).split('\r\n')) {
			expect(octets(line)).toBeLessThanOrEqual(75);
		}
	});

	it('adds an alert at the start of each event only when asked', () => {
		expect(programmeCalendar(base)).not.toContain('BEGIN:VALARM');
		const lines = unfold(programmeCalendar({ ...base, alarm: 'Tijd voor je oefening' })).split(
			'\r\n'
		);
		expect(lines.filter((l) => l === 'BEGIN:VALARM')).toHaveLength(3);
		expect(lines).toContain('TRIGGER:PT0M');
		expect(lines).toContain('ACTION:DISPLAY');
	});

	it('starts reminders today when the time is still ahead, otherwise tomorrow', () => {
		const morning = new Date(2026, 9, 24, 7, 0);
		expect(firstReminderDate(morning, '08:00')).toBe('2026-10-24');
		expect(firstReminderDate(morning, '07:00')).toBe('2026-10-25');
		expect(firstReminderDate(new Date(2026, 11, 31, 22, 0), '08:00')).toBe('2027-01-01');
	});
});
