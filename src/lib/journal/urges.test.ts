import { describe, expect, it } from 'vitest';
import { localDayKey } from '../records/days';
import { joinUrges, noContactCount, type JournalEntry } from './urges';

const at = (day: number, hour: number) => new Date(2026, 2, day, hour).getTime();
const entryId = (entry: JournalEntry<{ id: string }, { id: string }>) =>
	entry.kind === 'urge' ? entry.urge.id : entry.session.id;

describe('urges in the journal', () => {
	it('joins urge moments with the sessions of their local day, newest first', () => {
		const s = (id: string, day: number, hour: number) => ({ id, startedAt: at(day, hour) });
		const groups = [
			{ day: '2026-03-12', sessions: [s('s3', 12, 9)] },
			{ day: '2026-03-09', sessions: [s('s2', 9, 20), s('s1', 9, 10)] }
		];
		const urges = [
			{ id: 'early', startedAt: at(9, 8) },
			{ id: 'late', startedAt: at(9, 22), contact: 'yes' as const },
			{ id: 'alone', startedAt: at(10, 23) }
		];
		expect(joinUrges(groups, urges).map((g) => [g.day, g.entries.map(entryId)])).toEqual([
			['2026-03-12', ['s3']],
			['2026-03-10', ['alone']],
			['2026-03-09', ['late', 's2', 's1', 'early']]
		]);
	});

	it('orders a day as one timeline, urges and sessions interleaved by time', () => {
		const minute = (m: number) => new Date(2026, 2, 9, 15, m).getTime();
		const groups = [
			{
				day: '2026-03-09',
				sessions: [
					{ id: 'at-15:19', startedAt: minute(19) },
					{ id: 'at-15:02', startedAt: minute(2) }
				]
			}
		];
		const urges = [
			{ id: 'urge-15:15', startedAt: minute(15) },
			{ id: 'urge-15:10', startedAt: minute(10) }
		];
		expect(joinUrges(groups, urges)[0]?.entries.map(entryId)).toEqual([
			'at-15:19',
			'urge-15:15',
			'urge-15:10',
			'at-15:02'
		]);
	});

	it('keeps the breathing of an urge inside that urge, not as a line of its own', () => {
		const minute = (m: number) => new Date(2026, 2, 9, 15, m).getTime();
		const groups = [
			{
				day: '2026-03-09',
				sessions: [
					{ id: 'again', startedAt: minute(8) },
					{ id: 'other', startedAt: minute(5) },
					{ id: 'first', startedAt: minute(1) }
				]
			}
		];
		const urges = [{ id: 'urge', startedAt: minute(0), sessionIds: ['first', 'again'] }];
		const [day] = joinUrges(groups, urges);
		expect(day?.entries.map(entryId)).toEqual(['other', 'urge']);
		const urge = day?.entries[1];
		expect(urge?.kind === 'urge' && urge.sessions.map((s) => s.id)).toEqual(['first', 'again']);
	});

	it('leaves out a day whose only session is the breathing of an urge on the day before', () => {
		const groups = [{ day: '2026-03-10', sessions: [{ id: 'breath', startedAt: at(10, 0) }] }];
		const urges = [{ id: 'urge', startedAt: at(9, 23) + 59 * 60_000, sessionIds: ['breath'] }];
		expect(joinUrges(groups, urges).map((g) => [g.day, g.entries.map(entryId)])).toEqual([
			['2026-03-09', ['urge']]
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
