import { isCrisisPath } from './crisis-page';

/**
 * On a crisis page opened as a page ("breathe now" from the home screen icon, a shortcut, a
 * reload), the first breaths are the pacer's alone: idle work waits this long after the page
 * began. Whatever is needed at once (storage on quick exit, sound on a touch) does not wait.
 */
export const FIRST_BREATHS_MS = 5000;

/** Whether this document began on a crisis page (an app that came from elsewhere did not). */
const beganOnCrisisPage = typeof location !== 'undefined' && isCrisisPath(location.pathname);

/**
 * Runs `work` when the browser is idle, never before the first frame, and on a crisis page
 * never in its first breaths; where the browser has no requestIdleCallback (Safari), after
 * `fallbackMs`. `timeoutMs` caps the wait for idle.
 */
export function whenIdle(work: () => void, fallbackMs = 200, timeoutMs?: number): void {
	const calmLeftMs = beganOnCrisisPage ? FIRST_BREATHS_MS - performance.now() : 0;
	if (calmLeftMs > 0) {
		setTimeout(() => whenIdle(work, fallbackMs, timeoutMs), calmLeftMs);
	} else if (typeof window.requestIdleCallback === 'function') {
		window.requestIdleCallback(work, timeoutMs === undefined ? undefined : { timeout: timeoutMs });
	} else {
		setTimeout(work, fallbackMs);
	}
}
