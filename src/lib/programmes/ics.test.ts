import { describe, expect, it } from 'vitest';
import {
	addDays,
	escapeText,
	eventUid,
	firstReminderDate,
	floatingTime,
	foldLine,
	programmeCalendar,
	type ProgrammeCalendar
} from './ics';

const octets = (line: string) => new TextEncoder().encode(line).length;

/** Undoes folding (RFC 5545 3.1): a CRLF followed by one space or tab joins the lines. */
const unfold = (text: string) => text.replace(/\r\n[ \t]/g, '');

const base: ProgrammeCalendar = {
	programmeId: 'fundament',
	run: 2,
	calendarName: 'Rustpunt: Fundament',
	days: [3, 4, 5].map((day) => ({
		day,
		summary: `Rustpunt: dag ${day} van Fundament`,
		description: 'Vandaag: rustig, zonder haast; even ademen.\nTik op de link.',
		url: `https://example.test/programma?id=fundament&dag=${day}`
	})),
	firstDate: '2026-10-24',
	time: '08:00',
	durationMinutes: 5,
	now: new Date(Date.UTC(2026, 9, 20, 9, 45, 7))
};

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

	it('gives each day a UID that is the same in two exports made at different moments', () => {
		const uids = (ics: string) =>
			unfold(ics)
				.split('\r\n')
				.filter((l) => l.startsWith('UID:'));
		const first = uids(programmeCalendar(base));
		const second = uids(
			programmeCalendar({ ...base, now: new Date(Date.UTC(2026, 9, 22)), time: '19:30' })
		);
		expect(first).toEqual(second);
		expect(first).toEqual([3, 4, 5].map((day) => `UID:${eventUid('fundament', 2, day)}`));
		expect(new Set(first).size).toBe(3);
		// Another run of the same programme gets other UIDs.
		expect(eventUid('fundament', 3, 3)).not.toBe(eventUid('fundament', 2, 3));
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
