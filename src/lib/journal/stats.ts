/**
 * What the journal shows about practice over time: minutes, days, how tense the person felt
 * before and after. Pure functions over session records (no Dexie, no DOM); every day, week and
 * month is a local calendar one (see ./days), weeks start on Monday.
 *
 * The inputs are `Pick`s of SessionRecord so callers can pass light objects.
 */
import { roundDistanceM } from '../engine/boundary';
import type { SessionRecord } from '../records/sessions';
import {
	addLocalDays,
	dayKeyStart,
	isDayKey,
	lastLocalWeekStarts,
	localDayKey,
	startOfLocalWeek
} from '../records/days';

/** What practiceTotals and weeklyMinutes need of a session. */
export type TimedSession = Pick<SessionRecord, 'startedAt' | 'day' | 'activeMs'>;

/** What weeklyDistress needs of a session. */
export type RatedSession = Pick<SessionRecord, 'startedAt' | 'distressBefore' | 'distressAfter'>;

/** What changeByExercise needs of a session. */
export type RatedExerciseSession = Pick<
	SessionRecord,
	'exerciseId' | 'distressBefore' | 'distressAfter'
>;

/** Minutes practised, distinct days practised on and the number of sessions in a span. */
export interface PracticeTotals {
	minutes: number;
	days: number;
	sessions: number;
}

/** Practice in one local week; `weekStart` is epoch ms of Monday 00:00 local. */
export interface WeekMinutes {
	weekStart: number;
	minutes: number;
	days: number;
}

/** Average distress in one local week over the sessions rated both before and after. */
export interface WeekDistress {
	weekStart: number;
	/** Undefined when no session that week was rated both before and after. */
	before?: number;
	after?: number;
	/** How many sessions the averages are over. */
	rated: number;
}

/** Average change in distress (after − before) for one exercise. */
export interface ExerciseChange {
	exerciseId: string;
	averageChange: number;
	/** The averages themselves, so the change can be told as "from 6.2 to 4.1". */
	averageBefore: number;
	averageAfter: number;
	rated: number;
}

/** How many days in a row the person practised, and how that run stands today. */
export interface Streak {
	days: number;
	/**
	 * 'today': the run ends today. 'yesterday': it ends yesterday and is still alive. 'welcome-back':
	 * there was practice, but not since before yesterday (the UI welcomes, never scolds).
	 * 'none': no practice at all.
	 */
	state: 'today' | 'yesterday' | 'welcome-back' | 'none';
}

/** What stopDistances needs of a session. */
export type BoundarySession = Pick<SessionRecord, 'startedAt' | 'day' | 'rounds'>;

/** Where the person said Stop in one session of the boundary exercise. */
export interface SessionStopDistance {
	startedAt: number;
	day: string;
	/** Average stop distance in metres, to 0.1; undefined when no round had a stop. */
	averageM?: number;
	/** Rounds in which the person said Stop. */
	stops: number;
	/** Every round of the session. */
	rounds: number;
}

/** Sessions of one local day, in the order they came in. */
export interface DayGroup<T> {
	day: string;
	sessions: T[];
}

const MS_PER_MINUTE = 60_000;

/** Rounds to one decimal, never answering -0 (it would print as "-0"). */
function roundToTenth(value: number): number {
	const rounded = Math.round(value * 10) / 10;
	return rounded === 0 ? 0 : rounded;
}

/** Plain code-unit order: ids are slugs, and the order must not change with the locale. */
function compareCodeUnits(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/** Both ratings present: the only sessions an average before/after may use. */
function isRatedBoth<T extends Pick<SessionRecord, 'distressBefore' | 'distressAfter'>>(
	session: T
): session is T & { distressBefore: number; distressAfter: number } {
	return session.distressBefore !== undefined && session.distressAfter !== undefined;
}

/** Totals of a list already narrowed to the span; shared by practiceTotals and weeklyMinutes. */
function totalsOf(sessions: readonly TimedSession[]): PracticeTotals {
	let activeMs = 0;
	const days = new Set<string>();
	for (const session of sessions) {
		activeMs += session.activeMs;
		// Opening an exercise and leaving at once is not practice.
		if (session.activeMs > 0) days.add(session.day);
	}
	// The total is rounded, not each session: ten 20-second sessions are 3 minutes, not 0.
	return {
		minutes: Math.round(activeMs / MS_PER_MINUTE),
		days: days.size,
		sessions: sessions.length
	};
}

/**
 * Sessions started in [fromMs, toMs): whole minutes practised (running sessions count with the
 * time so far), distinct local days with any practice, and the number of sessions.
 */
export function practiceTotals(
	sessions: readonly TimedSession[],
	fromMs: number,
	toMs: number
): PracticeTotals {
	return totalsOf(sessions.filter((s) => s.startedAt >= fromMs && s.startedAt < toMs));
}

/** Sorts sessions into the last `weeks` local weeks, oldest first; others are left out. */
function byWeek<T extends Pick<SessionRecord, 'startedAt'>>(
	sessions: readonly T[],
	nowMs: number,
	weeks: number
): { weekStart: number; sessions: T[] }[] {
	const buckets = lastLocalWeekStarts(nowMs, weeks).map((weekStart) => ({
		weekStart,
		sessions: [] as T[]
	}));
	const index = new Map(buckets.map((bucket, i) => [bucket.weekStart, i]));
	for (const session of sessions) {
		// Both sides come from the same local-midnight construction, so equal weeks are equal ms.
		const i = index.get(startOfLocalWeek(session.startedAt));
		if (i !== undefined) buckets[i]!.sessions.push(session);
	}
	return buckets;
}

/**
 * Minutes and practised days for each of the last `weeks` local weeks, oldest first; the current
 * week, still under way, is last. Always exactly `weeks` entries: an empty week is zeros.
 */
export function weeklyMinutes(
	sessions: readonly TimedSession[],
	nowMs: number,
	weeks: number
): WeekMinutes[] {
	return byWeek(sessions, nowMs, weeks).map(({ weekStart, sessions: inWeek }) => {
		const { minutes, days } = totalsOf(inWeek);
		return { weekStart, minutes, days };
	});
}

/**
 * Average distress before and after for each of the last `weeks` local weeks, oldest first, over
 * the sessions rated both before and after (so the two averages describe the same sessions).
 */
export function weeklyDistress(
	sessions: readonly RatedSession[],
	nowMs: number,
	weeks: number
): WeekDistress[] {
	return byWeek(sessions, nowMs, weeks).map(({ weekStart, sessions: inWeek }) => {
		const rated = inWeek.filter(isRatedBoth);
		if (rated.length === 0) return { weekStart, rated: 0 };
		const sum = (pick: (s: (typeof rated)[number]) => number) =>
			rated.reduce((total, s) => total + pick(s), 0);
		return {
			weekStart,
			before: roundToTenth(sum((s) => s.distressBefore) / rated.length),
			after: roundToTenth(sum((s) => s.distressAfter) / rated.length),
			rated: rated.length
		};
	});
}

/**
 * Average change in distress (after − before) per exercise, over sessions rated both before and
 * after; a missing rating leaves the session out rather than counting as 0. Most-rated first,
 * then by exercise id; exercises without such a session are absent.
 */
export function changeByExercise(sessions: readonly RatedExerciseSession[]): ExerciseChange[] {
	const totals = new Map<string, { before: number; after: number; rated: number }>();
	for (const session of sessions) {
		if (!isRatedBoth(session)) continue;
		const entry = totals.get(session.exerciseId) ?? { before: 0, after: 0, rated: 0 };
		entry.before += session.distressBefore;
		entry.after += session.distressAfter;
		entry.rated += 1;
		totals.set(session.exerciseId, entry);
	}
	return [...totals]
		.map(([exerciseId, { before, after, rated }]) => ({
			exerciseId,
			averageChange: roundToTenth((after - before) / rated),
			averageBefore: roundToTenth(before / rated),
			averageAfter: roundToTenth(after / rated),
			rated
		}))
		.sort((a, b) => b.rated - a.rated || compareCodeUnits(a.exerciseId, b.exerciseId));
}

/**
 * Days in a row with practice, ending today or yesterday (a run that ends yesterday is alive:
 * there is still today). Counted on the local calendar, so a DST change never breaks a run.
 */
export function streak(practisedDays: readonly string[], nowMs: number): Streak {
	const days = new Set(practisedDays.filter(isDayKey));
	if (days.size === 0) return { days: 0, state: 'none' };

	const today = localDayKey(nowMs);
	const yesterday = localDayKey(addLocalDays(nowMs, -1));
	const end = days.has(today) ? today : days.has(yesterday) ? yesterday : undefined;
	if (end === undefined) return { days: 0, state: 'welcome-back' };

	let count = 0;
	for (let day = dayKeyStart(end); days.has(localDayKey(day)); day = addLocalDays(day, -1)) {
		count += 1;
	}
	return { days: count, state: end === today ? 'today' : 'yesterday' };
}

/**
 * Per session of the boundary exercise, in the order given: the average distance at which the
 * person said Stop, over the rounds with a stop only (a round that ran to the closest distance
 * has no stop and is not a distance of 0), and how many rounds had one.
 */
export function stopDistances(sessions: readonly BoundarySession[]): SessionStopDistance[] {
	return sessions.map(({ startedAt, day, rounds = [] }) => {
		const stops = rounds.flatMap((round) =>
			round.stopDistanceM === undefined ? [] : [round.stopDistanceM]
		);
		const total = stops.reduce((sum, distance) => sum + distance, 0);
		return {
			startedAt,
			day,
			...(stops.length > 0 && { averageM: roundDistanceM(total / stops.length) }),
			stops: stops.length,
			rounds: rounds.length
		};
	});
}

/**
 * Groups sessions by their local day, keeping the input order. The input is sorted by
 * `startedAt` (newest first), so sessions of one day are adjacent and one pass is enough.
 */
export function groupByDay<T extends Pick<SessionRecord, 'day'>>(
	sessions: readonly T[]
): DayGroup<T>[] {
	const groups: DayGroup<T>[] = [];
	for (const session of sessions) {
		const last = groups.at(-1);
		if (last?.day === session.day) last.sessions.push(session);
		else groups.push({ day: session.day, sessions: [session] });
	}
	return groups;
}
