/**
 * The app's other open tabs in the same browser: "lock now" and quick exit in one tab reach
 * them all. This is the listening side, loaded lazily (from AppLock.start()), so "breathe
 * now" carries none of it; the telling side is small and lives with quick exit.
 *
 * Carried by localStorage rather than BroadcastChannel: a tab that is frozen or asleep misses
 * any live message, so a mark of the lock has to be stored anyway, and writing it is at once
 * the live message (the `storage` event fires in every other tab of the origin). One mechanism
 * instead of two; and the event never comes back to the tab that wrote, so tabs cannot echo
 * each other. The mark is new on every lock (not a time), so no clock can make it look old.
 */
import { getLocale } from '../paraglide/runtime';
import { quickExit } from '../safety/quick-exit';
import { readStored } from './local-storage';
import { STORAGE_KEYS } from './storage-keys';

/** What another tab asks of this one. */
export type TabMessage = 'lock' | 'quick-exit';

/** What a `storage` event from another tab asks, if anything (a removal asks nothing). */
export function messageOf(key: string | null, newValue: string | null): TabMessage | undefined {
	if (newValue === null) return undefined;
	if (key === STORAGE_KEYS.lockMark) return 'lock';
	if (key === STORAGE_KEYS.quickExit) return 'quick-exit';
	return undefined;
}

/** The stored mark of the last lock (null when none, or storage is blocked). */
function storedMark(): string | null {
	return readStored(STORAGE_KEYS.lockMark);
}

/** This tab among the others. */
export interface JoinedTabs {
	/** Says this tab was unlocked now: only a lock after this one locks it again. */
	unlocked(): void;
	/** Stops listening. */
	stop(): void;
}

/**
 * Joins this tab to the others: it locks or leaves when another tab says so, and on coming
 * back (visible again, or restored from the back-forward cache) locks when another tab locked
 * since it was unlocked. A tab asked to leave does not tell the others again.
 */
export function joinOtherTabs(
	lock: () => void,
	leave: () => void = () => void quickExit(getLocale(), false)
): JoinedTabs {
	let seen = storedMark();
	const onStorage = (event: StorageEvent) => {
		const message = messageOf(event.key, event.newValue);
		if (message === 'quick-exit') leave();
		if (message === 'lock') {
			seen = event.newValue;
			lock();
		}
	};
	const onReturn = () => {
		if (document.visibilityState === 'hidden') return;
		const mark = storedMark();
		if (mark === seen) return;
		seen = mark;
		lock();
	};
	addEventListener('storage', onStorage);
	addEventListener('pageshow', onReturn);
	document.addEventListener('visibilitychange', onReturn);
	return {
		unlocked: () => {
			seen = storedMark();
		},
		stop: () => {
			removeEventListener('storage', onStorage);
			removeEventListener('pageshow', onReturn);
			document.removeEventListener('visibilitychange', onReturn);
		}
	};
}
