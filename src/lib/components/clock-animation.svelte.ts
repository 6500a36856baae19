import type { Attachment } from 'svelte/attachments';
import type { TimelineClock } from '$lib/engine';

/** What an element does over a stretch of a session's timeline. */
export interface ClockAnimationSpec {
	readonly keyframes: Keyframe[];
	readonly durationMs: number;
	/** How often it repeats (Infinity: for as long as the session lasts). */
	readonly iterations?: number;
	/** Where on the session's timeline the animation's time 0 lies. */
	readonly atMs?: number;
}

/**
 * Sets an animation the browser runs by itself (transform and opacity: on the compositor, with
 * no script on any frame) from `spec`, made again only when the spec changes, and keeps it on
 * the session's timeline: `clock.originAtMs` is on performance.now()'s clock, which is also
 * the document timeline's, so the animation starts exactly when the engine says; paused, it
 * stands still at the engine's position. After a pause, a sleep or a skip, the engine's
 * origin moves and the animation follows. A null spec draws nothing.
 */
export function clockAnimation(
	spec: () => ClockAnimationSpec | null,
	clock: () => TimelineClock
): Attachment<HTMLElement> {
	return (element) => {
		$effect(() => {
			const current = spec();
			if (!current) return;
			const animation = element.animate(current.keyframes, {
				duration: current.durationMs,
				iterations: current.iterations ?? 1,
				fill: 'both'
			});
			animation.pause();
			// Only this inner effect follows the clock: the animation is made once.
			$effect(() => follow(animation, current.atMs ?? 0, clock()));
			return () => animation.cancel();
		});
	};
}

/** Starts, moves or pauses `animation` to where the clock says. */
function follow(animation: Animation, atMs: number, clock: TimelineClock): void {
	const { originAtMs } = clock;
	if (originAtMs === null) {
		animation.pause();
		animation.currentTime = clock.positionMs - atMs;
		return;
	}
	const startTime = originAtMs + atMs;
	// Already within a millisecond of the engine: setting it again would only make the browser
	// hand the animation to the compositor anew.
	if (animation.playState === 'running' && Math.abs(Number(animation.startTime) - startTime) < 1) {
		return;
	}
	animation.startTime = startTime;
}
