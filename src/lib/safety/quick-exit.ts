/** Where quick exit goes: an ordinary weather site, in the app's language. */
export const NEUTRAL_URLS = {
	nl: 'https://www.buienradar.nl/',
	en: 'https://www.bbc.com/weather'
} as const;

/** How long quick exit waits for a running exercise to be saved before leaving anyway. */
export const SAVE_BEFORE_EXIT_MS = 300;

/** Three presses of the same key within this time mean "get me out". */
export const TRIPLE_PRESS_WINDOW_MS = 2000;

type ExitHook = () => Promise<void> | void;
const hooks = new Set<ExitHook>();

/** Registers work to do before quick exit (stopping and saving an exercise); returns an undo. */
export function beforeQuickExit(hook: ExitHook): () => void {
	hooks.add(hook);
	return () => hooks.delete(hook);
}

/**
 * Leaves the app at once: the page goes blank in the same tap, a running exercise is stopped
 * and saved (waiting at most SAVE_BEFORE_EXIT_MS), and the page is replaced by a neutral site
 * so that Back does not return into the app.
 */
export async function quickExit(neutralUrl: string): Promise<void> {
	document.documentElement.classList.add('quick-exit');
	document.title = '';
	const saving = Promise.allSettled([...hooks].map((hook) => hook()));
	await Promise.race([saving, new Promise((resolve) => setTimeout(resolve, SAVE_BEFORE_EXIT_MS))]);
	window.location.replace(neutralUrl);
}

/**
 * Recognises the same key pressed three times within TRIPLE_PRESS_WINDOW_MS (Shift or
 * Escape), as the GOV.UK "exit this page" pattern does. Held-down repeats do not count.
 */
export function createTriplePressDetector(keys: readonly string[]) {
	let key = '';
	let times: number[] = [];
	return (event: { key: string; repeat: boolean; timeStamp: number }): boolean => {
		if (event.repeat || !keys.includes(event.key)) return false;
		if (event.key !== key) {
			key = event.key;
			times = [];
		}
		times = [...times, event.timeStamp].filter(
			(t) => event.timeStamp - t <= TRIPLE_PRESS_WINDOW_MS
		);
		if (times.length < 3) return false;
		times = [];
		return true;
	};
}
