import type { Timeline, TimelinePhase } from './types';

/** Where a session stands at a given active elapsed time. */
export interface Position {
	/** The current phase, or the last one once the timeline is over. */
	readonly phase: TimelinePhase;
	/** 0 at the start of the phase, 1 at its end. */
	readonly progress: number;
	readonly phaseRemainingMs: number;
	readonly elapsedMs: number;
	readonly remainingMs: number;
	readonly finished: boolean;
}

/** Index of the phase that contains `elapsedMs` (binary search; clamped to the timeline). */
export function phaseIndexAt(timeline: Timeline, elapsedMs: number): number {
	const { phases } = timeline;
	let lo = 0;
	let hi = phases.length - 1;
	while (lo < hi) {
		const mid = (lo + hi + 1) >> 1;
		if (phases[mid]!.startMs <= elapsedMs) lo = mid;
		else hi = mid - 1;
	}
	return lo;
}

/** The phase, cycle and progress at any active elapsed time. */
export function positionAt(timeline: Timeline, elapsedMs: number): Position {
	const clamped = Math.min(Math.max(elapsedMs, 0), timeline.durationMs);
	const phase = timeline.phases[phaseIndexAt(timeline, clamped)]!;
	const length = phase.endMs - phase.startMs;
	return {
		phase,
		progress: Math.min(1, (clamped - phase.startMs) / length),
		phaseRemainingMs: phase.endMs - clamped,
		elapsedMs: clamped,
		remainingMs: timeline.durationMs - clamped,
		finished: clamped >= timeline.durationMs
	};
}

/**
 * How long until a countdown of `remainingMs`, shown in whole seconds rounded up (as the
 * screens show it), next changes: when it shows one second less, or reaches zero.
 */
export function msUntilNextSecond(remainingMs: number): number {
	if (!(remainingMs > 0)) return Infinity;
	return remainingMs - 1000 * (Math.ceil(remainingMs / 1000) - 1);
}
