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

/** Pages whose prerendered part is public: they read nothing private until the lock is known. */
const PUBLIC_UNTIL_LOCK_KNOWN: ReadonlySet<string> = new Set(['', '/', '/oefeningen']);

/**
 * Whether a page that needs unlocking may show its prerendered, public part while the lock
 * is still being read: the home page, so "breathe now" is there at the first paint, and the
 * list of exercises, which its groups on the home page link into. Both read nothing private
 * (own patterns, recent sessions) until the lock is known to be off or open.
 */
export function publicUntilLockKnown(pathname: string): boolean {
	return PUBLIC_UNTIL_LOCK_KNOWN.has(pathname);
}

/** How long the app may stay hidden before it locks again. */
export const LOCK_AFTER_HIDDEN_MS = 5 * 60_000;
