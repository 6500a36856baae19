import { describe, expect, it } from 'vitest';
import type { Programme } from '../content/types';
import { summarise } from './summary';

const day = (n: number) => ({
	intention: { nl: `Dag ${n}`, en: `Day ${n}` },
	practice: [{ exercise: 'coherent', minutes: 5 }]
});
const programme: Programme = {
	id: 'rust',
	order: 1,
	title: { nl: 'Rust', en: 'Rest' },
	summary: { nl: 'Kort', en: 'Short' },
	description: { nl: 'Kort', en: 'Short' },
	variants: [],
	weeks: [{ title: { nl: 'Week', en: 'Week' }, days: [day(1), day(2), day(3)] }]
};
const NOW = new Date(2026, 10, 21, 12).getTime();
const record = {
	programmeId: 'rust',
	run: 1,
	startedAt: NOW - 86_400_000,
	status: 'active' as const
};
const done = (d: number, at: number) => ({
	id: `rust:1:${d}`,
	programmeId: 'rust',
	run: 1,
	day: d,
	sessionId: `s${d}`,
	completedAt: at
});

describe('a programme summary', () => {
	it('offers day 1 of a programme just started, as the current one', () => {
		const summary = summarise(programme, record, [], 'rust', NOW);
		expect(summary.next?.day).toBe(1);
		expect(summary.isCurrent).toBe(true);
		expect(summary.doneToday).toBe(false);
	});

	it('offers the next day after one done today, and says it was done today', () => {
		const summary = summarise(programme, record, [done(1, NOW - 3_600_000)], 'rust', NOW);
		expect(summary.next?.day).toBe(2);
		expect(summary.doneToday).toBe(true);
	});

	it('offers the day where the person left off after days away, without anything failed', () => {
		const summary = summarise(programme, record, [done(1, NOW - 9 * 86_400_000)], 'rust', NOW);
		expect(summary.next?.day).toBe(2);
		expect(summary.doneToday).toBe(false);
	});

	it('offers nothing for a programme never started or left', () => {
		expect(summarise(programme, undefined, [], undefined, NOW).next).toBeUndefined();
		const left = summarise(programme, { ...record, status: 'left' }, [], 'rust', NOW);
		expect(left.next).toBeUndefined();
		expect(left.isCurrent).toBe(false);
	});
});
