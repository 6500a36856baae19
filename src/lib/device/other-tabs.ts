/**
 * The app's other open tabs in the same browser: "lock now" and quick exit in one tab reach
 * them all. Loaded lazily (from AppLock.start()), so "breathe now" carries none of it.
 *
 * Carried by localStorage rather than BroadcastChannel: a tab that is frozen or asleep misses
 * any live message, so the time of the lock has to be stored anyway, and writing it is at once
 * the live message (the `storage` event fires in every other tab of the origin). One mechanism
 * instead of two, in every browser the app runs in; and the event never comes back to the tab
 * that wrote, so tabs cannot echo each other.
 */
import { getLocale } from '../paraglide/runtime';
import { beforeQuickExit, NEUTRAL_URLS, quickExit } from '../safety/quick-exit';

/** When the app was last locked on purpose: a time in epoch ms, nothing private. */
export const LOCKED_AT_KEY = 'rustpunt:locked-at';
/** Written and removed at once: only the event travels, nothing stays stored. */
export const QUICK_EXIT_KEY = 'rustpunt:quick-exit';

/** What another tab asks of this one. */
export type TabMessage = 'lock' | 'quick-exit';

/** What a `storage` event from another tab asks, if anything (a removal asks nothing). */
export function messageOf(key: string | null, newValue: string | null): TabMessage | undefined {
	if (newValue === null) return undefined;
	if (key === LOCKED_AT_KEY) return 'lock';
	if (key === QUICK_EXIT_KEY) return 'quick-exit';
	return undefined;
}

/** Whether the stored lock time (`marker`) is at or after `unlockedAtMs`: then lock here too. */
export function lockedSince(marker: string | null, unlockedAtMs: number): boolean {
	if (marker === null || marker === '') return false;
	const lockedAtMs = Number(marker);
	return Number.isFinite(lockedAtMs) && lockedAtMs >= unlockedAtMs;
}

/** Runs a storage write; storage that is blocked or full must never stop a lock or an exit. */
function tryStorage(write: () => void): void {
	try {
		write();
	} catch (error) {
		console.warn('Could not tell the other tabs', error);
	}
}

/** Tells the other tabs to lock, and leaves the time for tabs that are asleep now. */
export function announceLock(nowMs: number): void {
	tryStorage(() => localStorage.setItem(LOCKED_AT_KEY, String(nowMs)));
}

/** Tells the other tabs to leave too (and to lock, should one of them miss it). */
export function announceQuickExit(nowMs: number): void {
	announceLock(nowMs);
	tryStorage(() => {
		localStorage.setItem(QUICK_EXIT_KEY, String(nowMs));
		localStorage.removeItem(QUICK_EXIT_KEY);
	});
}

/** The app lock as this module sees it. */
export interface TabLock {
	/** Forgets the key in this tab. */
	lock(): void;
	/** When this tab was last unlocked (epoch ms; 0 when never). */
	readonly unlockedAt: number;
}

/**
 * Joins this tab to the others: it locks or leaves when another tab says so, says so itself
 * on quick exit, and on coming back (visible again, or restored from the back-forward cache)
 * locks when a lock happened elsewhere after it was unlocked. Returns an undo.
 */
export function joinOtherTabs(
	appLock: TabLock,
	leave: () => void = () => void quickExit(NEUTRAL_URLS[getLocale()])
): () => void {
	// Set when another tab asked this one to leave: then this tab does not ask again.
	let asked = false;
	const onStorage = (event: StorageEvent) => {
		const message = messageOf(event.key, event.newValue);
		if (message === 'lock') appLock.lock();
		if (message === 'quick-exit' && !asked) {
			asked = true;
			leave();
		}
	};
	const onReturn = () => {
		if (document.visibilityState === 'hidden') return;
		let marker: string | null = null;
		tryStorage(() => (marker = localStorage.getItem(LOCKED_AT_KEY)));
		if (lockedSince(marker, appLock.unlockedAt)) appLock.lock();
	};
	const undoExitHook = beforeQuickExit(() => {
		if (!asked) announceQuickExit(Date.now());
	});
	addEventListener('storage', onStorage);
	addEventListener('pageshow', onReturn);
	document.addEventListener('visibilitychange', onReturn);
	return () => {
		undoExitHook();
		removeEventListener('storage', onStorage);
		removeEventListener('pageshow', onReturn);
		document.removeEventListener('visibilitychange', onReturn);
	};
}
