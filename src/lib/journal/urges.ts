/**
 * Urge moments in the journal, and the no-contact day count: pure, on local days.
 * A contact after an urge is information, never a failure: the count starts again quietly
 * and the words around it say so (see the journal screen).
 */
import type { DayGroup } from './stats';
import { localDayKey } from '../records/days';

/** What the journal needs of an urge moment. */
export interface UrgeMoment {
	id: string;
	startedAt: number;
	contact?: 'no' | 'yes' | 'unsaid';
	/** The breathing sessions done inside this urge's flow. */
	sessionIds?: readonly string[];
}

/** What the journal needs of a session to place it in its day. */
export interface TimedSession {
	id: string;
	startedAt: number;
}

/**
 * One line of a day in the journal: a session on its own, or an urge moment with the
 * breathing done inside its flow (oldest first), which belongs to it rather than standing apart.
 */
export type JournalEntry<S, U> =
	| { kind: 'session'; session: S; startedAt: number }
	| { kind: 'urge'; urge: U; sessions: S[]; startedAt: number };

/** A day in the journal: one timeline of sessions and urge moments, newest first. */
export interface JournalDayGroup<S, U> {
	day: string;
	entries: JournalEntry<S, U>[];
}

/**
 * Sessions grouped by day (newest day first, as groupByDay gives them) joined with urges on
 * the same local days into one timeline per day, newest first; a day with only urges gets a
 * group of its own, in its place. A session an urge names as its own breathing is shown in
 * that urge's entry, not as a line of its own.
 */
export function joinUrges<S extends TimedSession, U extends UrgeMoment>(
	groups: readonly DayGroup<S>[],
	urges: readonly U[]
): JournalDayGroup<S, U>[] {
	const ownerOf = new Map<string, U>();
	for (const urge of urges) {
		for (const id of urge.sessionIds ?? []) ownerOf.set(id, urge);
	}
	const breathsOf = new Map<string, S[]>();
	for (const session of groups.flatMap((g) => g.sessions)) {
		const owner = ownerOf.get(session.id);
		if (owner) breathsOf.set(owner.id, [...(breathsOf.get(owner.id) ?? []), session]);
	}
	const urgesByDay = new Map<string, JournalEntry<S, U>[]>();
	for (const urge of urges) {
		const day = localDayKey(urge.startedAt);
		const sessions = (breathsOf.get(urge.id) ?? []).sort((a, b) => a.startedAt - b.startedAt);
		const entry = { kind: 'urge' as const, urge, sessions, startedAt: urge.startedAt };
		urgesByDay.set(day, [...(urgesByDay.get(day) ?? []), entry]);
	}
	const joined: JournalDayGroup<S, U>[] = groups.map((g) => {
		// A day can appear twice after travel across time zones: its urges go with the first.
		const dayUrges = urgesByDay.get(g.day) ?? [];
		urgesByDay.delete(g.day);
		const sessions: JournalEntry<S, U>[] = g.sessions
			.filter((session) => !ownerOf.has(session.id))
			.map((session) => ({ kind: 'session', session, startedAt: session.startedAt }));
		return { day: g.day, entries: newestFirst([...sessions, ...dayUrges]) };
	});
	for (const [day, entries] of urgesByDay) joined.push({ day, entries: newestFirst(entries) });
	// Day keys sort as text: YYYY-MM-DD. A day whose only session is an urge's breathing,
	// kept on the urge's day, has nothing of its own left to show.
	return joined
		.filter((g) => g.entries.length > 0)
		.sort((a, b) => (a.day < b.day ? 1 : a.day > b.day ? -1 : 0));
}

/** Entries by the moment they began, newest first. */
function newestFirst<E extends { startedAt: number }>(entries: E[]): E[] {
	return entries.sort((a, b) => b.startedAt - a.startedAt);
}

/** The no-contact count: whole local days since the start, or since the last contact. */
export interface NoContactCount {
	days: number;
	/** Counted from a contact after an urge (the count began again), or from the chosen start. */
	from: 'start' | 'contact';
}

/**
 * Days without contact on `nowMs`'s local day: counted from the later of the chosen start
 * day and the last day an urge ended in contact. Day 0 is the day itself.
 */
export function noContactCount(
	startDay: string,
	lastContactMs: number | undefined,
	nowMs: number
): NoContactCount {
	const contactDay = lastContactMs === undefined ? undefined : localDayKey(lastContactMs);
	const fromContact = contactDay !== undefined && contactDay >= startDay;
	const from = fromContact ? contactDay : startDay;
	return {
		days: Math.max(0, daysBetween(from, localDayKey(nowMs))),
		from: fromContact ? 'contact' : 'start'
	};
}

/** Whole days from one day key to another, counted on the calendar (no clock change bends it). */
function daysBetween(fromKey: string, toKey: string): number {
	const utc = (key: string) => {
		const [y, m, d] = key.split('-').map(Number) as [number, number, number];
		return Date.UTC(y, m - 1, d);
	};
	return Math.round((utc(toKey) - utc(fromKey)) / 86_400_000);
}
