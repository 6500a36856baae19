/** One step of a guided practice, as the practice defines it. */
export interface StepSpec {
	readonly id: string;
	readonly durationMs: number;
}

/** One step placed on the session's time axis. */
export interface TimelineStep {
	readonly index: number;
	readonly id: string;
	/** Position at which the step begins. */
	readonly startMs: number;
	/** Position at which the step ends (exclusive). */
	readonly endMs: number;
}

/** A guided practice laid out in time. */
export interface StepTimeline {
	readonly steps: readonly TimelineStep[];
	readonly durationMs: number;
}

/** Where a guided session stands at a position on its timeline. */
export interface StepPosition {
	/** The current step, or the last one once the timeline is over. */
	readonly step: TimelineStep;
	/** 0 at the start of the step, 1 at its end. */
	readonly progress: number;
	readonly stepRemainingMs: number;
	/** 0 at the start of the practice, 1 at its end. */
	readonly overallProgress: number;
	readonly remainingMs: number;
	readonly finished: boolean;
}

/** A sound at a step boundary: the start, a new step, or the end. */
export interface StepCue {
	readonly kind: 'start' | 'step' | 'end';
	readonly atMs: number;
}

/**
 * Going back within this much of a step's start goes to the step before; later than that it
 * goes to the start of the current step (as a music player does).
 */
export const RESTART_STEP_WITHIN_MS = 3000;

/** A step counts as done when the person stayed with it for at least this part of its length. */
export const STEP_DONE_SHARE = 0.5;

/** Lays the steps out one after another. Throws on an empty list or a step without length. */
export function buildStepTimeline(specs: readonly StepSpec[]): StepTimeline {
	if (specs.length === 0) throw new RangeError('A guided practice needs at least one step');
	let startMs = 0;
	const steps = specs.map((spec, index) => {
		if (!(spec.durationMs > 0) || !Number.isFinite(spec.durationMs)) {
			throw new RangeError(`Step "${spec.id}" needs a length longer than zero`);
		}
		const step = { index, id: spec.id, startMs, endMs: startMs + spec.durationMs };
		startMs = step.endMs;
		return step;
	});
	return { steps, durationMs: startMs };
}

/** Index of the step that contains `positionMs` (binary search; clamped to the timeline). */
export function stepIndexAt(timeline: StepTimeline, positionMs: number): number {
	const { steps } = timeline;
	let lo = 0;
	let hi = steps.length - 1;
	while (lo < hi) {
		const mid = (lo + hi + 1) >> 1;
		if (steps[mid]!.startMs <= positionMs) lo = mid;
		else hi = mid - 1;
	}
	return lo;
}

/** The step and progress at any position. */
export function stepPositionAt(timeline: StepTimeline, positionMs: number): StepPosition {
	const clamped = Math.min(Math.max(positionMs, 0), timeline.durationMs);
	const step = timeline.steps[stepIndexAt(timeline, clamped)]!;
	return {
		step,
		progress: Math.min(1, (clamped - step.startMs) / (step.endMs - step.startMs)),
		stepRemainingMs: step.endMs - clamped,
		overallProgress: clamped / timeline.durationMs,
		remainingMs: timeline.durationMs - clamped,
		finished: clamped >= timeline.durationMs
	};
}

/** Where "next step" goes: the start of the following step, or null on the last one. */
export function nextStepStartMs(timeline: StepTimeline, positionMs: number): number | null {
	const next = timeline.steps[stepIndexAt(timeline, positionMs) + 1];
	return next ? next.startMs : null;
}

/** Where "previous step" goes: this step's start, or the one before when just begun. */
export function previousStepStartMs(timeline: StepTimeline, positionMs: number): number {
	const index = stepIndexAt(timeline, positionMs);
	const step = timeline.steps[index]!;
	if (positionMs - step.startMs > RESTART_STEP_WITHIN_MS || index === 0) return step.startMs;
	return timeline.steps[index - 1]!.startMs;
}

/** The bells due in [fromMs, toMs): one at the start, one at each new step, one at the end. */
export function stepCuesBetween(timeline: StepTimeline, fromMs: number, toMs: number): StepCue[] {
	const cues: StepCue[] = [];
	for (let i = stepIndexAt(timeline, fromMs); i < timeline.steps.length; i++) {
		const { startMs } = timeline.steps[i]!;
		if (startMs >= toMs) return cues;
		if (startMs >= fromMs) cues.push({ kind: i === 0 ? 'start' : 'step', atMs: startMs });
	}
	const end = timeline.durationMs;
	if (end >= fromMs && end < toMs) cues.push({ kind: 'end', atMs: end });
	return cues;
}

/** Phase of a slow repeating movement (a stroke every `rhythmMs`) within a step, 0 to 1. */
export function rhythmPhase(step: TimelineStep, positionMs: number, rhythmMs: number): number {
	const into = Math.max(0, positionMs - step.startMs);
	return (into % rhythmMs) / rhythmMs;
}

/**
 * The time between two positions, split over the steps it was spent in: [step index, ms]
 * for every step the span [fromMs, toMs) overlaps.
 */
export function stepTimeBetween(
	timeline: StepTimeline,
	fromMs: number,
	toMs: number
): [index: number, ms: number][] {
	const spans: [number, number][] = [];
	if (!(toMs > fromMs)) return spans;
	for (let i = stepIndexAt(timeline, fromMs); i < timeline.steps.length; i++) {
		const step = timeline.steps[i]!;
		if (step.startMs >= toMs) break;
		const ms = Math.min(toMs, step.endMs) - Math.max(fromMs, step.startMs);
		if (ms > 0) spans.push([i, ms]);
	}
	return spans;
}

/** The ids of the steps the person stayed with, from the time spent in each (by index). */
export function stepsDone(timeline: StepTimeline, msInStep: readonly number[]): string[] {
	return timeline.steps
		.filter((s) => (msInStep[s.index] ?? 0) >= (s.endMs - s.startMs) * STEP_DONE_SHARE)
		.map((s) => s.id);
}
