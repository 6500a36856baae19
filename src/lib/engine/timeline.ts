import { HOLD_KINDS, type BreathingPattern, type Timeline, type TimelinePhase } from './types';

/** How a pattern becomes a session. */
export interface TimelineOptions {
	/** The length the person chose; the session ends on a whole cycle nearest to it. */
	readonly targetDurationMs: number;
	/** When false, hold phases are left out of the timeline altogether. */
	readonly holds: boolean;
	/** An upper limit on cycles. */
	readonly maxCycles?: number;
	/** Exactly this many cycles, whatever the length (4-7-8: advised in small doses). */
	readonly cycles?: number;
}

/** The phases of one cycle, with holds removed when the person turned them off. */
export function cyclePhases(pattern: BreathingPattern, holds: boolean) {
	return pattern.phases.filter((p) => p.durationMs > 0 && (holds || !HOLD_KINDS.has(p.kind)));
}

/** Lays a breathing pattern out as a timeline of whole cycles. */
export function buildBreathingTimeline(
	pattern: BreathingPattern,
	options: TimelineOptions
): Timeline {
	const cycle = cyclePhases(pattern, options.holds);
	const cycleMs = cycle.reduce((sum, p) => sum + p.durationMs, 0);
	if (cycle.length === 0 || cycleMs <= 0) {
		throw new Error('A breathing pattern needs at least one phase longer than zero');
	}
	// End on a completed breath: the whole number of cycles nearest to the chosen length.
	let cycleCount = options.cycles ?? Math.max(1, Math.round(options.targetDurationMs / cycleMs));
	if (options.maxCycles !== undefined) cycleCount = Math.min(cycleCount, options.maxCycles);

	const phases: TimelinePhase[] = [];
	let startMs = 0;
	for (let c = 0; c < cycleCount; c++) {
		for (const spec of cycle) {
			const endMs = startMs + spec.durationMs;
			phases.push({ index: phases.length, cycle: c, kind: spec.kind, startMs, endMs });
			startMs = endMs;
		}
	}
	return { phases, cycleMs, cycleCount, durationMs: startMs };
}

/**
 * A new length for a session under way: the nearest whole number of cycles to the chosen
 * length, but never ending before the cycle the person is in has finished.
 */
export function resizeBreathingTimeline(
	pattern: BreathingPattern,
	options: TimelineOptions,
	activeElapsedMs: number
): Timeline {
	const chosen = buildBreathingTimeline(pattern, options);
	if (chosen.durationMs > activeElapsedMs) return chosen;
	const cyclesDone = Math.floor(activeElapsedMs / chosen.cycleMs) + 1;
	return buildBreathingTimeline(pattern, {
		...options,
		targetDurationMs: cyclesDone * chosen.cycleMs,
		maxCycles: Math.max(cyclesDone, options.maxCycles ?? cyclesDone)
	});
}
