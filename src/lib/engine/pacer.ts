import type { BreathPhaseKind, Timeline } from './types';

/** Pacer sizes as a fraction of its full size. */
export const PACER_EMPTY = 0.5;
export const PACER_FULL = 0.9;
export const PACER_TOPPED_UP = 1;

/** Smooth start and end, like a breath. */
function ease(progress: number): number {
	return 0.5 - Math.cos(Math.PI * Math.min(1, Math.max(0, progress))) / 2;
}

/**
 * The breath curve (`ease`) as the control points of a CSS cubic-bezier(): within 0.0003 of
 * it everywhere, so an animation the browser runs draws the same breath as pacerScale.
 */
export const PACER_BEZIER = [0.3645, 0, 0.6355, 1] as const;

/**
 * The pacer's size for a phase and the progress through it: it grows on the inhale, rests on
 * a hold and shrinks on the exhale. `toppedUp` is true for patterns with a second inhale.
 */
export function pacerScale(kind: BreathPhaseKind, progress: number, toppedUp: boolean): number {
	const top = toppedUp ? PACER_TOPPED_UP : PACER_FULL;
	const t = ease(progress);
	switch (kind) {
		case 'inhale':
			return PACER_EMPTY + (PACER_FULL - PACER_EMPTY) * t;
		case 'inhale-top':
			return PACER_FULL + (PACER_TOPPED_UP - PACER_FULL) * t;
		case 'hold-in':
			return top;
		case 'exhale':
			return top - (top - PACER_EMPTY) * t;
		case 'hold-out':
			return PACER_EMPTY;
	}
}

/** A value at a place in one breathing cycle: `offset` 0 at its start, 1 at its end. */
export interface CycleKeyframe {
	readonly offset: number;
	readonly value: number;
}

/**
 * Keyframes for one cycle of a timeline: every phase's value at its start and at its end
 * (progress 0 and 1). An animation repeating every `cycleMs` through these, eased between
 * them as `valueAt` is, shows `valueAt` at every moment without script on every frame.
 */
export function cycleKeyframes(
	timeline: Timeline,
	valueAt: (kind: BreathPhaseKind, progress: number) => number
): CycleKeyframe[] {
	const frames: CycleKeyframe[] = [];
	for (const { cycle, kind, startMs, endMs } of timeline.phases) {
		if (cycle > 0) break;
		frames.push(
			{ offset: startMs / timeline.cycleMs, value: valueAt(kind, 0) },
			{ offset: endMs / timeline.cycleMs, value: valueAt(kind, 1) }
		);
	}
	return frames;
}
