import { phaseIndexAt } from './position';
import type { BreathPhaseKind, Timeline } from './types';

/** Something to be heard or felt at a moment of the session. */
export type CueKind = BreathPhaseKind | 'start' | 'end';

export interface Cue {
	readonly kind: CueKind;
	/** Active elapsed time at which the cue is due. */
	readonly atMs: number;
}

/**
 * The cues due in the half-open window [fromMs, toMs): a bell at the start and the end,
 * and one cue at the beginning of every phase.
 */
export function cuesBetween(timeline: Timeline, fromMs: number, toMs: number): Cue[] {
	const cues: Cue[] = [];
	if (toMs <= fromMs) return cues;
	const inWindow = (t: number) => t >= fromMs && t < toMs;
	if (inWindow(0)) cues.push({ kind: 'start', atMs: 0 });
	// Runs at every wake: start at the phase containing fromMs rather than at the beginning.
	for (let i = phaseIndexAt(timeline, fromMs); i < timeline.phases.length; i++) {
		const phase = timeline.phases[i]!;
		if (phase.startMs >= toMs) break;
		if (inWindow(phase.startMs)) cues.push({ kind: phase.kind, atMs: phase.startMs });
	}
	if (inWindow(timeline.durationMs)) cues.push({ kind: 'end', atMs: timeline.durationMs });
	return cues;
}
