import { downloadFile } from '../device/download';
import { localized } from '../i18n/text';
import { m } from '../paraglide/messages';
import { localizeHref } from '../paraglide/runtime';
import { firstReminderDate, programmeCalendar } from '../programmes/ics';
import { remainingDays } from '../programmes/progress';
import type { ProgrammeSummary } from '../programmes/summary';

/** Minutes a reminder event lasts in the calendar: about one day's practice. */
const EVENT_MINUTES = 10;

/** The app's address of a programme day (the programme's page, which offers the next day). */
export function programmeDayUrl(
	programmeId: string,
	day: number,
	origin = location.origin
): string {
	return `${origin}${localizeHref('/programma')}?id=${encodeURIComponent(programmeId)}&dag=${day}`;
}

/**
 * Downloads an .ics file with one event per remaining day of a followed programme, daily at
 * `time` (local), from today when that time is still ahead. Returns false when no day is left.
 */
export function downloadProgrammeCalendar(
	summary: ProgrammeSummary,
	time: string,
	alarm: boolean,
	now = new Date()
): boolean {
	const record = summary.record;
	const days = remainingDays(summary.progress);
	if (!record || days.length === 0) return false;
	const title = localized(summary.programme.title);
	const text = programmeCalendar({
		programmeId: summary.programme.id,
		run: record.run,
		calendarName: m.programme_calendar_name({ title }),
		days: days.map((day) => {
			const url = programmeDayUrl(summary.programme.id, day);
			const planned = summary.days[day - 1];
			return {
				day,
				summary: m.programme_calendar_event({ day: String(day), title }),
				description: `${planned ? localized(planned.intention) : ''}\n\n${url}`,
				url
			};
		}),
		firstDate: firstReminderDate(now, time),
		time,
		durationMinutes: EVENT_MINUTES,
		now,
		...(alarm && { alarm: m.programme_calendar_alarm_text() })
	});
	downloadFile(`rustpunt-${summary.programme.id}.ics`, text, 'text/calendar;charset=utf-8');
	return true;
}
