import { describe, expect, it } from 'vitest';
import {
	buildStepTimeline,
	nextStepStartMs,
	previousStepStartMs,
	rhythmPhase,
	stepCuesBetween,
	stepIndexAt,
	stepPositionAt,
	stepsDone,
	stepTimeBetween
} from './steps';
import { createSession, reduceSession, type SessionAction, type SessionState } from './session';

const timeline = buildStepTimeline([
	{ id: 'arrive', durationMs: 20_000 },
	{ id: 'feet', durationMs: 30_000 },
	{ id: 'legs', durationMs: 30_000 },
	{ id: 'close', durationMs: 20_000 }
]);

function run(state: SessionState, ...actions: SessionAction[]): SessionState {
	return actions.reduce(reduceSession, state);
}

/** A tick a second from `fromMs` to `toMs`, as a hidden page would. */
function ticks(fromMs: number, toMs: number): SessionAction[] {
	const out: SessionAction[] = [];
	for (let t = fromMs; t <= toMs; t += 1000) out.push({ type: 'tick', atMs: t });
	return out;
}

describe('the step timeline of a guided practice', () => {
	it('lays steps out one after another, each with its own length', () => {
		expect(timeline.durationMs).toBe(100_000);
		expect(timeline.steps.map((s) => [s.id, s.startMs, s.endMs])).toEqual([
			['arrive', 0, 20_000],
			['feet', 20_000, 50_000],
			['legs', 50_000, 80_000],
			['close', 80_000, 100_000]
		]);
	});

	it('refuses a practice without steps or a step without a length', () => {
		expect(() => buildStepTimeline([])).toThrow(/at least one step/);
		expect(() => buildStepTimeline([{ id: 'x', durationMs: 0 }])).toThrow(/"x"/);
		expect(() => buildStepTimeline([{ id: 'y', durationMs: Number.NaN }])).toThrow(/"y"/);
	});

	it('finds the step, its progress and the whole practice progress at any position', () => {
		const at = stepPositionAt(timeline, 35_000);
		expect(at.step.id).toBe('feet');
		expect(at.progress).toBeCloseTo(0.5);
		expect(at.stepRemainingMs).toBe(15_000);
		expect(at.overallProgress).toBeCloseTo(0.35);
		expect(stepIndexAt(timeline, 49_999)).toBe(1);
		expect(stepIndexAt(timeline, 50_000)).toBe(2);
		expect(stepPositionAt(timeline, 200_000).finished).toBe(true);
	});

	it('skips forward to the next step, and not past the last', () => {
		expect(nextStepStartMs(timeline, 5000)).toBe(20_000);
		expect(nextStepStartMs(timeline, 85_000)).toBeNull();
	});

	it('goes back to the start of the step, or to the step before when it has just begun', () => {
		expect(previousStepStartMs(timeline, 40_000)).toBe(20_000);
		expect(previousStepStartMs(timeline, 21_000)).toBe(0);
		expect(previousStepStartMs(timeline, 1000)).toBe(0);
	});

	it('rings a bell at the start, at every new step and at the end', () => {
		expect(stepCuesBetween(timeline, 0, 100_001)).toEqual([
			{ kind: 'start', atMs: 0 },
			{ kind: 'step', atMs: 20_000 },
			{ kind: 'step', atMs: 50_000 },
			{ kind: 'step', atMs: 80_000 },
			{ kind: 'end', atMs: 100_000 }
		]);
		expect(stepCuesBetween(timeline, 20_001, 50_000)).toEqual([]);
		expect(stepCuesBetween(timeline, 49_000, 51_000)).toEqual([{ kind: 'step', atMs: 50_000 }]);
	});

	it('moves a slow rhythm on from the start of its step', () => {
		const feet = timeline.steps[1]!;
		expect(rhythmPhase(feet, 20_000, 4000)).toBe(0);
		expect(rhythmPhase(feet, 23_000, 4000)).toBeCloseTo(0.75);
		expect(rhythmPhase(feet, 25_000, 4000)).toBeCloseTo(0.25);
	});

	it('splits time between two positions over the steps it was spent in', () => {
		expect(stepTimeBetween(timeline, 19_000, 20_000)).toEqual([[0, 1000]]);
		expect(stepTimeBetween(timeline, 19_400, 20_600)).toEqual([
			[0, 600],
			[1, 600]
		]);
		expect(stepTimeBetween(timeline, 10_000, 60_000)).toEqual([
			[0, 10_000],
			[1, 30_000],
			[2, 10_000]
		]);
		expect(stepTimeBetween(timeline, 5000, 5000)).toEqual([]);
	});

	it('counts a step as done when the person stayed with at least half of it', () => {
		expect(stepsDone(timeline, [20_000, 14_999, 15_000])).toEqual(['arrive', 'legs']);
	});
});

describe('a guided session driven by the session machine', () => {
	it('advances through its steps, pauses, skips forward and back, and stops', () => {
		let s = run(createSession(timeline.durationMs), { type: 'start', atMs: 0 });
		s = run(s, ...ticks(0, 25_000));
		expect(stepPositionAt(timeline, s.positionMs).step.id).toBe('feet');

		s = run(s, { type: 'pause', atMs: 26_000 }, ...ticks(26_000, 90_000));
		expect(stepPositionAt(timeline, s.positionMs).step.id).toBe('feet');
		expect(s.activeElapsedMs).toBe(26_000);

		s = run(s, { type: 'resume', atMs: 90_000 });
		s = run(s, { type: 'seek', atMs: 91_000, positionMs: nextStepStartMs(timeline, 27_000)! });
		expect(stepPositionAt(timeline, s.positionMs).step.id).toBe('legs');

		s = run(s, { type: 'seek', atMs: 91_500, positionMs: previousStepStartMs(timeline, 50_500) });
		expect(stepPositionAt(timeline, s.positionMs).step.id).toBe('feet');
		expect(s.activeElapsedMs).toBe(27_500);

		s = run(s, { type: 'stop', atMs: 92_000 });
		expect(s.status).toBe('stopped');
		expect(s.activeElapsedMs).toBe(28_000);
	});
});
