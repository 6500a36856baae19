import { describe, expect, it } from 'vitest';
import { buildBreathingTimeline, resizeBreathingTimeline } from './timeline';
import { msUntilNextSecond, phaseIndexAt, positionAt } from './position';
import { cuesBetween } from './cues';
import type { BreathingPattern } from './types';

const extendedExhale: BreathingPattern = {
	phases: [
		{ kind: 'inhale', durationMs: 4000 },
		{ kind: 'exhale', durationMs: 6000 }
	]
};
const box: BreathingPattern = {
	phases: [
		{ kind: 'inhale', durationMs: 4000 },
		{ kind: 'hold-in', durationMs: 4000 },
		{ kind: 'exhale', durationMs: 4000 },
		{ kind: 'hold-out', durationMs: 4000 }
	]
};

describe('buildBreathingTimeline', () => {
	it('lays whole cycles end to end with absolute start and end times', () => {
		const t = buildBreathingTimeline(extendedExhale, { targetDurationMs: 60_000, holds: true });
		expect(t.cycleMs).toBe(10_000);
		expect(t.cycleCount).toBe(6);
		expect(t.durationMs).toBe(60_000);
		expect(t.phases).toHaveLength(12);
		expect(t.phases[3]).toEqual({
			index: 3,
			cycle: 1,
			kind: 'exhale',
			startMs: 14_000,
			endMs: 20_000
		});
		for (let i = 1; i < t.phases.length; i++) {
			expect(t.phases[i]!.startMs).toBe(t.phases[i - 1]!.endMs);
		}
	});

	it('ends on the whole cycle nearest to the chosen length', () => {
		const t = buildBreathingTimeline(box, { targetDurationMs: 180_000, holds: true });
		expect(t.cycleCount).toBe(11); // 180 / 16 = 11.25
		expect(t.durationMs).toBe(176_000);
	});

	it('leaves holds out of the timeline when they are switched off', () => {
		const t = buildBreathingTimeline(box, { targetDurationMs: 60_000, holds: false });
		expect(t.cycleMs).toBe(8000);
		expect(t.phases.map((p) => p.kind).slice(0, 4)).toEqual([
			'inhale',
			'exhale',
			'inhale',
			'exhale'
		]);
		expect(t.phases.some((p) => p.kind === 'hold-in' || p.kind === 'hold-out')).toBe(false);
		expect(t.durationMs).toBe(64_000);
	});

	it('never runs more cycles than the exercise allows', () => {
		const pattern: BreathingPattern = {
			phases: [
				{ kind: 'inhale', durationMs: 4000 },
				{ kind: 'hold-in', durationMs: 7000 },
				{ kind: 'exhale', durationMs: 8000 }
			]
		};
		const t = buildBreathingTimeline(pattern, {
			targetDurationMs: 600_000,
			holds: true,
			maxCycles: 4
		});
		expect(t.cycleCount).toBe(4);
		expect(t.durationMs).toBe(76_000);
	});

	it('gives exactly the cycles asked for, whatever the length', () => {
		const t = buildBreathingTimeline(extendedExhale, {
			targetDurationMs: 600_000,
			holds: true,
			cycles: 4
		});
		expect(t.durationMs).toBe(40_000);
	});

	it('always gives at least one cycle', () => {
		const t = buildBreathingTimeline(extendedExhale, { targetDurationMs: 1000, holds: true });
		expect(t.cycleCount).toBe(1);
	});

	it('refuses a pattern with nothing left to breathe', () => {
		const holdsOnly: BreathingPattern = { phases: [{ kind: 'hold-in', durationMs: 4000 }] };
		expect(() =>
			buildBreathingTimeline(holdsOnly, { targetDurationMs: 60_000, holds: false })
		).toThrow();
	});
});

describe('positionAt', () => {
	const t = buildBreathingTimeline(extendedExhale, { targetDurationMs: 60_000, holds: true });

	it('gives phase, cycle and progress at any elapsed time', () => {
		const p = positionAt(t, 17_000);
		expect(p.phase.kind).toBe('exhale');
		expect(p.phase.cycle).toBe(1);
		expect(p.progress).toBeCloseTo(0.5);
		expect(p.phaseRemainingMs).toBe(3000);
		expect(p.remainingMs).toBe(43_000);
		expect(p.finished).toBe(false);
	});

	it('switches phase exactly at the boundary', () => {
		expect(positionAt(t, 3999.9).phase.kind).toBe('inhale');
		expect(positionAt(t, 4000).phase.kind).toBe('exhale');
		expect(positionAt(t, 4000).progress).toBe(0);
	});

	it('is finished at the end and clamps times outside the session', () => {
		expect(positionAt(t, 60_000).finished).toBe(true);
		expect(positionAt(t, 99_000).elapsedMs).toBe(60_000);
		expect(positionAt(t, -5).phase.index).toBe(0);
	});

	it('finds the phase by binary search in long sessions', () => {
		const long = buildBreathingTimeline(extendedExhale, {
			targetDurationMs: 3_600_000,
			holds: true
		});
		expect(phaseIndexAt(long, 3_595_000)).toBe(719);
	});
});

describe('cuesBetween', () => {
	const t = buildBreathingTimeline(extendedExhale, { targetDurationMs: 20_000, holds: true });

	it('lists the start bell and the first phase at the very beginning', () => {
		expect(cuesBetween(t, 0, 100)).toEqual([
			{ kind: 'start', atMs: 0 },
			{ kind: 'inhale', atMs: 0 }
		]);
	});

	it('lists each phase start once in consecutive windows', () => {
		const all = [
			...cuesBetween(t, 0, 5000),
			...cuesBetween(t, 5000, 10_000),
			...cuesBetween(t, 10_000, 30_000)
		];
		expect(all.map((c) => `${c.kind}@${c.atMs}`)).toEqual([
			'start@0',
			'inhale@0',
			'exhale@4000',
			'inhale@10000',
			'exhale@14000',
			'end@20000'
		]);
	});

	it('lists nothing for an empty window', () => {
		expect(cuesBetween(t, 4000, 4000)).toEqual([]);
	});
});

describe('resizeBreathingTimeline', () => {
	it('keeps every phase already passed exactly where it was', () => {
		const before = buildBreathingTimeline(extendedExhale, {
			targetDurationMs: 180_000,
			holds: true
		});
		const after = resizeBreathingTimeline(
			extendedExhale,
			{ targetDurationMs: 600_000, holds: true },
			95_000
		);
		expect(after.durationMs).toBe(600_000);
		expect(after.phases.slice(0, before.phases.length)).toEqual(before.phases);
	});

	it('finishes the current breath when the new length has already passed', () => {
		const after = resizeBreathingTimeline(
			extendedExhale,
			{ targetDurationMs: 60_000, holds: true },
			95_000
		);
		expect(after.durationMs).toBe(100_000);
	});
});

describe('msUntilNextSecond', () => {
	it('says when a countdown in whole seconds, rounded up, shows one second less', () => {
		expect(msUntilNextSecond(57_000)).toBe(1000);
		expect(msUntilNextSecond(56_999.5)).toBe(999.5);
		expect(msUntilNextSecond(1500)).toBe(500);
		expect(msUntilNextSecond(400)).toBe(400);
	});

	it('never comes once the countdown is over', () => {
		expect(msUntilNextSecond(0)).toBe(Infinity);
		expect(msUntilNextSecond(-3)).toBe(Infinity);
	});
});
