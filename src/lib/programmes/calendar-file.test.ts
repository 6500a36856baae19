// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { Programme } from '../content/types';
import { programmeCalendarFile, type CalendarOptions } from './calendar-file';
import { summarise } from './summary';

const day = (n: number) => ({
	intention: { nl: `Je bent hier, dag ${n}.`, en: `You are here, day ${n}.` },
	practice: [{ exercise: 'coherent', minutes: 5 }]
});
const programme: Programme = {
	id: 'uit-de-band',
	order: 1,
	title: { nl: 'Uit de band', en: 'Out of the bond' },
	summary: { nl: 'Kort', en: 'Short' },
	description: { nl: 'Kort', en: 'Short' },
	variants: [],
	weeks: [{ title: { nl: 'Week', en: 'Week' }, days: [day(1), day(2), day(3)] }]
};
const NOW = new Date(2026, 11, 4, 12);
const summary = summarise(
	programme,
	{ programmeId: 'uit-de-band', run: 1, startedAt: NOW.getTime(), status: 'active' },
	[],
	'uit-de-band',
	NOW.getTime()
);
const options: CalendarOptions = {
	time: '08:00',
	alarm: true,
	style: 'neutral',
	link: false,
	discreet: false,
	key: '0123456789abcdef0123456789abcdef',
	origin: 'https://app.example',
	now: NOW
};

const linesOf = async (choice: Partial<CalendarOptions>) => {
	const file = await programmeCalendarFile(summary, { ...options, ...choice });
	return file!.text.replace(/\r\n[ \t]/g, '').split('\r\n');
};
const uids = (lines: string[]) => lines.filter((l) => l.startsWith('UID:'));

describe('a programme calendar file', () => {
	it('names nothing by default: a neutral file, calendar and events, no text, no link', async () => {
		const file = await programmeCalendarFile(summary, options);
		expect(file!.name).toBe('agenda-2026-12-04.ics');
		const lines = file!.text.replace(/\r\n[ \t]/g, '').split('\r\n');
		expect(lines).toContain('X-WR-CALNAME:Moment voor mezelf');
		expect(lines.filter((l) => l === 'SUMMARY:Moment voor mezelf')).toHaveLength(3);
		expect(lines.filter((l) => l.startsWith('URL:'))).toEqual([]);
		expect(file!.text).not.toMatch(/rustpunt|band|programm|je bent hier|app\.example/i);
	});

	it('links to the app’s home when asked, never to the programme’s address', async () => {
		const lines = await linesOf({ link: true });
		expect(lines.filter((l) => l.startsWith('URL:'))).toEqual(
			Array(3).fill('URL:https://app.example/')
		);
		expect(lines.join('\n')).not.toMatch(/band|dag=/);
	});

	it('names the programme and each day’s text only when the person chose it', async () => {
		const lines = await linesOf({ style: 'descriptive' });
		expect(lines).toContain('X-WR-CALNAME:Rustpunt: Uit de band');
		expect(lines).toContain('SUMMARY:Rustpunt: dag 2 van Uit de band');
		expect(lines).toContain('DESCRIPTION:Je bent hier\\, dag 2.');
		expect(lines).toContain('DESCRIPTION:Tijd voor je oefening in Rustpunt');
		expect(lines.filter((l) => l.startsWith('URL:'))).toEqual([]);
		const linked = await linesOf({ style: 'descriptive', link: true });
		expect(linked).toContain('URL:https://app.example/programma?id=uit-de-band&dag=3');
	});

	it('is neutral and without a link in discreet mode, whatever was chosen', async () => {
		const chosen = await linesOf({ style: 'descriptive', link: true, discreet: true });
		expect(chosen).toEqual(await linesOf({}));
	});

	it('keeps the same UIDs whatever was chosen, so a calendar updates the same events', async () => {
		const neutral = uids(await linesOf({}));
		expect(uids(await linesOf({ style: 'descriptive', link: true }))).toEqual(neutral);
		expect(new Set(neutral).size).toBe(3);
		expect(uids(await linesOf({ key: 'f'.repeat(32) }))).not.toEqual(neutral);
	});

	it('makes nothing when no day is left', async () => {
		const finished = summarise(
			programme,
			{ programmeId: 'uit-de-band', run: 1, startedAt: NOW.getTime(), status: 'active' },
			[1, 2, 3].map((d) => ({
				id: `uit-de-band:1:${d}`,
				programmeId: 'uit-de-band',
				run: 1,
				day: d,
				sessionId: `s${d}`,
				completedAt: NOW.getTime()
			})),
			'uit-de-band',
			NOW.getTime()
		);
		expect(await programmeCalendarFile(finished, options)).toBeUndefined();
	});
});
