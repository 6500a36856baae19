import { describe, expect, it } from 'vitest';
import { formatMetres, stopChartLabels } from './journal-text';

describe('boundary distances in words', () => {
	it('write a distance as the live status, the summary and the journal all show it', () => {
		// Live, the figure stood at 3.2498 m; a stop kept before as 3.25 m read as 3,3 m.
		expect(formatMetres(3.2498)).toBe('3,2 m');
		expect(formatMetres(1.45)).toBe('1,5 m');
		expect(formatMetres(4)).toBe('4 m');
	});

	it('give two sessions on one day distinct chart labels, with their times', () => {
		const day = (hour: number, minute = 0) => new Date(2026, 10, 21, hour, minute).getTime();
		const labels = stopChartLabels([
			{ day: '2026-11-20', startedAt: new Date(2026, 10, 20, 9).getTime() },
			{ day: '2026-11-21', startedAt: day(9, 5) },
			{ day: '2026-11-21', startedAt: day(19, 30) }
		]);
		expect(labels[0]).toBe('20 nov');
		expect(labels[1]).toMatch(/^21 nov 09:05$/);
		expect(labels[2]).toMatch(/^21 nov 19:30$/);
	});
});
