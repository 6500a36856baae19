/**
 * Slowing down wrong PINs. The count and the next moment a try is allowed are stored
 * (settings key `lockAttempts`), so reloading the page does not skip the wait. Nothing is
 * ever wiped after wrong tries: forgetting is human, and losing the journal would be cruel.
 */

/** Stored after a wrong try. Epoch ms. */
export interface LockAttempts {
	failures: number;
	nextAllowedAt: number;
}

export const NO_ATTEMPTS: LockAttempts = { failures: 0, nextAllowedAt: 0 };

/** Wrong tries that cost nothing: a typo or two, and a third chance. */
const FREE_FAILURES = 3;
const FIRST_WAIT_MS = 30_000;
/** The wait never grows beyond this: long enough to stop guessing, short enough to be kind. */
export const MAX_WAIT_MS = 15 * 60_000;

/** How long to wait after `failures` wrong tries in a row: 0, 0, 0, 30 s, 1 min, 2 min, … 15 min. */
export function waitAfter(failures: number): number {
	if (failures < FREE_FAILURES) return 0;
	return Math.min(FIRST_WAIT_MS * 2 ** (failures - FREE_FAILURES), MAX_WAIT_MS);
}

/** The attempts after one more wrong try at `nowMs`. */
export function afterFailure(attempts: LockAttempts, nowMs: number): LockAttempts {
	const failures = attempts.failures + 1;
	return { failures, nextAllowedAt: nowMs + waitAfter(failures) };
}

/** Milliseconds until the next try is allowed (0 when it is allowed now). */
export function waitLeft(attempts: LockAttempts, nowMs: number): number {
	// A next moment further away than the longest wait means a clock set back: allow it from
	// the longest wait on, never lock the person out for longer.
	return Math.max(0, Math.min(attempts.nextAllowedAt - nowMs, MAX_WAIT_MS));
}

/** True for stored attempts this code can use. */
export function isLockAttempts(value: unknown): value is LockAttempts {
	if (typeof value !== 'object' || value === null) return false;
	const r = value as Record<string, unknown>;
	return (
		typeof r.failures === 'number' &&
		Number.isInteger(r.failures) &&
		r.failures >= 0 &&
		typeof r.nextAllowedAt === 'number' &&
		Number.isFinite(r.nextAllowedAt)
	);
}
