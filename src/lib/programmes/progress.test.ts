import { describe, expect, it } from 'vitest';
import { progressOf, remainingDays } from './progress';

const done = (run: number, ...days: number[]) => days.map((day) => ({ run, day, completedAt: 0 }));

describe('programme progress', () => {
	it('offers the first day not done, so a missed day is simply still there', () => {
		const progress = progressOf(7, 1, done(1, 1, 2, 4));
		expect(progress.nextDay).toBe(3);
		expect(progress.finished).toBe(false);
		expect(remainingDays(progress)).toEqual([3, 5, 6, 7]);
	});

	it('counts only the days of the current run', () => {
		const progress = progressOf(3, 2, [...done(1, 1, 2, 3), ...done(2, 1)]);
		expect([...progress.done]).toEqual([1]);
		expect(progress.nextDay).toBe(2);
	});

	it('is finished when every day is done, with nothing left for the calendar', () => {
		const progress = progressOf(2, 1, done(1, 2, 1));
		expect(progress.finished).toBe(true);
		expect(progress.nextDay).toBeUndefined();
		expect(remainingDays(progress)).toEqual([]);
	});

	it('ignores days outside the programme', () => {
		expect(progressOf(2, 1, done(1, 0, 3, 1)).done).toEqual(new Set([1]));
	});
});
