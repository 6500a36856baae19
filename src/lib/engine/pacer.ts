import type { BreathPhaseKind } from './types';

/** Pacer sizes as a fraction of its full size. */
export const PACER_EMPTY = 0.5;
export const PACER_FULL = 0.9;
export const PACER_TOPPED_UP = 1;

/** Smooth start and end, like a breath. */
function ease(progress: number): number {
	return 0.5 - Math.cos(Math.PI * Math.min(1, Math.max(0, progress))) / 2;
}

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
