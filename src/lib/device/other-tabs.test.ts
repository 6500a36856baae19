// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { preferences } from '../player/preferences.svelte';
import { quickExit } from '../safety/quick-exit';
import {
	announceLock,
	announceQuickExit,
	joinOtherTabs,
	LOCKED_AT_KEY,
	lockedSince,
	messageOf,
	QUICK_EXIT_KEY
} from './other-tabs';

describe('a message from another tab', () => {
	it('asks to lock when the lock time changes', () => {
		expect(messageOf(LOCKED_AT_KEY, '1700000000000')).toBe('lock');
	});

	it('asks to leave when quick exit was written', () => {
		expect(messageOf(QUICK_EXIT_KEY, '1700000000000')).toBe('quick-exit');
	});

	it('asks nothing on a removal, on clearing all storage or on the app’s other keys', () => {
		expect(messageOf(QUICK_EXIT_KEY, null)).toBeUndefined();
		expect(messageOf(LOCKED_AT_KEY, null)).toBeUndefined();
		expect(messageOf(null, null)).toBeUndefined();
		expect(messageOf('rustpunt:locale', 'en')).toBeUndefined();
	});
});

describe('a tab coming back', () => {
	it('locks when the app was locked elsewhere after this tab was unlocked', () => {
		expect(lockedSince('2000', 1000)).toBe(true);
		expect(lockedSince('1000', 1000)).toBe(true);
	});

	it('stays open when it was unlocked after the last lock', () => {
		expect(lockedSince('1000', 2000)).toBe(false);
	});

	it('stays as it is when no lock time is stored or the stored one is not a time', () => {
		expect(lockedSince(null, 0)).toBe(false);
		expect(lockedSince('', 0)).toBe(false);
		expect(lockedSince('soon', 0)).toBe(false);
	});
});

/** Runs quick exit without leaving the test page; returns where it would have gone. */
async function quickExitHere(run: () => Promise<unknown>): Promise<string[]> {
	const replaced: string[] = [];
	const location = window.location;
	Object.defineProperty(window, 'location', {
		value: { replace: (url: string) => replaced.push(url) },
		configurable: true
	});
	try {
		await run();
	} finally {
		Object.defineProperty(window, 'location', { value: location, configurable: true });
		document.documentElement.classList.remove('quick-exit');
	}
	return replaced;
}

describe('joining the other tabs', () => {
	let locks = 0;
	let leaves = 0;
	let unlockedAt = 0;
	let leave: () => void;
	const appLock = {
		lock: () => void locks++,
		get unlockedAt() {
			return unlockedAt;
		}
	};
	/** A change made by another tab, as the browser reports it here. */
	const fromOtherTab = (key: string, newValue: string | null) =>
		window.dispatchEvent(new StorageEvent('storage', { key, newValue }));
	const becomeVisible = () => {
		Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
		document.dispatchEvent(new Event('visibilitychange'));
	};

	beforeEach(() => {
		locks = leaves = unlockedAt = 0;
		localStorage.clear();
		leave = joinOtherTabs(appLock, () => void leaves++);
	});
	afterEach(() => leave());

	it('locks when another tab locks, and leaves when another tab leaves', () => {
		fromOtherTab(LOCKED_AT_KEY, '5000');
		expect(locks).toBe(1);
		fromOtherTab(QUICK_EXIT_KEY, '6000');
		fromOtherTab(QUICK_EXIT_KEY, null);
		expect(leaves).toBe(1);
	});

	it('leaves only once, however often it is asked', () => {
		fromOtherTab(QUICK_EXIT_KEY, '6000');
		fromOtherTab(QUICK_EXIT_KEY, '6001');
		expect(leaves).toBe(1);
	});

	it('on coming back, locks when another tab locked while this one was asleep', () => {
		unlockedAt = 1000;
		localStorage.setItem(LOCKED_AT_KEY, '900');
		becomeVisible();
		expect(locks).toBe(0);
		localStorage.setItem(LOCKED_AT_KEY, '1500');
		becomeVisible();
		expect(locks).toBe(1);
		window.dispatchEvent(new Event('pageshow'));
		expect(locks).toBe(2);
	});

	it('its own quick exit tells the others and leaves the lock time, nothing else', async () => {
		const replaced = await quickExitHere(() =>
			Promise.all([quickExit('https://example.org/'), quickExit('https://example.org/')])
		);
		// Pressed twice, left once.
		expect(replaced).toEqual(['https://example.org/']);
		expect(Number(localStorage.getItem(LOCKED_AT_KEY))).toBeGreaterThan(0);
		expect(localStorage.getItem(QUICK_EXIT_KEY)).toBeNull();
		expect(Object.keys(localStorage)).toEqual([LOCKED_AT_KEY]);
	});

	it('a quick exit asked by another tab is not announced again', async () => {
		fromOtherTab(QUICK_EXIT_KEY, '6000');
		await quickExitHere(() => quickExit('https://example.org/'));
		expect(localStorage.getItem(LOCKED_AT_KEY)).toBeNull();
	});
});

describe('announcing', () => {
	beforeEach(() => localStorage.clear());

	it('"lock now" stores only the time of the lock', () => {
		announceLock(1234);
		expect({ ...localStorage }).toEqual({ [LOCKED_AT_KEY]: '1234' });
	});

	it('quick exit leaves only the time of the lock behind', () => {
		announceQuickExit(1234);
		expect({ ...localStorage }).toEqual({ [LOCKED_AT_KEY]: '1234' });
	});
});

describe('the lock time', () => {
	it('never travels in an export and is never restored from one', async () => {
		localStorage.clear();
		localStorage.setItem('rustpunt:locale', 'en');
		announceQuickExit(1234);
		expect(preferences.snapshot()).toEqual({ 'rustpunt:locale': 'en' });
		localStorage.clear();
		await preferences.restore({ [LOCKED_AT_KEY]: '99999999999999' });
		expect(localStorage.getItem(LOCKED_AT_KEY)).toBeNull();
	});
});
