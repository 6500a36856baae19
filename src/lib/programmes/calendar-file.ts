/** A followed programme's calendar file: one reminder event per day left, in words or neutral. */
import { localized } from '../i18n/text';
import { localDayKey } from '../records/days';
import { m } from '../paraglide/messages';
import { localizeHref } from '../paraglide/runtime';
import type { CalendarStyle } from '../settings/schema';
import { eventUid, firstReminderDate, programmeCalendar, type CalendarDay } from './ics';
import { remainingDays } from './progress';
import type { ProgrammeSummary } from './summary';

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

/** How a calendar file is made. */
export interface CalendarOptions {
	/** Local time of every event, HH:MM. */
	time: string;
	/** An alert from the calendar at that time. */
	alarm: boolean;
	/** The person's choice: neutral events, or the programme and each day's text. */
	style: CalendarStyle;
	/** The person's choice: a link into the app on every event. */
	link: boolean;
	/** Discreet mode: neutral and without a link, whatever was chosen. */
	discreet: boolean;
	/** The device's calendar key (setting `calendarKey`), which keeps UIDs stable. */
	key: string;
	/** The app's origin, for links. */
	origin: string;
	now: Date;
}

/** A file to hand to the browser. */
export interface CalendarFile {
	name: string;
	text: string;
}

/**
 * The calendar file of a followed programme: one event per remaining day, daily at `time`
 * (local), from today when that time is still ahead; undefined when no day is left.
 *
 * Neutral unless the person chose otherwise, and always in discreet mode: every event is
 * called "Moment voor mezelf", with no text, and a link only when asked for, to the app's
 * home (a programme's address names it). The file's name is neutral in every case. UIDs are
 * the same whatever was chosen, so downloading again with another choice updates the events.
 */
export async function programmeCalendarFile(
	summary: ProgrammeSummary,
	options: CalendarOptions
): Promise<CalendarFile | undefined> {
	const record = summary.record;
	const days = remainingDays(summary.progress);
	if (!record || days.length === 0) return undefined;
	const descriptive = options.style === 'descriptive' && !options.discreet;
	const link = options.link && !options.discreet;
	const neutralName = m.programme_calendar_neutral_name();
	const title = localized(summary.programme.title);
	const home = `${options.origin}${localizeHref('/')}`;

	const events = await Promise.all(
		days.map(async (day): Promise<CalendarDay> => {
			const uid = await eventUid(options.key, summary.programme.id, record.run, day);
			if (!descriptive) {
				return { uid, summary: neutralName, ...(link && { description: home, url: home }) };
			}
			const planned = summary.days[day - 1];
			const url = programmeDayUrl(summary.programme.id, day, options.origin);
			const text = [planned ? localized(planned.intention) : '', link ? url : '']
				.filter(Boolean)
				.join('\n\n');
			return {
				uid,
				summary: m.programme_calendar_event({ day: String(day), title }),
				...(text && { description: text }),
				...(link && { url })
			};
		})
	);
	const text = programmeCalendar({
		calendarName: descriptive ? m.programme_calendar_name({ title }) : neutralName,
		days: events,
		firstDate: firstReminderDate(options.now, options.time),
		time: options.time,
		durationMinutes: EVENT_MINUTES,
		now: options.now,
		...(options.alarm && {
			alarm: descriptive ? m.programme_calendar_alarm_text() : neutralName
		})
	});
	const name = `${m.programme_calendar_file({ date: localDayKey(options.now.getTime()) })}.ics`;
	return { name, text };
}
