import { STORAGE_KEYS } from '../platform/storage-keys';

/** Where quick exit goes: an ordinary weather site, in the app's language (also in src/app.html). */
export const NEUTRAL_URLS = {
	nl: 'https://www.buienradar.nl/',
	en: 'https://www.bbc.com/weather'
} as const;

/**
 * Where quick exit goes when the weather site cannot be reached (airplane mode, no answer in
 * NEUTRAL_ANSWER_MS): a plain notes page of the app's own origin, precached, that names nothing
 * of the app and links nowhere (static/notities.html, static/notes.html; also in src/app.html).
 */
export const OFFLINE_NEUTRAL_PATHS = {
	nl: '/notities.html',
	en: '/notes.html'
} as const;

/** How long the weather site may take to answer before quick exit goes to the notes page. */
export const NEUTRAL_ANSWER_MS = 1200;

export type ExitLocale = keyof typeof NEUTRAL_URLS;

/** How long quick exit waits for a running exercise to be saved before leaving anyway. */
export const SAVE_BEFORE_EXIT_MS = 300;

type ExitHook = () => Promise<void> | void;
const hooks = new Set<ExitHook>();

/** Registers work to do before quick exit (stopping and saving an exercise); returns an undo. */
export function beforeQuickExit(hook: ExitHook): () => void {
	hooks.add(hook);
	return () => hooks.delete(hook);
}

/**
 * Tells the app's other tabs to lock, and first to leave when `leave`. Here, not with the
 * listening code (which loads later): a tab just opened must reach the others too. They are
 * told in localStorage (src/lib/platform/other-tabs.ts listens; also in src/app.html): a new
 * mark on each lock, and a quick exit written and removed at once. Nothing private: a mark is
 * a time and a few random letters.
 */
export function tellOtherTabs(leave: boolean): void {
	try {
		const mark = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
		// Leave first: a tab told to lock first would close its exercise before saving it.
		if (leave) {
			localStorage.setItem(STORAGE_KEYS.quickExit, mark);
			localStorage.removeItem(STORAGE_KEYS.quickExit);
		}
		localStorage.setItem(STORAGE_KEYS.lockMark, mark);
	} catch (error) {
		// Storage blocked or full must never stop this tab's own lock or exit. (Written here
		// rather than through platform/local-storage.ts: one failure skips the rest, and is told.)
		console.warn('Could not tell the other tabs', error);
	}
}

/**
 * Whether the weather site answers within `withinMs`: asked with a bare HEAD request (no
 * cookies, no referrer), skipped when the phone says it is offline.
 */
async function answers(url: string, withinMs: number): Promise<boolean> {
	if (navigator.onLine === false) return false;
	const controller = new AbortController();
	const timer = setTimeout(() => controller.abort(), withinMs);
	try {
		await fetch(url, {
			method: 'HEAD',
			mode: 'no-cors',
			cache: 'no-store',
			credentials: 'omit',
			referrerPolicy: 'no-referrer',
			signal: controller.signal
		});
		return true;
	} catch {
		return false;
	} finally {
		clearTimeout(timer);
	}
}

/** The page quick exit last went to, for a second press after the page was replaced. */
let destination: string | undefined;

/**
 * Whether quick exit is leaving this page (its mark on <html>, also set by src/app.html's early
 * quick exit): nothing new starts, and the blank title stays.
 */
export function quickExitUnderway(): boolean {
	return document.documentElement.classList.contains('quick-exit');
}

/**
 * Leaves the app at once: the page goes blank in the same tap, the other tabs are told (unless
 * one of them asked), a running exercise is stopped and saved (waiting at most
 * SAVE_BEFORE_EXIT_MS) while the weather site is asked whether it answers, and the page is
 * replaced by that site, or offline by the plain notes page, so that Back does not return into
 * the app. A second press while leaving does nothing more; one after the page was replaced
 * replaces it again (Escape also stops a page from loading).
 */
export async function quickExit(locale: ExitLocale, tell = true): Promise<void> {
	const root = document.documentElement;
	if (root.hasAttribute('data-left') && destination) return window.location.replace(destination);
	if (quickExitUnderway()) return;
	root.classList.add('quick-exit');
	document.title = '';
	if (tell) tellOtherTabs(true);
	let url: string = OFFLINE_NEUTRAL_PATHS[locale];
	try {
		const online = answers(NEUTRAL_URLS[locale], NEUTRAL_ANSWER_MS).then((yes) => {
			if (yes) url = NEUTRAL_URLS[locale];
		});
		// A hook that throws, even synchronously, must never keep the person here.
		const saving = Promise.allSettled([...hooks].map((hook) => Promise.resolve().then(hook)));
		await Promise.all([
			online,
			Promise.race([saving, new Promise((resolve) => setTimeout(resolve, SAVE_BEFORE_EXIT_MS))])
		]);
	} finally {
		destination = url;
		root.setAttribute('data-left', '');
		window.location.replace(url);
	}
}
