import type { Programme } from '../content/types';
import { localDayKey } from '../records/days';
import type { ProgrammeDayRecord, ProgrammeRecord } from '../records/programmes';
import { plannedDays, progressOf, type PlannedDay, type ProgrammeProgress } from './progress';

/** What the screens show about one programme and the person's place in it. */
export interface ProgrammeSummary {
	readonly programme: Programme;
	/** Absent when the programme was never started. */
	readonly record?: ProgrammeRecord;
	/** The days for the chosen variant (or the programme's own days). */
	readonly days: readonly PlannedDay[];
	readonly progress: ProgrammeProgress;
	/** The day to practise next, when the programme is followed and not finished. */
	readonly next?: PlannedDay;
	readonly isCurrent: boolean;
	/** A day of this run was done today (the next one is then offered without hurry). */
	readonly doneToday: boolean;
	/** Followed (active or paused), not left. */
	readonly following: boolean;
}

/** Puts a programme together with its record and days done into what the screens show. */
export function summarise(
	programme: Programme,
	record: ProgrammeRecord | undefined,
	doneDays: readonly ProgrammeDayRecord[],
	currentId: string | undefined,
	nowMs: number
): ProgrammeSummary {
	const days = plannedDays(programme, record?.variant);
	const run = record?.run ?? 1;
	const progress = progressOf(days.length, record ? run : 0, doneDays);
	const following = record !== undefined && record.status !== 'left';
	const today = localDayKey(nowMs);
	const next = following && progress.nextDay ? days[progress.nextDay - 1] : undefined;
	return {
		programme,
		...(record && { record }),
		days,
		progress,
		...(next && { next }),
		isCurrent: following && currentId === programme.id,
		doneToday: doneDays.some((d) => d.run === run && localDayKey(d.completedAt) === today),
		following
	};
}
