// The pacer's movement, loaded after the first frame: until it arrives, the prerendered CSS
// animation draws the first inhale, so these bytes never stand before the first breath.
import type { Attachment } from 'svelte/attachments';
import {
	cycleKeyframes,
	PACER_BEZIER,
	pacerScale,
	type BreathPhaseKind,
	type Timeline,
	type TimelineClock
} from '$lib/engine';
import { clockAnimation } from './clock-animation.svelte';

/** An animation of one cycle of `timeline`, repeated for every cycle of the session. */
function everyCycle(
	timeline: Timeline,
	valueAt: (kind: BreathPhaseKind, progress: number) => number,
	transform: (value: number) => string,
	easing?: string
) {
	return {
		keyframes: cycleKeyframes(timeline, valueAt).map((f) => ({
			offset: f.offset,
			transform: transform(f.value),
			easing
		})),
		durationMs: timeline.cycleMs,
		iterations: timeline.cycleCount
	};
}

/**
 * The disc breathes by an animation the compositor draws (no script runs per frame), eased
 * along the engine's breath curve; `shape` null leaves it at rest.
 */
export function discMotion(
	shape: () => { timeline: Timeline; toppedUp: boolean } | null,
	clock: () => TimelineClock
): Attachment<HTMLElement> {
	return clockAnimation(() => {
		const current = shape();
		if (!current) return null;
		return everyCycle(
			current.timeline,
			(kind, progress) => pacerScale(kind, progress, current.toppedUp),
			(value) => `scale(${value})`,
			`cubic-bezier(${PACER_BEZIER})`
		);
	}, clock);
}

/** With still motion, a bar fills from empty to full once in every phase. */
export function barMotion(
	timeline: () => Timeline,
	clock: () => TimelineClock
): Attachment<HTMLElement> {
	return clockAnimation(
		() =>
			everyCycle(
				timeline(),
				(_kind, progress) => progress,
				(value) => `scaleX(${value})`
			),
		clock
	);
}
