import type { LocalizedText } from '../content/types';
import type { Programme, ProgrammePractice } from '../content/types';

/** One day of a programme as the person meets it: numbered, for their variant. */
export interface PlannedDay {
	/** From 1, counted over all weeks. */
	readonly day: number;
	/** From 1. */
	readonly week: number;
	readonly intention: LocalizedText;
	readonly practice: readonly ProgrammePractice[];
	readonly reading?: LocalizedText;
}

/** The days of a programme in order, with the chosen variant's changes applied. */
export function plannedDays(programme: Programme, variant?: string): PlannedDay[] {
	const out: PlannedDay[] = [];
	programme.weeks.forEach((week, w) => {
		for (const content of week.days) {
			const change = variant ? content.variants?.[variant] : undefined;
			out.push({
				day: out.length + 1,
				week: w + 1,
				intention: change?.intention ?? content.intention,
				practice: change?.practice ?? content.practice,
				...(content.reading && { reading: content.reading })
			});
		}
	});
	return out;
}

/** A day done, as progress needs it. */
export interface DoneDay {
	run: number;
	day: number;
	completedAt: number;
}

/** Where a person is in one run of a programme. */
export interface ProgrammeProgress {
	readonly total: number;
	/** Days done in this run. */
	readonly done: ReadonlySet<number>;
	/** The day to practise next: the first not yet done. Undefined once every day is done. */
	readonly nextDay: number | undefined;
	readonly finished: boolean;
}

/**
 * Progress counts days done, never calendar days: a day missed is simply still there, so the
 * next day is the first one not done in this run, however long ago the last one was.
 */
export function progressOf(
	total: number,
	run: number,
	days: readonly DoneDay[]
): ProgrammeProgress {
	const done = new Set(
		days.filter((d) => d.run === run && d.day >= 1 && d.day <= total).map((d) => d.day)
	);
	let nextDay: number | undefined;
	for (let day = 1; day <= total; day++) {
		if (!done.has(day)) {
			nextDay = day;
			break;
		}
	}
	return { total, done, nextDay, finished: nextDay === undefined };
}

/** The days still to do, in order (for the calendar): the next day and every one after it not done. */
export function remainingDays(progress: ProgrammeProgress): number[] {
	const out: number[] = [];
	for (let day = progress.nextDay ?? progress.total + 1; day <= progress.total; day++) {
		if (!progress.done.has(day)) out.push(day);
	}
	return out;
}
