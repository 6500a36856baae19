import { downloadFile } from '../platform/download';
import { programmeCalendarFile } from '../programmes/calendar-file';
import type { ProgrammeSummary } from '../programmes/summary';
import { discreet } from './discreet.svelte';
import { preferences } from './preferences.svelte';
import { loadJournal } from './gateway';

/**
 * Downloads the calendar file of a followed programme with the person's remembered choices.
 * Returns false when no day is left.
 */
export async function downloadProgrammeCalendar(
	summary: ProgrammeSummary,
	{ time, alarm }: { time: string; alarm: boolean },
	now = new Date()
): Promise<boolean> {
	const file = await programmeCalendarFile(summary, {
		time,
		alarm,
		style: preferences.get('calendarStyle'),
		link: preferences.get('calendarLink'),
		discreet: await discreetOn(),
		key: calendarKey(),
		origin: location.origin,
		now
	});
	if (!file) return false;
	downloadFile(file.name, file.text, 'text/calendar;charset=utf-8');
	return true;
}

/**
 * Whether discreet mode is on, asking the database too: the early copy in localStorage may
 * have been cleared. When that cannot be read, the file is made neutral.
 */
async function discreetOn(): Promise<boolean> {
	if (discreet.on) return true;
	try {
		return (await (await loadJournal()).settings()).discreet;
	} catch (error) {
		console.warn('Could not read discreet mode; the calendar file is neutral', error);
		return true;
	}
}

/** The device's calendar key, made (128 random bits) and remembered the first time. */
function calendarKey(): string {
	const stored = preferences.get('calendarKey');
	if (stored) return stored;
	const key = [...crypto.getRandomValues(new Uint8Array(16))]
		.map((byte) => byte.toString(16).padStart(2, '0'))
		.join('');
	preferences.set('calendarKey', key);
	return key;
}
