/**
 * Runs `work` when the browser is idle, never before the first frame; where the browser has
 * no requestIdleCallback (Safari), after `fallbackMs`. `timeoutMs` caps the wait for idle.
 */
export function whenIdle(work: () => void, fallbackMs = 200, timeoutMs?: number): void {
	if (typeof window.requestIdleCallback === 'function') {
		window.requestIdleCallback(work, timeoutMs === undefined ? undefined : { timeout: timeoutMs });
	} else {
		setTimeout(work, fallbackMs);
	}
}
