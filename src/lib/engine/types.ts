/** The kinds of phase a breathing pattern is made of. */
export type BreathPhaseKind = 'inhale' | 'inhale-top' | 'hold-in' | 'exhale' | 'hold-out';

/** Holds are the phases a person may switch off. */
export const HOLD_KINDS: ReadonlySet<BreathPhaseKind> = new Set(['hold-in', 'hold-out']);

/** One phase of a breathing cycle, as the exercise defines it. */
export interface BreathPhaseSpec {
	readonly kind: BreathPhaseKind;
	readonly durationMs: number;
}

/** A repeating breathing cycle. */
export interface BreathingPattern {
	readonly phases: readonly BreathPhaseSpec[];
}

/** One phase placed on the session's time axis. */
export interface TimelinePhase {
	/** Position in the timeline, from 0. */
	readonly index: number;
	/** Which repetition of the cycle, from 0. */
	readonly cycle: number;
	readonly kind: BreathPhaseKind;
	/** Active elapsed time at which the phase begins. */
	readonly startMs: number;
	/** Active elapsed time at which the phase ends (exclusive). */
	readonly endMs: number;
}

/** A whole session laid out in time: every phase with absolute start and end. */
export interface Timeline {
	readonly phases: readonly TimelinePhase[];
	readonly cycleMs: number;
	readonly cycleCount: number;
	readonly durationMs: number;
}
