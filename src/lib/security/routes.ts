/**
 * Which screens work while the app is locked: breathing right now, the urge flow (it seals
 * what is typed without the PIN), help and quick exit. Crisis lines are never behind a lock.
 */
const OPEN_WHILE_LOCKED: ReadonlySet<string> = new Set(['/nu', '/drang', '/hulp', '/snel-weg']);

/** Whether a page (its path without the language prefix) needs the app unlocked. */
export function needsUnlock(pathname: string): boolean {
	const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
	return !OPEN_WHILE_LOCKED.has(path);
}

/**
 * Whether a page that needs unlocking may show its prerendered, public part while the lock
 * is still being read: only the home page, so "breathe now" is there at the first paint. It
 * reads nothing private until the lock is known (see routes/+page.svelte).
 */
export function publicUntilLockKnown(pathname: string): boolean {
	return pathname === '/' || pathname === '';
}

/** How long the app may stay hidden before it locks again. */
export const LOCK_AFTER_HIDDEN_MS = 5 * 60_000;
