/** Where quick exit goes: an ordinary weather site, in the app's language (also in src/app.html). */
export const NEUTRAL_URLS = {
	nl: 'https://www.buienradar.nl/',
	en: 'https://www.bbc.com/weather'
} as const;

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
 * What the app's tabs tell each other by, in localStorage (src/lib/device/other-tabs.ts
 * listens; also in src/app.html): a new mark on each lock, and a quick exit written and
 * removed at once. Nothing private: a mark is a time and a few random letters.
 */
export const LOCK_MARK_KEY = 'rustpunt:lock-mark';
export const QUICK_EXIT_KEY = 'rustpunt:quick-exit';

/**
 * Tells the app's other tabs to lock, and first to leave when `leave`. Here, not with the
 * listening code (which loads later): a tab just opened must reach the others too.
 */
export function tellOtherTabs(leave: boolean): void {
	try {
		const mark = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
		// Leave first: a tab told to lock first would close its exercise before saving it.
		if (leave) {
			localStorage.setItem(QUICK_EXIT_KEY, mark);
			localStorage.removeItem(QUICK_EXIT_KEY);
		}
		localStorage.setItem(LOCK_MARK_KEY, mark);
	} catch (error) {
		// Storage blocked or full must never stop this tab's own lock or exit.
		console.warn('Could not tell the other tabs', error);
	}
}

/**
 * Leaves the app at once: the page goes blank in the same tap, the other tabs are told (unless
 * one of them asked), a running exercise is stopped and saved (waiting at most
 * SAVE_BEFORE_EXIT_MS), and the page is replaced by a neutral site so that Back does not
 * return into the app. A second press while saving does nothing more; one after the page was
 * replaced replaces it again (Escape also stops a page from loading).
 */
export async function quickExit(neutralUrl: string, tell = true): Promise<void> {
	const root = document.documentElement;
	if (root.hasAttribute('data-left')) return window.location.replace(neutralUrl);
	if (root.classList.contains('quick-exit')) return;
	root.classList.add('quick-exit');
	document.title = '';
	if (tell) tellOtherTabs(true);
	try {
		// A hook that throws, even synchronously, must never keep the person here.
		const saving = Promise.allSettled([...hooks].map((hook) => Promise.resolve().then(hook)));
		await Promise.race([
			saving,
			new Promise((resolve) => setTimeout(resolve, SAVE_BEFORE_EXIT_MS))
		]);
	} finally {
		root.setAttribute('data-left', '');
		window.location.replace(neutralUrl);
	}
}
