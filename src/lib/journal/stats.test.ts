// Pin the zone before any Date is made: weeks and days are local, and Europe/Amsterdam has both
// DST changes (29 March and 25 October 2026, both Sundays).
const originalTz = process.env.TZ;
process.env.TZ = 'Europe/Amsterdam';

import { afterAll, describe, expect, it } from 'vitest';
import type { SessionRecord } from '../records/sessions';
import { localDayKey } from '../records/days';
import {
	changeByExercise,
	groupByDay,
	practiceTotals,
	stopDistances,
	streak,
	weeklyDistress,
	weeklyMinutes
} from './stats';

afterAll(() => {
	if (originalTz === undefined) delete process.env.TZ;
	else process.env.TZ = originalTz;
});

const MINUTE = 60_000;
/** Epoch ms of a local wall-clock time (month 1-12). */
const local = (y: number, m: number, d: number, h = 0, min = 0) =>
	new Date(y, m - 1, d, h, min).getTime();

type Light = Pick<
	SessionRecord,
	'exerciseId' | 'startedAt' | 'day' | 'activeMs' | 'status' | 'distressBefore' | 'distressAfter'
>;

/** A light session started at `startedAt`, its day derived the way the store does. */
function session(startedAt: number, minutes: number, extra: Partial<Light> = {}): Light {
	return {
		exerciseId: 'box',
		startedAt,
		day: localDayKey(startedAt),
		activeMs: minutes * MINUTE,
		status: 'completed',
		...extra
	};
}

describe('the test time zone', () => {
	it('is Amsterdam, with summer time from the last Sunday of March', () => {
		expect(new Date(2026, 2, 29, 12).getTimezoneOffset()).toBe(-120);
		expect(new Date(2026, 2, 28, 12).getTimezoneOffset()).toBe(-60);
	});
});

describe('practiceTotals', () => {
	const may12 = local(2026, 5, 12);
	const may13 = local(2026, 5, 13);

	it('counts a session at 23:59 in its day and one at 00:01 in the next', () => {
		const late = session(local(2026, 5, 12, 23, 59), 5);
		const early = session(local(2026, 5, 13, 0, 1), 7);
		expect(practiceTotals([late, early], may12, may13)).toEqual({
			minutes: 5,
			days: 1,
			sessions: 1
		});
		expect(practiceTotals([late, early], may13, local(2026, 5, 14))).toEqual({
			minutes: 7,
			days: 1,
			sessions: 1
		});
		expect(practiceTotals([late, early], may12, local(2026, 5, 14)).days).toBe(2);
	});

	it('rounds the total of minutes, not each session', () => {
		const short = Array.from({ length: 10 }, (_, i) => ({
			...session(local(2026, 5, 12, 9, i), 0),
			activeMs: 20_000
		}));
		expect(practiceTotals(short, may12, may13).minutes).toBe(3);
	});

	it('counts a running session with the time practised so far', () => {
		const running = session(local(2026, 5, 12, 10), 4, { status: 'running' });
		expect(practiceTotals([running], may12, may13)).toEqual({ minutes: 4, days: 1, sessions: 1 });
	});

	it('does not count a day whose only session has no active time', () => {
		const opened = session(local(2026, 5, 12, 10), 0, { status: 'stopped' });
		expect(practiceTotals([opened], may12, may13)).toEqual({ minutes: 0, days: 0, sessions: 1 });
	});

	it('counts several sessions on one day as one day', () => {
		const morning = session(local(2026, 5, 12, 8), 3);
		const evening = session(local(2026, 5, 12, 21), 4);
		expect(practiceTotals([morning, evening], may12, may13)).toEqual({
			minutes: 7,
			days: 1,
			sessions: 2
		});
	});

	it('splits a month at local midnight on the first', () => {
		const lastOfMarch = session(local(2026, 3, 31, 23, 59), 2);
		const firstOfApril = session(local(2026, 4, 1, 0, 1), 3);
		const all = [lastOfMarch, firstOfApril];
		expect(practiceTotals(all, local(2026, 3, 1), local(2026, 4, 1)).minutes).toBe(2);
		expect(practiceTotals(all, local(2026, 4, 1), local(2026, 5, 1)).minutes).toBe(3);
	});
});

describe('weeklyMinutes', () => {
	it('returns exactly the weeks asked for, oldest first, with zeros for empty weeks', () => {
		const now = local(2026, 5, 14, 12); // a Thursday
		const weeks = weeklyMinutes([session(local(2026, 5, 12, 9), 10)], now, 4);
		expect(weeks.map((w) => localDayKey(w.weekStart))).toEqual([
			'2026-04-20',
			'2026-04-27',
			'2026-05-04',
			'2026-05-11'
		]);
		expect(weeks.map((w) => [w.minutes, w.days])).toEqual([
			[0, 0],
			[0, 0],
			[0, 0],
			[10, 1]
		]);
	});

	it('starts a week at Monday 00:00 local: Sunday 23:59 belongs to the week before', () => {
		const now = local(2026, 5, 20, 12);
		const sunday = session(local(2026, 5, 17, 23, 59), 5);
		const monday = session(local(2026, 5, 18, 0, 0), 6);
		const weeks = weeklyMinutes([sunday, monday], now, 2);
		expect(weeks.map((w) => w.minutes)).toEqual([5, 6]);
	});

	it('keeps all seven days of the week the clocks go forward', () => {
		const now = local(2026, 3, 30, 12);
		const monday = session(local(2026, 3, 23, 0, 5), 1);
		const sunday = session(local(2026, 3, 29, 23, 55), 2);
		const weeks = weeklyMinutes([monday, sunday], now, 2);
		expect(localDayKey(weeks[0]!.weekStart)).toBe('2026-03-23');
		expect(weeks[0]).toMatchObject({ minutes: 3, days: 2 });
		expect(weeks[1]).toMatchObject({ minutes: 0, days: 0 });
	});

	it('keeps all seven days of the week the clocks go back', () => {
		const now = local(2026, 10, 26, 0, 30);
		const sunday = session(local(2026, 10, 25, 23, 30), 4);
		const weeks = weeklyMinutes([sunday], now, 2);
		expect(localDayKey(weeks[0]!.weekStart)).toBe('2026-10-19');
		expect(weeks.map((w) => w.minutes)).toEqual([4, 0]);
	});

	it('counts the running session in the current week', () => {
		const now = local(2026, 5, 14, 12);
		const running = session(local(2026, 5, 14, 11, 58), 2, { status: 'running' });
		expect(weeklyMinutes([running], now, 1)).toEqual([
			{ weekStart: local(2026, 5, 11), minutes: 2, days: 1 }
		]);
	});

	it('leaves out sessions older than the weeks asked for', () => {
		const now = local(2026, 5, 14, 12);
		const old = session(local(2026, 1, 5, 9), 30);
		expect(weeklyMinutes([old], now, 2).map((w) => w.minutes)).toEqual([0, 0]);
	});
});

describe('weeklyDistress', () => {
	const now = local(2026, 5, 14, 12);
	const at = (h: number) => local(2026, 5, 12, h);

	it('averages only sessions rated both before and after', () => {
		const weeks = weeklyDistress(
			[
				session(at(8), 5, { distressBefore: 8, distressAfter: 5 }),
				session(at(9), 5, { distressBefore: 6, distressAfter: 2 }),
				session(at(10), 5, { distressBefore: 10 }),
				session(at(11), 5, { distressAfter: 0 }),
				session(at(12), 5)
			],
			now,
			1
		);
		expect(weeks).toEqual([{ weekStart: local(2026, 5, 11), before: 7, after: 3.5, rated: 2 }]);
	});

	it('rounds averages to one decimal', () => {
		const weeks = weeklyDistress(
			[
				session(at(8), 5, { distressBefore: 7, distressAfter: 3 }),
				session(at(9), 5, { distressBefore: 7, distressAfter: 3 }),
				session(at(10), 5, { distressBefore: 6, distressAfter: 4 })
			],
			now,
			1
		);
		expect(weeks[0]).toMatchObject({ before: 6.7, after: 3.3, rated: 3 });
	});

	it('leaves the averages undefined in a week without a session rated both times', () => {
		const weeks = weeklyDistress([session(local(2026, 5, 5, 9), 5, { distressBefore: 4 })], now, 2);
		expect(weeks).toEqual([
			{ weekStart: local(2026, 5, 4), rated: 0 },
			{ weekStart: local(2026, 5, 11), rated: 0 }
		]);
	});

	it('keeps a zero rating as a rating', () => {
		const weeks = weeklyDistress(
			[session(at(8), 5, { distressBefore: 0, distressAfter: 0 })],
			now,
			1
		);
		expect(weeks[0]).toMatchObject({ before: 0, after: 0, rated: 1 });
	});
});

describe('changeByExercise', () => {
	it('averages after minus before per exercise, skipping missing ratings', () => {
		const changes = changeByExercise([
			{ exerciseId: 'box', distressBefore: 8, distressAfter: 4 },
			{ exerciseId: 'box', distressBefore: 6, distressAfter: 5 },
			{ exerciseId: 'box', distressBefore: 9 },
			{ exerciseId: 'box', distressAfter: 0 },
			{ exerciseId: 'box' },
			{ exerciseId: 'grounding', distressBefore: 3, distressAfter: 4 }
		]);
		expect(changes).toEqual([
			{ exerciseId: 'box', averageChange: -2.5, averageBefore: 7, averageAfter: 4.5, rated: 2 },
			{ exerciseId: 'grounding', averageChange: 1, averageBefore: 3, averageAfter: 4, rated: 1 }
		]);
	});

	it('sorts by the number rated, then by exercise id', () => {
		const changes = changeByExercise([
			{ exerciseId: 'touch', distressBefore: 5, distressAfter: 4 },
			{ exerciseId: 'box', distressBefore: 5, distressAfter: 4 },
			{ exerciseId: 'sigh', distressBefore: 5, distressAfter: 4 },
			{ exerciseId: 'sigh', distressBefore: 5, distressAfter: 4 }
		]);
		expect(changes.map((c) => c.exerciseId)).toEqual(['sigh', 'box', 'touch']);
	});

	it('rounds to one decimal and reports no change as 0, not -0', () => {
		const changes = changeByExercise([
			{ exerciseId: 'box', distressBefore: 5, distressAfter: 4 },
			{ exerciseId: 'box', distressBefore: 5, distressAfter: 4 },
			{ exerciseId: 'box', distressBefore: 5, distressAfter: 5 },
			{ exerciseId: 'sigh', distressBefore: 5, distressAfter: 5 }
		]);
		expect(changes[0]).toEqual({
			exerciseId: 'box',
			averageChange: -0.7,
			averageBefore: 5,
			averageAfter: 4.3,
			rated: 3
		});
		expect(Object.is(changes[1]!.averageChange, 0)).toBe(true);
	});

	it('leaves out exercises that were never rated both times', () => {
		expect(changeByExercise([{ exerciseId: 'box', distressBefore: 5 }])).toEqual([]);
	});
});

describe('streak', () => {
	const now = local(2026, 5, 14, 12);

	it('counts days in a row ending today', () => {
		expect(streak(['2026-05-12', '2026-05-14', '2026-05-13', '2026-05-10'], now)).toEqual({
			days: 3,
			state: 'today'
		});
	});

	it('keeps a run ending yesterday alive: there is still today', () => {
		expect(streak(['2026-05-12', '2026-05-13'], now)).toEqual({ days: 2, state: 'yesterday' });
	});

	it('welcomes back after a gap instead of counting a lost run', () => {
		expect(streak(['2026-05-10', '2026-05-11', '2026-05-12'], now)).toEqual({
			days: 0,
			state: 'welcome-back'
		});
	});

	it('says none when there was no practice at all', () => {
		expect(streak([], now)).toEqual({ days: 0, state: 'none' });
	});

	it('changes day at local midnight', () => {
		expect(streak(['2026-05-13'], local(2026, 5, 13, 23, 59)).state).toBe('today');
		expect(streak(['2026-05-13'], local(2026, 5, 14, 0, 1)).state).toBe('yesterday');
		expect(streak(['2026-05-13'], local(2026, 5, 15, 0, 1)).state).toBe('welcome-back');
	});

	it('runs on through both DST changes', () => {
		const march = ['2026-03-28', '2026-03-29', '2026-03-30'];
		expect(streak(march, local(2026, 3, 30, 0, 30))).toEqual({ days: 3, state: 'today' });
		expect(streak(march, local(2026, 3, 31, 23, 30))).toEqual({ days: 3, state: 'yesterday' });
		const october = ['2026-10-24', '2026-10-25', '2026-10-26'];
		expect(streak(october, local(2026, 10, 26, 23, 30))).toEqual({ days: 3, state: 'today' });
	});

	it('ignores malformed day keys', () => {
		expect(streak(['not a day', '2026-02-30'], now)).toEqual({ days: 0, state: 'none' });
	});
});

describe('groupByDay', () => {
	it('groups adjacent sessions of one day, keeping the newest-first order', () => {
		const newest = session(local(2026, 5, 13, 20), 5);
		const morning = session(local(2026, 5, 13, 8), 5);
		const lateBefore = session(local(2026, 5, 12, 23, 59), 5);
		const groups = groupByDay([newest, morning, lateBefore]);
		expect(groups).toEqual([
			{ day: '2026-05-13', sessions: [newest, morning] },
			{ day: '2026-05-12', sessions: [lateBefore] }
		]);
	});

	it('returns no groups for no sessions', () => {
		expect(groupByDay([])).toEqual([]);
	});
});

describe('stopDistances', () => {
	const start = local(2026, 11, 21, 19);

	it('averages the stop distance per session over the rounds with a stop, to a tenth', () => {
		const rounds = [
			{ stopDistanceM: 2.4, wentBack: true },
			{ reachedMinimum: true },
			{ stopDistanceM: 3.15 },
			{ stopDistanceM: 1 }
		];
		expect(stopDistances([{ startedAt: start, day: '2026-11-21', rounds }])).toEqual([
			{ startedAt: start, day: '2026-11-21', averageM: 2.2, stops: 3, rounds: 4 }
		]);
	});

	it('gives no average when no round had a stop, rather than a distance of 0', () => {
		const [waited] = stopDistances([
			{ startedAt: start, day: '2026-11-21', rounds: [{ reachedMinimum: true }, {}] }
		]);
		expect(waited).toEqual({ startedAt: start, day: '2026-11-21', stops: 0, rounds: 2 });
		expect(waited).not.toHaveProperty('averageM');
	});

	it('counts a stop at the very closest distance as a stop', () => {
		const [close] = stopDistances([
			{ startedAt: start, day: '2026-11-21', rounds: [{ stopDistanceM: 0 }] }
		]);
		expect(close).toMatchObject({ averageM: 0, stops: 1, rounds: 1 });
	});

	it('reads a session without rounds as none, and keeps the order it was given', () => {
		const later = local(2026, 11, 22, 8);
		const result = stopDistances([
			{ startedAt: start, day: '2026-11-21' },
			{ startedAt: later, day: '2026-11-22', rounds: [{ stopDistanceM: 5 }] }
		]);
		expect(result).toEqual([
			{ startedAt: start, day: '2026-11-21', stops: 0, rounds: 0 },
			{ startedAt: later, day: '2026-11-22', averageM: 5, stops: 1, rounds: 1 }
		]);
	});

	it('returns nothing for no sessions', () => {
		expect(stopDistances([])).toEqual([]);
	});
});
