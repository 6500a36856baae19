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
}

/** A day in the journal: its sessions and its urge moments, each newest first. */
export interface JournalDayGroup<S, U> extends DayGroup<S> {
	urges: U[];
}

/**
 * Sessions grouped by day (newest day first, as groupByDay gives them) joined with urges on
 * the same local days; a day with only urges gets a group of its own, in its place.
 */
export function joinUrges<S, U extends UrgeMoment>(
	groups: readonly DayGroup<S>[],
	urges: readonly U[]
): JournalDayGroup<S, U>[] {
	const byDay = new Map<string, U[]>();
	for (const urge of [...urges].sort((a, b) => b.startedAt - a.startedAt)) {
		const day = localDayKey(urge.startedAt);
		byDay.set(day, [...(byDay.get(day) ?? []), urge]);
	}
	const joined: JournalDayGroup<S, U>[] = groups.map((g) => ({
		...g,
		urges: byDay.get(g.day) ?? []
	}));
	const known = new Set(groups.map((g) => g.day));
	for (const [day, dayUrges] of byDay) {
		if (!known.has(day)) joined.push({ day, sessions: [], urges: dayUrges });
	}
	// Day keys sort as text: YYYY-MM-DD.
	return joined.sort((a, b) => (a.day < b.day ? 1 : a.day > b.day ? -1 : 0));
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
