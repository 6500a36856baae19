import { describe, expect, it } from 'vitest';
import { localDayKey } from '../records/days';
import { joinUrges, noContactCount } from './urges';

const at = (day: number, hour: number) => new Date(2026, 2, day, hour).getTime();

describe('urges in the journal', () => {
	it('joins urge moments with the sessions of their local day, newest first', () => {
		const groups = [
			{ day: '2026-03-12', sessions: ['s3'] },
			{ day: '2026-03-09', sessions: ['s2', 's1'] }
		];
		const urges = [
			{ id: 'early', startedAt: at(9, 8) },
			{ id: 'late', startedAt: at(9, 22), contact: 'yes' as const },
			{ id: 'alone', startedAt: at(10, 23) }
		];
		expect(
			joinUrges(groups, urges).map((g) => [g.day, g.sessions, g.urges.map((u) => u.id)])
		).toEqual([
			['2026-03-12', ['s3'], []],
			['2026-03-10', [], ['alone']],
			['2026-03-09', ['s2', 's1'], ['late', 'early']]
		]);
	});
});

describe('the no-contact day count', () => {
	it('counts whole local days from the chosen start', () => {
		expect(noContactCount('2026-03-01', undefined, at(11, 9))).toEqual({ days: 10, from: 'start' });
		expect(noContactCount('2026-03-11', undefined, at(11, 9))).toEqual({ days: 0, from: 'start' });
	});

	it('begins again from the day of a contact after an urge, and says so', () => {
		expect(noContactCount('2026-03-01', at(8, 23), at(11, 9))).toEqual({
			days: 3,
			from: 'contact'
		});
		expect(noContactCount('2026-03-01', at(11, 7), at(11, 9))).toEqual({
			days: 0,
			from: 'contact'
		});
	});

	it('ignores a contact from before the chosen start', () => {
		expect(noContactCount('2026-03-05', at(2, 12), at(11, 9))).toEqual({ days: 6, from: 'start' });
	});

	it('counts calendar days across a change to summer time', () => {
		// In Europe the clocks went forward on 29 March 2026: that day has 23 hours.
		const after = new Date(2026, 3, 2, 9).getTime();
		expect(noContactCount('2026-03-28', undefined, after).days).toBe(5);
		expect(localDayKey(after)).toBe('2026-04-02');
	});
});
