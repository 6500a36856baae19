import { findExercise } from '../content/catalogue';
import { roundDistanceM } from '../engine/boundary';
import { localized } from './text';
import { isOwnId, OWN_PREFIX } from '../settings/schema';
import { dayKeyStart, localDayKey, addLocalDays } from '../records/days';
import type { CsvFormat, CsvLabels } from '../records/export-file';
import {
	BOUNDARY_SOLO_ID,
	BOUNDARY_TOGETHER_ID,
	type BoundaryRoundRecord
} from '../records/sessions';
import { m } from '../paraglide/messages';
import { getLocale } from '../paraglide/runtime';

/**
 * An exercise's title in the app's language; an id no longer in the app stays as it is. Own
 * patterns are named from `ownNames` (pattern id to name), which the player keeps.
 */
export function titleOfExercise(
	exerciseId: string,
	ownNames: ReadonlyMap<string, string> = new Map()
): string {
	// The boundary exercise is built into the app, not an exercise file in the catalogue.
	if (exerciseId === BOUNDARY_SOLO_ID) return m.boundary_title();
	if (exerciseId === BOUNDARY_TOGETHER_ID) {
		return `${m.boundary_title()} (${m.together_title().toLocaleLowerCase(intlLocale())})`;
	}
	// An own pattern by its name; once deleted, by what kind of exercise it was.
	if (isOwnId(exerciseId)) {
		return ownNames.get(exerciseId.slice(OWN_PREFIX.length)) ?? m.pattern_fallback_title();
	}
	const exercise = findExercise(exerciseId);
	return exercise ? localized(exercise.title) : exerciseId;
}

/** The locale for Intl formatting in the app's language. */
export const intlLocale = () => (getLocale() === 'nl' ? 'nl-NL' : 'en-GB');

/** A journal day heading: "Vandaag", "Gisteren", or "zaterdag 14 november" (with the year when not this one). */
export function formatDayHeading(dayKey: string, nowMs = Date.now()): string {
	if (dayKey === localDayKey(nowMs)) return capitalise(m.today());
	if (dayKey === localDayKey(addLocalDays(nowMs, -1))) return capitalise(m.yesterday());
	const date = new Date(dayKeyStart(dayKey));
	const sameYear = date.getFullYear() === new Date(nowMs).getFullYear();
	return capitalise(
		date.toLocaleDateString(intlLocale(), {
			weekday: 'long',
			day: 'numeric',
			month: 'long',
			...(!sameYear && { year: 'numeric' })
		})
	);
}

/** A date for a range: "14 november 2026". */
export function formatDate(dayKey: string): string {
	return new Date(dayKeyStart(dayKey)).toLocaleDateString(intlLocale(), {
		day: 'numeric',
		month: 'long',
		year: 'numeric'
	});
}

/** The local time of day: "14:05". */
export function formatTime(epochMs: number): string {
	return new Date(epochMs).toLocaleTimeString(intlLocale(), { hour: '2-digit', minute: '2-digit' });
}

/** A week's short label under a chart bar: "16 nov". */
export function weekLabel(weekStartMs: number): string {
	return new Date(weekStartMs).toLocaleDateString(intlLocale(), { day: 'numeric', month: 'short' });
}

/** A day's short label under a chart point: "21 nov". */
export function shortDate(dayKey: string): string {
	return weekLabel(dayKeyStart(dayKey));
}

/**
 * One round of the boundary exercise as the session page lists it: "Ronde 1: gestopt op 2,4 m,
 * teruggestuurd". `round` counts from 1. With a trusted person a distance may be in steps, in
 * metres or not noted; on the screen a round without a stop stayed at the closest distance.
 */
export function boundaryRoundText(
	record: BoundaryRoundRecord,
	round: number,
	together: boolean
): string {
	const n = String(round);
	let text: string;
	if (together && record.stopSteps !== undefined) {
		text = m.together_round_steps({ round: n, steps: String(record.stopSteps) });
	} else if (record.stopDistanceM !== undefined) {
		const distance = formatMetres(record.stopDistanceM);
		text = m.boundary_round_stopped({ round: n, distance });
	} else {
		// A solo round may also end without a stop: sent back, or the person was done.
		text =
			!together && record.reachedMinimum
				? m.boundary_round_waited({ round: n })
				: m.together_round_none({ round: n });
	}
	return record.wentBack ? `${text}, ${m.boundary_round_back()}` : text;
}

/** A size in bytes as people read it: "850 kB", "3,2 MB". */
export function formatBytes(bytes: number): string {
	const units = ['B', 'kB', 'MB', 'GB'];
	let size = bytes;
	let unit = 0;
	while (size >= 1000 && unit < units.length - 1) {
		size /= 1000;
		unit += 1;
	}
	const digits = unit === 0 || size >= 100 ? 0 : 1;
	return `${size.toLocaleString(intlLocale(), { maximumFractionDigits: digits })} ${units[unit]}`;
}

/** The CSV's separator and decimal mark for the spreadsheets of the app's language. */
export function csvFormat(): CsvFormat {
	// Dutch spreadsheets split on semicolons and read a decimal comma; English ones, commas.
	return getLocale() === 'nl' ? { separator: ';', decimal: ',' } : { separator: ',', decimal: '.' };
}

/** The CSV's column headers in the app's language. */
export function csvLabels(): CsvLabels {
	return {
		date: m.csv_date(),
		time: m.csv_time(),
		exercise: m.csv_exercise(),
		minutes: m.csv_minutes(),
		status: m.csv_status(),
		distressBefore: m.csv_distress_before(),
		distressAfter: m.csv_distress_after(),
		note: m.csv_note()
	};
}

function capitalise(text: string): string {
	return text.charAt(0).toLocaleUpperCase(intlLocale()) + text.slice(1);
}

/**
 * A distance of the boundary exercise in the language's style, "3,2 m": rounded by the one
 * rule the live status, the summary and the journal share.
 */
export function formatMetres(distanceM: number): string {
	return m.boundary_metres({ metres: formatDecimal(roundDistanceM(distanceM)) });
}

/**
 * The labels under the stop-distance chart, one per session: its date, and its time too when
 * another session shares that date, so no two points carry the same label.
 */
export function stopChartLabels(
	sessions: readonly { readonly day: string; readonly startedAt: number }[]
): string[] {
	const perDay = new Map<string, number>();
	for (const { day } of sessions) perDay.set(day, (perDay.get(day) ?? 0) + 1);
	return sessions.map(({ day, startedAt }) =>
		(perDay.get(day) ?? 0) > 1 ? `${shortDate(day)} ${formatTime(startedAt)}` : shortDate(day)
	);
}

/** A number with at most one decimal in the language's style: "6,5" or "6.5". */
export function formatDecimal(value: number): string {
	return value.toLocaleString(intlLocale(), { maximumFractionDigits: 1 });
}
