import { describe, expect, it } from 'vitest';
import { cycleKeyframes, PACER_BEZIER, pacerScale } from './pacer';
import { buildBreathingTimeline } from './timeline';
import type { BreathingPattern } from './types';

const box: BreathingPattern = {
	phases: [
		{ kind: 'inhale', durationMs: 4000 },
		{ kind: 'hold-in', durationMs: 4000 },
		{ kind: 'exhale', durationMs: 4000 },
		{ kind: 'hold-out', durationMs: 4000 }
	]
};
const sigh: BreathingPattern = {
	phases: [
		{ kind: 'inhale', durationMs: 3000 },
		{ kind: 'inhale-top', durationMs: 1000 },
		{ kind: 'exhale', durationMs: 6000 }
	]
};

/** y of a CSS cubic-bezier(x1, y1, x2, y2) at x, as a browser computes it. */
function cubicBezier([x1, y1, x2, y2]: readonly number[], x: number): number {
	const at = (a: number, b: number, t: number) =>
		3 * a * t * (1 - t) ** 2 + 3 * b * t ** 2 * (1 - t) + t ** 3;
	let lo = 0;
	let hi = 1;
	for (let i = 0; i < 60; i++) {
		const mid = (lo + hi) / 2;
		if (at(x1!, x2!, mid) < x) lo = mid;
		else hi = mid;
	}
	return at(y1!, y2!, (lo + hi) / 2);
}

describe('the pacer as an animation', () => {
	it('grows on the inhale, rests on a hold and shrinks on the exhale, once per cycle', () => {
		const timeline = buildBreathingTimeline(box, { targetDurationMs: 60_000, holds: true });
		const frames = cycleKeyframes(timeline, (kind, p) => pacerScale(kind, p, false));
		expect(frames).toEqual([
			{ offset: 0, value: 0.5 },
			{ offset: 0.25, value: 0.9 },
			{ offset: 0.25, value: 0.9 },
			{ offset: 0.5, value: 0.9 },
			{ offset: 0.5, value: 0.9 },
			{ offset: 0.75, value: 0.5 },
			{ offset: 0.75, value: 0.5 },
			{ offset: 1, value: 0.5 }
		]);
	});

	it('tops up after the first inhale and empties from the top', () => {
		const timeline = buildBreathingTimeline(sigh, { targetDurationMs: 60_000, holds: true });
		const frames = cycleKeyframes(timeline, (kind, p) => pacerScale(kind, p, true));
		expect(frames).toEqual([
			{ offset: 0, value: 0.5 },
			{ offset: 0.3, value: 0.9 },
			{ offset: 0.3, value: 0.9 },
			{ offset: 0.4, value: 1 },
			{ offset: 0.4, value: 1 },
			{ offset: 1, value: 0.5 }
		]);
	});

	it('follows the cycle without its holds when they are switched off', () => {
		const timeline = buildBreathingTimeline(box, { targetDurationMs: 60_000, holds: false });
		const frames = cycleKeyframes(timeline, (_kind, p) => p);
		expect(frames).toEqual([
			{ offset: 0, value: 0 },
			{ offset: 0.5, value: 1 },
			{ offset: 0.5, value: 0 },
			{ offset: 1, value: 1 }
		]);
	});

	it('draws the breath curve of pacerScale between two keyframes, to a hair', () => {
		for (let i = 0; i <= 200; i++) {
			const progress = i / 200;
			const eased = cubicBezier(PACER_BEZIER, progress);
			for (const kind of ['inhale', 'exhale'] as const) {
				const from = pacerScale(kind, 0, false);
				const to = pacerScale(kind, 1, false);
				expect(from + (to - from) * eased).toBeCloseTo(pacerScale(kind, progress, false), 3);
			}
		}
	});
});
