// Pin the zone before any Date is made: local days are what these tests are about, and
// Europe/Amsterdam has both DST changes (29 March and 25 October 2026, both Sundays).
const originalTz = process.env.TZ;
process.env.TZ = 'Europe/Amsterdam';

import { afterAll, describe, expect, it } from 'vitest';
import {
	addLocalDays,
	dayKeyStart,
	isDayKey,
	lastLocalWeekStarts,
	localDayKey,
	startOfLocalDay,
	startOfLocalMonth,
	startOfLocalWeek
} from './days';

afterAll(() => {
	if (originalTz === undefined) delete process.env.TZ;
	else process.env.TZ = originalTz;
});

const HOUR = 3_600_000;
/** Epoch ms of a local wall-clock time (month 1-12). */
const local = (y: number, m: number, d: number, h = 0, min = 0) =>
	new Date(y, m - 1, d, h, min).getTime();

describe('the test time zone', () => {
	it('is Amsterdam, with summer time from the last Sunday of March', () => {
		expect(new Date(2026, 2, 29, 12).getTimezoneOffset()).toBe(-120);
		expect(new Date(2026, 2, 28, 12).getTimezoneOffset()).toBe(-60);
		expect(new Date(2026, 9, 25, 12).getTimezoneOffset()).toBe(-60);
	});
});

describe('localDayKey', () => {
	it('puts 23:59 on one day and 00:01 on the next', () => {
		expect(localDayKey(local(2026, 5, 12, 23, 59))).toBe('2026-05-12');
		expect(localDayKey(local(2026, 5, 13, 0, 1))).toBe('2026-05-13');
	});

	it('follows the local calendar, not UTC: 00:30 in summer is still the previous day in UTC', () => {
		const halfPastMidnight = local(2026, 7, 1, 0, 30);
		expect(new Date(halfPastMidnight).toISOString().slice(0, 10)).toBe('2026-06-30');
		expect(localDayKey(halfPastMidnight)).toBe('2026-07-01');
	});

	it('pads years, months and days', () => {
		expect(localDayKey(local(2026, 1, 5, 9))).toBe('2026-01-05');
	});
});

describe('isDayKey', () => {
	it('accepts real dates only', () => {
		expect(isDayKey('2028-02-29')).toBe(true);
		expect(isDayKey('2026-02-29')).toBe(false);
		expect(isDayKey('2026-13-01')).toBe(false);
		expect(isDayKey('2026-1-01')).toBe(false);
		expect(isDayKey(20260101)).toBe(false);
	});
});

describe('startOfLocalDay and dayKeyStart', () => {
	it('find local midnight, also on the short day in March', () => {
		expect(startOfLocalDay(local(2026, 3, 29, 23, 59))).toBe(local(2026, 3, 29));
		expect(dayKeyStart('2026-03-29')).toBe(local(2026, 3, 29));
		// The day the clocks go forward has 23 hours.
		expect(dayKeyStart('2026-03-30') - dayKeyStart('2026-03-29')).toBe(23 * HOUR);
	});
});

describe('addLocalDays', () => {
	it('lands on local midnight across the March change', () => {
		const after = addLocalDays(local(2026, 3, 28, 12), 2);
		expect(after).toBe(local(2026, 3, 30));
		expect(new Date(after).getHours()).toBe(0);
	});

	it('lands on local midnight across the October change, backwards too', () => {
		const after = addLocalDays(local(2026, 10, 24, 0), 1);
		expect(new Date(after).getHours()).toBe(0);
		expect(localDayKey(after)).toBe('2026-10-25');
		expect(addLocalDays(local(2026, 10, 26, 0), -1) - local(2026, 10, 25)).toBe(0);
		// The day the clocks go back has 25 hours.
		expect(addLocalDays(local(2026, 10, 25), 1) - local(2026, 10, 25)).toBe(25 * HOUR);
	});

	it('crosses month and year ends', () => {
		expect(localDayKey(addLocalDays(local(2026, 1, 31, 15), 1))).toBe('2026-02-01');
		expect(localDayKey(addLocalDays(local(2027, 1, 1, 15), -1))).toBe('2026-12-31');
	});
});

describe('startOfLocalWeek', () => {
	it('starts weeks on Monday 00:00 local', () => {
		const monday = local(2026, 5, 11);
		expect(startOfLocalWeek(local(2026, 5, 11, 0, 0))).toBe(monday);
		expect(startOfLocalWeek(local(2026, 5, 17, 23, 59))).toBe(monday);
		expect(startOfLocalWeek(local(2026, 5, 18, 0, 1))).toBe(local(2026, 5, 18));
	});

	it('gives a week with a DST change its seven local days', () => {
		const march = startOfLocalWeek(local(2026, 3, 29, 12));
		expect(march).toBe(local(2026, 3, 23));
		expect(localDayKey(addLocalDays(march, 6))).toBe('2026-03-29');
		expect(addLocalDays(march, 7)).toBe(local(2026, 3, 30));
		expect(addLocalDays(march, 7) - march).toBe(7 * 24 * HOUR - HOUR);

		const october = startOfLocalWeek(local(2026, 10, 25, 23, 30));
		expect(october).toBe(local(2026, 10, 19));
		expect(addLocalDays(october, 7) - october).toBe(7 * 24 * HOUR + HOUR);
	});
});

describe('startOfLocalMonth', () => {
	it('moves to the new month at local midnight', () => {
		expect(startOfLocalMonth(local(2026, 3, 31, 23, 59))).toBe(local(2026, 3, 1));
		expect(startOfLocalMonth(local(2026, 4, 1, 0, 1))).toBe(local(2026, 4, 1));
	});
});

describe('lastLocalWeekStarts', () => {
	it('lists the Mondays of the last weeks, oldest first, the current week last', () => {
		const starts = lastLocalWeekStarts(local(2026, 4, 2, 10), 3);
		expect(starts.map(localDayKey)).toEqual(['2026-03-16', '2026-03-23', '2026-03-30']);
	});

	it('keeps every start on local midnight across both DST changes', () => {
		const starts = lastLocalWeekStarts(local(2026, 11, 2, 10), 40);
		expect(starts).toHaveLength(40);
		for (const start of starts) {
			expect(new Date(start).getHours()).toBe(0);
			expect(new Date(start).getDay()).toBe(1);
		}
	});

	it('lists nothing for zero weeks', () => {
		expect(lastLocalWeekStarts(local(2026, 4, 2), 0)).toEqual([]);
	});
});
