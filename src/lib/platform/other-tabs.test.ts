// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { preferences } from '../player/preferences.svelte';
import {
	NEUTRAL_ANSWER_MS,
	NEUTRAL_URLS,
	OFFLINE_NEUTRAL_PATHS,
	quickExit,
	tellOtherTabs
} from '../safety/quick-exit';
import { joinOtherTabs, messageOf, type JoinedTabs } from './other-tabs';
import { STORAGE_KEYS } from './storage-keys';

const { lockMark: LOCK_MARK_KEY, quickExit: QUICK_EXIT_KEY } = STORAGE_KEYS;

describe('a message from another tab', () => {
	it('asks to lock when the lock mark changes', () => {
		expect(messageOf(LOCK_MARK_KEY, '1700000000000-abc')).toBe('lock');
	});

	it('asks to leave when quick exit was written', () => {
		expect(messageOf(QUICK_EXIT_KEY, '1700000000000-abc')).toBe('quick-exit');
	});

	it('asks nothing on a removal, on clearing all storage or on the app’s other keys', () => {
		expect(messageOf(QUICK_EXIT_KEY, null)).toBeUndefined();
		expect(messageOf(LOCK_MARK_KEY, null)).toBeUndefined();
		expect(messageOf(null, null)).toBeUndefined();
		expect(messageOf('rustpunt:locale', 'en')).toBeUndefined();
	});
});

/** Runs quick exit without leaving the test page; returns where it would have gone. */
async function quickExitHere(
	run: () => Promise<unknown>,
	weatherSite: typeof fetch = () => Promise.resolve(new Response(null))
): Promise<string[]> {
	const replaced: string[] = [];
	vi.stubGlobal('fetch', weatherSite);
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
		document.documentElement.removeAttribute('data-left');
		vi.unstubAllGlobals();
	}
	return replaced;
}

/** The keys written to localStorage, in order, while `run` runs. */
function writesDuring(run: () => void): string[] {
	const writes: string[] = [];
	vi.stubGlobal('localStorage', {
		setItem: (key: string) => writes.push(key),
		removeItem: () => undefined,
		getItem: () => null
	});
	try {
		run();
	} finally {
		vi.unstubAllGlobals();
	}
	return writes;
}

describe('joining the other tabs', () => {
	let locks = 0;
	let leaves = 0;
	let tabs: JoinedTabs;
	/** A change made by another tab: stored, and reported here as the browser does. */
	const fromOtherTab = (key: string, newValue: string | null) => {
		if (newValue === null) localStorage.removeItem(key);
		else localStorage.setItem(key, newValue);
		window.dispatchEvent(new StorageEvent('storage', { key, newValue }));
	};
	const becomeVisible = () => {
		Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
		document.dispatchEvent(new Event('visibilitychange'));
	};

	beforeEach(() => {
		locks = leaves = 0;
		localStorage.clear();
		tabs = joinOtherTabs(
			() => void locks++,
			() => void leaves++
		);
	});
	afterEach(() => tabs.stop());

	it('locks when another tab locks, and leaves when another tab leaves', () => {
		fromOtherTab(LOCK_MARK_KEY, 'a');
		expect(locks).toBe(1);
		fromOtherTab(QUICK_EXIT_KEY, 'b');
		fromOtherTab(QUICK_EXIT_KEY, null);
		expect(leaves).toBe(1);
	});

	it('on coming back, locks when another tab locked while this one was asleep, once', () => {
		becomeVisible();
		expect(locks).toBe(0);
		// Written while this tab was frozen: no event came.
		localStorage.setItem(LOCK_MARK_KEY, 'while-asleep');
		becomeVisible();
		expect(locks).toBe(1);
		window.dispatchEvent(new Event('pageshow'));
		expect(locks).toBe(1);
	});

	it('stays open on coming back when it was unlocked after the last lock elsewhere', () => {
		localStorage.setItem(LOCK_MARK_KEY, 'before');
		tabs.unlocked();
		becomeVisible();
		window.dispatchEvent(new Event('pageshow'));
		expect(locks).toBe(0);
	});
});

describe('telling the other tabs', () => {
	beforeEach(() => localStorage.clear());

	it('"lock now" writes a new mark each time, and nothing else', () => {
		expect(writesDuring(() => tellOtherTabs(false))).toEqual([LOCK_MARK_KEY]);
		tellOtherTabs(false);
		const first = localStorage.getItem(LOCK_MARK_KEY);
		tellOtherTabs(false);
		expect(localStorage.getItem(LOCK_MARK_KEY)).not.toBe(first);
		expect(Object.keys(localStorage)).toEqual([LOCK_MARK_KEY]);
	});

	it('quick exit asks the others to leave before it asks them to lock, and leaves only the mark', () => {
		expect(writesDuring(() => tellOtherTabs(true))).toEqual([QUICK_EXIT_KEY, LOCK_MARK_KEY]);
		tellOtherTabs(true);
		expect(Object.keys(localStorage)).toEqual([LOCK_MARK_KEY]);
	});

	it('storage that refuses to write never stops the exit', async () => {
		vi.stubGlobal('localStorage', {
			setItem: () => {
				throw new DOMException('full', 'QuotaExceededError');
			},
			removeItem: () => undefined
		});
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
		try {
			expect(await quickExitHere(() => quickExit('nl'))).toEqual([NEUTRAL_URLS.nl]);
			expect(warn).toHaveBeenCalled();
		} finally {
			vi.unstubAllGlobals();
			warn.mockRestore();
		}
	});
});

describe('quick exit in this tab', () => {
	beforeEach(() => localStorage.clear());

	it('tells the others, and pressed twice while saving, leaves once', async () => {
		const replaced = await quickExitHere(() => Promise.all([quickExit('nl'), quickExit('nl')]));
		expect(replaced).toEqual([NEUTRAL_URLS.nl]);
		expect(localStorage.getItem(LOCK_MARK_KEY)).not.toBeNull();
	});

	it('pressed again after the page was replaced (and the load stopped), replaces it again', async () => {
		const replaced = await quickExitHere(async () => {
			await quickExit('nl');
			await quickExit('nl');
		});
		expect(replaced).toEqual([NEUTRAL_URLS.nl, NEUTRAL_URLS.nl]);
	});

	it('asked by another tab, does not tell the others again', async () => {
		await quickExitHere(() => quickExit('nl', false));
		expect(localStorage.getItem(LOCK_MARK_KEY)).toBeNull();
	});
});

describe('where quick exit goes', () => {
	it('goes to the weather site in the app’s language when it answers', async () => {
		expect(await quickExitHere(() => quickExit('en'))).toEqual([NEUTRAL_URLS.en]);
	});

	it('goes to the plain notes page when the weather site cannot be reached', async () => {
		const offline = () => Promise.reject(new TypeError('Failed to fetch'));
		expect(await quickExitHere(() => quickExit('nl'), offline)).toEqual([OFFLINE_NEUTRAL_PATHS.nl]);
	});

	it('does not ask the weather site when the phone says it is offline', async () => {
		const weatherSite = vi.fn(() => Promise.resolve(new Response(null)));
		vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
		try {
			expect(await quickExitHere(() => quickExit('en'), weatherSite)).toEqual([
				OFFLINE_NEUTRAL_PATHS.en
			]);
			expect(weatherSite).not.toHaveBeenCalled();
		} finally {
			vi.restoreAllMocks();
		}
	});

	it('goes to the notes page when the weather site does not answer in time', async () => {
		const silent = (_url: RequestInfo | URL, init?: RequestInit) =>
			new Promise<Response>((_resolve, reject) =>
				init?.signal?.addEventListener('abort', () => reject(new DOMException('', 'AbortError')))
			);
		const started = performance.now();
		expect(await quickExitHere(() => quickExit('nl'), silent)).toEqual([OFFLINE_NEUTRAL_PATHS.nl]);
		expect(performance.now() - started).toBeLessThan(NEUTRAL_ANSWER_MS + 500);
	});
});

describe('the lock mark', () => {
	it('never travels in an export and is never restored from one', async () => {
		localStorage.clear();
		localStorage.setItem('rustpunt:locale', 'en');
		tellOtherTabs(true);
		expect(preferences.snapshot()).toEqual({ 'rustpunt:locale': 'en' });
		localStorage.clear();
		await preferences.restore({ [LOCK_MARK_KEY]: 'x', [QUICK_EXIT_KEY]: 'y' });
		expect(localStorage.getItem(LOCK_MARK_KEY)).toBeNull();
		expect(localStorage.getItem(QUICK_EXIT_KEY)).toBeNull();
	});
});
